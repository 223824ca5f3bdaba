#include "AppSettings.h"
#include "ConnectionController.h"
#include "InMemorySecretStore.h"
#include "ProfileStore.h"
#include "ScriptedHttpServer.h"
#include "TestCertificates.h"
#include "ZitadelClient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace
{
const QString token = QStringLiteral("live-token-for-tls-tests");
constexpr int WaitMs = 20000;
} // namespace

// ConnectionController and a profile's extra CA file: the file is read when the connection
// is made, a bad file fails the connection with ExtraCa's sentence before any token is read,
// and the CA is trusted for that profile only (the mock and other profiles drop it).
class TestConnectionController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void profileWithItsCaReachesTheTlsServer();
    void badCaFileFailsTheConnection_data();
    void badCaFileFailsTheConnection();
    void theCaBelongsToItsProfileOnly();

private:
    QString addProfile(const QString& name, const QString& caFile);
    bool activate(const QString& id, QString* failure = nullptr);
    std::optional<Result<User>> getUser();

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<ZitadelClient> m_client;
    std::unique_ptr<ConnectionController> m_controller;
    std::unique_ptr<ScriptedHttpServer> m_server;
};

void TestConnectionController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestConnectionController::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_profiles = std::make_unique<ProfileStore>(m_settings->settings());
    m_secrets = std::make_unique<InMemorySecretStore>();
    m_client = std::make_unique<ZitadelClient>();
    m_controller = std::make_unique<ConnectionController>(m_client.get(), m_profiles.get(), m_secrets.get());
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listenTls(TestCertificates::server(QStringLiteral("server.pem"))));
}

void TestConnectionController::cleanup()
{
    m_controller.reset();
    m_client.reset();
    m_server.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_settings.reset();
}

QString TestConnectionController::addProfile(const QString& name, const QString& caFile)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.baseUrl = m_server->baseUrl(QStringLiteral("localhost"));
    profile.extraCaFile = caFile;
    const auto saved = m_profiles->save(profile);
    if (!saved)
        return {};
    bool written = false;
    m_secrets->write(saved->secretKey(), token, [&](const SecretResult&) { written = true; });
    return QTest::qWaitFor([&] { return written; }, WaitMs) ? saved->id : QString();
}

bool TestConnectionController::activate(const QString& id, QString* failure)
{
    QSignalSpy connected(m_controller.get(), &ConnectionController::connected);
    QSignalSpy failed(m_controller.get(), &ConnectionController::connectionFailed);
    m_controller->activate(id);
    if (!QTest::qWaitFor([&] { return connected.count() + failed.count() > 0; }, WaitMs))
        return false;
    if (failure && !failed.isEmpty())
        *failure = failed.first().at(1).toString();
    return !connected.isEmpty();
}

std::optional<Result<User>> TestConnectionController::getUser()
{
    std::optional<Result<User>> result;
    m_client->getUserById(QStringLiteral("1"), [&result](const Result<User>& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, WaitMs))
        qWarning("no answer within %d ms", WaitMs);
    return result;
}

void TestConnectionController::profileWithItsCaReachesTheTlsServer()
{
    const QString id = addProfile(QStringLiteral("Company CA"), TestCertificates::path(QStringLiteral("ca.pem")));
    QVERIFY(!id.isEmpty());
    QVERIFY(activate(id));
    QCOMPARE(m_client->extraCaCertificates(), TestCertificates::load(QStringLiteral("ca.pem")));

    m_server->enqueue(200, "application/json", R"J({"user":{"userId":"1","username":"minnie"}})J");
    const auto result = getUser();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.sentence));
    QCOMPARE(m_server->requests().first().header("Authorization"), "Bearer " + token.toUtf8());
}

void TestConnectionController::badCaFileFailsTheConnection_data()
{
    QTest::addColumn<QString>("content"); // written to the CA file; "-" leaves it missing
    QTest::addColumn<QString>("sentencePart");
    QTest::newRow("missing") << "-"
                             << "does not exist";
    QTest::newRow("not a certificate") << "this is not a certificate\n"
                                       << "holds no certificate in PEM or DER form";
    QTest::newRow("expired certificate") << "expired.pem"
                                         << "expired on";
}

void TestConnectionController::badCaFileFailsTheConnection()
{
    QFETCH(QString, content);
    QFETCH(QString, sentencePart);
    QString caFile = m_dir.filePath(QStringLiteral("company-ca.pem"));
    QFile::remove(caFile);
    if (content.endsWith(QLatin1String(".pem"))) {
        caFile = TestCertificates::path(content);
    } else if (content != QLatin1String("-")) {
        QFile file(caFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content.toUtf8());
    }
    const QString id = addProfile(QStringLiteral("Bad CA"), caFile);
    QVERIFY(!id.isEmpty());

    QString failure;
    QVERIFY(!activate(id, &failure));
    QVERIFY2(failure.contains(caFile), qPrintable(failure)); // names the file
    QVERIFY2(failure.contains(sentencePart), qPrintable(failure));
    QVERIFY2(failure.endsWith(QStringLiteral("Edit the connection “Bad CA” to choose another CA file, or none.")),
        qPrintable(failure));
    QVERIFY(!m_controller->isConnected());
    QVERIFY(m_client->extraCaCertificates().isEmpty());
    // Nothing can be sent while the connection failed.
    const auto result = getUser();
    QVERIFY(result);
    QCOMPARE(result->error.kind, ApiError::Kind::InvalidInput);
    QCOMPARE(m_server->connectionCount(), 0);
}

void TestConnectionController::theCaBelongsToItsProfileOnly()
{
    const QString withCa = addProfile(QStringLiteral("With CA"), TestCertificates::path(QStringLiteral("ca.pem")));
    const QString without = addProfile(QStringLiteral("Without CA"), QString());
    QVERIFY(activate(withCa));
    QCOMPARE(m_client->extraCaCertificates().size(), 1);

    // The same server under a profile without the CA is not trusted.
    QVERIFY(activate(without));
    QVERIFY(m_client->extraCaCertificates().isEmpty());
    const auto refused = getUser();
    QVERIFY(refused);
    QCOMPARE(refused->error.kind, ApiError::Kind::Tls);
    QCOMPARE(m_server->requests().size(), 0);

    QVERIFY(activate(withCa));
    QCOMPARE(m_client->extraCaCertificates().size(), 1);
    QVERIFY(activate(ConnectionController::mockId())); // the embedded mock starts in its thread
    QVERIFY(m_client->extraCaCertificates().isEmpty());
}

QTEST_MAIN(TestConnectionController)
#include "TestConnectionController.moc"
