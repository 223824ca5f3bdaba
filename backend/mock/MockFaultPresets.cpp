#include "MockFaultPresets.h"

namespace
{
using Code = MockError::Code;
using Error = MockFaultRule::Error;
using Api = MockOperation::Api;
using Action = MockOperation::Action;

const QString CodeEmpty = QStringLiteral("Code is empty");
const QString UserNotFound = QStringLiteral("User could not be found");

bool isV1(const MockOperation& op)
{
    return op.api == Api::ManagementV1;
}

bool touchesCodes(const MockOperation& op)
{
    return op.action == Action::Resend || op.action == Action::Verify;
}

// v2 and v3alpha resends only replace a pending code (internal/command/user_v2_email.go,
// user_v2_phone.go): for a verified address, which has none, they answer "Code is empty".
// They never say "already verified"; only v1 does.
MockError noPendingCode(const MockOperation& op)
{
    if (op.isEmail())
        return MockError(Code::FailedPrecondition, QStringLiteral("EMAIL-5w5ilin4yt"), CodeEmpty);
    return MockError(Code::FailedPrecondition, QStringLiteral("PHONE-5xrra88eq8"), CodeEmpty);
}

MockError alreadyVerified(const MockOperation& op)
{
    if (op.action == Action::Verify) {
        // VerifyEmail/VerifyPhone do not check the verified flag: a verified address has no
        // stored code, so the comparison fails (UserEmailEvents/UserPhoneEvents.VerifyCode).
        return MockError(Code::InvalidArgument, QStringLiteral("COMMAND-eis9R"), QStringLiteral("Code is invalid"));
    }
    if (isV1(op)) {
        if (op.isEmail())
            return MockError(
                Code::FailedPrecondition, QStringLiteral("COMMAND-3M9ds"), QStringLiteral("Email is already verified"));
        return MockError(
            Code::FailedPrecondition, QStringLiteral("COMMAND-2M9sf"), QStringLiteral("Phone already verified"));
    }
    return noPendingCode(op);
}

MockError codeEmpty(const MockOperation& op)
{
    // VerifyCode rejects an empty code before it compares (id COMMAND-Fia4a, InvalidArgument).
    if (op.action == Action::Verify)
        return MockError(Code::InvalidArgument, QStringLiteral("COMMAND-Fia4a"), CodeEmpty);
    return noPendingCode(op);
}

// The same ids MockResendCommand answers for an unknown user; reads go through the query
// layer (QUERY-Dfbg2).
MockError userNotFound(const MockOperation& op)
{
    if (op.action == Action::GetUser)
        return MockError(Code::NotFound, QStringLiteral("QUERY-Dfbg2"), UserNotFound);
    if (isV1(op)) {
        if (op.isEmail())
            return MockError(Code::NotFound, QStringLiteral("COMMAND-0Pe4r"), QStringLiteral("Email not found"));
        // v1 phone resend answers an unknown user with FailedPrecondition (§3.4).
        return MockError(Code::FailedPrecondition, QStringLiteral("COMMAND-2M0fs"), UserNotFound);
    }
    // v2 resend and verify, and v3alpha (which shares the v2 command code): NewUserEmailEvents /
    // NewUserPhoneEvents.
    return MockError(Code::NotFound,
        QStringLiteral("COMMAND-ieJ2e"),
        op.isEmail() ? QStringLiteral("Email not found") : QStringLiteral("Phone not found"));
}
} // namespace

namespace MockFaultPresets
{
QString misfit(Error error, const MockOperation& op)
{
    switch (error) {
    case Error::AlreadyVerified:
        if (!touchesCodes(op))
            return QStringLiteral("only resend and verify operations look at whether an address is verified");
        return {};
    case Error::CodeEmpty:
        if (!touchesCodes(op))
            return QStringLiteral("only resend and verify operations work with verification codes");
        if (isV1(op))
            return QStringLiteral("the v1 resend makes a new code whenever the address is unverified, so it never "
                                  "reports an empty code");
        return {};
    case Error::UserNotFound:
        if (op.action != Action::GetUser && !touchesCodes(op))
            return QStringLiteral("it does not look up one user by id");
        return {};
    case Error::None:
    case Error::PermissionDenied:
    case Error::TokenInvalid:
    case Error::RateLimited:
    case Error::Unavailable:
    case Error::QuotaExhausted:
        return {};
    }
    return {};
}

bool fits(Error error, const MockOperation& op)
{
    return misfit(error, op).isEmpty();
}

MockError error(Error error, const MockOperation& op)
{
    switch (error) {
    case Error::None:
        return MockError();
    case Error::AlreadyVerified:
        return alreadyVerified(op);
    case Error::CodeEmpty:
        return codeEmpty(op);
    case Error::UserNotFound:
        return userNotFound(op);
    case Error::PermissionDenied:
        // v1: the gRPC authorization interceptor; v2/v3alpha: the command-level permission
        // check (AUTH-AWfge, as MockResendCommand answers; zitadel-api.md §12.5).
        return MockError(Code::PermissionDenied,
            isV1(op) ? QStringLiteral("AUTH-5mWD2") : QStringLiteral("AUTH-AWfge"),
            QStringLiteral("No matching permissions found"));
    case Error::TokenInvalid:
        return MockError(Code::Unauthenticated, QStringLiteral("AUTH-7fs1e"), QStringLiteral("Token is invalid"));
    case Error::RateLimited:
        // ZITADEL has no per-request rate limit of its own on these APIs; ZITADEL Cloud limits
        // API paths at its edge (docs: legal/policies/rate-limit-policy). That layer answers
        // with the status text and Retry-After; the mock wraps it in the request's error
        // envelope with code 8, as the contract asks, and without a ZITADEL error id.
        return MockError::plain(Code::ResourceExhausted, QStringLiteral("Too Many Requests"));
    case Error::Unavailable:
        // What the REST gateway answers when it cannot reach ZITADEL's gRPC server (it dials it,
        // zitadel-api.md §1.1); also used for Connect so both protocols read the same.
        return MockError::plain(Code::Unavailable,
            QStringLiteral("connection error: desc = \"transport: Error while dialing: dial tcp 127.0.0.1:8080: "
                           "connect: connection refused\""));
    case Error::QuotaExhausted:
        // The limits interceptor (internal/api/grpc/server/middleware/limits_interceptor.go)
        // throws ResourceExhausted "QUOTA-vjAy8" with key Errors.Quota.Access.Exhausted, so the
        // translated message carries that id.
        return MockError(Code::ResourceExhausted,
            QStringLiteral("QUOTA-vjAy8"),
            QStringLiteral("The quota for authenticated requests is exhausted"));
    }
    return MockError();
}

QByteArray htmlErrorPage()
{
    return QByteArrayLiteral("<!DOCTYPE html>\n"
                             "<html>\n"
                             "<head><title>502 Bad Gateway</title></head>\n"
                             "<body>\n"
                             "<h1>502 Bad Gateway</h1>\n"
                             "<p>The proxy did not get a valid answer from the server behind it.</p>\n"
                             "<hr><address>reverse proxy</address>\n"
                             "</body>\n"
                             "</html>\n");
}
} // namespace MockFaultPresets
