#include "MockUserServiceApi.h"
#include "Runes.h"

#include "MockAccessControl.h"
#include "MockJsonReader.h"
#include "MockJsonWriter.h"
#include "MockListParams.h"
#include "MockPgvText.h"
#include "MockResendBody.h"
#include "MockResendCommand.h"
#include "MockResourceJson.h"
#include "MockUserFilter.h"
#include "MockUserLister.h"
#include "MockVerifyCommand.h"
#include "MockZitadel.h"

namespace
{
const QString NoPermission = QStringLiteral("No matching permissions found");
} // namespace

MockApiReply MockUserServiceApi::getUserById(const MockApiCall& call)
{
    MockError error;
    QString userId;
    if (!MockJsonReader::string(MockJsonReader::member(call.body, "userId", "user_id"), "userId", &userId, &error))
        return MockApiReply::fail(error);
    if (call.hasPathParam)
        userId = call.pathParam;
    const int runes = runeCount(userId);
    if (runes < 1 || runes > 200)
        return MockApiReply::fail(MockError::plain(
            MockError::Code::InvalidArgument, MockPgvText::lengthBetween("GetUserByIDRequest", "UserId", 1, 200)));

    const MockUserStore& store = m_zitadel.users();
    const auto ref = store.find(userId);
    // v2 reads go through the same query layer as v1, hence the same id; zitadel-api.md
    // §4.3/§12.6 mark this UNCONFIRMED for v2.
    if (!ref)
        return MockApiReply::fail(MockError(
            MockError::Code::NotFound, QStringLiteral("QUERY-Dfbg2"), QStringLiteral("User could not be found")));
    const MockUser user = store.user(*ref);
    // AUTH-AWfge: see the note in MockResendCommand.cpp on this UNCONFIRMED id.
    if (call.caller->userId != user.id
        && !MockAccessControl::allows(*call.caller, user.orgId, MockPermission::UserRead))
        return MockApiReply::fail(
            MockError(MockError::Code::PermissionDenied, QStringLiteral("AUTH-AWfge"), NoPermission));

    MockJsonWriter w(1024);
    w.beginObject();
    // The deprecated top-level details repeat the user's, without creationDate (doc §4.3).
    MockResourceJson::detailsV2(w, user.sequence, user.changeDate, user.orgId);
    w.key("user");
    MockResourceJson::userV2(w, user, store.org(ref->org));
    w.endObject();
    return MockApiReply::ok(w.take());
}

MockApiReply MockUserServiceApi::listUsers(const MockApiCall& call)
{
    MockError error;
    const auto query = MockUserListQuery::parse(call.body, MockUserFilter::Dialect::UserV2, &error);
    if (!query)
        return MockApiReply::fail(error);

    const MockUserStore& store = m_zitadel.users();
    // Only what the caller may read: an organizationIdQuery for any other org finds nothing.
    QList<int> readable;
    for (int org = 0; org < store.orgCount(); ++org) {
        if (MockAccessControl::allows(*call.caller, store.org(org).id, MockPermission::UserRead))
            readable.append(org);
    }
    const MockUserListRequest request = query->request(readable);
    const MockUserListResult result = MockUserLister(store).list(request);

    MockJsonWriter w(512 + 1024 * result.page.size());
    w.beginObject();
    MockResourceJson::listDetailsV2(w, result.total, m_zitadel.processedSequence(), m_zitadel.now());
    w.optEnum("sortingColumn", MockListParams::userSortColumnName(query->column));
    if (!result.page.isEmpty()) {
        w.key("result");
        w.beginArray();
        for (const MockUserRef& ref : result.page)
            MockResourceJson::userV2(w, store.user(ref), store.org(ref.org));
        w.endArray();
    }
    w.endObject();
    return MockApiReply::ok(w.take());
}

QByteArray MockUserServiceApi::resendAnswer(const MockResendResult& result)
{
    MockJsonWriter w;
    w.beginObject();
    MockResourceJson::detailsV2(w, result.user.sequence, result.user.changeDate, result.user.orgId);
    w.optString("verificationCode", result.returnedCode);
    w.endObject();
    return w.take();
}

MockApiReply MockUserServiceApi::resend(const MockApiCall& call, bool email)
{
    MockResendRequest request = MockResendRequest::forCall(MockResendRequest::Api::UserV2, email, call);
    const MockResendBody::Names names = email
        ? MockResendBody::Names {"ResendEmailCodeRequest",
            "UserId",
            "zitadel.user.v2.ResendEmailCodeRequest.verification"}
        : MockResendBody::Names {
            "ResendPhoneCodeRequest", "UserId", "zitadel.user.v2.ResendPhoneCodeRequest.verification"};
    MockError error;
    if (!MockResendBody::parse(
            call.body, call.hasPathParam ? &call.pathParam : nullptr, "userId", "user_id", names, &request, &error))
        return MockApiReply::fail(error);
    const auto result = MockResendCommand::run(m_zitadel, request, &error);
    if (!result)
        return MockApiReply::fail(error);
    return MockApiReply::ok(resendAnswer(*result));
}

MockApiReply MockUserServiceApi::resendEmailCode(const MockApiCall& call)
{
    return resend(call, true);
}

MockApiReply MockUserServiceApi::resendPhoneCode(const MockApiCall& call)
{
    return resend(call, false);
}

MockApiReply MockUserServiceApi::verify(const MockApiCall& call, bool email)
{
    const char* message = email ? "VerifyEmailRequest" : "VerifyPhoneRequest";
    MockVerifyRequest request;
    request.channel = email ? MockUserStore::Channel::Email : MockUserStore::Channel::Phone;
    MockError error;
    if (!MockJsonReader::string(
            MockJsonReader::member(call.body, "userId", "user_id"), "userId", &request.userId, &error)
        || !MockJsonReader::string(MockJsonReader::member(call.body, "verificationCode", "verification_code"),
            "verificationCode",
            &request.code,
            &error))
        return MockApiReply::fail(error);
    if (call.hasPathParam)
        request.userId = call.pathParam; // grpc-gateway sets path parameters after decoding the body

    // protoc-gen-validate checks fields in order and stops at the first failure:
    // user_id 1..200, verification_code 1..20 (user_service.proto).
    const int idRunes = runeCount(request.userId);
    if (idRunes < 1 || idRunes > 200)
        return MockApiReply::fail(
            MockError::plain(MockError::Code::InvalidArgument, MockPgvText::lengthBetween(message, "UserId", 1, 200)));
    const int codeRunes = runeCount(request.code);
    if (codeRunes < 1 || codeRunes > 20)
        return MockApiReply::fail(MockError::plain(
            MockError::Code::InvalidArgument, MockPgvText::lengthBetween(message, "VerificationCode", 1, 20)));

    const auto user = MockVerifyCommand::run(m_zitadel, request, &error);
    if (!user)
        return MockApiReply::fail(error);
    MockJsonWriter w;
    w.beginObject();
    MockResourceJson::detailsV2(w, user->sequence, user->changeDate, user->orgId);
    w.endObject();
    return MockApiReply::ok(w.take());
}

MockApiReply MockUserServiceApi::verifyEmail(const MockApiCall& call)
{
    return verify(call, true);
}

MockApiReply MockUserServiceApi::verifyPhone(const MockApiCall& call)
{
    return verify(call, false);
}
