#include "ErrorDecoder.h"

#include "TlsDiagnosis.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMetaEnum>
#include <QRegularExpression>

#include <algorithm>

namespace
{
QString tr(const char* text)
{
    return QCoreApplication::translate("ApiError", text);
}

bool isResend(ApiOperation op)
{
    return op == ApiOperation::ResendEmail || op == ApiOperation::ResendPhone;
}

bool isVerify(ApiOperation op)
{
    return op == ApiOperation::VerifyEmail || op == ApiOperation::VerifyPhone;
}

// zitadel.v1.ErrorDetail is {1: string id, 2: string message}; Connect sends it as unpadded
// base64 of the protobuf encoding in "value". Only used when "debug" is absent.
QString errorIdFromProtobuf(const QByteArray& base64)
{
    const QByteArray bytes = QByteArray::fromBase64(base64);
    int pos = 0;
    auto readVarint = [&](quint64* out) {
        quint64 value = 0;
        for (int shift = 0; pos < bytes.size() && shift < 64; shift += 7) {
            const auto b = static_cast<quint8>(bytes.at(pos++));
            value |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                *out = value;
                return true;
            }
        }
        return false;
    };
    while (pos < bytes.size()) {
        quint64 tag = 0, length = 0;
        if (!readVarint(&tag) || (tag & 7) != 2 || !readVarint(&length) || length > quint64(bytes.size() - pos))
            return {};
        const QByteArray value = bytes.mid(pos, int(length));
        pos += int(length);
        if ((tag >> 3) == 1)
            return QString::fromUtf8(value);
    }
    return {};
}

// ZITADEL composes messages as "<text> (<id>)"; errors whose detail was lost still carry it.
QString errorIdFromMessage(const QString& message)
{
    static const QRegularExpression trailingId(QStringLiteral("\\(([A-Za-z]+(?:-[A-Za-z0-9]+)?)\\)$"));
    const auto m = trailingId.match(message.trimmed());
    return m.hasMatch() ? m.captured(1) : QString();
}

void readBody(const QByteArray& body, ApiError* e)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject())
        return;
    const QJsonObject o = doc.object();
    const QJsonValue code = o.value(QLatin1String("code"));
    e->message = o.value(QLatin1String("message")).toString();
    if (code.isDouble()) { // REST gateway: google.rpc.Status
        e->grpcCode = code.toInt();
    } else if (code.isString()) { // Connect
        e->grpcCode = ApiError::grpcCodeFromConnectName(code.toString());
    }
    for (const QJsonValue& d : o.value(QLatin1String("details")).toArray()) {
        const QJsonObject detail = d.toObject();
        QString id = detail.value(QLatin1String("id")).toString(); // REST: the Any inlined
        if (id.isEmpty())
            id = detail.value(QLatin1String("debug")).toObject().value(QLatin1String("id")).toString();
        if (id.isEmpty() && detail.value(QLatin1String("type")).toString().endsWith(QLatin1String("ErrorDetail")))
            id = errorIdFromProtobuf(detail.value(QLatin1String("value")).toString().toLatin1());
        if (!id.isEmpty()) {
            e->errorId = id;
            break;
        }
    }
    if (e->errorId.isEmpty())
        e->errorId = errorIdFromMessage(e->message);
    if (e->grpcCode >= 0)
        e->grpcCodeName = ApiError::grpcName(e->grpcCode);
}

ApiError::Kind kindFromGrpc(int code)
{
    using K = ApiError::Kind;
    switch (code) {
    case 16:
        return K::Unauthenticated;
    case 7:
        return K::PermissionDenied;
    case 5:
        return K::NotFound;
    case 6:
    case 9:
    case 10:
        return K::Precondition;
    case 3:
    case 11:
        return K::InvalidArgument;
    case 8:
        return K::RateLimited;
    default:
        return K::Server;
    }
}

ApiError::Kind kindFromHttp(int status)
{
    using K = ApiError::Kind;
    switch (status) {
    case 401:
        return K::Unauthenticated;
    case 403:
        return K::PermissionDenied;
    case 404:
        return K::NotFound;
    case 408:
        return K::Timeout;
    case 409:
    case 412:
        return K::Precondition;
    case 429:
        return K::RateLimited;
    default:
        return status >= 500 ? K::Server : K::InvalidArgument;
    }
}

// What a verify call's ids mean. ZITADEL's v2 VerifyEmail / VerifyPhone answer every bad code
// (wrong, expired, replaced, none pending, already verified) with COMMAND-eis9R, so that
// sentence names the likely causes. The others are ZITADEL's own ids for the single causes
// (internal/crypto/code.go, the v1 commands) as other paths and the mock's fault presets send
// them, worded for verifying rather than resending.
QString verifySentenceForId(const QString& id)
{
    if (id == QLatin1String("COMMAND-eis9R"))
        return tr("The code is wrong or no longer valid: it may have expired or been replaced by a newer one. "
                  "Check it, or send a new code.");
    if (id == QLatin1String("CODE-woT0xc"))
        return tr("The code is wrong.");
    if (id == QLatin1String("CODE-QvUQ4P"))
        return tr("The code has expired; send a new one.");
    if (id == QLatin1String("COMMAND-Fia4a"))
        return tr("No code was given; enter the code the user received.");
    if (id == QLatin1String("COMMAND-3M9ds"))
        return tr("The email address is already verified.");
    if (id == QLatin1String("COMMAND-2M9sf"))
        return tr("The phone number is already verified.");
    if (id == QLatin1String("EMAIL-5w5ilin4yt"))
        return tr("There is no pending email code to check: the address is already verified, or no code was ever "
                  "sent for it.");
    if (id == QLatin1String("PHONE-5xrra88eq8"))
        return tr("There is no pending phone code to check: the number is already verified, missing, or no code was "
                  "ever sent for it.");
    if (id == QLatin1String("COMMAND-uz0Uu"))
        return tr("This user has not finished the initial sign-up yet, so ZITADEL will not verify the address.");
    return {};
}

// Sentences for ids whose meaning is known; the wording fits the action that failed.
QString sentenceForId(const ApiError& e, ApiOperation operation)
{
    const QString& id = e.errorId;
    if (isVerify(operation)) {
        const QString sentence = verifySentenceForId(id);
        if (!sentence.isEmpty())
            return sentence;
    }
    if (id == QLatin1String("COMMAND-2M9sf"))
        return tr("This phone number is already verified, so there is nothing to resend.");
    if (id == QLatin1String("COMMAND-3M9ds"))
        return tr("This email address is already verified, so there is nothing to resend.");
    if (id == QLatin1String("EMAIL-5w5ilin4yt"))
        return tr("There is no pending email code to resend: the address is already verified, or no code was "
                  "ever sent for it.");
    if (id == QLatin1String("PHONE-5xrra88eq8"))
        return tr("There is no pending phone code to resend: the number is already verified, missing, or no code "
                  "was ever sent for it.");
    if (id == QLatin1String("COMMAND-uz0Uu") || id == QLatin1String("COMMAND-E3fbw"))
        return tr("This user has not finished the initial sign-up yet, so ZITADEL will not send a verification "
                  "code.");
    if (id == QLatin1String("COMMAND-2b7Hf"))
        return tr("This user has no phone number, so there is nothing to verify.");
    if (id == QLatin1String("QUERY-Dfbg2") || id == QLatin1String("COMMAND-2M0fs")
        || id == QLatin1String("COMMAND-0Pe4r") || id == QLatin1String("COMMAND-ieJ2e"))
        return tr("This user could not be found in the selected organization; it may have been deleted.");
    if (id == QLatin1String("DOMAIN-oGh5e"))
        return tr("ZITADEL could not parse the URL template.");
    if (id == QLatin1String("DOMAIN-ieYa7"))
        return tr("The URL template uses a placeholder ZITADEL does not know; only {{.UserID}}, {{.Code}} and "
                  "{{.OrgID}} exist.");
    if (id == QLatin1String("AUTH-Bs7Ds"))
        return tr("The selected organization does not exist on this server.");
    if (id == QLatin1String("AUTH-7fs1e"))
        return tr("The server did not accept your token: it is invalid or has expired.");
    if (id == QLatin1String("QUERY-4M0fs"))
        return tr("The page size asked for is larger than the server allows.");
    if (id == QLatin1String("TODO") && e.grpcCode == 9)
        return tr("This ZITADEL instance does not have the User Schema (v3alpha) feature enabled; use the v2 API "
                  "instead.");
    return {};
}

QString permissionSentence(ApiOperation op)
{
    switch (op) {
    case ApiOperation::ResendEmail:
    case ApiOperation::ResendPhone:
        return tr("Your account is not allowed to send codes to users of this organization (it lacks the "
                  "user.write permission there).");
    case ApiOperation::ListUsers:
    case ApiOperation::GetUser:
        return tr("Your account is not allowed to see users of this organization (it lacks the user.read "
                  "permission there).");
    case ApiOperation::ListOrganizations:
    case ApiOperation::GetMyOrg:
        return tr("Your account is not allowed to see this organization (it lacks the org.read permission).");
    case ApiOperation::VerifyEmail:
    case ApiOperation::VerifyPhone:
        // A live ZITADEL checks no permission here; an answer like this comes from elsewhere
        // (a proxy, a newer release, the mock's fault presets), so it names no permission.
        return tr("Your account is not allowed to verify addresses of users in this organization.");
    case ApiOperation::SignIn:
        return tr("ZITADEL refused the sign-in request.");
    }
    return {};
}

// When a request may have had its effect although no usable answer came back.
QString mayHaveActed(ApiOperation op)
{
    if (isResend(op))
        return tr("The code may still have been sent, so check before sending again.");
    if (isVerify(op))
        return tr("The address may have been verified anyway, so check the user before trying again.");
    return {};
}

// "try again in 42 seconds", "try again in 5 minutes", "try again in 3 hours". Singular and
// plural are chosen here rather than with %n, which needs a translation file to read well.
QString tryAgainIn(int seconds)
{
    if (seconds <= 0)
        return tr("you can try again now");
    if (seconds < 120)
        return seconds == 1 ? tr("try again in 1 second") : tr("try again in %1 seconds").arg(seconds);
    if (seconds < 2 * 3600)
        return tr("try again in %1 minutes").arg((seconds + 59) / 60);
    return tr("try again in %1 hours").arg((seconds + 3599) / 3600);
}

QString withSpace(const QString& a, const QString& b)
{
    return b.isEmpty() ? a : a + QLatin1Char(' ') + b;
}

// 5xx: always the server's side, never what the person entered. Proxies answer 502/503/504
// without a ZITADEL body; ZITADEL's own 503 (UNAVAILABLE) carries one.
QString serverSentence(const ApiError& e, const ErrorDecoder::Input& in)
{
    const QString notYou = tr("This is not caused by what you entered.");
    QString later = e.retryAfterSeconds >= 0 ? tryAgainIn(e.retryAfterSeconds) : tr("try again later");
    later[0] = later[0].toUpper();
    later += QLatin1Char('.');
    switch (e.httpStatus) {
    case 502:
        return withSpace(
            tr("A proxy in front of the server got no valid answer from it (HTTP 502 Bad Gateway). %1").arg(notYou),
            mayHaveActed(in.operation).isEmpty() ? later : mayHaveActed(in.operation));
    case 503:
        return tr("The server is temporarily unavailable (HTTP 503). %1 %2").arg(notYou, later);
    case 504:
        return withSpace(
            tr("A proxy in front of the server gave up waiting for it (HTTP 504 Gateway Timeout). %1").arg(notYou),
            mayHaveActed(in.operation).isEmpty() ? later : mayHaveActed(in.operation));
    default:
        break;
    }
    if (e.grpcCode < 0)
        return tr("The server or a proxy in front of it failed (HTTP %1). %2 %3").arg(e.httpStatus).arg(notYou, later);
    return tr("The server had a problem (HTTP %1). %2 %3").arg(e.httpStatus).arg(notYou, later);
}

QString sentenceForKind(const ApiError& e, const ErrorDecoder::Input& in)
{
    using K = ApiError::Kind;
    switch (e.kind) {
    case K::None:
    case K::InvalidInput:
        return {};
    case K::Cancelled:
        if (isResend(in.operation))
            return tr("The request was cancelled. It may still have reached the server, so a code may have been "
                      "sent.");
        if (isVerify(in.operation))
            return tr("The request was cancelled. It may still have reached the server, so the address may already "
                      "be verified.");
        return tr("The request was cancelled.");
    case K::Timeout: {
        const QString waited =
            in.timeoutMs > 0 ? tr("within %1 seconds").arg(in.timeoutMs / 1000.0, 0, 'g', 3) : tr("in time");
        // A server that sent its head and then trickles (or stalls) is told apart from one
        // that never answered: the first did receive the request.
        const QString what = in.answerStarted ? tr("The server started to answer but did not finish %1.").arg(waited)
                                              : tr("The server did not answer %1.").arg(waited);
        return withSpace(what, mayHaveActed(in.operation));
    }
    case K::Network: {
        const QString through = in.proxy.isEmpty()
            ? QString()
            : tr("The request went through the proxy %1, from this computer's proxy settings.").arg(in.proxy);
        switch (in.networkError) {
        case QNetworkReply::ConnectionRefusedError:
            return withSpace(
                tr("The server refused the connection; check the instance URL and that the server is running."),
                through);
        case QNetworkReply::HostNotFoundError:
            return withSpace(tr("The server's name could not be found; check the instance URL."), through);
        case QNetworkReply::RemoteHostClosedError:
            return withSpace(withSpace(tr("The server closed the connection before the whole answer arrived."),
                                 mayHaveActed(in.operation)),
                through);
        case QNetworkReply::ContentReSendError:
            // Qt wanted to send the request again on a new connection; we never let it.
            return withSpace(
                withSpace(tr("The server closed the connection without answering."), mayHaveActed(in.operation)),
                through);
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyTimeoutError:
        case QNetworkReply::ProxyAuthenticationRequiredError:
        case QNetworkReply::UnknownProxyError:
            return in.proxy.isEmpty()
                ? tr("The proxy between you and the server failed: %1.").arg(in.networkErrorString)
                : tr("The proxy %1 (from this computer's proxy settings) failed: %2.")
                      .arg(in.proxy, in.networkErrorString);
        default:
            return withSpace(tr("Could not reach the server: %1.").arg(in.networkErrorString), through);
        }
    }
    case K::Tls:
        if (!in.sslErrors.isEmpty())
            return TlsDiagnosis::describe(in.sslErrors, in.host, in.peerCertificate).sentence;
        return tr("The secure connection to the server failed: %1.").arg(in.networkErrorString);
    case K::Unauthenticated:
        if (e.message == QLatin1String("auth header missing"))
            return tr("No token was sent; add a personal access token to the connection.");
        return tr("The server did not accept your token: it is invalid or has expired.");
    case K::PermissionDenied:
        return permissionSentence(in.operation);
    case K::NotFound:
        return tr("The server could not find what was asked for: %1")
            .arg(e.message.isEmpty() ? tr("HTTP %1").arg(e.httpStatus) : e.message);
    case K::Precondition:
        return tr("ZITADEL refused the request: %1").arg(e.message);
    case K::InvalidArgument:
        return tr("The server rejected the request as invalid: %1")
            .arg(e.message.isEmpty() ? tr("HTTP %1").arg(e.httpStatus) : e.message);
    case K::RateLimited:
        if (e.message.contains(QLatin1String("quota"), Qt::CaseInsensitive))
            return tr("This ZITADEL instance has used up its request quota; try later or ask the instance owner.");
        if (e.retryAfterSeconds >= 0)
            return tr("The server is limiting requests; %1.").arg(tryAgainIn(e.retryAfterSeconds));
        return tr("The server is limiting requests; wait a little and try again.");
    case K::Server:
        return serverSentence(e, in);
    case K::MalformedResponse:
        return tr("The server's answer could not be read: %1.").arg(e.technical);
    }
    return {};
}

bool isTlsError(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::SslHandshakeFailedError;
}
} // namespace

namespace ErrorDecoder
{
ApiError decode(const Input& in)
{
    ApiError e;
    e.httpStatus = in.httpStatus;
    e.technical = in.networkErrorString;
    if (in.networkError != QNetworkReply::NoError) // Qt's name for it too, for searching
        e.technical += QStringLiteral(" (%1)").arg(
            QString::fromLatin1(QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(in.networkError)));
    using K = ApiError::Kind;

    if (in.cancelledByUser) {
        e.kind = K::Cancelled;
    } else if (!in.refusedRedirect.isEmpty()) {
        // The server (or something pretending to be it) pointed elsewhere: its doing.
        e.kind = K::Server;
        e.technical = QStringLiteral("redirect (HTTP %1) not followed").arg(in.httpStatus);
        e.sentence = in.refusedRedirect;
        return e;
    } else if (in.bodyTooLarge) {
        e.kind = K::MalformedResponse;
        e.technical = QStringLiteral("answer cut off after %1 bytes (limit %2)").arg(in.body.size()).arg(in.bodyLimit);
        e.sentence = withSpace(tr("The server's answer is larger than %1 MB, far more than any ZITADEL answer, so "
                                  "Verify Desk stopped reading it.")
                                   .arg(in.bodyLimit / (1024 * 1024)),
            in.httpStatus >= 200 && in.httpStatus < 300 ? mayHaveActed(in.operation) : QString());
        return e;
    } else if (!in.sslErrors.isEmpty()) {
        // Checked before the transfer errors: a refused certificate is the cause, whatever
        // error code the reply ended with.
        e.kind = K::Tls;
        e.technical = TlsDiagnosis::describe(in.sslErrors, in.host, in.peerCertificate).technical;
    } else if (in.timedOut || in.networkError == QNetworkReply::OperationCanceledError
        || in.networkError == QNetworkReply::TimeoutError) {
        // Qt 6.4 reports its transfer timeout as OperationCanceledError; we did not cancel, so
        // it is a timeout (see qt-6.4-notes.md 2.3).
        e.kind = K::Timeout;
    } else if (in.httpStatus == 0) {
        if (in.networkError == QNetworkReply::NoError) {
            e.kind = K::MalformedResponse;
            e.technical = QStringLiteral("no HTTP status in the answer");
        } else {
            e.kind = isTlsError(in.networkError) ? K::Tls : K::Network;
        }
    } else if (in.httpStatus < 200) {
        // An interim status (1xx) is all that arrived: no answer at all.
        e.kind = in.networkError == QNetworkReply::NoError ? K::MalformedResponse : K::Network;
        e.technical = QStringLiteral("only an interim HTTP %1, no final answer").arg(in.httpStatus);
    } else if (in.httpStatus >= 200 && in.httpStatus < 300) {
        if (in.networkError == QNetworkReply::NoError)
            return {};
        e.kind = K::Network; // e.g. the connection closed mid-body
    } else if (in.httpStatus < 400) {
        // A redirect that cannot be followed: no Location, or not a kind that names a new
        // address (300 Multiple Choices, 304 Not Modified, ...).
        e.kind = K::Server;
        e.technical = in.location.isEmpty()
            ? QStringLiteral("HTTP %1 without a Location").arg(in.httpStatus)
            : QStringLiteral("HTTP %1 to %2").arg(in.httpStatus).arg(QString::fromUtf8(in.location.left(200)));
        e.sentence = tr("The server answered with a redirect (HTTP %1) that does not say where to go, so there is "
                        "no answer to show.")
                         .arg(in.httpStatus);
        return e;
    } else {
        readBody(in.body, &e);
        if (e.grpcCode >= 0)
            e.kind = kindFromGrpc(e.grpcCode);
        else
            e.kind = kindFromHttp(in.httpStatus);
        if (e.grpcCode < 0) {
            const QString type = QString::fromLatin1(in.contentType).section(QLatin1Char(';'), 0, 0).trimmed();
            e.technical = in.body.isEmpty()
                ? QStringLiteral("HTTP %1 with an empty body").arg(in.httpStatus)
                : QStringLiteral("HTTP %1 with a %2 body of %3 bytes that is not a ZITADEL error")
                      .arg(in.httpStatus)
                      .arg(type.isEmpty() ? QStringLiteral("untyped") : type)
                      .arg(in.body.size());
        }
        if (in.httpStatus == 429 || in.httpStatus == 503)
            e.retryAfterSeconds = parseRetryAfter(in.retryAfter, QDateTime::currentDateTimeUtc());
    }

    e.sentence = sentenceForId(e, in.operation);
    if (e.sentence.isEmpty())
        e.sentence = sentenceForKind(e, in);
    return e;
}

ApiError malformed(ApiOperation operation, int httpStatus, const QString& what)
{
    ApiError e;
    e.kind = ApiError::Kind::MalformedResponse;
    e.httpStatus = httpStatus;
    e.technical = what;
    Input in;
    in.operation = operation;
    e.sentence = sentenceForKind(e, in);
    return e;
}

ApiError invalidInput(const QString& sentence)
{
    ApiError e;
    e.kind = ApiError::Kind::InvalidInput;
    e.sentence = sentence;
    return e;
}

int parseRetryAfter(const QByteArray& value, const QDateTime& now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    const bool digits = std::all_of(v.cbegin(), v.cend(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
        bool ok = false;
        const qint64 seconds = v.toLongLong(&ok);
        return !ok ? MaxRetryAfterSeconds : int(qMin<qint64>(seconds, MaxRetryAfterSeconds)); // !ok: overflow
    }
    // HTTP-date in its one modern form (IMF-fixdate), e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    // Qt's RFC 2822 parser does not take the "GMT" zone name, so read it with the C locale.
    QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    at.setTimeSpec(Qt::UTC);
    if (!at.isValid())
        return -1;
    return int(qBound<qint64>(0, now.secsTo(at), qint64(MaxRetryAfterSeconds)));
}
} // namespace ErrorDecoder
