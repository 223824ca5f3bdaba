#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>

// What a call was for, so that one error id can be explained in the words of that action
// ("not allowed to send codes" vs "not allowed to see users").
enum class ApiOperation
{
    ListOrganizations,
    GetMyOrg,
    ListUsers,
    GetUser,
    ResendEmail,
    ResendPhone,
    VerifyEmail,
    VerifyPhone,
    SignIn, // discovery, token, userinfo and revocation endpoints (OidcClient)
};

// Turns what came back from the server into an ApiError. Pure functions: no network, so the
// whole mapping is covered by table tests.
namespace ErrorDecoder
{
struct Input
{
    ApiOperation operation = ApiOperation::GetUser;
    int httpStatus = 0; // 0 when no HTTP response arrived
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString;
    QByteArray body;
    QByteArray retryAfter; // the raw Retry-After header value, if any
    QByteArray contentType;
    bool cancelledByUser = false;
    bool timedOut = false;
    int timeoutMs = 0;
    bool answerStarted = false; // a status line or body bytes arrived before the end
    QString host; // the host that was asked (for TLS sentences)
    QString proxy; // "host:port" of the proxy the request went through; empty when direct
    QList<QSslError> sslErrors; // as QNetworkReply::sslErrors reported them (never ignored)
    QSslCertificate peerCertificate;
    QString refusedRedirect; // RedirectCheck's sentence when a redirect was not followed
    QByteArray location; // the Location header of a 3xx that ended the call
    bool bodyTooLarge = false; // the answer passed bodyLimit and was cut off
    qint64 bodyLimit = 0;
};

// Retry-After values above this are read as this: a server that says "come back next year"
// is wrong, and a person should not be told to wait longer than a day.
constexpr int MaxRetryAfterSeconds = 24 * 60 * 60;

// Decodes a failed exchange; returns kind None when the exchange succeeded (2xx, no
// transport error).
ApiError decode(const Input& input);

// A 2xx whose body could not be used (not JSON, or missing what the call needs).
ApiError malformed(ApiOperation operation, int httpStatus, const QString& what);

// A client-side validation failure: nothing was sent.
ApiError invalidInput(const QString& sentence);

// Parses Retry-After: delta-seconds or an HTTP-date, capped at MaxRetryAfterSeconds. -1 when
// absent or unreadable.
int parseRetryAfter(const QByteArray& value, const QDateTime& now);
} // namespace ErrorDecoder
