#pragma once

#include "PagedTableModel.h"

// The users of one organization (v2 ListUsers), 100 per page, searched and sorted on the
// server. With a million users only the pages the view scrolled to are held.
class UserTableModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DisplayNameColumn,
        UserNameColumn,
        EmailColumn,
        PhoneColumn,
        StateColumn,
        TypeColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        VerifiedRole, // email/phone columns: true, false, or invalid when there is no address
    };
    static constexpr quint32 PageSize = 100;

    explicit UserTableModel(ZitadelClient* client, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Sorting happens on the server; columns it cannot sort by keep the current order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Each setter reloads; an empty organization clears the table.
    void setOrganization(const QString& organizationId);
    void setSearch(const QString& text);
    QString organizationId() const { return m_query.organizationId; }
    QString search() const { return m_query.search; }

    const User* userAt(int row) const;
    int rowOfId(const QString& id) const; // -1 when not loaded
    // Puts a fresher copy of a loaded user in place (after a resend bumped its sequence).
    void updateUser(const User& user);

protected:
    int loadedRows() const override { return m_rows.size(); }
    void dropRows() override { m_rows.clear(); }
    ApiCall* requestPage(quint64 offset, quint32 limit) override;

private:
    void reloadOrClear();

    QList<User> m_rows;
    UserQuery m_query;
};
