#pragma once

#include "ResendTypes.h"
#include "ZitadelTypes.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// Whether a resend can make sense for what we know about a user, and why not, in words a
// support person can repeat to the caller. Pure: it only reads the User as last fetched, so
// the server may still refuse (e.g. v2 needs a pending code, which the User does not show).
class ResendAvailability
{
    Q_DECLARE_TR_FUNCTIONS(ResendAvailability)

public:
    struct Availability
    {
        bool enabled = false;
        QString reason; // why not; when enabled, a hint such as "Send a new code to m•••@example.com"
    };

    // A User with an empty id counts as "no user selected".
    static Availability check(const User& user, ResendChannel channel, ResendApi api);
    static Availability check(const std::optional<User>& user, ResendChannel channel, ResendApi api);

    // The masked address a resend on this channel would go to (empty when there is none).
    static QString maskedDestination(const User& user, ResendChannel channel);

private:
    static std::optional<QString> stateProblem(UserState state);
};
