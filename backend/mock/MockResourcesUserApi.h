#pragma once

#include "MockApiCall.h"

class MockZitadel;

// zitadel.resources.user.v3alpha.ZITADELUsers ResendContactEmailCode/ResendContactPhoneCode
// over REST (/resources/v3alpha/users/{id}/email/_resend, .../phone/_resend). Only REST:
// whether ZITADEL serves this preview service over Connect is UNCONFIRMED (doc §12.4).
//
// Same semantics and error ids as the v2 resends (the v3alpha handlers call the same
// commands); the "User Schema" feature flag is treated as enabled. The answer has the
// shape of the seed document "Resend the contact email code" (v2-style details plus
// verificationCode), not the resources-style details of the current proto; see the note
// at the top of zitadel-api.md.
class MockResourcesUserApi
{
public:
    explicit MockResourcesUserApi(MockZitadel& zitadel)
        : m_zitadel(zitadel)
    { }

    MockApiReply resendContactEmailCode(const MockApiCall& call);
    MockApiReply resendContactPhoneCode(const MockApiCall& call);

private:
    MockApiReply resend(const MockApiCall& call, bool email);

    MockZitadel& m_zitadel;
};
