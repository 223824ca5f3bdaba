#include "MockFixture.h"
#include "MockHttpServer.h"
#include "SeedIds.h"
#include "ZitadelClient.h"

#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

// What the real client reports for each fault the mock can inject, over real loopback HTTP:
// the ApiError kind and the sentence a support person reads, in REST and Connect form, and
// that giving up during a latency or an unanswered request leaves the mock healthy.
using Kind = ApiError::Kind;
Q_DECLARE_METATYPE(ApiError::Kind)
Q_DECLARE_METATYPE(ZitadelClient::V2Transport)

namespace
{
enum class Call
{
    ResendEmail, // v2 ResendEmailCode, returnCode
    ResendEmailV1, // management ResendHumanEmailVerification
    GetUser, // v2 GetUserByID
};

template <class T>
std::optional<Result<T>> waitFor(
    const std::function<ApiCall*(Callback<T>)>& start, QPointer<ApiCall>* started = nullptr)
{
    std::optional<Result<T>> result;
    ApiCall* call = start([&result](const Result<T>& r) { result = r; });
    if (started)
        *started = call;
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return std::nullopt;
    return result;
}

const QString RetryLater = QStringLiteral(
    "The server is temporarily unavailable (HTTP 503). This is not caused by what you entered. Try again later.");
} // namespace
Q_DECLARE_METATYPE(Call)

class TestClientFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void whatTheClientReports_data();
    void whatTheClientReports();
    void cancelWhileTheMockHoldsTheAnswer();
    void cancelDuringAFaultLatency();
    void timeoutDuringAFaultLatency();

private:
    struct Outcome
    {
        ApiError error;
        ExchangePtr exchange;
    };
    std::optional<Outcome> run(Call call, QPointer<ApiCall>* started = nullptr);
    void addRule(const QByteArray& json);

    std::unique_ptr<MockFixture> m_mock;
    std::unique_ptr<ZitadelClient> m_client;
};

void TestClientFaults::init()
{
    m_mock = std::make_unique<MockFixture>();
    QVERIFY2(m_mock->ok(), qPrintable(m_mock->error()));
    m_client = std::make_unique<ZitadelClient>();
    QVERIFY(!m_client->setBaseUrl(m_mock->baseUrl()));
    m_client->setToken(QString::fromLatin1(SeedIds::AdminToken));
    m_client->setTimeout(5000);
}

// The client goes first, so no reply outlives its server.
void TestClientFaults::cleanup()
{
    m_client.reset();
    m_mock.reset();
}

void TestClientFaults::addRule(const QByteArray& json)
{
    QString error;
    QVERIFY2(m_mock->router().faults().add(QJsonDocument::fromJson(json).object(), &error), qPrintable(error));
}

std::optional<TestClientFaults::Outcome> TestClientFaults::run(Call call, QPointer<ApiCall>* started)
{
    const QString donald = QString::fromLatin1(SeedIds::Donald);
    auto outcome = [](const auto& r) { return Outcome {r.error, r.exchange}; };
    switch (call) {
    case Call::ResendEmail: {
        ResendOptions options;
        options.delivery = ResendOptions::Delivery::ReturnCode;
        const auto r = waitFor<ResendResult>(
            [&](Callback<ResendResult> done) { return m_client->resendEmailCode(donald, options, done); }, started);
        return r ? std::optional<Outcome>(outcome(*r)) : std::nullopt;
    }
    case Call::ResendEmailV1: {
        const auto r = waitFor<ResendResult>(
            [&](Callback<ResendResult> done) {
                return m_client->resendHumanEmailVerification(donald, QString(), done);
            },
            started);
        return r ? std::optional<Outcome>(outcome(*r)) : std::nullopt;
    }
    case Call::GetUser: {
        const auto r = waitFor<User>([&](Callback<User> done) { return m_client->getUserById(donald, done); }, started);
        return r ? std::optional<Outcome>(outcome(*r)) : std::nullopt;
    }
    }
    return std::nullopt;
}

void TestClientFaults::whatTheClientReports_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<Call>("call");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("errorId");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("rate-limited, retry after 7 s")
        << QByteArray(R"({"endpoint":"*","error":"rate-limited","retryAfterSeconds":7})") << Call::ResendEmail << 5000
        << Kind::RateLimited << 429 << QString() << 7
        << QStringLiteral("The server is limiting requests; try again in 7 seconds.");
    QTest::newRow("rate-limited, default 30 s")
        << QByteArray(R"({"endpoint":"*","error":"rate-limited"})") << Call::GetUser << 5000 << Kind::RateLimited << 429
        << QString() << 30 << QStringLiteral("The server is limiting requests; try again in 30 seconds.");
    QTest::newRow("quota exhausted") << QByteArray(R"({"endpoint":"*","error":"quota-exhausted"})") << Call::GetUser
                                     << 5000 << Kind::RateLimited << 429 << QStringLiteral("QUOTA-vjAy8") << -1
                                     << QStringLiteral("This ZITADEL instance has used up its request quota; try "
                                                       "later or ask the instance owner.");
    QTest::newRow("unavailable") << QByteArray(R"({"endpoint":"*","error":"unavailable"})") << Call::ResendEmail << 5000
                                 << Kind::Server << 503 << QString() << -1 << RetryLater;
    QTest::newRow("malformed JSON") << QByteArray(R"({"endpoint":"*","transport":"malformed-json"})") << Call::GetUser
                                    << 5000 << Kind::MalformedResponse << 200 << QString() << -1
                                    << QStringLiteral("The server's answer could not be read: the body is not valid "
                                                      "JSON (");
    QTest::newRow("HTML error page")
        << QByteArray(R"({"endpoint":"*","transport":"html-error-page"})") << Call::ResendEmail << 5000 << Kind::Server
        << 502 << QString() << -1
        << QStringLiteral("A proxy in front of the server got no valid answer from it (HTTP 502 Bad Gateway). This "
                          "is not caused by what you entered. The code may still have been sent, so check before "
                          "sending again.");
    QTest::newRow("connection closed mid-body")
        << QByteArray(R"({"endpoint":"*","transport":"close-mid-body"})") << Call::ResendEmail << 5000 << Kind::Network
        << 200 << QString() << -1
        << QStringLiteral("The server closed the connection before the whole answer arrived. The code may still have "
                          "been sent, so check before sending again.");
    QTest::newRow("no answer is a timeout (resend)")
        << QByteArray(R"({"endpoint":"*","transport":"no-answer"})") << Call::ResendEmail << 300 << Kind::Timeout << 0
        << QString() << -1
        << QStringLiteral("The server did not answer within 0.3 seconds. The code may still have been sent, so check "
                          "before sending again.");
    QTest::newRow("no answer is a timeout (read)")
        << QByteArray(R"({"endpoint":"*","transport":"no-answer"})") << Call::GetUser << 300 << Kind::Timeout << 0
        << QString() << -1 << QStringLiteral("The server did not answer within 0.3 seconds.");
    QTest::newRow("already verified (v1)")
        << QByteArray(R"({"endpoint":"email-resend","error":"already-verified"})") << Call::ResendEmailV1 << 5000
        << Kind::Precondition << 400 << QStringLiteral("COMMAND-3M9ds") << -1
        << QStringLiteral("This email address is already verified, so there is nothing to resend.");
    QTest::newRow("already verified (v2 says no pending code)")
        << QByteArray(R"({"endpoint":"email-resend","error":"already-verified"})") << Call::ResendEmail << 5000
        << Kind::Precondition << 400 << QStringLiteral("EMAIL-5w5ilin4yt") << -1
        << QStringLiteral("There is no pending email code to resend: the address is already verified, or no code was "
                          "ever sent for it.");
    QTest::newRow("user not found")
        << QByteArray(R"({"endpoint":"*","error":"user-not-found"})") << Call::GetUser << 5000 << Kind::NotFound << 404
        << QStringLiteral("QUERY-Dfbg2") << -1
        << QStringLiteral("This user could not be found in the selected organization; it may have been deleted.");
    QTest::newRow("permission denied") << QByteArray(R"({"endpoint":"*","error":"permission-denied"})")
                                       << Call::ResendEmail << 5000 << Kind::PermissionDenied << 403
                                       << QStringLiteral("AUTH-AWfge") << -1
                                       << QStringLiteral("Your account is not allowed to send codes to users of this "
                                                         "organization (it lacks the user.write permission there).");
    QTest::newRow("token invalid") << QByteArray(R"({"endpoint":"*","error":"token-invalid"})") << Call::GetUser << 5000
                                   << Kind::Unauthenticated << 401 << QStringLiteral("AUTH-7fs1e") << -1
                                   << QStringLiteral("The server did not accept your token: it is invalid or has "
                                                     "expired.");
}

void TestClientFaults::whatTheClientReports()
{
    QFETCH(QByteArray, rule);
    QFETCH(Call, call);
    QFETCH(int, timeoutMs);
    QFETCH(Kind, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, errorId);
    QFETCH(int, retryAfter);
    QFETCH(QString, sentence);
    addRule(rule);
    m_client->setTimeout(timeoutMs);
    const auto transports = call == Call::ResendEmailV1
        ? QList<ZitadelClient::V2Transport> {ZitadelClient::V2Transport::Rest}
        : QList<ZitadelClient::V2Transport> {ZitadelClient::V2Transport::Rest, ZitadelClient::V2Transport::Connect};
    for (const auto transport : transports) {
        const char* name = transport == ZitadelClient::V2Transport::Rest ? "REST" : "Connect";
        m_client->setV2Transport(transport);
        const auto outcome = run(call);
        QVERIFY2(outcome, name);
        const ApiError& e = outcome->error;
        QVERIFY2(
            e.kind == kind, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name), ApiError::kindName(e.kind))));
        QCOMPARE(e.httpStatus, httpStatus);
        QCOMPARE(e.errorId, errorId);
        QCOMPARE(e.retryAfterSeconds, retryAfter);
        // A sentence ending in "(" is compared as a prefix: the rest names a byte offset.
        if (sentence.endsWith(QLatin1Char('(')))
            QVERIFY2(e.sentence.startsWith(sentence), qPrintable(e.sentence));
        else
            QCOMPARE(e.sentence, sentence);
        QVERIFY(outcome->exchange);
        QCOMPARE(outcome->exchange->status, httpStatus);
    }
    // Whatever the client went through, the mock still answers normally.
    m_mock->router().faults().clear();
    m_client->setTimeout(5000);
    const auto after = run(Call::GetUser);
    QVERIFY(after && !after->error.isError());
    QCOMPARE(m_mock->server().heldAnswers(), 0);
}

// Cancelling a call the mock holds open: reported as cancelled, the held request is let go.
void TestClientFaults::cancelWhileTheMockHoldsTheAnswer()
{
    addRule(R"({"endpoint":"user.ResendEmailCode","transport":"no-answer","times":1})");
    QSignalSpy released(&m_mock->server(), &MockHttpServer::heldAnswerReleased);
    std::optional<Result<ResendResult>> result;
    QPointer<ApiCall> call = m_client->resendEmailCode(QString::fromLatin1(SeedIds::Donald),
        ResendOptions(),
        [&result](const Result<ResendResult>& r) { result = r; });
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->server().heldAnswers(), 1, 5000);
    QVERIFY(call);
    call->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QCOMPARE(result->error.kind, Kind::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(released.count(), 1, 5000);
    QCOMPARE(m_mock->server().heldAnswers(), 0);
    QCOMPARE(m_mock->zitadel().outboxTotal(), quint64(0));

    const auto next = run(Call::ResendEmail);
    QVERIFY(next && !next->error.isError());
}

// Cancelling during a fault's latency: the server already acted (latency lets the call run),
// its late answer is dropped, not written to a closed socket.
void TestClientFaults::cancelDuringAFaultLatency()
{
    addRule(R"({"endpoint":"user.ResendEmailCode","latencyMs":1500,"times":1})");
    QSignalSpy dropped(&m_mock->server(), &MockHttpServer::responseDropped);
    std::optional<Result<ResendResult>> result;
    QPointer<ApiCall> call = m_client->resendEmailCode(QString::fromLatin1(SeedIds::Donald),
        ResendOptions(),
        [&result](const Result<ResendResult>& r) { result = r; });
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->router().requestCount(), quint64(1), 5000);
    QVERIFY(call);
    call->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QCOMPARE(result->error.kind, Kind::Cancelled);
    QVERIFY2(result->error.sentence.contains(QLatin1String("may still have reached the server")),
        qPrintable(result->error.sentence));
    QVERIFY(dropped.wait(5000));
    QCOMPARE(m_mock->zitadel().outboxTotal(), quint64(1));

    const auto next = run(Call::GetUser);
    QVERIFY(next && !next->error.isError());
}

void TestClientFaults::timeoutDuringAFaultLatency()
{
    addRule(R"({"endpoint":"user.GetUserByID","latencyMs":1500,"times":1})");
    QSignalSpy dropped(&m_mock->server(), &MockHttpServer::responseDropped);
    m_client->setTimeout(300);
    const auto slow = run(Call::GetUser);
    QVERIFY(slow);
    QCOMPARE(slow->error.kind, Kind::Timeout);
    QVERIFY(dropped.wait(5000));
    m_client->setTimeout(5000);
    const auto next = run(Call::GetUser);
    QVERIFY(next && !next->error.isError());
}

QTEST_GUILESS_MAIN(TestClientFaults)
#include "TestClientFaults.moc"
