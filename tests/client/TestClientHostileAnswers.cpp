#include "ScriptedHttpServer.h"
#include "ZitadelClient.h"

#include <QLocale>
#include <QTest>

#include <sys/resource.h>

using Kind = ApiError::Kind;
using Framing = ScriptedHttpServer::Framing;
Q_DECLARE_METATYPE(ApiError::Kind)
Q_DECLARE_METATYPE(ScriptedHttpServer::Framing)

namespace
{
const QString token = QStringLiteral("s3cr3t-PAT-do-not-leak");
constexpr int WaitMs = 30000;
constexpr qint64 MB = 1024 * 1024;

// The process's peak resident memory so far, in bytes (Linux reports kilobytes).
qint64 peakRss()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss) * 1024;
}

QByteArray nested(int depth, char open, char close)
{
    return QByteArray(depth, open) + QByteArray(depth, close);
}

QByteArray nestedObjects(int depth)
{
    QByteArray s;
    for (int i = 0; i < depth; ++i)
        s += "{\"a\":";
    s += "1";
    s += QByteArray(depth, '}');
    return s;
}
} // namespace

// What a hostile or broken server can do to the client over real loopback HTTP, and what
// the person is told: answers too large for memory (with and without a length), a server
// that trickles forever, connections cut mid-body, invalid UTF-8 and absurd nesting in JSON,
// and the exact sentences for 401, 429 and 5xx. Nothing here may crash or hang.
class TestClientHostileAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    // First, while the process's peak memory is still low enough to show growth.
    void oversizedAnswersAreCutOff_data();
    void oversizedAnswersAreCutOff();
    void largeButAllowedAnswerIsRead();
    void slowLorisHitsTheWholeRequestDeadline();
    void stalledHeadIsATimeoutToo();
    void connectionClosedMidBody_data();
    void connectionClosedMidBody();
    void cutOffChangesAreSentOnce_data();
    void cutOffChangesAreSentOnce();
    void hostileJson_data();
    void hostileJson();
    void statusSentences_data();
    void statusSentences();
    void retryAfterAsHttpDate();

private:
    template <class T>
    bool wait(const std::optional<T>& result)
    {
        return QTest::qWaitFor([&] { return result.has_value(); }, WaitMs);
    }
    std::optional<Result<User>> getUser();

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<ZitadelClient> m_client;
};

void TestClientHostileAnswers::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<ZitadelClient>();
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()));
    m_client->setToken(token);
}

void TestClientHostileAnswers::cleanup()
{
    m_client.reset();
    m_server.reset();
}

std::optional<Result<User>> TestClientHostileAnswers::getUser()
{
    std::optional<Result<User>> result;
    m_client->getUserById(QStringLiteral("1"), [&result](const Result<User>& r) { result = r; });
    if (!wait(result))
        qWarning("no answer within %d ms", WaitMs);
    return result;
}

void TestClientHostileAnswers::oversizedAnswersAreCutOff_data()
{
    QTest::addColumn<qint64>("bytes"); // -1: endless
    QTest::addColumn<Framing>("framing");

    QTest::newRow("11 MB with Content-Length") << 11 * MB << Framing::ContentLength;
    QTest::newRow("11 MB without a length") << 11 * MB << Framing::UntilClose;
    QTest::newRow("11 MB chunked") << 11 * MB << Framing::Chunked;
    QTest::newRow("endless without a length") << qint64(-1) << Framing::UntilClose;
    QTest::newRow("endless chunked") << qint64(-1) << Framing::Chunked;
}

void TestClientHostileAnswers::oversizedAnswersAreCutOff()
{
    QFETCH(qint64, bytes);
    QFETCH(Framing, framing);

    const qint64 peakBefore = peakRss();
    m_server->enqueueStream(bytes, framing);
    std::optional<Result<ResendResult>> result;
    m_client->resendEmailCode(QStringLiteral("1"), {}, [&result](const Result<ResendResult>& r) { result = r; });
    QVERIFY(wait(result));

    const ApiError& e = result->error;
    QCOMPARE(e.kind, Kind::MalformedResponse);
    QCOMPARE(e.sentence,
        QStringLiteral("The server's answer is larger than 10 MB, far more than any ZITADEL answer, so Verify Desk "
                       "stopped reading it. The code may still have been sent, so check before sending again."));
    QCOMPARE(e.httpStatus, 200);
    // The inspector keeps a sample, not the 10 MB.
    QVERIFY(result->exchange->responseBody.size() <= ApiCall::KeptBytesOfTooLargeAnswer);
    if (framing == Framing::ContentLength)
        QVERIFY2(result->exchange->responseBody.isEmpty(), "refused from the announced length, before reading");
    // The client hung up: the server's stream stops, so an endless one cannot go on in the
    // background, and it sent little more than the limit plus what the sockets buffer.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openStreams(), 0, WaitMs);
    QVERIFY2(m_server->streamedBytes() < ApiCall::MaxResponseBytes + 32 * MB,
        qPrintable(QString::number(m_server->streamedBytes())));
    const qint64 growth = peakRss() - peakBefore;
    qInfo("streamed %lld bytes before the client hung up; peak memory grew by %lld KiB",
        m_server->streamedBytes(),
        growth / 1024);
    // Reading everything would need the whole answer (endless: until the deadline, gigabytes
    // on loopback). Cut at 10 MB, the peak stays within a few times that.
    QVERIFY2(growth < 64 * MB, qPrintable(QString::number(growth)));
}

void TestClientHostileAnswers::largeButAllowedAnswerIsRead()
{
    // Just under the limit and valid: the limit is for absurd answers, not large ones.
    const QByteArray name(int(ApiCall::MaxResponseBytes) - 100, 'x');
    m_server->enqueue(200, "application/json", R"J({"user":{"userId":"1","username":")J" + name + R"J("}})J");
    const auto result = getUser();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.sentence));
    QCOMPARE(result->value->username.size(), name.size());
}

void TestClientHostileAnswers::slowLorisHitsTheWholeRequestDeadline()
{
    // A byte every 100 ms keeps Qt's inactivity timeout from ever firing; only the
    // whole-request deadline ends this.
    m_client->setTimeout(1500);
    m_server->enqueueTrickle(100);
    std::optional<Result<ResendResult>> result;
    m_client->resendEmailCode(QStringLiteral("1"), {}, [&result](const Result<ResendResult>& r) { result = r; });
    QVERIFY(wait(result));

    QCOMPARE(result->error.kind, Kind::Timeout);
    QCOMPARE(result->error.sentence,
        QStringLiteral("The server started to answer but did not finish within 1.5 seconds. The code may still have "
                       "been sent, so check before sending again."));
    const double ms = result->exchange->durationMs;
    QVERIFY2(ms >= 1400 && ms < 10000, QByteArray::number(ms));
    QVERIFY2(m_server->streamedBytes() >= 5, "the server was trickling while the client waited");
    QCOMPARE(m_server->requests().size(), 1); // and nothing was retried
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openStreams(), 0, WaitMs);
}

void TestClientHostileAnswers::stalledHeadIsATimeoutToo()
{
    m_client->setTimeout(400);
    m_server->enqueueHang();
    const auto result = getUser();
    QVERIFY(result);
    QCOMPARE(result->error.kind, Kind::Timeout);
    QCOMPARE(result->error.sentence, QStringLiteral("The server did not answer within 0.4 seconds."));
}

void TestClientHostileAnswers::connectionClosedMidBody_data()
{
    QTest::addColumn<QByteArray>("raw"); // written, then the connection closes
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("sentence");

    const QString maySent = QStringLiteral("The code may still have been sent, so check before sending again.");
    QTest::newRow("nothing at all") << QByteArray() << Kind::Network
                                    << "The server closed the connection without answering. " + maySent;
    QTest::newRow("head cut off") << QByteArray("HTTP/1.1 200 OK\r\nContent-Ty") << Kind::Network
                                  << "The server closed the connection without answering. " + maySent;
    QTest::newRow("200, Content-Length not reached")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n"
                      R"J({"details":{"sequence")J")
        << Kind::Network << "The server closed the connection before the whole answer arrived. " + maySent;
    QTest::newRow("200 chunked, last chunk missing")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "10\r\n{\"details\":{\"seq\r\n")
        << Kind::Network << "The server closed the connection before the whole answer arrived. " + maySent;
    QTest::newRow("500 with half a ZITADEL error")
        << QByteArray("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: "
                      "200\r\n\r\n"
                      R"J({"code":13,"mess)J")
        << Kind::Server
        << "The server or a proxy in front of it failed (HTTP 500). This is not caused by what you entered. Try again "
           "later.";
}

void TestClientHostileAnswers::connectionClosedMidBody()
{
    QFETCH(QByteArray, raw);
    QFETCH(Kind, kind);
    QFETCH(QString, sentence);
    m_server->enqueue(ScriptedHttpServer::Reply {raw});
    // Should Qt try again on a new connection (it does, for a cut-off head), this one answers:
    // the request must still have gone out only once.
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"2"}})J");
    std::optional<Result<ResendResult>> result;
    m_client->resendEmailCode(QStringLiteral("1"), {}, [&result](const Result<ResendResult>& r) { result = r; });
    QVERIFY(wait(result));
    QVERIFY2(result->error.kind == kind,
        qPrintable(QStringLiteral("%1 %2 | %3 | %4")
                       .arg(int(result->error.kind))
                       .arg(result->error.httpStatus)
                       .arg(result->error.sentence, result->error.technical)));
    QCOMPARE(result->error.sentence, sentence);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestClientHostileAnswers::cutOffChangesAreSentOnce_data()
{
    QTest::addColumn<int>("call"); // 0 resend email, 1 resend phone (v1), 2 verify email
    QTest::addColumn<QString>("sentence");
    QTest::newRow("resend email (v2)") << 0
                                       << "The server closed the connection without answering. The code may still "
                                          "have been sent, so check before sending again.";
    QTest::newRow("resend phone (v1)") << 1
                                       << "The server closed the connection without answering. The code may still "
                                          "have been sent, so check before sending again.";
    QTest::newRow("verify email") << 2
                                  << "The server closed the connection without answering. The address may have been "
                                     "verified anyway, so check the user before trying again.";
}

void TestClientHostileAnswers::cutOffChangesAreSentOnce()
{
    // Qt 6.4.2 on its own sends a request again (up to twice more, POST included) when the
    // connection closes before the answer's head. Three scripted answers would catch that.
    QFETCH(int, call);
    QFETCH(QString, sentence);
    m_server->enqueue(ScriptedHttpServer::Reply {"HTTP/1.1 200 OK\r\nContent-Ty"});
    m_server->enqueue(ScriptedHttpServer::Reply {"HTTP/1.1 200 OK\r\nContent-Ty"});
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"2"}})J");
    ApiError error;
    bool done = false;
    auto keep = [&](const ApiError& e) {
        error = e;
        done = true;
    };
    const QString id = QStringLiteral("312909075211944344");
    if (call == 0)
        m_client->resendEmailCode(id, {}, [&](const Result<ResendResult>& r) { keep(r.error); });
    else if (call == 1)
        m_client->resendHumanPhoneVerification(
            id, QStringLiteral("312908912355508120"), [&](const Result<ResendResult>& r) { keep(r.error); });
    else
        m_client->verifyEmail(id, QStringLiteral("Q7KZ2D"), [&](const Result<VerifyResult>& r) { keep(r.error); });
    QVERIFY(QTest::qWaitFor([&] { return done; }, WaitMs));
    QCOMPARE(error.kind, Kind::Network);
    QCOMPARE(error.sentence, sentence);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestClientHostileAnswers::hostileJson_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("sentence");

    // 200s: the answer cannot be used, and says why.
    QTest::newRow("200, invalid UTF-8 inside a string")
        << 200
        << QByteArray("{\"user\":{\"userId\":\"1\",\"username\":\"mi\xff\xfe"
                      "nnie\"}}")
        << Kind::MalformedResponse
        << "The server's answer could not be read: the body is not valid JSON (invalid UTF8 string at byte 36).";
    QTest::newRow("200, 100 000 [") << 200 << QByteArray(100000, '[') << Kind::MalformedResponse
                                    << "The server's answer could not be read: the body is not valid JSON (too "
                                       "deeply nested document at byte 1025).";
    // Qt's parser allows 1024 levels; one more is refused, not recursed into.
    QTest::newRow("200, 1025 levels of arrays")
        << 200 << nested(1025, '[', ']') << Kind::MalformedResponse
        << "The server's answer could not be read: the body is not valid JSON (too deeply nested document at byte "
           "1025).";
    QTest::newRow("200, 1024 levels of arrays") << 200 << nested(1024, '[', ']') << Kind::MalformedResponse
                                                << "The server's answer could not be read: the body is not a JSON "
                                                   "object.";
    QTest::newRow("200, 1024 levels of objects") << 200 << nestedObjects(1024) << Kind::MalformedResponse
                                                 << "The server's answer could not be read: the answer has no "
                                                    "\"user\" object.";
    QTest::newRow("200, 1025 levels of objects") << 200 << nestedObjects(1025) << Kind::MalformedResponse
                                                 << "The server's answer could not be read: the body is not valid "
                                                    "JSON (too deeply nested document at byte 5121).";

    // Error statuses with such bodies: ErrorDecoder::readBody gives up on the body and the
    // status alone decides.
    QTest::newRow("400, invalid UTF-8 in the message")
        << 400 << QByteArray("{\"code\":3,\"message\":\"bad \xc3\x28 input\"}") << Kind::InvalidArgument
        << "The server rejected the request as invalid: HTTP 400";
    QTest::newRow("401, 100 000 [") << 401 << QByteArray(100000, '[') << Kind::Unauthenticated
                                    << "The server did not accept your token: it is invalid or has expired.";
    QTest::newRow("403, 1025 levels of objects")
        << 403 << nestedObjects(1025) << Kind::PermissionDenied
        << "Your account is not allowed to see users of this organization (it lacks the user.read permission "
           "there).";
    QTest::newRow("500, 100 000 {") << 500 << QByteArray(100000, '{') << Kind::Server
                                    << "The server or a proxy in front of it failed (HTTP 500). This is not caused "
                                       "by what you entered. Try again later.";
}

void TestClientHostileAnswers::hostileJson()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Kind, kind);
    QFETCH(QString, sentence);
    m_server->enqueue(status, "application/json", body);
    const auto result = getUser();
    QVERIFY(result);
    QCOMPARE(result->error.kind, kind);
    QCOMPARE(result->error.sentence, sentence);
    QCOMPARE(result->exchange->responseBody, body); // the inspector shows what came, byte for byte
    if (status >= 400)
        QVERIFY2(result->error.technical.contains(QLatin1String("not a ZITADEL error")),
            qPrintable(result->error.technical));
}

void TestClientHostileAnswers::statusSentences_data()
{
    QTest::addColumn<bool>("resend"); // a resend rather than a read
    QTest::addColumn<int>("status");
    QTest::addColumn<QList<QByteArray>>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("sentence");

    const QString tokenRefused = QStringLiteral("The server did not accept your token: it is invalid or has expired.");
    const QByteArray html = "<html><body><h1>Bad Gateway</h1></body></html>";
    // 401: Kind Unauthenticated exactly, whatever sent it; the window offers to update the token.
    QTest::newRow("401 empty") << false << 401 << QList<QByteArray> {} << QByteArray() << Kind::Unauthenticated << -1
                               << tokenRefused;
    QTest::newRow("401 ZITADEL") << true << 401 << QList<QByteArray> {}
                                 << QByteArray(R"J({"code":16,"message":"Errors.Token.Invalid (AUTH-7fs1e)"})J")
                                 << Kind::Unauthenticated << -1 << tokenRefused;
    QTest::newRow("401 from a proxy, html")
        << false << 401 << QList<QByteArray> {} << html << Kind::Unauthenticated << -1 << tokenRefused;

    // 429: when to try again, from Retry-After in seconds or as a date, capped at a day.
    QTest::newRow("429, Retry-After 42") << true << 429 << QList<QByteArray> {"Retry-After: 42"}
                                         << QByteArray(R"J({"code":8,"message":"too many requests"})J")
                                         << Kind::RateLimited << 42
                                         << "The server is limiting requests; try again in 42 seconds.";
    QTest::newRow("429, Retry-After 1") << false << 429 << QList<QByteArray> {"Retry-After: 1"} << QByteArray()
                                        << Kind::RateLimited << 1
                                        << "The server is limiting requests; try again in 1 second.";
    QTest::newRow("429, Retry-After 600")
        << false << 429 << QList<QByteArray> {"Retry-After: 600"} << QByteArray() << Kind::RateLimited << 600
        << "The server is limiting requests; try again in 10 minutes.";
    QTest::newRow("429, Retry-After absurd")
        << false << 429 << QList<QByteArray> {"Retry-After: 99999999999999"} << QByteArray() << Kind::RateLimited
        << 86400 << "The server is limiting requests; try again in 24 hours.";
    QTest::newRow("429, Retry-After garbage")
        << false << 429 << QList<QByteArray> {"Retry-After: soon"} << QByteArray() << Kind::RateLimited << -1
        << "The server is limiting requests; wait a little and try again.";
    QTest::newRow("429 without Retry-After") << true << 429 << QList<QByteArray> {} << QByteArray() << Kind::RateLimited
                                             << -1 << "The server is limiting requests; wait a little and try again.";

    // 5xx: the server's side, with and without a ZITADEL body, and what proxies send.
    const QString notYou = QStringLiteral("This is not caused by what you entered.");
    QTest::newRow("500 ZITADEL") << false << 500 << QList<QByteArray> {}
                                 << QByteArray(R"J({"code":13,"message":"Errors.Internal"})J") << Kind::Server << -1
                                 << "The server had a problem (HTTP 500). " + notYou + " Try again later.";
    QTest::newRow("500 empty") << false << 500 << QList<QByteArray> {} << QByteArray() << Kind::Server << -1
                               << "The server or a proxy in front of it failed (HTTP 500). " + notYou
            + " Try again later.";
    QTest::newRow("502 html, read") << false << 502 << QList<QByteArray> {} << html << Kind::Server << -1
                                    << "A proxy in front of the server got no valid answer from it (HTTP 502 Bad "
                                       "Gateway). "
            + notYou + " Try again later.";
    QTest::newRow("502 html, resend") << true << 502 << QList<QByteArray> {} << html << Kind::Server << -1
                                      << "A proxy in front of the server got no valid answer from it (HTTP 502 Bad "
                                         "Gateway). "
            + notYou + " The code may still have been sent, so check before sending again.";
    QTest::newRow("503 text, Retry-After 30")
        << false << 503 << QList<QByteArray> {"Retry-After: 30"} << QByteArray("Service Unavailable") << Kind::Server
        << 30 << "The server is temporarily unavailable (HTTP 503). " + notYou + " Try again in 30 seconds.";
    QTest::newRow("503 ZITADEL unavailable")
        << true << 503 << QList<QByteArray> {} << QByteArray(R"J({"code":14,"message":"Errors.Unavailable"})J")
        << Kind::Server << -1 << "The server is temporarily unavailable (HTTP 503). " + notYou + " Try again later.";
    QTest::newRow("504 from a proxy, read")
        << false << 504 << QList<QByteArray> {} << QByteArray() << Kind::Server << -1
        << "A proxy in front of the server gave up waiting for it (HTTP 504 "
           "Gateway Timeout). "
            + notYou + " Try again later.";
    QTest::newRow("504 from a proxy, resend")
        << true << 504 << QList<QByteArray> {} << QByteArray() << Kind::Server << -1
        << "A proxy in front of the server gave up waiting for it (HTTP 504 "
           "Gateway Timeout). "
            + notYou + " The code may still have been sent, so check before sending again.";
}

void TestClientHostileAnswers::statusSentences()
{
    QFETCH(bool, resend);
    QFETCH(int, status);
    QFETCH(QList<QByteArray>, headers);
    QFETCH(QByteArray, body);
    QFETCH(Kind, kind);
    QFETCH(int, retryAfter);
    QFETCH(QString, sentence);

    m_server->enqueue(status, body.startsWith('<') ? "text/html" : "application/json", body, headers);
    ApiError e;
    if (resend) {
        std::optional<Result<ResendResult>> result;
        m_client->resendEmailCode(QStringLiteral("1"), {}, [&result](const Result<ResendResult>& r) { result = r; });
        QVERIFY(wait(result));
        e = result->error;
    } else {
        const auto result = getUser();
        QVERIFY(result);
        e = result->error;
    }
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.retryAfterSeconds, retryAfter);
    QCOMPARE(e.sentence, sentence);
    QCOMPARE(m_server->requests().size(), 1); // never retried, whatever the status
}

void TestClientHostileAnswers::retryAfterAsHttpDate()
{
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(90);
    const QByteArray date = QLocale::c().toString(at, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
    m_server->enqueue(
        429, "application/json", R"J({"code":8,"message":"too many requests"})J", {"Retry-After: " + date});
    const auto result = getUser();
    QVERIFY(result);
    QCOMPARE(result->error.kind, Kind::RateLimited);
    // The date is whole seconds and the answer takes a moment: 88 to 90 seconds from now.
    QVERIFY2(result->error.retryAfterSeconds >= 88 && result->error.retryAfterSeconds <= 90,
        QByteArray::number(result->error.retryAfterSeconds));
    QCOMPARE(result->error.sentence,
        QStringLiteral("The server is limiting requests; try again in %1 seconds.")
            .arg(result->error.retryAfterSeconds));
}

QTEST_GUILESS_MAIN(TestClientHostileAnswers)
#include "TestClientHostileAnswers.moc"
