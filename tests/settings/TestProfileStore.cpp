#include "ProfileStore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace
{
ConnectionProfile makeProfile(const QString& name, const QString& url, const QString& org = {})
{
    ConnectionProfile p;
    p.name = name;
    p.baseUrl = QUrl(url);
    p.defaultOrganizationId = org;
    return p;
}
} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    QByteArray iniBytes() const
    {
        m_settings->sync();
        QFile file(iniPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
        m_store = std::make_unique<ProfileStore>(m_settings.get());
    }
    void cleanup()
    {
        m_store.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void validate_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("expected"); // empty: valid

        const QString https = QStringLiteral("https://acme.zitadel.cloud");
        QTest::newRow("valid https") << "Staging" << https << ""
                                     << "";
        QTest::newRow("valid with path and org") << "Staging"
                                                 << "https://sso.example.com/zitadel/"
                                                 << "312908912355508120"
                                                 << "";
        QTest::newRow("http to localhost") << "Local"
                                           << "http://localhost:8080"
                                           << ""
                                           << "";
        QTest::newRow("http to 127.0.0.1") << "Local"
                                           << "http://127.0.0.1:8080"
                                           << ""
                                           << "";
        QTest::newRow("http to ::1") << "Local"
                                     << "http://[::1]:8080"
                                     << ""
                                     << "";
        QTest::newRow("renaming itself is fine") << "PRODUCTION" << https << ""
                                                 << "";

        QTest::newRow("empty name") << "" << https << ""
                                    << "Enter a name for the connection.";
        QTest::newRow("blank name") << "   " << https << ""
                                    << "Enter a name for the connection.";
        QTest::newRow("name taken") << "production " << https << ""
                                    << "Another connection is already called \"Production\"; choose another name.";
        QTest::newRow("reserved name")
            << "embedded mock (OFFLINE)" << https << ""
            << "The name \"Embedded mock (offline)\" is reserved for the built-in mock; choose another name.";
        QTest::newRow("empty url") << "Staging"
                                   << ""
                                   << ""
                                   << "Enter the instance URL, for example https://acme.zitadel.cloud.";
        QTest::newRow("no scheme")
            << "Staging"
            << "acme.zitadel.cloud"
            << ""
            << "The instance URL must start with https:// (or http:// for a server on this computer).";
        QTest::newRow("ftp") << "Staging"
                             << "ftp://acme.zitadel.cloud"
                             << ""
                             << "The instance URL must start with https:// (or http:// for a server on this "
                                "computer).";
        QTest::newRow("no host") << "Staging"
                                 << "https:///path"
                                 << ""
                                 << "The instance URL has no host name.";
        QTest::newRow("user info") << "Staging"
                                   << "https://bob:pw@acme.zitadel.cloud"
                                   << ""
                                   << "The instance URL must not contain a user name or password; use a token instead.";
        QTest::newRow("query") << "Staging"
                               << "https://acme.zitadel.cloud/?org=1"
                               << ""
                               << "The instance URL must not contain ? or #; enter only the address of the instance.";
        QTest::newRow("fragment") << "Staging"
                                  << "https://acme.zitadel.cloud/#x"
                                  << ""
                                  << "The instance URL must not contain ? or #; enter only the address of the "
                                     "instance.";
        const QString clear =
            QStringLiteral("Plain http:// would send the token unencrypted over the network; use https://, or "
                           "explicitly allow plain http for this connection.");
        QTest::newRow("http to a remote host") << "Staging"
                                               << "http://acme.zitadel.cloud"
                                               << "" << clear;
        QTest::newRow("http to a LAN address") << "Staging"
                                               << "http://192.168.1.10:8080"
                                               << "" << clear;
        QTest::newRow("http to a *.localhost name") << "Staging"
                                                    << "http://mock.verifydesk.localhost"
                                                    << "" << clear;
        const QString digits =
            QStringLiteral("The default organization id must contain only digits, like 312908912355508120.");
        QTest::newRow("org with letters") << "Staging" << https << "acme" << digits;
        QTest::newRow("org with space") << "Staging" << https << " 312908912355508120" << digits;
    }
    void validate()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, org);
        QFETCH(QString, expected);

        const auto production =
            m_store->save(makeProfile(QStringLiteral("Production"), QStringLiteral("https://p.example")));
        QVERIFY(production);

        ConnectionProfile candidate = makeProfile(name, url, org);
        if (QByteArray(QTest::currentDataTag()) == "renaming itself is fine")
            candidate.id = production->id;
        const auto problem = m_store->validate(candidate);
        QCOMPARE(problem.value_or(QString()), expected);
        // save() applies exactly the same rules.
        QCOMPARE(m_store->save(candidate).has_value(), expected.isEmpty());
    }

    void saveAssignsIdAndRoundTrips()
    {
        QSignalSpy spy(m_store.get(), &ProfileStore::changed);
        const auto saved = m_store->save(makeProfile(
            QStringLiteral("  Staging "), QStringLiteral("https://acme.zitadel.cloud"), QStringLiteral("42")));
        QVERIFY(saved);
        QCOMPARE(spy.count(), 1);
        QVERIFY(!saved->id.isEmpty());
        QVERIFY(!saved->id.startsWith(QLatin1Char('{')));
        QVERIFY(!QUuid::fromString(saved->id).isNull());
        QCOMPARE(saved->name, QStringLiteral("Staging"));
        QCOMPARE(saved->secretKey(), QStringLiteral("profile/") + saved->id);

        m_store.reset();
        m_settings.reset();
        QSettings reopened(iniPath(), QSettings::IniFormat);
        ProfileStore store(&reopened);
        QCOMPARE(store.byId(saved->id), saved);
        QCOMPARE(store.byName(QStringLiteral("STAGING")), saved);
        QCOMPARE(store.profiles().size(), 1);
    }

    void renameKeepsIdAndSecretKey()
    {
        const auto first = m_store->save(makeProfile(QStringLiteral("Old"), QStringLiteral("https://a.example")));
        QVERIFY(first);
        ConnectionProfile renamed = *first;
        renamed.name = QStringLiteral("New");
        renamed.baseUrl = QUrl(QStringLiteral("https://b.example"));
        const auto second = m_store->save(renamed);
        QVERIFY(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(second->secretKey(), first->secretKey());
        QCOMPARE(m_store->profiles().size(), 1);
        QVERIFY(!m_store->byName(QStringLiteral("Old")));
        QCOMPARE(m_store->byId(first->id)->baseUrl, QUrl(QStringLiteral("https://b.example")));
    }

    void removeDeletesOnlyThatProfile()
    {
        const auto a = m_store->save(makeProfile(QStringLiteral("A"), QStringLiteral("https://a.example")));
        const auto b = m_store->save(makeProfile(QStringLiteral("B"), QStringLiteral("https://b.example")));
        QVERIFY(a && b);
        QSignalSpy spy(m_store.get(), &ProfileStore::changed);
        m_store->remove(a->id);
        QCOMPARE(spy.count(), 1);
        QVERIFY(!m_store->byId(a->id));
        QCOMPARE(m_store->profiles(), QList<ConnectionProfile> {*b});
        m_store->remove(a->id); // already gone: no signal
        m_store->remove(QStringLiteral("../connection"));
        QCOMPARE(spy.count(), 1);
    }

    void profilesAreSortedCaseInsensitively()
    {
        for (const char* name : {"gamma", "Beta", "alpha", "Delta"})
            QVERIFY(m_store->save(makeProfile(QString::fromLatin1(name), QStringLiteral("https://x.example"))));
        QStringList names;
        for (const ConnectionProfile& p : m_store->profiles())
            names << p.name;
        QCOMPARE(names, QStringList({"alpha", "Beta", "Delta", "gamma"}));
    }

    void refusesIdsThatAreNotUuids()
    {
        ConnectionProfile p = makeProfile(QStringLiteral("X"), QStringLiteral("https://x.example"));
        p.id = QStringLiteral("../window");
        QVERIFY(!m_store->save(p));
        QVERIFY(m_store->profiles().isEmpty());
    }

    // A token typed anywhere never reaches the settings file, even one left by a hand edit.
    void neverStoresAToken()
    {
        const auto saved = m_store->save(makeProfile(QStringLiteral("Prod"), QStringLiteral("https://p.example")));
        QVERIFY(saved);
        m_settings->setValue(
            QStringLiteral("profiles/") + saved->id + QStringLiteral("/token"), QStringLiteral("hand-edited-secret"));
        QVERIFY(iniBytes().contains("hand-edited-secret"));

        QVERIFY(m_store->save(*saved));
        const QByteArray ini = iniBytes();
        QVERIFY(!ini.contains("hand-edited-secret"));
        QVERIFY(!ini.toLower().contains("token"));
        m_settings->beginGroup(QStringLiteral("profiles/") + saved->id);
        QCOMPARE(m_settings->childKeys(), QStringList({"baseUrl", "defaultOrganizationId", "name"}));
        m_settings->endGroup();
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "TestProfileStore.moc"
