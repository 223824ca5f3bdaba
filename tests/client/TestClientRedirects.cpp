#include "RedirectCheck.h"
#include "ScriptedHttpServer.h"
#include "TestCertificates.h"
#include "ZitadelClient.h"

#include <QTest>

using Kind = ApiError::Kind;

namespace
{
const QString token = QStringLiteral("s3cr3t-PAT-do-not-leak");
constexpr int WaitMs = 20000;
const QByteArray userJson = R"J({"user":{"userId":"1","username":"minnie"}})J";

QByteArray location(const QUrl& base, const char* path)
{
    return "Location: " + base.toString().toUtf8() + path;
}
} // namespace

// Redirects over real loopback servers: the token goes only to the origin the person chose.
// A redirect is followed within that origin (or from http to https on the same host); one
// to another host, another port, or from https down to http is refused with a sentence
// that names where the server tried to send the request, and the other server gets nothing.
class TestClientRedirects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sameOriginRedirectIsFollowedWithTheToken();
    void relativeRedirectIsFollowed();
    void postRedirectKeepsMethodAndBodyWith307();
    void refusedRedirects_data();
    void refusedRedirects();
    void httpsToHttpOnTheSameHostIsRefused();
    void redirectLoopStopsAtTheCap();
    void policyTable_data();
    void policyTable();

private:
    std::optional<Result<User>> getUser();

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<ZitadelClient> m_client;
};

void TestClientRedirects::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<ZitadelClient>();
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()));
    m_client->setToken(token);
}

void TestClientRedirects::cleanup()
{
    m_client.reset();
    m_server.reset();
}

std::optional<Result<User>> TestClientRedirects::getUser()
{
    std::optional<Result<User>> result;
    m_client->getUserById(QStringLiteral("1"), [&result](const Result<User>& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, WaitMs))
        qWarning("no answer within %d ms", WaitMs);
    return result;
}

void TestClientRedirects::sameOriginRedirectIsFollowedWithTheToken()
{
    m_server->enqueue(302, "", "", {location(m_server->baseUrl(), "/moved/v2/users/1")});
    m_server->enqueue(200, "application/json", userJson);
    const auto result = getUser();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.sentence));
    QCOMPARE(result->value->username, QStringLiteral("minnie"));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).target, QByteArray("/moved/v2/users/1"));
    QCOMPARE(m_server->requests().at(1).header("Authorization"), "Bearer " + token.toUtf8());
}

void TestClientRedirects::relativeRedirectIsFollowed()
{
    m_server->enqueue(301, "", "", {"Location: /elsewhere/v2/users/1"});
    m_server->enqueue(200, "application/json", userJson);
    const auto result = getUser();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.sentence));
    QCOMPARE(m_server->requests().at(1).target, QByteArray("/elsewhere/v2/users/1"));
}

void TestClientRedirects::postRedirectKeepsMethodAndBodyWith307()
{
    m_server->enqueue(307, "", "", {location(m_server->baseUrl(), "/v2/users/1/email/resend-here")});
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"5"}})J");
    std::optional<Result<ResendResult>> result;
    m_client->resendEmailCode(QStringLiteral("1"), {}, [&result](const Result<ResendResult>& r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), WaitMs);
    QVERIFY2(result->ok(), qPrintable(result->error.sentence));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).method, QByteArray("POST"));
    QCOMPARE(m_server->requests().at(1).body, m_server->requests().at(0).body);
    QCOMPARE(m_server->requests().at(1).header("Authorization"), "Bearer " + token.toUtf8());
}

void TestClientRedirects::refusedRedirects_data()
{
    QTest::addColumn<QString>("targetHost"); // where the second server is addressed
    QTest::addColumn<bool>("samePortAsFirst"); // point at the first server's port instead
    QTest::addColumn<QStringList>("sentenceParts");

    QTest::newRow("another port on the same host")
        << "127.0.0.1" << false << QStringList {"it is another port", "your token stays with the server you chose"};
    QTest::newRow("another host") << "localhost" << false
                                  << QStringList {"it is another server than 127.0.0.1",
                                         "your token stays with the server you chose"};
    QTest::newRow("another host, same port")
        << "localhost" << true << QStringList {"it is another server than 127.0.0.1"};
}

void TestClientRedirects::refusedRedirects()
{
    QFETCH(QString, targetHost);
    QFETCH(bool, samePortAsFirst);
    QFETCH(QStringList, sentenceParts);

    ScriptedHttpServer other;
    QVERIFY(other.listen());
    other.enqueue(200, "application/json", userJson);
    const QUrl target = samePortAsFirst ? m_server->baseUrl(targetHost) : other.baseUrl(targetHost);
    m_server->enqueue(302, "", "", {location(target, "/v2/users/1?steal=1")});
    m_server->enqueue(200, "application/json", userJson); // would answer a followed same-port redirect

    const auto result = getUser();
    QVERIFY(result);
    QCOMPARE(result->error.kind, Kind::Server);
    QCOMPARE(result->error.httpStatus, 302);
    const QString where = target.toString() + QLatin1String("/v2/users/1");
    QVERIFY2(
        result->error.sentence.startsWith(
            QStringLiteral("The server tried to send this request on to %1. Verify Desk did not follow").arg(where)),
        qPrintable(result->error.sentence));
    QVERIFY2(!result->error.sentence.contains(QLatin1String("steal")), "the query is not shown");
    for (const QString& part : sentenceParts)
        QVERIFY2(result->error.sentence.contains(part), qPrintable(result->error.sentence));
    // Nothing went to the other server: not a request, not even a connection.
    QCOMPARE(other.connectionCount(), 0);
    QCOMPARE(other.requests().size(), 0);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestClientRedirects::httpsToHttpOnTheSameHostIsRefused()
{
    ScriptedHttpServer tls;
    QVERIFY(tls.listenTls(TestCertificates::server(QStringLiteral("server.pem"))));
    m_client->setExtraCaCertificates(TestCertificates::load(QStringLiteral("ca.pem")));
    QVERIFY(!m_client->setBaseUrl(tls.baseUrl()));
    // The plain http server is on the same host and (for the check) an allowed port would not
    // matter: going down from https is refused before the port is looked at.
    tls.enqueue(302, "", "", {location(m_server->baseUrl(), "/v2/users/1")});
    m_server->enqueue(200, "application/json", userJson);

    const auto result = getUser();
    QVERIFY(result);
    QCOMPARE(result->error.kind, Kind::Server);
    QVERIFY2(result->error.sentence.contains(
                 QLatin1String("it would leave the encrypted connection (https) for plain http")),
        qPrintable(result->error.sentence));
    QVERIFY2(result->error.sentence.contains(m_server->baseUrl().toString()), qPrintable(result->error.sentence));
    QCOMPARE(tls.requests().size(), 1);
    QCOMPARE(m_server->connectionCount(), 0);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestClientRedirects::redirectLoopStopsAtTheCap()
{
    for (int i = 0; i <= RedirectCheck::MaxRedirects + 2; ++i)
        m_server->enqueue(302, "", "", {location(m_server->baseUrl(), "/loop")});
    const auto result = getUser();
    QVERIFY(result);
    QCOMPARE(result->error.kind, Kind::Server);
    QVERIFY2(result->error.sentence.contains(QStringLiteral("more than %1 times").arg(RedirectCheck::MaxRedirects)),
        qPrintable(result->error.sentence));
    // The first request plus MaxRedirects followed ones; the next redirect was not followed.
    QCOMPARE(m_server->requests().size(), 1 + RedirectCheck::MaxRedirects);
}

void TestClientRedirects::policyTable_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("refusalContains"); // empty: followed

    QTest::newRow("same origin, other path") << "https://a.example"
                                             << "https://a.example/x"
                                             << "https://a.example/y"
                                             << "";
    QTest::newRow("explicit default port") << "https://a.example"
                                           << "https://a.example/x"
                                           << "https://a.example:443/y"
                                           << "";
    QTest::newRow("host differs only in case") << "https://a.example"
                                               << "https://a.example/x"
                                               << "https://A.EXAMPLE/y"
                                               << "";
    QTest::newRow("http to https, same host") << "http://a.example"
                                              << "http://a.example/x"
                                              << "https://a.example/x"
                                              << "";
    QTest::newRow("http to https, same host, other port") << "http://a.example:8080"
                                                          << "http://a.example:8080/x"
                                                          << "https://a.example:8443/x"
                                                          << "";
    QTest::newRow("https to http") << "https://a.example"
                                   << "https://a.example/x"
                                   << "http://a.example/x"
                                   << "plain http";
    QTest::newRow("upgraded, then back down") << "http://a.example"
                                              << "https://a.example/x"
                                              << "http://a.example/x"
                                              << "plain http";
    QTest::newRow("other host") << "https://a.example"
                                << "https://a.example/x"
                                << "https://b.example/x"
                                << "another server than a.example";
    QTest::newRow("subdomain is another host") << "https://a.example"
                                               << "https://a.example/x"
                                               << "https://evil.a.example/x"
                                               << "another server";
    QTest::newRow("other port") << "https://a.example"
                                << "https://a.example/x"
                                << "https://a.example:8443/x"
                                << "another port (8443)";
    QTest::newRow("not http") << "https://a.example"
                              << "https://a.example/x"
                              << "ftp://a.example/x"
                              << "not an http or https address";
    QTest::newRow("user info is not shown") << "https://a.example"
                                            << "https://a.example/x"
                                            << "https://user:pw@b.example/x"
                                            << "https://b.example/x";
}

void TestClientRedirects::policyTable()
{
    QFETCH(QString, origin);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, refusalContains);
    const auto refusal = RedirectCheck::refusal(QUrl(origin), QUrl(from), QUrl(to));
    if (refusalContains.isEmpty()) {
        QVERIFY2(!refusal, qPrintable(refusal.value_or(QString())));
    } else {
        QVERIFY(refusal);
        QVERIFY2(refusal->contains(refusalContains), qPrintable(*refusal));
        QVERIFY2(!refusal->contains(QLatin1String("pw@")), qPrintable(*refusal));
    }
}

QTEST_GUILESS_MAIN(TestClientRedirects)
#include "TestClientRedirects.moc"
