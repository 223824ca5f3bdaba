#include "JsonRecordModel.h"

JsonRecordModel::JsonRecordModel(QList<JsonColumn> columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns))
{ }

int JsonRecordModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int JsonRecordModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant JsonRecordModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject& record = m_records.at(index.row());
    if (role == RecordRole)
        return record;
    if (role == IdRole)
        return idOf(record);
    return m_columns.at(index.column()).data(record, role);
}

QVariant JsonRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_columns.size())
        return {};
    return m_columns.at(section).title;
}

QJsonObject JsonRecordModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? m_records.at(row) : QJsonObject();
}

int JsonRecordModel::rowOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (idOf(m_records.at(i)) == id)
            return int(i);
    }
    return -1;
}

QString JsonRecordModel::idOf(const QJsonObject& record)
{
    return record.value(QLatin1String("id")).toString();
}

qsizetype JsonRecordModel::prependedCount(const QList<QJsonObject>& next) const
{
    if (m_records.isEmpty())
        return -1;
    const QString firstOld = idOf(m_records.first());
    qsizetype added = -1;
    for (qsizetype i = 0; i < next.size(); ++i) {
        if (idOf(next.at(i)) == firstOld) {
            added = i;
            break;
        }
    }
    if (added < 0)
        return -1;
    // Below the new records, the old ones in the same order; a capped log may drop its oldest.
    const qsizetype kept = next.size() - added;
    if (kept > m_records.size())
        return -1;
    for (qsizetype i = 0; i < kept; ++i) {
        if (idOf(next.at(added + i)) != idOf(m_records.at(i)))
            return -1;
    }
    return added;
}

void JsonRecordModel::setRecords(const QJsonArray& records)
{
    QList<QJsonObject> next;
    next.reserve(records.size());
    for (const QJsonValue& value : records)
        next.append(value.toObject());

    const qsizetype added = prependedCount(next);
    if (added < 0) {
        beginResetModel();
        m_records = std::move(next);
        endResetModel();
        return;
    }
    const qsizetype kept = next.size() - added;
    if (kept < m_records.size()) {
        beginRemoveRows(QModelIndex(), int(kept), int(m_records.size() - 1));
        m_records.resize(kept);
        endRemoveRows();
    }
    if (added > 0) {
        beginInsertRows(QModelIndex(), 0, int(added - 1));
        m_records = next.mid(0, added) + m_records;
        endInsertRows();
    }
    for (qsizetype i = added; i < next.size(); ++i) {
        if (m_records.at(i) != next.at(i)) {
            m_records[i] = next.at(i);
            emit dataChanged(index(int(i), 0), index(int(i), columnCount() - 1));
        }
    }
}
