#pragma once

#include <QMetaType>

// The two things a code can verify, and the three ZITADEL APIs that can resend one. Shared by
// the pure helpers (availability, settings) and the controller, so none of them has to
// include another's header just for an enum.
enum class ResendChannel
{
    Email,
    Phone
};

enum class ResendApi
{
    V2, // zitadel.user.v2.UserService ResendEmailCode / ResendPhoneCode (the default)
    V1, // management v1 .../_resend_verification: always sends, no options
    V3Alpha // resources v3alpha ResendContactEmailCode: email only
};

Q_DECLARE_METATYPE(ResendChannel)
Q_DECLARE_METATYPE(ResendApi)
