#pragma once

#include "MockApiCall.h"

class MockZitadel;

// zitadel.management.v1.ManagementService over REST (/management/v1/...). Every call runs
// ZITADEL's v1 authorization interceptor first: the org context is x-zitadel-orgid or the
// token's home org, and the call's permission must be granted there; lookups and lists are
// then confined to that org.
class MockManagementApi
{
public:
    explicit MockManagementApi(MockZitadel& zitadel)
        : m_zitadel(zitadel)
    { }

    MockApiReply getUserById(const MockApiCall& call);
    MockApiReply listUsers(const MockApiCall& call);
    MockApiReply resendEmailVerification(const MockApiCall& call);
    MockApiReply resendPhoneVerification(const MockApiCall& call);
    MockApiReply getMyOrg(const MockApiCall& call);

private:
    // Resolves the org context and checks `permission` in it; returns the org's store index.
    int orgContext(const MockApiCall& call, MockPermission permission, MockError* error) const;
    MockApiReply resend(const MockApiCall& call, bool email);

    MockZitadel& m_zitadel;
};
