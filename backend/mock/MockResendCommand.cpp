#include "MockResendCommand.h"

#include "MockAccessControl.h"
#include "MockVerificationMessage.h"
#include "MockZitadel.h"
#include "UrlTemplate.h"

namespace
{
using Code = MockError::Code;

const QString NoPermission = QStringLiteral("No matching permissions found");
const QString NotInitialised = QStringLiteral("User is not yet initialized");
const QString CodeEmpty = QStringLiteral("Code is empty");
const QString InvalidTemplate = QStringLiteral("URL Template is invalid");

// zitadel#11911 saw the two codes 100-300 ms apart.
constexpr qint64 DoubleCodeGapMs = 200;

bool isEmail(const MockResendRequest& r)
{
    return r.channel == MockUserStore::Channel::Email;
}

MockError notFound(const MockResendRequest& r)
{
    if (r.api == MockResendRequest::Api::ManagementV1) {
        if (isEmail(r))
            return MockError(Code::NotFound, QStringLiteral("COMMAND-0Pe4r"), QStringLiteral("Email not found"));
        // v1 phone answers an unknown user with FailedPrecondition, not NotFound (§3.4).
        return MockError(
            Code::FailedPrecondition, QStringLiteral("COMMAND-2M0fs"), QStringLiteral("User could not be found"));
    }
    // v3alpha shares the v2 command code (user_v2_email.go / user_v2_phone.go), so it shares
    // its ids; zitadel-api.md §5 documents none of its own.
    return MockError(Code::NotFound,
        QStringLiteral("COMMAND-ieJ2e"),
        isEmail(r) ? QStringLiteral("Email not found") : QStringLiteral("Phone not found"));
}

// v1 email resend and v2 email/phone resend check "initial"; v1 phone resend does not (§3.4).
bool checksInitial(const MockResendRequest& r)
{
    return r.api != MockResendRequest::Api::ManagementV1 || isEmail(r);
}

MockError notInitialised(const MockResendRequest& r)
{
    if (r.api == MockResendRequest::Api::ManagementV1)
        return MockError(Code::FailedPrecondition, QStringLiteral("COMMAND-E3fbw"), NotInitialised);
    return MockError(Code::FailedPrecondition, QStringLiteral("COMMAND-uz0Uu"), NotInitialised);
}

// The v1 commands generate a code whenever the address is unverified; the v2 ones only
// replace a code that is already pending.
std::optional<MockError> contactProblem(const MockResendRequest& r, const MockUser& u)
{
    if (r.api == MockResendRequest::Api::ManagementV1) {
        if (isEmail(r)) {
            if (u.emailVerified)
                return MockError(Code::FailedPrecondition,
                    QStringLiteral("COMMAND-3M9ds"),
                    QStringLiteral("Email is already verified"));
            return std::nullopt;
        }
        if (u.phone.isEmpty())
            return MockError(Code::NotFound, QStringLiteral("COMMAND-2b7Hf"), QStringLiteral("Phone not found"));
        if (u.phoneVerified)
            return MockError(
                Code::FailedPrecondition, QStringLiteral("COMMAND-2M9sf"), QStringLiteral("Phone already verified"));
        return std::nullopt;
    }
    if (isEmail(r) && u.emailCode.isEmpty())
        return MockError(Code::FailedPrecondition, QStringLiteral("EMAIL-5w5ilin4yt"), CodeEmpty);
    if (!isEmail(r) && u.phoneCode.isEmpty())
        return MockError(Code::FailedPrecondition, QStringLiteral("PHONE-5xrra88eq8"), CodeEmpty);
    return std::nullopt;
}

QString newCode(MockZitadel& zitadel, const MockResendRequest& r)
{
    return isEmail(r) ? zitadel.newEmailCode() : zitadel.newPhoneCode();
}

// The message ZITADEL's notification worker would send for `code`, and how its delivery ended.
MockOutboxMessage outboxMessage(
    const MockZitadel& zitadel, const MockResendRequest& r, const MockUser& user, const QString& code)
{
    MockOutboxMessage m;
    m.time = user.changeDate;
    m.channel = isEmail(r) ? QStringLiteral("email") : QStringLiteral("sms");
    m.to = isEmail(r) ? user.email : user.phone;
    m.userId = user.id;
    m.orgId = user.orgId;
    m.code = code;
    if (isEmail(r)) {
        m.link = r.urlTemplate.isEmpty()
            ? zitadel.defaultVerificationLink(m.userId, code, m.orgId)
            : UrlTemplate::render(r.urlTemplate, UrlTemplate::Values {m.userId, code, m.orgId});
    }
    m.cause = r.cause;
    MockVerificationMessage::render(m, user.displayName, r.deliveryFault);
    return m;
}
} // namespace

std::optional<MockResendResult> MockResendCommand::run(
    MockZitadel& zitadel, const MockResendRequest& r, MockError* error)
{
    // ZITADEL renders the template with dummy values before it looks at the user.
    if (isEmail(r) && !r.urlTemplate.isEmpty()) {
        const UrlTemplate::Check check = UrlTemplate::check(r.urlTemplate);
        if (check.problem == UrlTemplate::Problem::UnknownPlaceholder) {
            *error = MockError(Code::InvalidArgument, QStringLiteral("DOMAIN-ieYa7"), InvalidTemplate);
            return std::nullopt;
        }
        if (!check.ok()) {
            *error = MockError(Code::InvalidArgument, QStringLiteral("DOMAIN-oGh5e"), InvalidTemplate);
            return std::nullopt;
        }
    }

    MockUserStore& store = zitadel.users();
    const auto ref = store.find(r.userId);
    std::optional<MockUser> user;
    if (ref)
        user = store.user(*ref);
    // Machine users have no email/phone aggregate: to these commands they do not exist.
    // v1 is scoped to the org context, v3alpha to the requested organization.
    const bool exists = user && user->isHuman() && user->state != MockUserState::Deleted
        && (r.contextOrgId.isEmpty() || user->orgId == r.contextOrgId)
        && (r.expectedOrgId.isEmpty() || user->orgId == r.expectedOrgId);
    // A human imported without email has nothing a v1 email resend could address; ZITADEL
    // always stores an email, so "Email not found" is the closest answer (our choice).
    const bool v1WithoutEmail =
        exists && r.api == MockResendRequest::Api::ManagementV1 && isEmail(r) && user->email.isEmpty();
    if (!exists || v1WithoutEmail) {
        *error = notFound(r);
        return std::nullopt;
    }

    // v1 permissions were checked by the interceptor in the org context. v2 checks
    // user.write on the user's organization unless callers act on themselves. The id is
    // UNCONFIRMED in zitadel-api.md (§4.1, §12.5: AUTH-AWfge from the older permission
    // checker vs AUTHZ-HKJD33 in current unit-test mocks, whose English text is not in
    // en.yaml); AUTH-AWfge "No matching permissions found" is what a live ZITADEL answered,
    // so the mock uses it.
    if (r.api != MockResendRequest::Api::ManagementV1 && r.caller->userId != user->id
        && !MockAccessControl::allows(*r.caller, user->orgId, MockPermission::UserWrite)) {
        *error = MockError(Code::PermissionDenied, QStringLiteral("AUTH-AWfge"), NoPermission);
        return std::nullopt;
    }
    if (checksInitial(r) && user->state == MockUserState::Initial) {
        *error = notInitialised(r);
        return std::nullopt;
    }
    if (const auto problem = contactProblem(r, *user)) {
        *error = *problem;
        return std::nullopt;
    }

    const QDateTime now = zitadel.now();
    QString sentCode;
    if (r.deliveryFault == MockDeliveryFault::DoubleCode) {
        // The first of two codes: it goes into the message, but the second replaces it.
        sentCode = newCode(zitadel, r);
        store.issueCode(*ref, r.channel, sentCode, now.addMSecs(-DoubleCodeGapMs));
        zitadel.recordChange();
    }
    const QString code = newCode(zitadel, r);
    MockResendResult result;
    result.user = store.issueCode(*ref, r.channel, code, now);
    zitadel.recordChange();
    if (sentCode.isEmpty())
        sentCode = code;
    if (r.delivery == MockResendRequest::Delivery::ReturnCode)
        result.returnedCode = code;
    else
        zitadel.deliver(outboxMessage(zitadel, r, result.user, sentCode));
    emit zitadel.userChanged(result.user.id);
    return result;
}

MockResendRequest MockResendRequest::forCall(Api api, bool email, const MockApiCall& call)
{
    MockResendRequest request;
    request.api = api;
    request.channel = email ? MockUserStore::Channel::Email : MockUserStore::Channel::Phone;
    request.caller = call.caller;
    request.cause = call.cause;
    request.deliveryFault = call.delivery;
    return request;
}
