#pragma once

#include "MockApiCall.h"

class MockZitadel;

// zitadel.user.v2.UserService, served both over REST (/v2/users...) and Connect. v2 has no
// org context: a caller sees and changes the users of the organizations its grants cover
// (plus itself), and the check happens per user, after the lookup.
class MockUserServiceApi
{
public:
    explicit MockUserServiceApi(MockZitadel& zitadel)
        : m_zitadel(zitadel)
    { }

    MockApiReply getUserById(const MockApiCall& call);
    MockApiReply listUsers(const MockApiCall& call);
    MockApiReply resendEmailCode(const MockApiCall& call);
    MockApiReply resendPhoneCode(const MockApiCall& call);
    MockApiReply verifyEmail(const MockApiCall& call);
    MockApiReply verifyPhone(const MockApiCall& call);

    // The answer shared with v3alpha: {"details":{sequence,changeDate,resourceOwner},"verificationCode"?}.
    static QByteArray resendAnswer(const struct MockResendResult& result);

private:
    MockApiReply resend(const MockApiCall& call, bool email);
    MockApiReply verify(const MockApiCall& call, bool email);

    MockZitadel& m_zitadel;
};
