#include "MockResourcesUserApi.h"

#include "MockJsonReader.h"
#include "MockResendBody.h"
#include "MockResendCommand.h"
#include "MockUserServiceApi.h"
#include "MockZitadel.h"

MockApiReply MockResourcesUserApi::resend(const MockApiCall& call, bool email)
{
    MockResendRequest request = MockResendRequest::forCall(MockResendRequest::Api::ResourcesV3Alpha, email, call);
    const MockResendBody::Names names = email
        ? MockResendBody::Names {"ResendContactEmailCodeRequest",
            "Id",
            "zitadel.resources.user.v3alpha.ResendContactEmailCodeRequest.verification"}
        : MockResendBody::Names {"ResendContactPhoneCodeRequest",
            "Id",
            "zitadel.resources.user.v3alpha.ResendContactPhoneCodeRequest.verification"};
    MockError error;
    if (!MockResendBody::parse(
            call.body, call.hasPathParam ? &call.pathParam : nullptr, "id", "id", names, &request, &error))
        return MockApiReply::fail(error);

    // "organization": {orgId | orgDomain}: the user must belong to it, else it is not found.
    QJsonObject organization;
    if (!MockJsonReader::object(
            MockJsonReader::member(call.body, "organization", nullptr), "organization", &organization, &error))
        return MockApiReply::fail(error);
    QString orgId;
    QString orgDomain;
    if (!MockJsonReader::string(MockJsonReader::member(organization, "orgId", "org_id"), "orgId", &orgId, &error)
        || !MockJsonReader::string(
            MockJsonReader::member(organization, "orgDomain", "org_domain"), "orgDomain", &orgDomain, &error))
        return MockApiReply::fail(error);
    if (!orgDomain.isEmpty() && orgId.isEmpty()) {
        orgId = QStringLiteral("-"); // matches no organization unless the domain is known
        for (const MockOrg& org : m_zitadel.organizations()) {
            if (org.domains.contains(orgDomain, Qt::CaseInsensitive))
                orgId = org.id;
        }
    }
    request.expectedOrgId = orgId;

    const auto result = MockResendCommand::run(m_zitadel, request, &error);
    if (!result)
        return MockApiReply::fail(error);
    return MockApiReply::ok(MockUserServiceApi::resendAnswer(*result));
}

MockApiReply MockResourcesUserApi::resendContactEmailCode(const MockApiCall& call)
{
    return resend(call, true);
}

MockApiReply MockResourcesUserApi::resendContactPhoneCode(const MockApiCall& call)
{
    return resend(call, false);
}
