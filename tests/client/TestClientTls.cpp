#include "ScriptedHttpServer.h"
#include "TestCertificates.h"
#include "TlsDiagnosis.h"
#include "ZitadelClient.h"

#include <QSslSocket>
#include <QTest>

using Kind = ApiError::Kind;

namespace
{
const QString token = QStringLiteral("s3cr3t-PAT-do-not-leak");
const QString userId = QStringLiteral("312909075211944344");
constexpr int WaitMs = 20000; // a TLS handshake on a loaded 2-core machine
} // namespace

// The client against TLS servers on loopback (QSslServer) presenting the certificates in
// tests/data/tls: a refused certificate is reported in plain words naming the problem, and
// nothing, least of all the token, reaches such a server. There is no switch to ignore it.
class TestClientTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void refusedCertificates_data();
    void refusedCertificates();
    void serverSignedByTheExtraCaIsTrusted();
    void selfSignedCertificateAsItsOwnCa();
    void droppingTheExtraCaRefusesTheServerAgain();
    void diagnosisWithoutAServer_data();
    void diagnosisWithoutAServer();

private:
    std::optional<Result<ResendResult>> resend();

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<ZitadelClient> m_client;
};

void TestClientTls::initTestCase()
{
    // Qt loads its OpenSSL backend (libqopensslbackend, which needs libssl3) at run time.
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no working TLS backend: is libssl3 installed?");
    QCOMPARE(QSslSocket::activeBackend(), QStringLiteral("openssl"));
}

void TestClientTls::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    m_client = std::make_unique<ZitadelClient>();
    m_client->setToken(token);
}

void TestClientTls::cleanup()
{
    m_client.reset();
    m_server.reset();
}

std::optional<Result<ResendResult>> TestClientTls::resend()
{
    std::optional<Result<ResendResult>> result;
    m_client->resendEmailCode(userId, {}, [&result](const Result<ResendResult>& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, WaitMs))
        qWarning("no answer within %d ms", WaitMs);
    return result;
}

void TestClientTls::refusedCertificates_data()
{
    QTest::addColumn<QString>("certificate"); // what the server presents
    QTest::addColumn<QString>("extraCa"); // the profile's CA file, empty for none
    QTest::addColumn<QString>("host"); // the host in the connection's URL
    QTest::addColumn<QStringList>("sentenceParts");

    const QString trusted = QStringLiteral("ca.pem");
    QTest::newRow("self-signed") << "self-signed.pem" << QString() << "localhost"
                                 << QStringList {
                                        "The secure connection to localhost was refused, and nothing was sent.",
                                        "self-signed",
                                        "If this server is meant to have its own certificate, get that certificate "
                                        "file from its administrator and add it to the connection as its CA file."};
    QTest::newRow("self-signed, with the test CA as extra")
        << "self-signed.pem" << trusted << "localhost" << QStringList {"self-signed"};
    QTest::newRow("unknown CA") << "server.pem" << QString() << "localhost"
                                << QStringList {"issued by “Verify Desk Test CA”, a certificate authority this "
                                                "computer does not trust",
                                       "add that CA's certificate file to the connection"};
    QTest::newRow("another CA as extra") << "server.pem"
                                         << "other-ca.pem"
                                         << "127.0.0.1"
                                         << QStringList {"The secure connection to 127.0.0.1 was refused",
                                                "“Verify Desk Test CA”, a certificate authority this computer does "
                                                "not trust"};
    QTest::newRow("expired") << "expired.pem" << trusted << "localhost"
                             << QStringList {"The server's certificate expired on 2001-01-01", "renew"};
    QTest::newRow("not yet valid") << "not-yet-valid.pem" << trusted << "localhost"
                                   << QStringList {"The server's certificate is only valid from 2100-01-01 on",
                                          "this computer's date and time"};
    QTest::newRow("wrong host name") << "wrong-host.pem" << trusted << "localhost"
                                     << QStringList {"The server's certificate is for zitadel.other.test, not for "
                                                     "localhost, the host in the connection's address."};
    QTest::newRow("wrong host, asked by IP")
        << "wrong-host.pem" << trusted << "127.0.0.1" << QStringList {"is for zitadel.other.test, not for 127.0.0.1"};
    QTest::newRow("expired and untrusted: both named")
        << "expired.pem" << QString() << "localhost"
        << QStringList {"expired on 2001-01-01", "a certificate authority this computer does not trust"};
}

void TestClientTls::refusedCertificates()
{
    QFETCH(QString, certificate);
    QFETCH(QString, extraCa);
    QFETCH(QString, host);
    QFETCH(QStringList, sentenceParts);

    QVERIFY(m_server->listenTls(TestCertificates::server(certificate)));
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"1"}})J");
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl(host)));
    if (!extraCa.isEmpty())
        m_client->setExtraCaCertificates(TestCertificates::load(extraCa));

    const auto result = resend();
    QVERIFY(result);
    const ApiError& e = result->error;
    QCOMPARE(e.kind, Kind::Tls);
    QCOMPARE(e.httpStatus, 0);
    for (const QString& part : sentenceParts)
        QVERIFY2(e.sentence.contains(part), qPrintable(e.sentence));
    // The inspector gets Qt's own words and the certificate's details.
    QVERIFY2(e.technical.contains(QLatin1String("SHA-256")), qPrintable(e.technical));
    QVERIFY2(e.technical.contains(QLatin1String("subject")), qPrintable(e.technical));
    // The handshake failed: no connection was handed to the server, so no request and no token.
    QCOMPARE(m_server->connectionCount(), 0);
    QCOMPARE(m_server->requests().size(), 0);
    QVERIFY(result->exchange);
    QCOMPARE(result->exchange->status, 0);
}

void TestClientTls::serverSignedByTheExtraCaIsTrusted()
{
    QVERIFY(m_server->listenTls(TestCertificates::server(QStringLiteral("server.pem"))));
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"7"}})J");
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"8"}})J");
    m_client->setExtraCaCertificates(TestCertificates::load(QStringLiteral("ca.pem")));
    QCOMPARE(m_client->extraCaCertificates().size(), 1);

    // Both names the certificate is for.
    for (const QString& host : {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")}) {
        QVERIFY(!m_client->setBaseUrl(m_server->baseUrl(host)));
        const auto result = resend();
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error.sentence + QLatin1String(" | ") + result->error.technical));
    }
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().first().header("Authorization"), "Bearer " + token.toUtf8());
    QCOMPARE(m_server->requests().first().target, "/v2/users/" + userId.toUtf8() + "/email/resend");
}

void TestClientTls::selfSignedCertificateAsItsOwnCa()
{
    // What the self-signed sentence advises: the server's own certificate, from its
    // administrator, as the profile's CA file. OpenSSL takes it as a trust anchor.
    QVERIFY(m_server->listenTls(TestCertificates::server(QStringLiteral("self-signed.pem"))));
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"7"}})J");
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl(QStringLiteral("localhost"))));
    m_client->setExtraCaCertificates(TestCertificates::load(QStringLiteral("self-signed.pem")));
    const auto result = resend();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.sentence));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestClientTls::droppingTheExtraCaRefusesTheServerAgain()
{
    QVERIFY(m_server->listenTls(TestCertificates::server(QStringLiteral("server.pem"))));
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"7"}})J");
    m_server->enqueue(200, "application/json", R"J({"details":{"sequence":"8"}})J");
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl(QStringLiteral("localhost"))));
    m_client->setExtraCaCertificates(TestCertificates::load(QStringLiteral("ca.pem")));
    auto result = resend();
    QVERIFY(result);
    QVERIFY(result->ok());

    // Another profile (or the mock) took over: the CA goes, and with it any connection that
    // was verified under it.
    m_client->setExtraCaCertificates({});
    result = resend();
    QVERIFY(result);
    QCOMPARE(result->error.kind, Kind::Tls);
    QCOMPARE(m_server->requests().size(), 1);

    m_client->setExtraCaCertificates(TestCertificates::load(QStringLiteral("ca.pem")));
    m_client->clearConnection(); // forgets the CA as well
    QVERIFY(m_client->extraCaCertificates().isEmpty());
}

void TestClientTls::diagnosisWithoutAServer_data()
{
    QTest::addColumn<QList<QSslError>>("errors");
    QTest::addColumn<QStringList>("sentenceParts");

    const QSslCertificate server = TestCertificates::load(QStringLiteral("server.pem")).first();
    const QSslCertificate ca = TestCertificates::load(QStringLiteral("ca.pem")).first();
    QTest::newRow("revoked") << QList<QSslError> {QSslError(QSslError::CertificateRevoked, server)}
                             << QStringList {"The server's certificate has been revoked by its issuer."};
    QTest::newRow("other errors: Qt's words")
        << QList<QSslError> {QSslError(QSslError::InvalidPurpose, server)}
        << QStringList {"The server's certificate was refused: The supplied certificate is unsuitable for this "
                        "purpose."};
    QTest::newRow("expired CA in the chain")
        << QList<QSslError> {QSslError(QSslError::CertificateExpired, ca)}
        << QStringList {"The certificate authority “Verify Desk Test CA” in the server's chain expired on 2124-01-01"};
    QTest::newRow("host mismatch lists DNS names before addresses")
        << QList<QSslError> {QSslError(QSslError::HostNameMismatch, server)}
        << QStringList {"is for localhost, ::1, 127.0.0.1, not for zitadel.example.com"};
    QTest::newRow("no detail at all") << QList<QSslError> {} << QStringList {"could not be checked"};
}

void TestClientTls::diagnosisWithoutAServer()
{
    QFETCH(QList<QSslError>, errors);
    QFETCH(QStringList, sentenceParts);
    const QSslCertificate server = TestCertificates::load(QStringLiteral("server.pem")).first();
    const TlsDiagnosis::Text text = TlsDiagnosis::describe(errors, QStringLiteral("zitadel.example.com"), server);
    QVERIFY(text.sentence.startsWith(
        QLatin1String("The secure connection to zitadel.example.com was refused, and nothing was sent.")));
    for (const QString& part : sentenceParts)
        QVERIFY2(text.sentence.contains(part), qPrintable(text.sentence));
}

QTEST_GUILESS_MAIN(TestClientTls)
#include "TestClientTls.moc"
