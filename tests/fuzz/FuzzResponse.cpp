// fuzz_response: what the client does with a server's answer. ErrorDecoder::decode (status,
// body, Content-Type, Retry-After, transport error), ErrorDecoder::parseRetryAfter, and the
// ZitadelJson decoders the client runs on a 2xx body.
//
// Input format (text, so the seeds in corpus/fuzz_response read like answers):
//   line 1  "<operation> <http status> <network error> <flags>", decimal numbers:
//           operation 0-7 (ApiOperation in declaration order), network error a
//           QNetworkReply::NetworkError value (others count as UnknownNetworkError),
//           flags bit 0 cancelled, bit 1 timed out
//   line 2  the raw Retry-After header value (may be empty)
//   line 3  the raw Content-Type header value (may be empty)
//   rest    the body, byte for byte
// Missing lines count as empty; numbers that do not parse count as 0.

#include "ErrorDecoder.h"
#include "FuzzSupport.h"
#include "ZitadelJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>

namespace
{
// The number as a NetworkError when it names one, else UnknownNetworkError: any other value
// is outside the enum, which the decoder never gets from Qt.
QNetworkReply::NetworkError networkError(int number)
{
    const auto e = QNetworkReply::NetworkError(qBound(0, number, int(QNetworkReply::UnknownServerError)));
    return QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(e) ? e : QNetworkReply::UnknownNetworkError;
}

void decodeError(QByteArray input)
{
    const QList<QByteArray> numbers = FuzzSupport::takeLine(&input).simplified().split(' ');
    ErrorDecoder::Input in;
    in.operation = ApiOperation(qBound(0, numbers.value(0).toInt(), int(ApiOperation::VerifyPhone)));
    in.httpStatus = numbers.value(1).toInt();
    in.networkError = networkError(numbers.value(2).toInt());
    const int flags = numbers.value(3).toInt();
    in.cancelledByUser = flags & 1;
    in.timedOut = flags & 2;
    in.timeoutMs = 30000;
    in.networkErrorString = QStringLiteral("fuzzed transport error");
    in.retryAfter = FuzzSupport::takeLine(&input);
    in.contentType = FuzzSupport::takeLine(&input);
    in.body = input;

    const ApiError e = ErrorDecoder::decode(in);
    // Oracles: what the UI relies on.
    const bool succeeded = !in.cancelledByUser && !in.timedOut && in.httpStatus >= 200 && in.httpStatus < 300
        && in.networkError == QNetworkReply::NoError;
    if (succeeded != (e.kind == ApiError::Kind::None))
        FuzzSupport::fail("decode: kind None exactly for a 2xx without a transport error");
    if (e.kind != ApiError::Kind::None && e.sentence.isEmpty())
        FuzzSupport::fail("decode: every error has a sentence for people");
    if (e.retryAfterSeconds < -1)
        FuzzSupport::fail("decode: retryAfterSeconds is -1 or a wait in seconds");

    // Retry-After on its own, against a fixed "now" so a crash reproduces.
    static const QDateTime now = QDateTime(QDate(2026, 3, 2), QTime(14, 20, 1), Qt::UTC);
    if (ErrorDecoder::parseRetryAfter(in.retryAfter, now) < -1)
        FuzzSupport::fail("parseRetryAfter: -1 or a wait in seconds");

    // The decoders the client runs on a 2xx body (ZitadelClient: the body itself, "user",
    // "org", "details", each element of "result").
    const QJsonObject o = QJsonDocument::fromJson(in.body).object();
    ZitadelJson::resendResultFromJson(o);
    ZitadelJson::detailsFromJson(o.value(QLatin1String("details")).toObject());
    ZitadelJson::toUInt64(o.value(QLatin1String("details")).toObject().value(QLatin1String("totalResult")));
    ZitadelJson::userFromV2Json(o.value(QLatin1String("user")).toObject());
    ZitadelJson::organizationFromJson(o.value(QLatin1String("org")).toObject());
    for (const QJsonValue& v : o.value(QLatin1String("result")).toArray()) {
        ZitadelJson::userFromV2Json(v.toObject());
        ZitadelJson::organizationFromJson(v.toObject());
    }
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::initialize("fuzz_response");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    decodeError(FuzzSupport::bytes(data, size));
    return 0;
}
