#include "AppSettings.h"

#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Key = AppSettings::Key;

class TestAppSettings : public QObject
{
    Q_OBJECT

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void defaults_data()
    {
        QTest::addColumn<Key>("key");
        QTest::addColumn<QVariant>("expected");
        QTest::newRow("last connection is the mock") << Key::LastConnection << QVariant(QStringLiteral("mock"));
        QTest::newRow("mock token") << Key::MockToken << QVariant(QStringLiteral("mock-admin"));
        QTest::newRow("no last organization") << Key::LastOrganization << QVariant(QString());
        QTest::newRow("no geometry") << Key::MainWindowGeometry << QVariant();
        QTest::newRow("inspector visible") << Key::InspectorVisible << QVariant(true);
        QTest::newRow("resend api v2") << Key::ResendApi << QVariant(QStringLiteral("v2"));
        QTest::newRow("resend delivery send") << Key::ResendDelivery << QVariant(QStringLiteral("send"));
        QTest::newRow("cooldown 30 s") << Key::CooldownSeconds << QVariant(30);
        QTest::newRow("timeout 30 s") << Key::TimeoutSeconds << QVariant(30);
        QTest::newRow("mock expose port 8089") << Key::MockExposePort << QVariant(8089);
        QTest::newRow("mock not exposed") << Key::MockExposed << QVariant(false);
        QTest::newRow("mock panel hidden") << Key::MockPanelVisible << QVariant(false);
    }
    void defaults()
    {
        QFETCH(Key, key);
        QFETCH(QVariant, expected);
        AppSettings settings(iniPath());
        QCOMPARE(settings.get(key), expected);
        QCOMPARE(settings.get(key), AppSettings::defaultValue(key));
    }

    // Values come back with their own type after the INI file was written and read again.
    void roundTripThroughFile_data()
    {
        QTest::addColumn<Key>("key");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("profile id") << Key::LastConnection
                                    << QVariant(QStringLiteral("6f1c2a4e-1111-4d2b-9c55-0a1b2c3d4e5f"));
        QTest::newRow("organization") << Key::LastOrganization << QVariant(QStringLiteral("312908912355508120"));
        QTest::newRow("bool false") << Key::InspectorVisible << QVariant(false);
        QTest::newRow("int") << Key::CooldownSeconds << QVariant(45);
        QTest::newRow("geometry bytes") << Key::MainWindowGeometry << QVariant(QByteArray("\x01\x02\x00\xff", 4));
        QTest::newRow("non-ASCII template")
            << Key::ResendUrlTemplate << QVariant(QStringLiteral("https://é.example/verify?code={{.Code}}"));
    }
    void roundTripThroughFile()
    {
        QFETCH(Key, key);
        QFETCH(QVariant, value);
        {
            AppSettings settings(iniPath());
            settings.set(key, value);
            QCOMPARE(settings.get(key), value);
        }
        AppSettings reopened(iniPath());
        QCOMPARE(reopened.get(key), value);
        QCOMPARE(reopened.get(key).metaType(), value.metaType());
    }

    void changedSignalOnlyOnRealChange()
    {
        AppSettings settings(iniPath());
        QSignalSpy spy(&settings, &AppSettings::changed);

        settings.set(Key::TimeoutSeconds, 10);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Key>(), Key::TimeoutSeconds);

        settings.set(Key::TimeoutSeconds, 10); // same value again
        QCOMPARE(spy.count(), 1);
        settings.set(Key::ResendApi, QStringLiteral("v2")); // equal to the default
        QCOMPARE(spy.count(), 1);

        settings.remove(Key::TimeoutSeconds);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(settings.get(Key::TimeoutSeconds), QVariant(30));
        settings.remove(Key::TimeoutSeconds); // nothing stored any more
        QCOMPARE(spy.count(), 2);
    }

    void unreadableValueFallsBackToDefault()
    {
        {
            QSettings raw(iniPath(), QSettings::IniFormat);
            raw.setValue(AppSettings::name(Key::CooldownSeconds), QStringLiteral("soon"));
        }
        AppSettings settings(iniPath());
        QCOMPARE(settings.get(Key::CooldownSeconds), QVariant(30));
    }

    void namesAreUniqueAndNoneIsForSecrets()
    {
        QSet<QString> names;
        for (int i = 0; i <= static_cast<int>(Key::TimeoutSeconds); ++i) {
            const QString name = AppSettings::name(static_cast<Key>(i));
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            // MockToken names a built-in mock identity; nothing else may even look like a secret.
            if (static_cast<Key>(i) != Key::MockToken) {
                QVERIFY2(!name.contains(QLatin1String("token"), Qt::CaseInsensitive), qPrintable(name));
                QVERIFY2(!name.contains(QLatin1String("secret"), Qt::CaseInsensitive), qPrintable(name));
            }
        }
    }

    void sharesItsFileThroughSettings()
    {
        AppSettings settings(iniPath());
        settings.settings()->setValue(QStringLiteral("profiles/x/name"), QStringLiteral("Prod"));
        settings.set(Key::LastUser, QStringLiteral("42"));
        settings.sync();
        QSettings raw(iniPath(), QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("profiles/x/name")).toString(), QStringLiteral("Prod"));
        QCOMPARE(raw.value(AppSettings::name(Key::LastUser)).toString(), QStringLiteral("42"));
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "TestAppSettings.moc"
