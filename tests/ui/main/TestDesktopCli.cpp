#include "AppSettings.h"
#include "ProfileStore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// verifydesk started as a separate process, the way scripts and the start-up benchmark do.
class TestDesktopCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void exitAfterLoadOnTheMockExitsZero();
    void badArguments_data();
    void badArguments();
    void versionAndHelp();
    void tokenFileProblems_data();
    void tokenFileProblems();

private:
    int run(const QStringList& arguments, QByteArray* out = nullptr, QByteArray* err = nullptr);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDesktopCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

int TestDesktopCli::run(const QStringList& arguments, QByteArray* out, QByteArray* err)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VD_APP_BINARY),
        QStringList {QStringLiteral("--settings"), m_dir->filePath(QStringLiteral("s.ini"))} + arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

void TestDesktopCli::exitAfterLoadOnTheMockExitsZero()
{
    QByteArray err;
    QCOMPARE(run({QStringLiteral("--mock"), QStringLiteral("--exit-after-load")}, nullptr, &err), 0);
    QCOMPARE(run({QStringLiteral("--mock"),
                     QStringLiteral("--org"),
                     QStringLiteral("312908912355508121"),
                     QStringLiteral("--user"),
                     QStringLiteral("312909075211944372"),
                     QStringLiteral("--users-per-org"),
                     QStringLiteral("1000000"),
                     QStringLiteral("--exit-after-load")},
                 nullptr,
                 &err),
        0);
}

void TestDesktopCli::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("mock and profile") << QStringList {"--mock", "--profile", "x"} << "exclude each other";
    QTest::newRow("unknown profile") << QStringList {"--profile", "Nope"} << "no saved connection named";
    QTest::newRow("users per org") << QStringList {"--users-per-org", "2000000"} << "0 to 1000000";
    QTest::newRow("unknown option") << QStringList {"--frobnicate"} << "frobnicate";
    QTest::newRow("token file without profile")
        << QStringList {"--token-file", "t.txt"} << "--token-file needs --profile";
}

void TestDesktopCli::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QByteArray err;
    const int code = run(arguments, nullptr, &err);
    QVERIFY2(code != 0 && code > 0, qPrintable(QString::number(code)));
    QVERIFY2(err.contains(message.toUtf8()), err.constData());
}

void TestDesktopCli::versionAndHelp()
{
    QByteArray out;
    QCOMPARE(run({QStringLiteral("--version")}, &out), 0);
    QVERIFY2(out.contains("verifydesk"), out.constData());
    QCOMPARE(run({QStringLiteral("--help")}, &out), 0);
    for (const char* option : {"--mock", "--profile", "--token-file", "--org", "--user", "--exit-after-load"})
        QVERIFY2(out.contains(option), option);
}

void TestDesktopCli::tokenFileProblems_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << QByteArray() << "cannot read the token file";
    QTest::newRow("empty") << QByteArray("\n  \n") << "is empty";
}

void TestDesktopCli::tokenFileProblems()
{
    // A profile to give the token to, as the connection dialog saves it.
    {
        AppSettings settings(m_dir->filePath(QStringLiteral("s.ini")));
        ProfileStore profiles(settings.settings());
        ConnectionProfile profile;
        profile.name = QStringLiteral("Staging");
        profile.baseUrl = QUrl(QStringLiteral("https://staging.example.com"));
        QVERIFY(profiles.save(profile).has_value());
    }
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString file = m_dir->filePath(QStringLiteral("token.txt"));
    if (!content.isEmpty()) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    QByteArray err;
    QCOMPARE(run({QStringLiteral("--profile"), QStringLiteral("Staging"), QStringLiteral("--token-file"), file},
                 nullptr,
                 &err),
        2);
    QVERIFY2(err.contains(message.toUtf8()), err.constData());
    QVERIFY2(err.contains(file.toUtf8()), err.constData()); // names the file, so it can be fixed
}

QTEST_GUILESS_MAIN(TestDesktopCli)
#include "TestDesktopCli.moc"
