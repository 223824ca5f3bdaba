#include "StatusText.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPalette>

namespace StatusText
{
QString organizationState(OrganizationState state)
{
    switch (state) {
    case OrganizationState::Active:
        return QCoreApplication::translate("StatusText", "Active");
    case OrganizationState::Inactive:
        return QCoreApplication::translate("StatusText", "Inactive");
    case OrganizationState::Removed:
        return QCoreApplication::translate("StatusText", "Removed");
    case OrganizationState::Unspecified:
        break;
    }
    return QCoreApplication::translate("StatusText", "Unknown");
}

QString userState(UserState state)
{
    switch (state) {
    case UserState::Active:
        return QCoreApplication::translate("StatusText", "Active");
    case UserState::Inactive:
        return QCoreApplication::translate("StatusText", "Inactive");
    case UserState::Deleted:
        return QCoreApplication::translate("StatusText", "Deleted");
    case UserState::Locked:
        return QCoreApplication::translate("StatusText", "Locked");
    case UserState::Suspend:
        return QCoreApplication::translate("StatusText", "Suspended");
    case UserState::Initial:
        return QCoreApplication::translate("StatusText", "Initial");
    case UserState::Unspecified:
        break;
    }
    return QCoreApplication::translate("StatusText", "Unknown");
}

QString userType(User::Type type)
{
    switch (type) {
    case User::Type::Human:
        return QCoreApplication::translate("StatusText", "Human");
    case User::Type::Machine:
        return QCoreApplication::translate("StatusText", "Machine");
    case User::Type::Unspecified:
        break;
    }
    return QCoreApplication::translate("StatusText", "Unknown");
}

QBrush dimmedBrush()
{
    return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
}
} // namespace StatusText
