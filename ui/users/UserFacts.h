#pragma once

#include "StatusStyle.h"
#include "ZitadelTypes.h"

#include <QCoreApplication>
#include <QString>

// A user's facts in the words the panel shows: the name to call them by, their state and
// type, and the status chips for their email and phone.
class UserFacts
{
    Q_DECLARE_TR_FUNCTIONS(UserFacts)

public:
    struct Chip
    {
        StatusStyle::Tone tone = StatusStyle::Tone::Neutral;
        QString text;
    };

    // Display name, else given + family name, else the machine's name, else the user name.
    static QString displayName(const User& user);
    static QString stateText(UserState state);
    static QString typeText(User::Type type);
    static Chip emailChip(const User& user); // "Verified" / "Not verified" / "No email"
    static Chip phoneChip(const User& user); // "Verified" / "Not verified" / "No phone"
};
