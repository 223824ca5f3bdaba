#include "UserFacts.h"

using Tone = StatusStyle::Tone;

QString UserFacts::displayName(const User& user)
{
    if (!user.displayName.trimmed().isEmpty())
        return user.displayName.trimmed();
    const QString fullName = (user.givenName.trimmed() + QLatin1Char(' ') + user.familyName.trimmed()).trimmed();
    if (!fullName.isEmpty())
        return fullName;
    if (!user.machineName.trimmed().isEmpty())
        return user.machineName.trimmed();
    return user.username.isEmpty() ? user.id : user.username;
}

QString UserFacts::stateText(UserState state)
{
    switch (state) {
    case UserState::Unspecified:
        return tr("Unknown");
    case UserState::Active:
        return tr("Active");
    case UserState::Inactive:
        return tr("Inactive");
    case UserState::Deleted:
        return tr("Deleted");
    case UserState::Locked:
        return tr("Locked");
    case UserState::Suspend:
        return tr("Suspended");
    case UserState::Initial:
        return tr("Initial (sign-up not finished)");
    }
    return tr("Unknown");
}

QString UserFacts::typeText(User::Type type)
{
    switch (type) {
    case User::Type::Unspecified:
        return tr("Unknown");
    case User::Type::Human:
        return tr("Human");
    case User::Type::Machine:
        return tr("Machine (service user)");
    }
    return tr("Unknown");
}

UserFacts::Chip UserFacts::emailChip(const User& user)
{
    if (user.email.trimmed().isEmpty())
        return {Tone::Neutral, tr("No email")};
    return user.emailVerified ? Chip {Tone::Success, tr("Verified")} : Chip {Tone::Warning, tr("Not verified")};
}

UserFacts::Chip UserFacts::phoneChip(const User& user)
{
    if (user.phone.trimmed().isEmpty())
        return {Tone::Neutral, tr("No phone")};
    return user.phoneVerified ? Chip {Tone::Success, tr("Verified")} : Chip {Tone::Warning, tr("Not verified")};
}
