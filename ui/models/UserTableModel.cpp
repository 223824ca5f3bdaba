#include "UserTableModel.h"

#include "StatusText.h"
#include "UserFacts.h"
#include "VerifiedIcon.h"

UserTableModel::UserTableModel(ZitadelClient* client, QObject* parent)
    : PagedTableModel(client, PageSize, parent)
{
    m_query.limit = PageSize;
}

int UserTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace
{
// Email and phone cells: the address, and a badge saying whether it is verified.
QVariant addressData(const QString& address, bool verified, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return address;
    case Qt::DecorationRole:
        return address.isEmpty() ? QVariant() : QVariant(VerifiedIcon::icon(verified));
    case Qt::ToolTipRole:
        if (address.isEmpty())
            return QString();
        return verified ? UserTableModel::tr("%1 — verified").arg(address)
                        : UserTableModel::tr("%1 — not verified").arg(address);
    case UserTableModel::VerifiedRole:
        return address.isEmpty() ? QVariant() : QVariant(verified);
    }
    return {};
}
} // namespace

QVariant UserTableModel::data(const QModelIndex& index, int role) const
{
    const User* user = index.isValid() ? userAt(index.row()) : nullptr;
    if (!user)
        return {};
    if (role == IdRole)
        return user->id;
    if (index.column() == EmailColumn)
        return addressData(user->email, user->emailVerified, role);
    if (index.column() == PhoneColumn)
        return addressData(user->phone, user->phoneVerified, role);
    if (role == Qt::ForegroundRole && user->state != UserState::Active)
        return StatusText::dimmedBrush();
    if (role == Qt::ToolTipRole && index.column() == DisplayNameColumn)
        return tr("User ID %1").arg(user->id);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DisplayNameColumn:
        return user->type == User::Type::Machine && user->displayName.isEmpty() ? user->machineName : user->displayName;
    case UserNameColumn:
        return user->username;
    case StateColumn:
        return StatusText::userState(user->state);
    case TypeColumn:
        return StatusText::userType(user->type);
    }
    return {};
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DisplayNameColumn:
        return tr("Display name");
    case UserNameColumn:
        return tr("Username");
    case EmailColumn:
        return tr("Email");
    case PhoneColumn:
        return tr("Phone");
    case StateColumn:
        return tr("State");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

void UserTableModel::sort(int column, Qt::SortOrder order)
{
    UserSortColumn sortColumn = UserSortColumn::Unspecified;
    switch (column) {
    case DisplayNameColumn:
        sortColumn = UserSortColumn::DisplayName;
        break;
    case UserNameColumn:
        sortColumn = UserSortColumn::UserName;
        break;
    case EmailColumn:
        sortColumn = UserSortColumn::Email;
        break;
    case StateColumn:
        sortColumn = UserSortColumn::State;
        break;
    case TypeColumn:
        sortColumn = UserSortColumn::Type;
        break;
    default:
        return; // ListUsers cannot sort by phone
    }
    const bool asc = order == Qt::AscendingOrder;
    if (sortColumn == m_query.sortColumn && asc == m_query.asc)
        return;
    m_query.sortColumn = sortColumn;
    m_query.asc = asc;
    reloadOrClear();
}

void UserTableModel::setOrganization(const QString& organizationId)
{
    m_query.organizationId = organizationId;
    reloadOrClear();
}

void UserTableModel::setSearch(const QString& text)
{
    m_query.search = text.trimmed();
    reloadOrClear();
}

void UserTableModel::reloadOrClear()
{
    if (m_query.organizationId.isEmpty())
        clear();
    else
        reload();
}

const User* UserTableModel::userAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int UserTableModel::rowOfId(const QString& id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void UserTableModel::updateUser(const User& user)
{
    const int row = rowOfId(user.id);
    if (row < 0)
        return;
    m_rows[row] = user;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

ApiCall* UserTableModel::requestPage(quint64 offset, quint32 limit)
{
    UserQuery query = m_query;
    query.offset = offset;
    query.limit = limit;
    return client()->listUsers(query, appendTo(m_rows));
}
