#include "ScriptedHttpServer.h"
#include "SystemProxyFactory.h"
#include "ZitadelClient.h"

#include <QNetworkProxyQuery>
#include <QTemporaryDir>
#include <QTest>

using Kind = ApiError::Kind;

namespace
{
const QString token = QStringLiteral("s3cr3t-PAT-do-not-leak");
constexpr int WaitMs = 20000;
const QByteArray userJson = R"J({"user":{"userId":"1","username":"minnie"}})J";
} // namespace

// The system proxy, as Qt 6.4 on Linux reads it: through libproxy, which takes http_proxy /
// https_proxy / no_proxy from the environment (and, with its desktop plugins installed, the
// GNOME or KDE settings). A ScriptedHttpServer plays the proxy. Its own executable, because
// the environment set here would reach every other test in the process.
class TestClientProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loopbackHostsNeverUseAProxy_data();
    void loopbackHostsNeverUseAProxy();
    void remoteHostGoesThroughTheProxy();
    void remoteHttpsIsTunnelledWithoutTheToken();
    void loopbackGoesDirectWithTheSameEnvironment_data();
    void loopbackGoesDirectWithTheSameEnvironment();
    void noProxyIsHonoured();

private:
    std::optional<Result<User>> getUser();

    QTemporaryDir m_noPlugins;
    std::unique_ptr<ScriptedHttpServer> m_proxy;
    std::unique_ptr<ZitadelClient> m_client;
};

void TestClientProxy::initTestCase()
{
    QVERIFY(m_noPlugins.isValid());
    // libproxy reads the environment on every query, but a desktop plugin (gsettings, kconfig)
    // would take precedence inside a desktop session. An empty module path leaves libproxy
    // with its built-in environment reader only, so this test means the same everywhere.
    qputenv("PX_MODULE_PATH", QFile::encodeName(m_noPlugins.path()));
    for (const char* name : {"no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "HTTP_PROXY", "HTTPS_PROXY"})
        qunsetenv(name);
}

void TestClientProxy::init()
{
    m_proxy = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_proxy->listen());
    const QByteArray proxyUrl = m_proxy->baseUrl().toString().toUtf8();
    qputenv("http_proxy", proxyUrl);
    qputenv("https_proxy", proxyUrl);
    qunsetenv("no_proxy");
    m_client = std::make_unique<ZitadelClient>();
    m_client->setToken(token);
}

void TestClientProxy::cleanup()
{
    m_client.reset();
    m_proxy.reset();
}

std::optional<Result<User>> TestClientProxy::getUser()
{
    std::optional<Result<User>> result;
    m_client->getUserById(QStringLiteral("1"), [&result](const Result<User>& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, WaitMs))
        qWarning("no answer within %d ms", WaitMs);
    return result;
}

void TestClientProxy::loopbackHostsNeverUseAProxy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("direct");
    QTest::newRow("localhost") << "http://localhost:8080/" << true;
    QTest::newRow("LOCALHOST.") << "http://LOCALHOST./" << true;
    QTest::newRow("*.localhost") << "http://mock.localhost/" << true;
    QTest::newRow("127.0.0.1") << "http://127.0.0.1:43210/" << true;
    QTest::newRow("127.1.2.3") << "https://127.1.2.3/" << true;
    QTest::newRow("::1") << "http://[::1]:8080/" << true;
    QTest::newRow("::ffff:127.0.0.1") << "http://[::ffff:127.0.0.1]/" << true;
    QTest::newRow("remote name") << "http://zitadel.example.invalid/" << false;
    QTest::newRow("name that starts like localhost") << "http://localhost.example.com/" << false;
    QTest::newRow("private address is not loopback") << "http://10.0.0.1/" << false;
}

void TestClientProxy::loopbackHostsNeverUseAProxy()
{
    QFETCH(QString, url);
    QFETCH(bool, direct);
    SystemProxyFactory factory;
    const QList<QNetworkProxy> proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(url)));
    QVERIFY(!proxies.isEmpty());
    if (direct) {
        QCOMPARE(proxies.size(), 1);
        QCOMPARE(proxies.first().type(), QNetworkProxy::NoProxy);
    } else {
        QCOMPARE(proxies.first().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxies.first().port(), m_proxy->port());
    }
}

void TestClientProxy::remoteHostGoesThroughTheProxy()
{
    QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("http://zitadel.example.invalid"))));
    m_proxy->enqueue(200, "application/json", userJson);
    const auto result = getUser();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.sentence + QLatin1String(" | ") + result->error.technical));
    QCOMPARE(result->value->username, QStringLiteral("minnie"));
    QCOMPARE(m_proxy->requests().size(), 1);
    // Absolute-form, as a client talks to an HTTP proxy.
    QCOMPARE(m_proxy->requests().first().method, QByteArray("GET"));
    QCOMPARE(m_proxy->requests().first().target, QByteArray("http://zitadel.example.invalid/v2/users/1"));
    QCOMPARE(m_proxy->requests().first().header("Host"), QByteArray("zitadel.example.invalid"));
}

void TestClientProxy::remoteHttpsIsTunnelledWithoutTheToken()
{
    QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("https://zitadel.example.invalid"))));
    // The proxy refuses the tunnel; what matters is that https went to it as CONNECT.
    m_proxy->enqueue(403, "text/plain", "tunnels are not allowed here");
    const auto result = getUser();
    QVERIFY(result);
    QCOMPARE(result->error.kind, Kind::Network);
    // Qt 6.4 reports a refused CONNECT as UnknownNetworkError; the sentence names the proxy.
    QCOMPARE(result->error.sentence,
        QStringLiteral("Could not reach the server: Proxy denied connection. The request went through the proxy "
                       "127.0.0.1:%1, from this computer's proxy settings.")
            .arg(m_proxy->port()));
    QCOMPARE(m_proxy->requests().size(), 1);
    const auto& connect = m_proxy->requests().first();
    QCOMPARE(connect.method, QByteArray("CONNECT"));
    QCOMPARE(connect.target, QByteArray("zitadel.example.invalid:443"));
    QVERIFY2(connect.header("Authorization").isEmpty(), "the token travels inside the tunnel only");
}

void TestClientProxy::loopbackGoesDirectWithTheSameEnvironment_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("127.0.0.1") << "127.0.0.1";
    QTest::newRow("localhost") << "localhost";
}

void TestClientProxy::loopbackGoesDirectWithTheSameEnvironment()
{
    QFETCH(QString, host);
    // Why the factory exists: libproxy alone would send even 127.0.0.1 to the proxy.
    qInfo() << "libproxy's own answer for" << host << ":"
            << QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(QUrl(QStringLiteral("http://") + host)))
                   .first()
                   .type();
    ScriptedHttpServer server; // the embedded mock's place
    QVERIFY(server.listen());
    server.enqueue(200, "application/json", userJson);
    QVERIFY(!m_client->setBaseUrl(server.baseUrl(host)));
    const auto result = getUser();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.sentence));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().target, QByteArray("/v2/users/1")); // origin-form: no proxy in between
    QCOMPARE(m_proxy->connectionCount(), 0);
}

void TestClientProxy::noProxyIsHonoured()
{
    qputenv("no_proxy", "zitadel.example.invalid");
    SystemProxyFactory factory;
    const auto proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://zitadel.example.invalid"))));
    QCOMPARE(proxies.first().type(), QNetworkProxy::NoProxy);
    const auto others = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://other.example.invalid"))));
    QCOMPARE(others.first().type(), QNetworkProxy::HttpProxy);
}

QTEST_GUILESS_MAIN(TestClientProxy)
#include "TestClientProxy.moc"
