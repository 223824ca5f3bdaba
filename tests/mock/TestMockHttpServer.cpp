// The QHttpServer adapter over real loopback sockets: round trips in both protocols,
// the loopback-only rule, latency, survival of clients that give up early, and the transport
// faults only the adapter can carry out (close mid-body, no answer).

#include "MockFixture.h"
#include "SeedIds.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

namespace
{
struct Reply
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Sends one request and waits for it in the event loop, so the in-process server runs.
Reply send(QNetworkAccessManager& nam,
    const QUrl& url,
    const QByteArray& method,
    const QByteArray& body = {},
    const QByteArray& contentType = "application/json",
    int transferTimeout = 0,
    int abortAfterMs = -1)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + SeedIds::AdminToken);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (transferTimeout > 0)
        request.setTransferTimeout(transferTimeout);
    std::unique_ptr<QNetworkReply> reply(
        method == "GET" ? nam.get(request) : nam.sendCustomRequest(request, method, body));
    if (abortAfterMs >= 0)
        QTimer::singleShot(abortAfterMs, reply.get(), &QNetworkReply::abort);
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return {};
    Reply out;
    out.finished = true;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (reply->isOpen()) // an aborted reply is closed
        out.body = reply->readAll();
    return out;
}

QUrl at(const MockFixture& f, const QString& path)
{
    QUrl url = f.baseUrl();
    url.setPath(path);
    return url;
}

QString donaldEmailResend()
{
    return QStringLiteral("/v2/users/") + SeedIds::Donald + QStringLiteral("/email/resend");
}

void addRule(MockFixture& f, const QByteArray& json)
{
    QString error;
    QVERIFY2(f.router().faults().add(QJsonDocument::fromJson(json).object(), &error), qPrintable(error));
}
} // namespace

class TestMockHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void fixtureListensOnLoopback();
    void restRoundTrip();
    void connectRoundTrip();
    void errorsKeepTheirStatus();
    void refusesNonLoopback_data();
    void refusesNonLoopback();
    void loopbackAddresses_data();
    void loopbackAddresses();
    void allowsAnyWhenAsked();
    void reportsBindFailures();
    void latencyDelaysAnswers();
    void clientGivesUpDuringDelay_data();
    void clientGivesUpDuringDelay();
    void manyRequestsOnOneConnection();
    void faultLatencyAddsToTheGlobalLatency();
    void clientGivesUpDuringFaultLatency();
    void closeMidBody_data();
    void closeMidBody();
    void noAnswerUntilTheClientLeaves_data();
    void noAnswerUntilTheClientLeaves();
    void stoppingWhileHoldingAnswers();
    void stoppingWithAnswersStillDelayed();

private:
    QNetworkAccessManager m_nam;
};

void TestMockHttpServer::fixtureListensOnLoopback()
{
    MockFixture f;
    QVERIFY2(f.ok(), qPrintable(f.error()));
    QCOMPARE(f.baseUrl().scheme(), QStringLiteral("http"));
    QCOMPARE(f.baseUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(f.baseUrl().port() > 0);
    QCOMPARE(f.server().baseUrl(), f.baseUrl());
    QCOMPARE(&f.router(), &f.server().router());

    MockOptions options;
    options.seedFile = QStringLiteral("/nonexistent.json");
    MockFixture broken(options);
    QVERIFY(!broken.ok());
    QVERIFY(broken.error().contains(QLatin1String("/nonexistent.json")));
}

void TestMockHttpServer::restRoundTrip()
{
    MockFixture f;
    QVERIFY(f.ok());
    const Reply get = send(m_nam, at(f, QStringLiteral("/v2/users/") + SeedIds::Minnie), "GET", {}, {});
    QCOMPARE(get.status, 200);
    QCOMPARE(get.contentType, QByteArray("application/json"));
    QCOMPARE(get.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString(),
        QStringLiteral("minnie"));

    const Reply resend = send(
        m_nam, at(f, QStringLiteral("/v2/users/") + SeedIds::Donald + QStringLiteral("/email/resend")), "POST", "{}");
    QCOMPARE(resend.status, 200);
    QCOMPARE(resend.json().value(QStringLiteral("details")).toObject().value(QStringLiteral("sequence")).toString(),
        QStringLiteral("24"));
    QCOMPARE(f.zitadel().outboxTotal(), quint64(1));

    // An empty REST body is an empty message; the v1 GET with a header works too.
    const Reply v1 = send(m_nam,
        at(f,
            QStringLiteral("/management/v1/users/") + SeedIds::Minnie + QStringLiteral("/phone/_resend_verification")),
        "POST",
        {},
        {});
    QCOMPARE(v1.status, 200);
    QCOMPARE(f.router().requestCount(), quint64(3));
    QCOMPARE(f.router().requestLog().last().path,
        QByteArray("/management/v1/users/") + SeedIds::Minnie + "/phone/_resend_verification");
}

void TestMockHttpServer::connectRoundTrip()
{
    MockFixture f;
    QVERIFY(f.ok());
    const QByteArray body = R"({"userId":")" + QByteArray(SeedIds::Donald) + R"(","returnCode":{}})";
    const Reply r = send(m_nam, at(f, QStringLiteral("/zitadel.user.v2.UserService/ResendEmailCode")), "POST", body);
    QCOMPARE(r.status, 200);
    QCOMPARE(
        r.json().value(QStringLiteral("verificationCode")).toString(), f.zitadel().pendingEmailCode(SeedIds::Donald));

    const Reply wrongType =
        send(m_nam, at(f, QStringLiteral("/zitadel.user.v2.UserService/ResendEmailCode")), "POST", body, "text/plain");
    QCOMPARE(wrongType.status, 415);

    const Reply missing = send(m_nam,
        at(f, QStringLiteral("/zitadel.user.v2.UserService/ResendEmailCode")),
        "POST",
        R"({"userId":"1234"})",
        "application/json; charset=utf-8");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    QCOMPARE(missing.json()
                 .value(QStringLiteral("details"))
                 .toVariant()
                 .toList()
                 .value(0)
                 .toMap()
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("Cg1DT01NQU5ELWllSjJlEg9FbWFpbCBub3QgZm91bmQ"));
}

void TestMockHttpServer::errorsKeepTheirStatus()
{
    MockFixture f;
    QVERIFY(f.ok());
    QCOMPARE(send(m_nam, at(f, QStringLiteral("/nope")), "GET").status, 404);
    QCOMPARE(send(m_nam, at(f, QStringLiteral("/v2/users")), "GET").status, 405);
    QCOMPARE(send(m_nam,
                 at(f, QStringLiteral("/v2/users/") + SeedIds::Minnie + QStringLiteral("/email/resend")),
                 "POST",
                 "{}")
                 .status,
        400);
    const Reply limit = send(m_nam, at(f, QStringLiteral("/v2/users")), "POST", R"({"query":{"limit":1001}})");
    QCOMPARE(limit.status, 400);
    QCOMPARE(limit.json().value(QStringLiteral("message")).toString(), QStringLiteral("Limit exceeded (QUERY-4M0fs)"));
    // A percent-encoded path parameter is decoded before the lookup.
    const Reply encoded =
        send(m_nam, QUrl(f.baseUrl().toString() + QStringLiteral("/v2/users/31290907521194434%34")), "GET", {}, {});
    QCOMPARE(encoded.status, 200);
}

void TestMockHttpServer::refusesNonLoopback_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("any IPv4") << QStringLiteral("0.0.0.0");
    QTest::newRow("any IPv6") << QStringLiteral("::");
    QTest::newRow("private") << QStringLiteral("10.1.2.3");
    QTest::newRow("documentation") << QStringLiteral("192.0.2.10");
}

void TestMockHttpServer::refusesNonLoopback()
{
    QFETCH(QString, address);
    QString error;
    auto zitadel = MockZitadel::create({}, &error);
    QVERIFY(zitadel);
    MockHttpServer server(zitadel.get());
    QCOMPARE(server.listen(QHostAddress(address), 0), quint16(0));
    QVERIFY2(server.errorString().contains(QHostAddress(address).toString()), qPrintable(server.errorString()));
    QVERIFY(server.baseUrl().isEmpty());
}

void TestMockHttpServer::loopbackAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("127.0.0.2") << QStringLiteral("127.0.0.2");
}

void TestMockHttpServer::loopbackAddresses()
{
    QFETCH(QString, address);
    QString error;
    auto zitadel = MockZitadel::create({}, &error);
    MockHttpServer server(zitadel.get());
    const quint16 port = server.listen(QHostAddress(address));
    QVERIFY2(port != 0, qPrintable(server.errorString()));
    QCOMPARE(server.baseUrl(), QUrl(QStringLiteral("http://%1:%2").arg(address).arg(port)));
    QCOMPARE(
        send(m_nam, QUrl(server.baseUrl().toString() + QStringLiteral("/management/v1/orgs/me")), "GET").status, 200);
}

void TestMockHttpServer::allowsAnyWhenAsked()
{
    QString error;
    auto zitadel = MockZitadel::create({}, &error);
    MockHttpServer server(zitadel.get());
    const quint16 port = server.listen(QHostAddress::AnyIPv4, 0, true);
    QVERIFY2(port != 0, qPrintable(server.errorString()));
    QCOMPARE(server.baseUrl().host(), QStringLiteral("127.0.0.1")); // reachable locally
    QCOMPARE(
        send(m_nam, QUrl(server.baseUrl().toString() + QStringLiteral("/management/v1/orgs/me")), "GET").status, 200);
}

void TestMockHttpServer::reportsBindFailures()
{
    MockFixture first;
    QVERIFY(first.ok());
    QString error;
    auto zitadel = MockZitadel::create({}, &error);
    MockHttpServer second(zitadel.get());
    QCOMPARE(second.listen(QHostAddress::LocalHost, quint16(first.baseUrl().port())), quint16(0));
    QVERIFY(!second.errorString().isEmpty());
}

void TestMockHttpServer::latencyDelaysAnswers()
{
    MockFixture f;
    QVERIFY(f.ok());
    f.server().setLatency(300);
    QCOMPARE(f.server().latency(), 300);
    QElapsedTimer timer;
    timer.start();
    const Reply r = send(m_nam, at(f, QStringLiteral("/management/v1/orgs/me")), "GET");
    QCOMPARE(r.status, 200);
    QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));
    f.server().setLatency(0);
    timer.restart();
    QCOMPARE(send(m_nam, at(f, QStringLiteral("/management/v1/orgs/me")), "GET").status, 200);
    QVERIFY(timer.elapsed() < 300);
    f.server().setLatency(-5);
    QCOMPARE(f.server().latency(), 0);
}

void TestMockHttpServer::clientGivesUpDuringDelay_data()
{
    QTest::addColumn<int>("transferTimeout");
    QTest::addColumn<int>("abortAfter");
    QTest::newRow("transfer timeout") << 150 << -1;
    QTest::newRow("abort") << 0 << 100;
}

// QHttpServer 6.4 crashes when a deferred responder writes to a client that has gone
// (qt-6.4-notes.md §2.5); the adapter must notice and drop the answer, then keep serving.
void TestMockHttpServer::clientGivesUpDuringDelay()
{
    QFETCH(int, transferTimeout);
    QFETCH(int, abortAfter);
    MockFixture f;
    QVERIFY(f.ok());
    QSignalSpy dropped(&f.server(), &MockHttpServer::responseDropped);
    f.server().setLatency(700);
    const Reply r = send(m_nam,
        at(f, QStringLiteral("/v2/users/") + SeedIds::Donald + QStringLiteral("/email/resend")),
        "POST",
        "{}",
        "application/json",
        transferTimeout,
        abortAfter);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError);
    QVERIFY(dropped.wait(5000)); // the delayed write came due and was skipped
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.first().at(1).toByteArray(), QByteArray("/v2/users/") + SeedIds::Donald + "/email/resend");

    f.server().setLatency(0);
    const Reply next = send(m_nam, at(f, QStringLiteral("/management/v1/orgs/me")), "GET");
    QCOMPARE(next.status, 200);
    QCOMPARE(next.json().value(QStringLiteral("org")).toObject().value(QStringLiteral("id")).toString(),
        QString(SeedIds::AcmeOrg));
}

void TestMockHttpServer::manyRequestsOnOneConnection()
{
    MockFixture f;
    QVERIFY(f.ok());
    for (int i = 0; i < 50; ++i) {
        const Reply r = send(m_nam,
            at(f, QStringLiteral("/v2/users/") + SeedIds::Minnie + QStringLiteral("/phone/resend")),
            "POST",
            R"({"returnCode":{}})");
        QCOMPARE(r.status, 200);
    }
    QCOMPARE(f.router().requestCount(), quint64(50));
    QCOMPARE(f.zitadel().userSequence(SeedIds::Minnie), quint64(17 + 50));
}

void TestMockHttpServer::faultLatencyAddsToTheGlobalLatency()
{
    MockFixture f;
    QVERIFY(f.ok());
    f.server().setLatency(100);
    addRule(f, R"({"endpoint":"management.GetMyOrg","latencyMs":250})");
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(send(m_nam, at(f, QStringLiteral("/management/v1/orgs/me")), "GET").status, 200);
    QVERIFY2(timer.elapsed() >= 350, qPrintable(QString::number(timer.elapsed())));

    // Only the fault: no global latency.
    f.server().setLatency(0);
    timer.restart();
    QCOMPARE(send(m_nam, at(f, QStringLiteral("/management/v1/orgs/me")), "GET").status, 200);
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
}

// The same late-write guard as for the global latency: the answer delayed by a fault is dropped
// when its client has gone, and the server keeps serving.
void TestMockHttpServer::clientGivesUpDuringFaultLatency()
{
    MockFixture f;
    QVERIFY(f.ok());
    addRule(f, R"({"endpoint":"user.ResendEmailCode","latencyMs":700,"times":1})");
    QSignalSpy dropped(&f.server(), &MockHttpServer::responseDropped);
    const Reply r = send(m_nam, at(f, donaldEmailResend()), "POST", "{}", "application/json", 0, 100);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError);
    QVERIFY(dropped.wait(5000));
    QCOMPARE(f.zitadel().outboxTotal(), quint64(1)); // latency lets the call happen: the code went out
    QCOMPARE(send(m_nam, at(f, donaldEmailResend()), "POST", "{}").status, 200);
}

void TestMockHttpServer::closeMidBody_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::newRow("at once") << QByteArray(R"({"endpoint":"user.GetUserByID","transport":"close-mid-body"})");
    QTest::newRow("after a latency") << QByteArray(
        R"({"endpoint":"user.GetUserByID","transport":"close-mid-body","latencyMs":100})");
}

// The client gets the status line and headers (with the full Content-Length) and half the body,
// then the connection ends: QNAM reports the remote host closing.
void TestMockHttpServer::closeMidBody()
{
    QFETCH(QByteArray, rule);
    MockFixture f;
    QVERIFY(f.ok());
    const QUrl url = at(f, QStringLiteral("/v2/users/") + SeedIds::Minnie);
    const Reply whole = send(m_nam, url, "GET", {}, {});
    QCOMPARE(whole.status, 200);

    addRule(f, rule);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + SeedIds::AdminToken);
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QByteArray received;
    connect(reply.get(), &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), qlonglong(whole.body.size()));
    received += reply->readAll();
    QVERIFY2(whole.body.startsWith(received), received.constData());
    QVERIFY(received.size() <= whole.body.size() / 2);

    // The server is fine and the rule is still there for the next call.
    QCOMPARE(send(m_nam, at(f, QStringLiteral("/management/v1/orgs/me")), "GET").status, 200);
    QCOMPARE(send(m_nam, url, "GET", {}, {}).error, QNetworkReply::RemoteHostClosedError);
}

void TestMockHttpServer::noAnswerUntilTheClientLeaves_data()
{
    QTest::addColumn<int>("transferTimeout");
    QTest::addColumn<int>("abortAfter");
    QTest::newRow("transfer timeout") << 300 << -1;
    QTest::newRow("abort") << 0 << 150;
}

// Nothing is written; the held responder is let go when the client disconnects, so abandoned
// requests do not pile up, and the next request is answered.
void TestMockHttpServer::noAnswerUntilTheClientLeaves()
{
    QFETCH(int, transferTimeout);
    QFETCH(int, abortAfter);
    MockFixture f;
    QVERIFY(f.ok());
    addRule(f, R"({"endpoint":"user.ResendEmailCode","transport":"no-answer","times":1})");
    QSignalSpy released(&f.server(), &MockHttpServer::heldAnswerReleased);
    QElapsedTimer timer;
    timer.start();
    const Reply r =
        send(m_nam, at(f, donaldEmailResend()), "POST", "{}", "application/json", transferTimeout, abortAfter);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError);
    QCOMPARE(r.status, 0);
    // The client gave up, not the server (Qt's coarse timers may fire a few per cent early).
    QVERIFY(timer.elapsed() >= (transferTimeout > 0 ? transferTimeout : abortAfter) * 9 / 10);
    QTRY_COMPARE_WITH_TIMEOUT(released.count(), 1, 5000);
    QCOMPARE(released.first().at(1).toByteArray(), donaldEmailResend().toUtf8());
    QCOMPARE(f.server().heldAnswers(), 0);
    QCOMPARE(f.zitadel().outboxTotal(), quint64(0)); // never reached ZITADEL

    const Reply next = send(m_nam, at(f, donaldEmailResend()), "POST", "{}");
    QCOMPARE(next.status, 200);
    QCOMPARE(f.zitadel().outboxTotal(), quint64(1));
}

// Stopping the mock while it holds unanswered requests: the clients see the connection close,
// nothing crashes.
void TestMockHttpServer::stoppingWhileHoldingAnswers()
{
    auto f = std::make_unique<MockFixture>();
    QVERIFY(f->ok());
    addRule(*f, R"({"endpoint":"*","transport":"no-answer"})");
    QNetworkRequest request(at(*f, donaldEmailResend()));
    request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + SeedIds::AdminToken);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> first(m_nam.post(request, "{}"));
    std::unique_ptr<QNetworkReply> second(m_nam.get(QNetworkRequest(at(*f, QStringLiteral("/v2/users/1")))));
    QTRY_COMPARE_WITH_TIMEOUT(f->server().heldAnswers(), 2, 5000);

    f.reset();
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() && second->isFinished(), 5000);
    QVERIFY(first->error() != QNetworkReply::NoError);
    QVERIFY(second->error() != QNetworkReply::NoError);
}

void TestMockHttpServer::stoppingWithAnswersStillDelayed()
{
    auto f = std::make_unique<MockFixture>();
    QVERIFY(f->ok());
    addRule(*f, R"({"endpoint":"*","latencyMs":60000})");
    std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(at(*f, QStringLiteral("/management/v1/orgs/me")))));
    QTRY_COMPARE_WITH_TIMEOUT(f->router().requestCount(), quint64(1), 5000);
    f.reset();
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QVERIFY(reply->error() != QNetworkReply::NoError);
}

QTEST_GUILESS_MAIN(TestMockHttpServer)
#include "TestMockHttpServer.moc"
