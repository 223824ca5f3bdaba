#pragma once

#include "PagedTableModel.h"

// The organizations the token can see (v2 ListOrganizations), filtered by name on the
// server and paged in 20 at a time like ZITADEL Console's switcher.
class OrganizationListModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        DomainColumn,
        StateColumn,
        IdColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
    };
    static constexpr quint32 PageSize = 20;

    explicit OrganizationListModel(ZitadelClient* client, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Sets the name filter and reloads (callers debounce typing).
    void setNameFilter(const QString& text);
    QString nameFilter() const { return m_nameFilter; }

    const Organization* organizationAt(int row) const;
    int rowOfId(const QString& id) const; // -1 when not loaded

protected:
    int loadedRows() const override { return m_rows.size(); }
    void dropRows() override { m_rows.clear(); }
    ApiCall* requestPage(quint64 offset, quint32 limit) override;

private:
    QList<Organization> m_rows;
    QString m_nameFilter;
};
