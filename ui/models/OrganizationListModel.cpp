#include "OrganizationListModel.h"

#include "StatusText.h"

OrganizationListModel::OrganizationListModel(ZitadelClient* client, QObject* parent)
    : PagedTableModel(client, PageSize, parent)
{ }

int OrganizationListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrganizationListModel::data(const QModelIndex& index, int role) const
{
    const Organization* org = index.isValid() ? organizationAt(index.row()) : nullptr;
    if (!org)
        return {};
    if (role == IdRole)
        return org->id;
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case NameColumn:
            return org->name;
        case DomainColumn:
            return org->primaryDomain;
        case StateColumn:
            return StatusText::organizationState(org->state);
        case IdColumn:
            return org->id;
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("%1\nDomain: %2\nState: %3\nID: %4 (Ctrl+C copies it)")
            .arg(org->name, org->primaryDomain, StatusText::organizationState(org->state), org->id);
    if (role == Qt::ForegroundRole && org->state != OrganizationState::Active)
        return StatusText::dimmedBrush();
    return {};
}

QVariant OrganizationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DomainColumn:
        return tr("Primary domain");
    case StateColumn:
        return tr("State");
    case IdColumn:
        return tr("ID");
    }
    return {};
}

void OrganizationListModel::setNameFilter(const QString& text)
{
    m_nameFilter = text.trimmed();
    reload();
}

const Organization* OrganizationListModel::organizationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int OrganizationListModel::rowOfId(const QString& id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

ApiCall* OrganizationListModel::requestPage(quint64 offset, quint32 limit)
{
    OrganizationQuery query;
    query.nameContains = m_nameFilter;
    query.offset = offset;
    query.limit = limit;
    return client()->listOrganizations(query, appendTo(m_rows));
}
