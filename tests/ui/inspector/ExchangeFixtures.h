#pragma once

// Recorded exchanges as ZitadelClient produces them (masked Authorization, compact JSON
// bodies), shared by the inspector tests.

#include "Exchange.h"

#include <QJsonDocument>

namespace Fixtures
{
// What the client records instead of the token: "Bearer" and six bullets.
inline const QByteArray maskedBearer =
    QByteArrayLiteral("Bearer \xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2");
inline const QString base = QStringLiteral("https://verify.example.com");

inline QDateTime startedAt(int second)
{
    return QDateTime(QDate(2024, 5, 17), QTime(9, 30, second, 125), Qt::UTC);
}

inline HeaderList jsonRequestHeaders()
{
    return {{"Accept", "application/json"},
        {"Authorization", maskedBearer},
        {"Content-Type", "application/json"},
        {"User-Agent", "VerifyDesk/0.1.0"}};
}

inline Exchange withResponse(Exchange e, int status, const QByteArray& body)
{
    e.status = status;
    e.responseHeaders = {{"Content-Type", "application/json"}, {"Content-Length", QByteArray::number(body.size())}};
    e.responseBody = body;
    e.responseJson = QJsonDocument::fromJson(body);
    return e;
}

// POST /v2/users/{id}/email/resend, 200.
inline Exchange resendEmail(quint64 id = 1)
{
    Exchange e;
    e.id = id;
    e.sent = true;
    e.operation = QStringLiteral("ResendEmailCode (v2)");
    e.method = "POST";
    e.url = QUrl(base + QStringLiteral("/v2/users/1/email/resend"));
    e.requestHeaders = jsonRequestHeaders();
    e.requestBody = R"({"returnCode":{}})";
    e.started = startedAt(1);
    e.durationMs = 12.4;
    return withResponse(e,
        200,
        R"({"details":{"sequence":"42","changeDate":"2024-05-17T09:30:01.200Z","resourceOwner":"2695"},"verificationCode":"QZ3K8V"})");
}

// GET /v2/users/{id}, 200, no request body.
inline Exchange getUser(quint64 id = 2)
{
    Exchange e;
    e.id = id;
    e.sent = true;
    e.operation = QStringLiteral("GetUserByID (v2)");
    e.method = "GET";
    e.url = QUrl(base + QStringLiteral("/v2/users/1"));
    e.requestHeaders = {{"Accept", "application/json"},
        {"Authorization", maskedBearer},
        {"Accept-Encoding", "gzip, deflate"},
        {"User-Agent", "VerifyDesk/0.1.0"}};
    e.started = startedAt(2);
    e.durationMs = 0.4;
    return withResponse(e,
        200,
        R"({"user":{"userId":"1","state":"USER_STATE_ACTIVE","human":{"email":{"email":"ada@example.com","isVerified":false},"phone":{"phone":"+41791234567","isVerified":true}},"loginNames":["ada","ada@example.com"]}})");
}

// POST /management/v1/users/{id}/phone/_resend_code in an organization's context, 400.
inline Exchange resendPhoneV1(quint64 id = 3)
{
    Exchange e;
    e.id = id;
    e.sent = true;
    e.operation = QStringLiteral("ResendHumanPhoneVerification (v1)");
    e.method = "POST";
    e.url = QUrl(base + QStringLiteral("/management/v1/users/1/phone/_resend_code"));
    e.requestHeaders = jsonRequestHeaders();
    e.requestHeaders.insert(3, {"x-zitadel-orgid", "2695"});
    e.requestBody = "{}";
    e.started = startedAt(3);
    e.durationMs = 87.6;
    e = withResponse(e,
        400,
        R"json({"code":9,"message":"Phone already verified (COMMAND-2M9sf)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"COMMAND-2M9sf","message":"Phone already verified"}]})json");
    e.error.kind = ApiError::Kind::Precondition;
    e.error.httpStatus = 400;
    e.error.grpcCode = 9;
    e.error.grpcCodeName = QStringLiteral("FAILED_PRECONDITION");
    e.error.errorId = QStringLiteral("COMMAND-2M9sf");
    e.error.message = QStringLiteral("Phone already verified (COMMAND-2M9sf)");
    e.error.sentence = QStringLiteral("The phone number is already verified; no code was sent.");
    return e;
}

// The Connect protocol variant of ResendEmailCode, with a body holding a single quote.
inline Exchange connectResend(quint64 id = 4)
{
    Exchange e;
    e.id = id;
    e.sent = true;
    e.operation = QStringLiteral("ResendEmailCode (v2, Connect)");
    e.method = "POST";
    e.url = QUrl(base + QStringLiteral("/zitadel.user.v2.UserService/ResendEmailCode"));
    e.requestHeaders = jsonRequestHeaders();
    e.requestHeaders.insert(3, {"Connect-Protocol-Version", "1"});
    e.requestBody =
        R"({"userId":"1","sendCode":{"urlTemplate":"https://app.example.com/verify?user={{.UserID}}&note=it's"}})";
    e.started = startedAt(4);
    e.durationMs = 30;
    return withResponse(e, 200, R"({"details":{"sequence":"43"}})");
}

// A request that timed out: no status, no response.
inline Exchange timedOut(quint64 id = 5)
{
    Exchange e;
    e.id = id;
    e.sent = true;
    e.operation = QStringLiteral("ListUsers (v2)");
    e.method = "POST";
    e.url = QUrl(base + QStringLiteral("/v2/users"));
    e.requestHeaders = jsonRequestHeaders();
    e.requestBody = R"({"query":{"limit":50}})";
    e.started = startedAt(5);
    e.durationMs = 30000;
    e.error.kind = ApiError::Kind::Timeout;
    e.error.technical = QStringLiteral("Operation canceled");
    e.error.sentence = QStringLiteral("The server did not answer within 30 seconds.");
    return e;
}

inline ExchangePtr shared(Exchange e)
{
    return std::make_shared<const Exchange>(std::move(e));
}
} // namespace Fixtures
