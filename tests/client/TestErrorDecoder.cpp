#include "ErrorDecoder.h"

#include <QTest>

#include <limits>

using Kind = ApiError::Kind;
Q_DECLARE_METATYPE(ApiError::Kind)
Q_DECLARE_METATYPE(ApiOperation)

// Error mapping from raw bodies, without a network: every shape ZITADEL (or what stands in
// front of it) answers with.
class TestErrorDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void httpBodies_data();
    void httpBodies();
    void transport_data();
    void transport();
    void successIsNoError();
    void retryAfter_data();
    void retryAfter();
    void summaryAddsTheIdOnce();
};

void TestErrorDecoder::httpBodies_data()
{
    QTest::addColumn<ApiOperation>("operation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("grpcCode");
    QTest::addColumn<QString>("errorId");
    QTest::addColumn<QString>("sentenceContains");

    // REST gateway bodies, verbatim from the API reference.
    QTest::newRow("rest phone already verified")
        << ApiOperation::ResendPhone << 400
        << QByteArray(
               R"J({"code":9,"message":"Phone already verified (COMMAND-2M9sf)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"COMMAND-2M9sf","message":"Phone already verified"}]})J")
        << Kind::Precondition << 9 << "COMMAND-2M9sf"
        << "This phone number is already verified, so there is nothing to resend.";
    QTest::newRow("rest phone not found")
        << ApiOperation::ResendPhone << 404
        << QByteArray(
               R"J({"code":5,"message":"Phone not found (COMMAND-2b7Hf)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"COMMAND-2b7Hf","message":"Phone not found"}]})J")
        << Kind::NotFound << 5 << "COMMAND-2b7Hf"
        << "has no phone number";
    QTest::newRow("rest code empty")
        << ApiOperation::ResendEmail << 400
        << QByteArray(
               R"J({"code":9,"message":"Code is empty (EMAIL-5w5ilin4yt)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"EMAIL-5w5ilin4yt","message":"Code is empty"}]})J")
        << Kind::Precondition << 9 << "EMAIL-5w5ilin4yt"
        << "no pending email code";
    QTest::newRow("rest permission on resend")
        << ApiOperation::ResendEmail << 403
        << QByteArray(
               R"J({"code":7,"message":"No matching permissions found (AUTH-5mWD2)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"AUTH-5mWD2","message":"No matching permissions found"}]})J")
        << Kind::PermissionDenied << 7 << "AUTH-5mWD2"
        << "user.write";
    QTest::newRow("rest permission on list")
        << ApiOperation::ListUsers << 403
        << QByteArray(
               R"J({"code":7,"message":"No matching permissions found (AUTH-AWfge)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"AUTH-AWfge","message":"No matching permissions found"}]})J")
        << Kind::PermissionDenied << 7 << "AUTH-AWfge"
        << "user.read";
    QTest::newRow("rest limit exceeded")
        << ApiOperation::ListUsers << 400
        << QByteArray(
               R"J({"code":3,"message":"Limit exceeded (QUERY-4M0fs)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"QUERY-4M0fs","message":"Limit exceeded"}]})J")
        << Kind::InvalidArgument << 3 << "QUERY-4M0fs"
        << "page size";
    QTest::newRow("rest auth header missing, no details")
        << ApiOperation::GetUser << 401 << QByteArray(R"J({"code":16,"message":"auth header missing"})J")
        << Kind::Unauthenticated << 16 << ""
        << "No token was sent";
    QTest::newRow("rest token invalid")
        << ApiOperation::GetUser << 401
        << QByteArray(
               R"J({"code":16,"message":"Token is invalid (AUTH-7fs1e)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"AUTH-7fs1e","message":"Token is invalid"}]})J")
        << Kind::Unauthenticated << 16 << "AUTH-7fs1e"
        << "invalid or has expired";
    QTest::newRow("rest validation, id only in nothing")
        << ApiOperation::ListUsers << 400
        << QByteArray(
               R"J({"code":3,"message":"invalid ListUsersRequest.Queries[0]: embedded message failed validation | caused by: invalid SearchQuery.Query: value is required"})J")
        << Kind::InvalidArgument << 3 << ""
        << "rejected the request as invalid";
    QTest::newRow("rest v3alpha feature off, id TODO")
        << ApiOperation::ResendEmail << 400
        << QByteArray(
               R"J({"code":9,"message":"Feature \"User Schema\" is not enabled (TODO)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"TODO","message":"Feature \"User Schema\" is not enabled"}]})J")
        << Kind::Precondition << 9 << "TODO"
        << "User Schema";
    QTest::newRow("rest id only in the message")
        << ApiOperation::GetUser << 404
        << QByteArray(R"J({"code":5,"message":"User could not be found (QUERY-Dfbg2)"})J") << Kind::NotFound << 5
        << "QUERY-Dfbg2"
        << "could not be found";
    QTest::newRow("rest quota exhausted")
        << ApiOperation::ListUsers << 429
        << QByteArray(R"J({"code":8,"message":"The quota for authenticated requests is exhausted"})J")
        << Kind::RateLimited << 8 << ""
        << "quota";
    QTest::newRow("rest unknown route") << ApiOperation::GetUser << 404
                                        << QByteArray(R"J({"code":5,"message":"Not Found"})J") << Kind::NotFound << 5
                                        << ""
                                        << "Not Found";

    // Connect bodies: the id in debug, or only in the base64 protobuf value.
    QTest::newRow("connect not found with debug")
        << ApiOperation::ResendEmail << 404
        << QByteArray(
               R"J({"code":"not_found","message":"Email not found (COMMAND-ieJ2e)","details":[{"type":"zitadel.v1.ErrorDetail","value":"Cg1DT01NQU5ELWllSjJlEg9FbWFpbCBub3QgZm91bmQ","debug":{"id":"COMMAND-ieJ2e","message":"Email not found"}}]})J")
        << Kind::NotFound << 5 << "COMMAND-ieJ2e"
        << "could not be found";
    QTest::newRow("connect value only")
        << ApiOperation::ResendEmail << 404
        << QByteArray(
               R"J({"code":"not_found","message":"Email not found","details":[{"type":"zitadel.v1.ErrorDetail","value":"Cg1DT01NQU5ELWllSjJlEg9FbWFpbCBub3QgZm91bmQ"}]})J")
        << Kind::NotFound << 5 << "COMMAND-ieJ2e"
        << "could not be found";
    QTest::newRow("connect permission denied")
        << ApiOperation::ResendPhone << 403
        << QByteArray(
               R"J({"code":"permission_denied","message":"No matching permissions found (AUTH-5mWD2)","details":[{"type":"zitadel.v1.ErrorDetail","value":"CgpBVVRILTVtV0QyEh1ObyBtYXRjaGluZyBwZXJtaXNzaW9ucyBmb3VuZA","debug":{"id":"AUTH-5mWD2","message":"No matching permissions found"}}]})J")
        << Kind::PermissionDenied << 7 << "AUTH-5mWD2"
        << "user.write";
    QTest::newRow("connect failed precondition on old connect-go 412")
        << ApiOperation::ResendPhone << 412
        << QByteArray(R"J({"code":"failed_precondition","message":"Code is empty (PHONE-5xrra88eq8)"})J")
        << Kind::Precondition << 9 << "PHONE-5xrra88eq8"
        << "no pending phone code";
    QTest::newRow("connect unauthenticated")
        << ApiOperation::ListUsers << 401
        << QByteArray(R"J({"code":"unauthenticated","message":"auth header missing"})J") << Kind::Unauthenticated << 16
        << ""
        << "No token was sent";

    // Verify: ZITADEL's one answer for every bad code, in both envelopes, and the ids of the
    // single causes, worded for checking a code rather than sending one.
    const QString codeInvalid = QStringLiteral(
        "The code is wrong or no longer valid: it may have expired or been replaced by a newer one. Check it, or "
        "send a new code.");
    QTest::newRow("rest code invalid on verify email")
        << ApiOperation::VerifyEmail << 400
        << QByteArray(
               R"J({"code":3,"message":"Code is invalid (COMMAND-eis9R)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"COMMAND-eis9R","message":"Code is invalid"}]})J")
        << Kind::InvalidArgument << 3 << "COMMAND-eis9R" << codeInvalid;
    QTest::newRow("connect code invalid on verify phone, value only")
        << ApiOperation::VerifyPhone << 400
        << QByteArray(
               R"J({"code":"invalid_argument","message":"Code is invalid","details":[{"type":"zitadel.v1.ErrorDetail","value":"Cg1DT01NQU5ELWVpczlSEg9Db2RlIGlzIGludmFsaWQ"}]})J")
        << Kind::InvalidArgument << 3 << "COMMAND-eis9R" << codeInvalid;
    QTest::newRow("code invalid outside verify has no verify words")
        << ApiOperation::GetUser << 400 << QByteArray(R"J({"code":3,"message":"Code is invalid (COMMAND-eis9R)"})J")
        << Kind::InvalidArgument << 3 << "COMMAND-eis9R"
        << "The server rejected the request as invalid: Code is invalid (COMMAND-eis9R)";
    QTest::newRow("connect code expired on verify")
        << ApiOperation::VerifyEmail << 400
        << QByteArray(
               R"J({"code":"failed_precondition","message":"Code is expired (CODE-QvUQ4P)","details":[{"type":"zitadel.v1.ErrorDetail","value":"CgtDT0RFLVF2VVE0UBIPQ29kZSBpcyBleHBpcmVk","debug":{"id":"CODE-QvUQ4P","message":"Code is expired"}}]})J")
        << Kind::Precondition << 9 << "CODE-QvUQ4P"
        << "The code has expired; send a new one.";
    QTest::newRow("rest wrong code from the crypto layer")
        << ApiOperation::VerifyPhone << 400 << QByteArray(R"J({"code":3,"message":"Code is invalid (CODE-woT0xc)"})J")
        << Kind::InvalidArgument << 3 << "CODE-woT0xc"
        << "The code is wrong.";
    QTest::newRow("rest code empty on verify")
        << ApiOperation::VerifyEmail << 400 << QByteArray(R"J({"code":3,"message":"Code is empty (COMMAND-Fia4a)"})J")
        << Kind::InvalidArgument << 3 << "COMMAND-Fia4a"
        << "No code was given; enter the code the user received.";
    QTest::newRow("email already verified on verify")
        << ApiOperation::VerifyEmail << 400
        << QByteArray(R"J({"code":9,"message":"Email is already verified (COMMAND-3M9ds)"})J") << Kind::Precondition
        << 9 << "COMMAND-3M9ds"
        << "The email address is already verified.";
    QTest::newRow("email already verified on resend")
        << ApiOperation::ResendEmail << 400
        << QByteArray(R"J({"code":9,"message":"Email is already verified (COMMAND-3M9ds)"})J") << Kind::Precondition
        << 9 << "COMMAND-3M9ds"
        << "This email address is already verified, so there is nothing to resend.";
    QTest::newRow("phone already verified on verify")
        << ApiOperation::VerifyPhone << 400
        << QByteArray(R"J({"code":9,"message":"Phone already verified (COMMAND-2M9sf)"})J") << Kind::Precondition << 9
        << "COMMAND-2M9sf"
        << "The phone number is already verified.";
    QTest::newRow("no pending email code on verify")
        << ApiOperation::VerifyEmail << 400
        << QByteArray(R"J({"code":9,"message":"Code is empty (EMAIL-5w5ilin4yt)"})J") << Kind::Precondition << 9
        << "EMAIL-5w5ilin4yt"
        << "There is no pending email code to check";
    QTest::newRow("no pending phone code on verify")
        << ApiOperation::VerifyPhone << 400
        << QByteArray(R"J({"code":9,"message":"Code is empty (PHONE-5xrra88eq8)"})J") << Kind::Precondition << 9
        << "PHONE-5xrra88eq8"
        << "There is no pending phone code to check";
    QTest::newRow("initial user on verify")
        << ApiOperation::VerifyPhone << 400
        << QByteArray(R"J({"code":9,"message":"User is not yet initialized (COMMAND-uz0Uu)"})J") << Kind::Precondition
        << 9 << "COMMAND-uz0Uu"
        << "so ZITADEL will not verify the address.";
    QTest::newRow("unknown user on verify")
        << ApiOperation::VerifyEmail << 404 << QByteArray(R"J({"code":5,"message":"Email not found (COMMAND-ieJ2e)"})J")
        << Kind::NotFound << 5 << "COMMAND-ieJ2e"
        << "could not be found";
    QTest::newRow("permission on verify")
        << ApiOperation::VerifyEmail << 403
        << QByteArray(R"J({"code":7,"message":"No matching permissions found (AUTH-AWfge)"})J")
        << Kind::PermissionDenied << 7 << "AUTH-AWfge"
        << "not allowed to verify addresses";

    // Not ZITADEL at all: proxies, load balancers, empty bodies.
    QTest::newRow("html 502 from a proxy")
        << ApiOperation::ResendEmail << 502
        << QByteArray("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
                      "Gateway</h1></center></body></html>")
        << Kind::Server << -1 << ""
        << "HTTP 502";
    QTest::newRow("empty 500") << ApiOperation::GetUser << 500 << QByteArray() << Kind::Server << -1 << ""
                               << "not caused by what you entered";
    QTest::newRow("empty 401") << ApiOperation::GetUser << 401 << QByteArray() << Kind::Unauthenticated << -1 << ""
                               << "invalid or has expired";
    QTest::newRow("empty 403 on resend") << ApiOperation::ResendEmail << 403 << QByteArray() << Kind::PermissionDenied
                                         << -1 << ""
                                         << "user.write";
    QTest::newRow("truncated json error 400")
        << ApiOperation::GetUser << 400 << QByteArray(R"J({"code":3,"mess)J") << Kind::InvalidArgument << -1 << ""
        << "HTTP 400";
    QTest::newRow("429 without body") << ApiOperation::ResendEmail << 429 << QByteArray() << Kind::RateLimited << -1
                                      << ""
                                      << "limiting requests";
    QTest::newRow("503 text") << ApiOperation::ListOrganizations << 503 << QByteArray("Service Unavailable")
                              << Kind::Server << -1 << ""
                              << "HTTP 503";
}

void TestErrorDecoder::httpBodies()
{
    QFETCH(ApiOperation, operation);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Kind, kind);
    QFETCH(int, grpcCode);
    QFETCH(QString, errorId);
    QFETCH(QString, sentenceContains);

    ErrorDecoder::Input in;
    in.operation = operation;
    in.httpStatus = status;
    in.networkError = QNetworkReply::UnknownContentError; // what QNAM reports alongside a 4xx/5xx
    in.body = body;
    const ApiError e = ErrorDecoder::decode(in);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.grpcCode, grpcCode);
    QCOMPARE(e.errorId, errorId);
    QVERIFY2(e.sentence.contains(sentenceContains), qPrintable(e.sentence));
    if (grpcCode >= 0)
        QVERIFY(!e.grpcCodeName.isEmpty());
    else
        QVERIFY2(!e.technical.isEmpty(), "a body that is not a ZITADEL error is described for the inspector");
}

void TestErrorDecoder::transport_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::addColumn<bool>("cancelledByUser");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<ApiOperation>("operation");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("sentenceContains");

    QTest::newRow("connection refused") << QNetworkReply::ConnectionRefusedError << false << false
                                        << ApiOperation::ListOrganizations << Kind::Network << "refused the connection";
    QTest::newRow("host not found") << QNetworkReply::HostNotFoundError << false << false << ApiOperation::GetMyOrg
                                    << Kind::Network << "could not be found";
    QTest::newRow("closed early") << QNetworkReply::RemoteHostClosedError << false << false << ApiOperation::GetUser
                                  << Kind::Network << "closed the connection";
    QTest::newRow("tls") << QNetworkReply::SslHandshakeFailedError << false << false << ApiOperation::GetUser
                         << Kind::Tls << "secure connection";
    // Qt 6.4 reports its transfer timeout as OperationCanceledError: without our own cancel it is a timeout.
    QTest::newRow("qt transfer timeout looks like a cancel")
        << QNetworkReply::OperationCanceledError << false << false << ApiOperation::ResendEmail << Kind::Timeout
        << "may still have been sent";
    QTest::newRow("our deadline") << QNetworkReply::OperationCanceledError << false << true << ApiOperation::GetUser
                                  << Kind::Timeout << "did not answer";
    QTest::newRow("user cancel of a resend") << QNetworkReply::OperationCanceledError << true << false
                                             << ApiOperation::ResendPhone << Kind::Cancelled << "may have been sent";
    QTest::newRow("user cancel of a verify")
        << QNetworkReply::OperationCanceledError << true << false << ApiOperation::VerifyEmail << Kind::Cancelled
        << "the address may already be verified";
    QTest::newRow("timeout of a verify") << QNetworkReply::OperationCanceledError << false << true
                                         << ApiOperation::VerifyPhone << Kind::Timeout
                                         << "The address may have been verified anyway";
    QTest::newRow("user cancel of a list") << QNetworkReply::OperationCanceledError << true << false
                                           << ApiOperation::ListUsers << Kind::Cancelled << "cancelled";
}

void TestErrorDecoder::transport()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(bool, cancelledByUser);
    QFETCH(bool, timedOut);
    QFETCH(ApiOperation, operation);
    QFETCH(Kind, kind);
    QFETCH(QString, sentenceContains);

    ErrorDecoder::Input in;
    in.operation = operation;
    in.networkError = error;
    in.networkErrorString = QStringLiteral("detail from Qt");
    in.cancelledByUser = cancelledByUser;
    in.timedOut = timedOut;
    in.timeoutMs = 30000;
    const ApiError e = ErrorDecoder::decode(in);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.httpStatus, 0);
    QVERIFY2(e.sentence.contains(sentenceContains), qPrintable(e.sentence));
}

void TestErrorDecoder::successIsNoError()
{
    ErrorDecoder::Input in;
    in.httpStatus = 200;
    in.body = R"J({"details":{}})J";
    QVERIFY(!ErrorDecoder::decode(in).isError());

    in.networkError = QNetworkReply::RemoteHostClosedError; // 200 but the body was cut off
    QCOMPARE(ErrorDecoder::decode(in).kind, Kind::Network);
}

void TestErrorDecoder::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds");
    QTest::newRow("seconds") << QByteArray("120") << 120;
    QTest::newRow("spaces") << QByteArray(" 7 ") << 7;
    QTest::newRow("http date") << QByteArray("Sun, 22 Nov 2026 10:01:30 GMT") << 90;
    QTest::newRow("date in the past") << QByteArray("Sun, 22 Nov 2026 09:00:00 GMT") << 0;
    // Found by fuzz_response: 389 years of seconds wrapped the int to a negative wait.
    QTest::newRow("date centuries ahead")
        << QByteArray("Wed, 21 Oct 2415 06:28:00 GMT") << ErrorDecoder::MaxRetryAfterSeconds;
    QTest::newRow("absent") << QByteArray() << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("plus sign") << QByteArray("+5") << -1;
    // Absurd values are capped at a day: nobody should be told to wait for a year.
    QTest::newRow("a day") << QByteArray("86400") << 86400;
    QTest::newRow("a year") << QByteArray("31536000") << 86400;
    QTest::newRow("beyond 64 bits") << QByteArray("99999999999999999999999") << 86400;
    QTest::newRow("date in ten years") << QByteArray("Sat, 22 Nov 2036 10:00:00 GMT") << 86400;
}

void TestErrorDecoder::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    const QDateTime now(QDate(2026, 11, 22), QTime(10, 0, 0), Qt::UTC);
    QCOMPARE(ErrorDecoder::parseRetryAfter(value, now), seconds);
}

void TestErrorDecoder::summaryAddsTheIdOnce()
{
    ErrorDecoder::Input in;
    in.operation = ApiOperation::ResendPhone;
    in.httpStatus = 400;
    in.body = R"J({"code":9,"message":"Phone already verified (COMMAND-2M9sf)"})J";
    const ApiError e = ErrorDecoder::decode(in);
    QCOMPARE(e.summary(),
        QStringLiteral("This phone number is already verified, so there is nothing to resend. (COMMAND-2M9sf)"));
    QCOMPARE(e.summary().count(QLatin1String("COMMAND-2M9sf")), 1);
}

QTEST_GUILESS_MAIN(TestErrorDecoder)
#include "TestErrorDecoder.moc"
