#include "ExchangeHistoryModel.h"

#include "ExchangeFormat.h"
#include "PersonalDataMask.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

ExchangeHistoryModel::ExchangeHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_colors(JsonColors::forPalette(QGuiApplication::palette()))
{ }

void ExchangeHistoryModel::add(ExchangePtr exchange)
{
    if (!exchange)
        return;
    beginInsertRows({}, 0, 0);
    m_exchanges.prepend(std::move(exchange));
    endInsertRows();
    trimToCapacity();
}

ExchangePtr ExchangeHistoryModel::at(int row) const
{
    if (row < 0 || row >= m_exchanges.size())
        return {};
    return m_exchanges.at(row);
}

QModelIndex ExchangeHistoryModel::indexOfId(quint64 id) const
{
    // A linear scan over at most capacity() rows is cheap, and ids from two clients may
    // repeat, in which case the newest one wins.
    for (int row = 0; row < m_exchanges.size(); ++row) {
        if (m_exchanges.at(row)->id == id)
            return index(row, 0);
    }
    return {};
}

void ExchangeHistoryModel::clear()
{
    beginResetModel();
    m_exchanges.clear();
    endResetModel();
}

void ExchangeHistoryModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    trimToCapacity();
}

void ExchangeHistoryModel::setPalette(const QPalette& palette)
{
    m_colors = JsonColors::forPalette(palette);
    if (!m_exchanges.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

void ExchangeHistoryModel::setMaskPersonalData(bool mask)
{
    if (m_mask == mask)
        return;
    m_mask = mask;
    if (!m_exchanges.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

QString ExchangeHistoryModel::shown(const QString& text) const
{
    return m_mask ? PersonalDataMask::maskText(text) : text;
}

void ExchangeHistoryModel::trimToCapacity()
{
    const int count = int(m_exchanges.size());
    if (count <= m_capacity)
        return;
    beginRemoveRows({}, m_capacity, count - 1);
    m_exchanges.resize(m_capacity);
    endRemoveRows();
}

int ExchangeHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_exchanges.size());
}

int ExchangeHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExchangeHistoryModel::display(const Exchange& e, int column) const
{
    switch (column) {
    case TimeColumn:
        return e.started.isValid() ? e.started.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz")) : QString();
    case MethodColumn:
        return QString::fromLatin1(e.method);
    case PathColumn:
        return shown(e.url.path());
    case StatusColumn:
        return ExchangeFormat::statusText(e);
    case DurationColumn:
        return ExchangeFormat::durationText(e);
    case OperationColumn:
        return e.operation;
    }
    return {};
}

QVariant ExchangeHistoryModel::toolTip(const Exchange& e, int column) const
{
    switch (column) {
    case TimeColumn:
        return e.started.toLocalTime().toString(Qt::ISODateWithMs);
    case PathColumn: {
        const QString url = m_mask ? PersonalDataMask::maskUrl(e.url).toDisplayString() : e.url.toDisplayString();
        return e.operation.isEmpty() ? url : url + QLatin1Char('\n') + e.operation;
    }
    case StatusColumn: {
        const QString tip = shown(ExchangeFormat::statusToolTip(e));
        return tip.isEmpty() ? QVariant() : tip;
    }
    default:
        return {};
    }
}

QVariant ExchangeHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Exchange& e = *m_exchanges.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole:
        return toolTip(e, index.column());
    case Qt::ForegroundRole:
        return e.failed() ? QVariant(QBrush(m_colors.error)) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case ExchangeIdRole:
        return e.id;
    }
    return {};
}

QVariant ExchangeHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == StatusColumn || section == DurationColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case OperationColumn:
        return tr("Operation");
    }
    return {};
}
