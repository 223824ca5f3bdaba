#pragma once

#include "ZitadelTypes.h"

#include <QBrush>
#include <QString>

// Words and colours for states, shared by the lists and the user panel so that a state
// reads the same everywhere.
namespace StatusText
{
QString organizationState(OrganizationState state);
QString userState(UserState state);
QString userType(User::Type type);
QBrush dimmedBrush(); // rows that cannot be acted on (inactive, locked, ...)
} // namespace StatusText
