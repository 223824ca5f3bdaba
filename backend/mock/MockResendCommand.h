#pragma once

#include "MockApiCall.h"
#include "MockDeliveryFault.h"
#include "MockError.h"
#include "MockModel.h"
#include "MockUserStore.h"

#include <QString>

#include <optional>

class MockZitadel;

// A request to send (or return) a new email or phone verification code, from any API.
struct MockResendRequest
{
    enum class Api
    {
        ManagementV1, // ResendHumanEmailVerification / ResendHumanPhoneVerification
        UserV2, // ResendEmailCode / ResendPhoneCode
        ResourcesV3Alpha, // ResendContactEmailCode / ResendContactPhoneCode
    };
    enum class Delivery
    {
        Default, // no oneof member: ZITADEL sends the code
        SendCode, // sendCode: sends, with the urlTemplate if one was given
        ReturnCode, // returnCode: nothing is sent, the code is returned
    };

    Api api = Api::UserV2;
    MockUserStore::Channel channel = MockUserStore::Channel::Email;
    const MockToken* caller = nullptr;
    QString userId;
    QString contextOrgId; // v1: the org context; users of other orgs do not exist
    QString expectedOrgId; // v3alpha "organization": the user must belong to it
    Delivery delivery = Delivery::Default;
    QString urlTemplate; // only with SendCode; empty = ZITADEL's default link
    QString cause; // for the outbox, e.g. "POST /v2/users/{id}/email/resend"
    MockDeliveryFault deliveryFault = MockDeliveryFault::None;

    // What every resend handler starts from: the API, the channel, and who called how.
    static MockResendRequest forCall(Api api, bool email, const MockApiCall& call);
};

struct MockResendResult
{
    MockUser user; // after the change
    QString returnedCode; // only for Delivery::ReturnCode
};

// ZITADEL's rules for resending a verification code (zitadel-api.md §3.3, §3.4, §4.1, §4.2,
// §5). Request validation (lengths, oneofs) and the v1 permission interceptor run before
// this, in the API layer; everything from "does the user exist" on happens here.
//
// Delivery faults act after the checks, on an accepted resend. With returnCode nothing is
// sent, so NeverDelivered and ProviderNotConfigured change nothing; DoubleCode still issues
// two codes (the double issue happens before delivery, zitadel#11911) and the answer carries
// the second, the one that is pending and valid, because it is the last one written.
class MockResendCommand
{
public:
    static std::optional<MockResendResult> run(
        MockZitadel& zitadel, const MockResendRequest& request, MockError* error);
};
