#include "AppSettings.h"
#include "InMemorySecretStore.h"
#include "KeychainSecretStore.h"
#include "ProfileStore.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using Status = SecretResult::Status;

// Collects the answers of one SecretStore request and checks that it came once and late.
class Answer
{
public:
    SecretCallback callback()
    {
        return [this](const SecretResult& r) {
            ++m_calls;
            m_result = r;
        };
    }
    int calls() const { return m_calls; }
    const SecretResult& result() const { return *m_result; }

private:
    int m_calls = 0;
    std::optional<SecretResult> m_result;
};

class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    // Runs one request and waits for its single, queued answer.
    template <class Start>
    SecretResult run(Start start)
    {
        Answer answer;
        start(answer.callback());
        [&] { QCOMPARE(answer.calls(), 0); }(); // never answered inside the call
        if (!QTest::qWaitFor([&] { return answer.calls() > 0; }, 5000))
            return SecretResult {Status::Failed, {}, QStringLiteral("no answer within 5 s"), true};
        QCoreApplication::processEvents();
        [&] { QCOMPARE(answer.calls(), 1); }(); // exactly once
        return answer.result();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void inMemoryRoundTrip()
    {
        InMemorySecretStore store;
        const QString key = QStringLiteral("profile/a");
        auto r = run([&](SecretCallback cb) { store.read(key, cb); });
        QCOMPARE(r.status, Status::NotFound);

        r = run([&](SecretCallback cb) { store.write(key, QStringLiteral("s3cret"), cb); });
        QCOMPARE(r.status, Status::Ok);
        QVERIFY(r.persistent);
        QVERIFY(r.message.isEmpty());

        r = run([&](SecretCallback cb) { store.read(key, cb); });
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(r.secret, QStringLiteral("s3cret"));

        r = run([&](SecretCallback cb) { store.remove(key, cb); });
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(store.peek(key), std::nullopt);
        r = run([&](SecretCallback cb) { store.remove(key, cb); });
        QCOMPARE(r.status, Status::NotFound);
    }

    void inMemoryWithoutBackendKeepsForTheSession()
    {
        InMemorySecretStore store;
        store.setSimulateNoBackend(true);
        QCOMPARE(store.backendDescription(), QStringLiteral("this session only (no keychain)"));
        const QString key = QStringLiteral("profile/b");

        auto r = run([&](SecretCallback cb) { store.write(key, QStringLiteral("tok"), cb); });
        QCOMPARE(r.status, Status::NoBackend);
        QVERIFY(!r.persistent);
        QCOMPARE(
            r.message, QStringLiteral("No system keychain is available, so the token is kept for this session only."));

        r = run([&](SecretCallback cb) { store.read(key, cb); });
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(r.secret, QStringLiteral("tok"));
        QVERIFY(!r.persistent);

        r = run([&](SecretCallback cb) { store.read(QStringLiteral("profile/other"), cb); });
        QCOMPARE(r.status, Status::NoBackend);
        QCOMPARE(r.message, SecretStore::sessionEmptyMessage());
    }

    void inMemoryFailure()
    {
        InMemorySecretStore store;
        store.setSimulateFailure(QStringLiteral("Access denied."));
        auto r = run([&](SecretCallback cb) { store.write(QStringLiteral("k"), QStringLiteral("v"), cb); });
        QCOMPARE(r.status, Status::Failed);
        QCOMPARE(r.message, QStringLiteral("Access denied."));
        QCOMPARE(store.count(), 0);
    }

    void noAnswerAfterTheStoreIsGone()
    {
        Answer answer;
        {
            InMemorySecretStore store;
            store.write(QStringLiteral("k"), QStringLiteral("v"), answer.callback());
        }
        QCoreApplication::processEvents();
        QCOMPARE(answer.calls(), 0);
    }

    // The real keychain class on this machine. A headless box has no keychain, so the secret
    // must still come back through the session fallback; where a keychain exists it is used.
    // Either way the settings file never sees the secret.
    void keychainRoundTripOrSessionFallback()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        AppSettings settings(ini);
        ProfileStore profiles(settings.settings());
        ConnectionProfile p;
        p.name = QStringLiteral("Keychain test");
        p.baseUrl = QUrl(QStringLiteral("https://keychain-test.example"));
        const auto saved = profiles.save(p);
        QVERIFY(saved);
        // A unique key, so a real keychain is neither read from nor left dirty by other runs.
        const QString key = saved->secretKey() + QStringLiteral("-test-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString secret = QStringLiteral("pat-") + QUuid::createUuid().toString(QUuid::Id128);

        KeychainSecretStore store;
        auto written = run([&](SecretCallback cb) { store.write(key, secret, cb); });
        qInfo("keychain write: status %d, backend \"%s\"", int(written.status), qPrintable(store.backendDescription()));
        if (written.status == Status::NoBackend) {
            QVERIFY(!written.persistent);
            QCOMPARE(written.message,
                QStringLiteral("No system keychain is available, so the token is kept for this session only."));
            QVERIFY(store.keychainMissing());
            QCOMPARE(store.backendDescription(), QStringLiteral("this session only (no keychain)"));
        } else {
            QCOMPARE(written.status, Status::Ok);
            QVERIFY(written.persistent);
        }

        auto readBack = run([&](SecretCallback cb) { store.read(key, cb); });
        QCOMPARE(readBack.status, Status::Ok);
        QCOMPARE(readBack.secret, secret);
        QCOMPARE(readBack.persistent, written.persistent);

        settings.sync();
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("Keychain test")); // the profile is there ...
        QVERIFY(!bytes.contains(secret.toUtf8())); // ... its secret is not

        auto removed = run([&](SecretCallback cb) { store.remove(key, cb); });
        QCOMPARE(removed.status, Status::Ok);
        auto gone = run([&](SecretCallback cb) { store.read(key, cb); });
        QVERIFY(gone.status != Status::Ok);
        QVERIFY(gone.secret.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "TestSecretStore.moc"
