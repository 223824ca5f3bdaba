#include "ZitadelTypes.h"

QString userStateName(UserState state)
{
    switch (state) {
    case UserState::Unspecified:
        return QStringLiteral("USER_STATE_UNSPECIFIED");
    case UserState::Active:
        return QStringLiteral("USER_STATE_ACTIVE");
    case UserState::Inactive:
        return QStringLiteral("USER_STATE_INACTIVE");
    case UserState::Deleted:
        return QStringLiteral("USER_STATE_DELETED");
    case UserState::Locked:
        return QStringLiteral("USER_STATE_LOCKED");
    case UserState::Suspend:
        return QStringLiteral("USER_STATE_SUSPEND");
    case UserState::Initial:
        return QStringLiteral("USER_STATE_INITIAL");
    }
    return {};
}

QString organizationStateName(OrganizationState state)
{
    switch (state) {
    case OrganizationState::Unspecified:
        return QStringLiteral("ORGANIZATION_STATE_UNSPECIFIED");
    case OrganizationState::Active:
        return QStringLiteral("ORGANIZATION_STATE_ACTIVE");
    case OrganizationState::Inactive:
        return QStringLiteral("ORGANIZATION_STATE_INACTIVE");
    case OrganizationState::Removed:
        return QStringLiteral("ORGANIZATION_STATE_REMOVED");
    }
    return {};
}

QString userSortColumnName(UserSortColumn column)
{
    switch (column) {
    case UserSortColumn::Unspecified:
        return QStringLiteral("USER_FIELD_NAME_UNSPECIFIED");
    case UserSortColumn::UserName:
        return QStringLiteral("USER_FIELD_NAME_USER_NAME");
    case UserSortColumn::FirstName:
        return QStringLiteral("USER_FIELD_NAME_FIRST_NAME");
    case UserSortColumn::LastName:
        return QStringLiteral("USER_FIELD_NAME_LAST_NAME");
    case UserSortColumn::NickName:
        return QStringLiteral("USER_FIELD_NAME_NICK_NAME");
    case UserSortColumn::DisplayName:
        return QStringLiteral("USER_FIELD_NAME_DISPLAY_NAME");
    case UserSortColumn::Email:
        return QStringLiteral("USER_FIELD_NAME_EMAIL");
    case UserSortColumn::State:
        return QStringLiteral("USER_FIELD_NAME_STATE");
    case UserSortColumn::Type:
        return QStringLiteral("USER_FIELD_NAME_TYPE");
    case UserSortColumn::CreationDate:
        return QStringLiteral("USER_FIELD_NAME_CREATION_DATE");
    }
    return {};
}
