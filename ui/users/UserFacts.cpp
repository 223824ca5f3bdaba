#include "UserFacts.h"

#include "StatusText.h"

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
    // The table's words (StatusText), with the one explanation a support person needs here.
    if (state == UserState::Initial)
        return tr("Initial (sign-up not finished)");
    return StatusText::userState(state);
}

QString UserFacts::typeText(User::Type type)
{
    if (type == User::Type::Machine)
        return tr("Machine (service user)");
    return StatusText::userType(type);
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
