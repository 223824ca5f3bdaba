#pragma once

#include "Exchange.h"
#include "JsonColors.h"

#include <QAbstractTableModel>
#include <QList>

// Every exchange the client reported, newest first (row 0), like a browser's network panel.
// Grows by single-row inserts at the top and drops the oldest rows at the bottom beyond
// capacity(); only clear() resets, so views keep their selection while requests stream in.
class ExchangeHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        DurationColumn,
        OperationColumn,
        ColumnCount
    };

    enum Role
    {
        ExchangeIdRole = Qt::UserRole + 1, // quint64
    };

    static constexpr int DefaultCapacity = 2000;

    explicit ExchangeHistoryModel(QObject* parent = nullptr);

    void add(ExchangePtr exchange);
    ExchangePtr at(int row) const;
    // Row 0 of the newest exchange with this id; invalid when it is unknown or was dropped.
    QModelIndex indexOfId(quint64 id) const;
    void clear();

    int capacity() const { return m_capacity; }
    // Tests lower it to exercise the cap cheaply; shrinking drops the oldest rows at once.
    void setCapacity(int capacity);
    // Error colours follow the palette so they read on dark themes too.
    void setPalette(const QPalette& palette);
    // Paths and tooltips with email addresses and phone numbers masked (PersonalDataMask).
    void setMaskPersonalData(bool mask);
    bool masksPersonalData() const { return m_mask; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void trimToCapacity();
    QVariant display(const Exchange& exchange, int column) const;
    QVariant toolTip(const Exchange& exchange, int column) const;
    QString shown(const QString& text) const;

    QList<ExchangePtr> m_exchanges; // newest first
    int m_capacity = DefaultCapacity;
    JsonColors m_colors;
    bool m_mask = false;
};
