// verifydesk-mock as a user starts it: the "listening on" line, the admin token line, a real
// request, clean exit on SIGTERM/SIGINT, and exit code 2 for arguments it refuses.

#include "SeedIds.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

namespace
{
const QString Binary = QStringLiteral(VD_MOCK_BINARY);

// Reads one stdout line, processing events meanwhile (no blocking sleeps).
QString readLine(QProcess& p, int timeoutMs = 10000)
{
    if (!QTest::qWaitFor([&] { return p.canReadLine() || p.state() == QProcess::NotRunning; }, timeoutMs))
        return {};
    return QString::fromLocal8Bit(p.readLine()).trimmed();
}

int finish(QProcess& p)
{
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 10000))
        return -1;
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}
} // namespace

class TestMockCli : public QObject
{
    Q_OBJECT

private slots:
    void servesUntilSignalled_data();
    void servesUntilSignalled();
    void refusesNonLoopbackAddress();
    void listenAnyIsExplicit();
    void badArguments_data();
    void badArguments();
    void helpAndVersion();
    void busyPortIsAnError();
    void generatedUsersAndLatency();
    void fixedAdminToken();

private:
    // Starts the mock and returns its base URL ("" on failure); `lines` gets the banner.
    QUrl start(QProcess& p, const QStringList& arguments, QStringList* lines = nullptr, int bannerLines = 5);
    int get(const QUrl& url, QByteArray* body = nullptr, const QByteArray& token = SeedIds::AdminToken);

    QNetworkAccessManager m_nam;
};

QUrl TestMockCli::start(QProcess& p, const QStringList& arguments, QStringList* lines, int bannerLines)
{
    p.start(Binary, arguments);
    if (!p.waitForStarted(10000))
        return {};
    QStringList banner;
    for (int i = 0; i < bannerLines; ++i)
        banner.append(readLine(p));
    if (lines)
        *lines = banner;
    static const QRegularExpression listening(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)$"));
    const auto m = listening.match(banner.value(0));
    return m.hasMatch() ? QUrl(m.captured(1)) : QUrl();
}

int TestMockCli::get(const QUrl& url, QByteArray* body, const QByteArray& token)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + token);
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return 0;
    if (body)
        *body = reply->readAll();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void TestMockCli::servesUntilSignalled_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestMockCli::servesUntilSignalled()
{
    QFETCH(int, signalNumber);
    QProcess p;
    QStringList banner;
    const QUrl base = start(p,
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--random-seed"), QStringLiteral("1")},
        &banner);
    QVERIFY2(base.isValid() && base.port() > 0, qPrintable(banner.join('\n') + p.readAllStandardError()));
    static const QRegularExpression adminLine(QStringLiteral("^admin token for /_mock: (vdmock_[A-Za-z0-9_-]{32})$"));
    const auto admin = adminLine.match(banner.at(1));
    QVERIFY2(admin.hasMatch(), qPrintable(banner.at(1)));
    QCOMPARE(banner.at(2), QStringLiteral("token mock-admin: user.read, user.write, org.read in every organization"));
    QCOMPARE(banner.at(3), QStringLiteral("token mock-support: user.read, user.write, org.read in ACME Corporation"));
    QCOMPARE(banner.at(4), QStringLiteral("token mock-readonly: user.read, org.read in every organization"));

    QByteArray body;
    QCOMPARE(get(QUrl(base.toString() + QStringLiteral("/management/v1/orgs/me")), &body), 200);
    QCOMPARE(QJsonDocument::fromJson(body)
                 .object()
                 .value(QStringLiteral("org"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
        QStringLiteral("ACME Corporation"));

    // The printed admin token opens the admin API; a ZITADEL token does not.
    QCOMPARE(get(QUrl(base.toString() + QStringLiteral("/_mock/settings")), &body, admin.captured(1).toLatin1()), 200);
    QCOMPARE(get(QUrl(base.toString() + QStringLiteral("/_mock/settings"))), 401);

    QCOMPARE(::kill(pid_t(p.processId()), signalNumber), 0);
    QCOMPARE(finish(p), 0);
    QVERIFY(p.readAllStandardError().isEmpty()); // nothing logged at the default level
}

void TestMockCli::refusesNonLoopbackAddress()
{
    QProcess p;
    p.start(Binary, {QStringLiteral("--address"), QStringLiteral("0.0.0.0")});
    QCOMPARE(finish(p), 2);
    QVERIFY(p.readAllStandardOutput().isEmpty());
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("--listen-any")) && err.contains(QLatin1String("0.0.0.0")), qPrintable(err));
}

void TestMockCli::listenAnyIsExplicit()
{
    QProcess p;
    const QUrl base =
        start(p, {QStringLiteral("--address"), QStringLiteral("0.0.0.0"), QStringLiteral("--listen-any")});
    QVERIFY(base.isValid());
    QCOMPARE(get(QUrl(base.toString() + QStringLiteral("/management/v1/orgs/me"))), 200);
    p.terminate(); // SIGTERM
    QCOMPARE(finish(p), 0);
}

void TestMockCli::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("port not a number") << QStringList {"--port", "abc"} << QStringLiteral("--port");
    QTest::newRow("port too big") << QStringList {"--port", "70000"} << QStringLiteral("--port");
    QTest::newRow("too many users") << QStringList {"--users-per-org", "1000001"} << QStringLiteral("--users-per-org");
    QTest::newRow("negative latency") << QStringList {"--latency", "-5"} << QStringLiteral("--latency");
    QTest::newRow("bad random seed") << QStringList {"--random-seed", "x"} << QStringLiteral("--random-seed");
    QTest::newRow("unknown option") << QStringList {"--bogus"} << QStringLiteral("bogus");
    QTest::newRow("missing value") << QStringList {"--port"} << QStringLiteral("port");
    QTest::newRow("positional") << QStringList {"extra"} << QStringLiteral("extra");
    QTest::newRow("not an address") << QStringList {"--address", "localhost.example"} << QStringLiteral("--address");
    QTest::newRow("missing seed file") << QStringList {"--seed", "/nonexistent/seed.json"}
                                       << QStringLiteral("/nonexistent/seed.json");
    QTest::newRow("admin token too short") << QStringList {"--admin-token", "short"} << QStringLiteral("--admin-token");
    QTest::newRow("admin token too long")
        << QStringList {"--admin-token", QString(129, QLatin1Char('a'))} << QStringLiteral("16 to 128");
    QTest::newRow("admin token with a slash")
        << QStringList {"--admin-token", "abcdefgh/ijklmnopqrs"} << QStringLiteral("--admin-token");
    QTest::newRow("admin token empty") << QStringList {"--admin-token", ""} << QStringLiteral("--admin-token");
}

void TestMockCli::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QProcess p;
    p.start(Binary, arguments);
    QCOMPARE(finish(p), 2);
    QVERIFY(p.readAllStandardOutput().isEmpty());
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    QVERIFY2(err.contains(mentions), qPrintable(err));
}

void TestMockCli::helpAndVersion()
{
    QProcess help;
    help.start(Binary, {QStringLiteral("--help")});
    QCOMPARE(finish(help), 0);
    const QString usage = QString::fromLocal8Bit(help.readAllStandardOutput());
    for (const char* option : {"--port",
             "--address",
             "--listen-any",
             "--seed",
             "--users-per-org",
             "--random-seed",
             "--latency",
             "--admin-token"})
        QVERIFY2(usage.contains(QLatin1String(option)), option);

    QProcess version;
    version.start(Binary, {QStringLiteral("--version")});
    QCOMPARE(finish(version), 0);
    QCOMPARE(QString::fromLocal8Bit(version.readAllStandardOutput()).trimmed(),
        QStringLiteral("verifydesk-mock " VD_VERSION));
}

void TestMockCli::busyPortIsAnError()
{
    QProcess first;
    const QUrl base = start(first, {});
    QVERIFY(base.isValid());
    QProcess second;
    second.start(Binary, {QStringLiteral("--port"), QString::number(base.port())});
    QCOMPARE(finish(second), 1);
    QVERIFY(!second.readAllStandardError().isEmpty());
    first.terminate();
    QCOMPARE(finish(first), 0);
}

void TestMockCli::generatedUsersAndLatency()
{
    QProcess p;
    QStringList banner;
    const QUrl base = start(p,
        {QStringLiteral("--users-per-org"), QStringLiteral("10"), QStringLiteral("--latency"), QStringLiteral("20")},
        &banner,
        6);
    QVERIFY(base.isValid());
    QCOMPARE(banner.at(5), QStringLiteral("10 generated users in each of 4 organizations"));
    QCOMPARE(get(QUrl(base.toString() + QStringLiteral("/v2/users/901000000000000009"))), 200);
    QCOMPARE(get(QUrl(base.toString() + QStringLiteral("/v2/users/901000000000000010"))), 404);
    p.terminate();
    QCOMPARE(finish(p), 0);
}

void TestMockCli::fixedAdminToken()
{
    const QString token = QStringLiteral("qa-run-42_fixed.token~A");
    QProcess p;
    QStringList banner;
    const QUrl base = start(p, {QStringLiteral("--admin-token"), token}, &banner);
    QVERIFY2(base.isValid(), qPrintable(p.readAllStandardError()));
    QCOMPARE(banner.at(1), QStringLiteral("admin token for /_mock: ") + token);
    QByteArray body;
    QCOMPARE(get(QUrl(base.toString() + QStringLiteral("/_mock/outbox")), &body, token.toLatin1()), 200);
    QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("total")).toString(), QStringLiteral("0"));
    QCOMPARE(get(QUrl(base.toString() + QStringLiteral("/_mock/outbox")), nullptr, "qa-run-42_fixed.token~B"), 401);
    p.terminate();
    QCOMPARE(finish(p), 0);
}

QTEST_GUILESS_MAIN(TestMockCli)
#include "TestMockCli.moc"
