#pragma once

#include "MockApiCall.h"

class MockZitadel;

// zitadel.org.v2.OrganizationService ListOrganizations, over REST and Connect: the
// organizations the caller may read (org.read), filtered, sorted and paged.
class MockOrganizationApi
{
public:
    explicit MockOrganizationApi(MockZitadel& zitadel)
        : m_zitadel(zitadel)
    { }

    MockApiReply listOrganizations(const MockApiCall& call);

private:
    MockZitadel& m_zitadel;
};
