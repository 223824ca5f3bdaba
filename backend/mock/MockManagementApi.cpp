#include "MockManagementApi.h"
#include "Runes.h"

#include "MockAccessControl.h"
#include "MockJsonReader.h"
#include "MockJsonWriter.h"
#include "MockListParams.h"
#include "MockPgvText.h"
#include "MockResendCommand.h"
#include "MockResourceJson.h"
#include "MockUserFilter.h"
#include "MockUserLister.h"
#include "MockZitadel.h"

namespace
{
bool validUserId(const QString& id, const char* message, const char* field, MockError* error)
{
    const int runes = runeCount(id);
    if (runes >= 1 && runes <= 200)
        return true;
    *error = MockError::plain(MockError::Code::InvalidArgument, MockPgvText::lengthBetween(message, field, 1, 200));
    return false;
}
} // namespace

int MockManagementApi::orgContext(const MockApiCall& call, MockPermission permission, MockError* error) const
{
    const MockUserStore& store = m_zitadel.users();
    QString orgId = call.caller->homeOrgId;
    if (const QByteArray* header = call.header("x-zitadel-orgid"); header && !header->isEmpty())
        orgId = QString::fromUtf8(*header);
    const int org = store.orgIndex(orgId);
    if (org < 0) {
        *error = MockError(MockError::Code::PermissionDenied,
            QStringLiteral("AUTH-Bs7Ds"),
            QStringLiteral("Organisation doesn't exist"));
        return -1;
    }
    if (!MockAccessControl::allows(*call.caller, orgId, permission)) {
        *error = MockError(MockError::Code::PermissionDenied,
            QStringLiteral("AUTH-5mWD2"),
            QStringLiteral("No matching permissions found"));
        return -1;
    }
    return org;
}

MockApiReply MockManagementApi::getUserById(const MockApiCall& call)
{
    MockError error;
    const int org = orgContext(call, MockPermission::UserRead, &error);
    if (org < 0 || !validUserId(call.pathParam, "GetUserByIDRequest", "Id", &error))
        return MockApiReply::fail(error);
    const MockUserStore& store = m_zitadel.users();
    const auto ref = store.find(call.pathParam);
    if (!ref || ref->org != org)
        return MockApiReply::fail(MockError(
            MockError::Code::NotFound, QStringLiteral("QUERY-Dfbg2"), QStringLiteral("User could not be found")));
    MockJsonWriter w(1024);
    w.beginObject();
    w.key("user");
    MockResourceJson::userV1(w, store.user(*ref), store.org(org));
    w.endObject();
    return MockApiReply::ok(w.take());
}

MockApiReply MockManagementApi::listUsers(const MockApiCall& call)
{
    MockError error;
    const int org = orgContext(call, MockPermission::UserRead, &error);
    if (org < 0)
        return MockApiReply::fail(error);
    const auto query = MockUserListQuery::parse(call.body, MockUserFilter::Dialect::ManagementV1, &error);
    if (!query)
        return MockApiReply::fail(error);

    const MockUserStore& store = m_zitadel.users();
    // The resource-owner filter v1 always appends.
    const MockUserListRequest request = query->request({org});
    const MockUserListResult result = MockUserLister(store).list(request);

    MockJsonWriter w(512 + 1024 * result.page.size());
    w.beginObject();
    MockResourceJson::listDetailsV1(w, result.total, m_zitadel.processedSequence(), m_zitadel.now());
    // The v1 handler does not copy sortingColumn into the response (zitadel-api.md §3.2).
    if (!result.page.isEmpty()) {
        w.key("result");
        w.beginArray();
        for (const MockUserRef& ref : result.page)
            MockResourceJson::userV1(w, store.user(ref), store.org(ref.org));
        w.endArray();
    }
    w.endObject();
    return MockApiReply::ok(w.take());
}

MockApiReply MockManagementApi::resend(const MockApiCall& call, bool email)
{
    MockError error;
    const int org = orgContext(call, MockPermission::UserWrite, &error);
    if (org < 0)
        return MockApiReply::fail(error);
    const char* message = email ? "ResendHumanEmailVerificationRequest" : "ResendHumanPhoneVerificationRequest";
    if (!validUserId(call.pathParam, message, "UserId", &error))
        return MockApiReply::fail(error);

    MockResendRequest request = MockResendRequest::forCall(MockResendRequest::Api::ManagementV1, email, call);
    request.userId = call.pathParam;
    request.contextOrgId = m_zitadel.users().org(org).id;
    const auto result = MockResendCommand::run(m_zitadel, request, &error);
    if (!result)
        return MockApiReply::fail(error);

    MockJsonWriter w;
    w.beginObject();
    w.key("details");
    w.beginObject();
    w.optUint64("sequence", result->user.sequence);
    w.optTimestamp("changeDate", result->user.changeDate);
    w.optString("resourceOwner", result->user.orgId);
    w.endObject();
    w.endObject();
    return MockApiReply::ok(w.take());
}

MockApiReply MockManagementApi::resendEmailVerification(const MockApiCall& call)
{
    return resend(call, true);
}

MockApiReply MockManagementApi::resendPhoneVerification(const MockApiCall& call)
{
    return resend(call, false);
}

MockApiReply MockManagementApi::getMyOrg(const MockApiCall& call)
{
    MockError error;
    const int org = orgContext(call, MockPermission::OrgRead, &error);
    if (org < 0)
        return MockApiReply::fail(error);
    MockJsonWriter w;
    w.beginObject();
    w.key("org");
    MockResourceJson::orgV1(w, m_zitadel.users().org(org));
    w.endObject();
    return MockApiReply::ok(w.take());
}
