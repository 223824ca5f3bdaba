#include "ResendAvailability.h"

#include "DestinationMask.h"

using Availability = ResendAvailability::Availability;

namespace
{
Availability refused(const QString& reason)
{
    return Availability {false, reason};
}
} // namespace

// Only states known to block a resend are refused. Unspecified means the server did not say
// (protojson omits zero values); the server checks anyway, so we let it decide rather than
// block a support person on missing data.
std::optional<QString> ResendAvailability::stateProblem(UserState state)
{
    switch (state) {
    case UserState::Unspecified:
    case UserState::Active:
        return std::nullopt;
    case UserState::Inactive:
        return tr("The user is inactive; reactivate them in ZITADEL before sending a code.");
    case UserState::Deleted:
        return tr("The user is deleted.");
    case UserState::Locked:
        return tr("The user is locked; unlock them in ZITADEL before sending a code.");
    case UserState::Suspend:
        return tr("The user is suspended; lift the suspension in ZITADEL before sending a code.");
    case UserState::Initial:
        return tr("The user has not finished initial sign-up; ZITADEL sends an initialization mail instead.");
    }
    return std::nullopt;
}

QString ResendAvailability::maskedDestination(const User& user, ResendChannel channel)
{
    return channel == ResendChannel::Email ? DestinationMask::maskEmail(user.email)
                                           : DestinationMask::maskPhone(user.phone);
}

Availability ResendAvailability::check(const User& user, ResendChannel channel, ResendApi api)
{
    const bool email = channel == ResendChannel::Email;
    if (user.id.isEmpty())
        return refused(tr("No user selected."));
    if (user.type == User::Type::Machine)
        return refused(tr("Machine users have no email or phone to verify."));
    if (const auto problem = stateProblem(user.state))
        return refused(*problem);
    if (email && user.email.trimmed().isEmpty())
        return refused(tr("No email address on file."));
    if (!email && user.phone.trimmed().isEmpty())
        return refused(tr("No phone number on file."));
    if (email && user.emailVerified)
        return refused(tr("The email address is already verified."));
    if (!email && user.phoneVerified)
        return refused(tr("The phone number is already verified."));
    // Last: the facts about the user matter more to the caller than our choice of API.
    if (!email && api == ResendApi::V3Alpha)
        return refused(tr("The v3alpha API has no phone resend; choose v2 or v1."));
    return Availability {true, tr("Send a new code to %1").arg(maskedDestination(user, channel))};
}

Availability ResendAvailability::check(const std::optional<User>& user, ResendChannel channel, ResendApi api)
{
    return user ? check(*user, channel, api) : refused(tr("No user selected."));
}
