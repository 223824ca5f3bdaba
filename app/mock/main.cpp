// verifydesk-mock: serves the embedded ZITADEL mock over HTTP until SIGINT/SIGTERM.
//
// Output contract (scripts and tests read it through pipes): the first stdout line is
// "listening on http://127.0.0.1:PORT", the second "admin token for /_mock: TOKEN" (the
// bearer token of the admin API, docs/mock-workbench.md; new every start unless
// --admin-token fixes it), then one line per ZITADEL token (a long one masked, see shownToken),
// the generated-users line when there are any, and one "sign-in: ..." line per OIDC application
// (client id and where sign-in starts; no secret is ever printed). Exit codes: 0 after a
// signal, 1 when the port cannot be bound, 2 for bad arguments or a bad seed.

#include "MockAdminToken.h"
#include "MockHttpServer.h"
#include "MockZitadel.h"
#include "UnixSignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <csignal>
#include <cstdio>

namespace
{
const char* const Context = "verifydesk-mock";

QString tr(const char* text)
{
    return QCoreApplication::translate(Context, text);
}

void printLine(FILE* stream, const QString& line)
{
    std::fputs(line.toLocal8Bit().constData(), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

int usageError(const QString& message)
{
    printLine(stderr, QStringLiteral("verifydesk-mock: ") + message);
    printLine(stderr, tr("Try 'verifydesk-mock --help'."));
    return 2;
}

bool parseNumber(const QString& text, quint64 max, quint64* out)
{
    bool ok = false;
    const quint64 n = text.toULongLong(&ok);
    if (!ok || n > max)
        return false;
    *out = n;
    return true;
}

QString permissionName(MockPermission p)
{
    switch (p) {
    case MockPermission::UserRead:
        return QStringLiteral("user.read");
    case MockPermission::UserWrite:
        return QStringLiteral("user.write");
    case MockPermission::OrgRead:
        return QStringLiteral("org.read");
    }
    return {};
}

// The built-in tokens are short names ("mock-admin") that the README prints too. A seed may bring
// a token that looks like a real personal access token (QA reusing one from a test instance);
// that one is printed only by its ends and length, so start-up output kept in a CI log never
// carries it. Whoever needs it has the seed file.
QString shownToken(const QString& token)
{
    constexpr int LongestName = 20;
    if (token.size() <= LongestName)
        return token;
    return tr("%1\u2026%2 (%3 characters)").arg(token.left(4), token.right(4)).arg(token.size());
}

// "mock-support: user.read, user.write, org.read in ACME Corporation"
// "sign-in: client id C (Name) at BASE/oauth/v2/authorize; people: A (role), B (role)".
QString describeSignIn(const MockOidcApplication& app, const MockZitadel& zitadel, const QUrl& base)
{
    QStringList people;
    for (const MockOidcPerson& person : zitadel.oidc().config().people) {
        const auto user = zitadel.user(person.userId);
        people.append(tr("%1 (%2)").arg(user ? user->displayName : person.userId, person.role));
    }
    return tr("sign-in: client id %1 (%2) at %3/oauth/v2/authorize; people: %4")
        .arg(app.clientId, app.name, base.toString(), people.join(QStringLiteral(", ")));
}

QString describeToken(const MockToken& token, const QList<MockOrg>& orgs)
{
    QStringList grants;
    for (const MockGrant& grant : token.grants) {
        QStringList permissions;
        for (MockPermission p : grant.permissions)
            permissions.append(permissionName(p));
        QString where = tr("every organization");
        for (const MockOrg& org : orgs) {
            if (org.id == grant.orgId)
                where = org.name;
        }
        grants.append(tr("%1 in %2").arg(permissions.join(QStringLiteral(", ")), where));
    }
    if (grants.isEmpty())
        grants.append(tr("nothing"));
    return tr("token %1: %2").arg(shownToken(token.token), grants.join(QStringLiteral("; ")));
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("verifydesk-mock"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Serves a mock ZITADEL instance (REST and Connect) for Verify Desk on the loopback interface."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption port(
        QStringLiteral("port"), tr("TCP port to listen on (0 = any free port)."), tr("N"), QStringLiteral("0"));
    const QCommandLineOption address(
        QStringLiteral("address"), tr("Address to listen on."), tr("A"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption listenAny(QStringLiteral("listen-any"), tr("Allow an address that is not loopback."));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed file (default: the built-in seed)."), tr("FILE"));
    const QCommandLineOption usersPerOrg(QStringLiteral("users-per-org"),
        tr("Generated users added to every organization (0..1000000)."),
        tr("N"),
        QStringLiteral("0"));
    const QCommandLineOption randomSeed(QStringLiteral("random-seed"),
        tr("Seed for verification codes (0 = different every run)."),
        tr("N"),
        QStringLiteral("0"));
    const QCommandLineOption latency(
        QStringLiteral("latency"), tr("Delay every answer by MS milliseconds."), tr("MS"), QStringLiteral("0"));
    const QCommandLineOption adminToken(QStringLiteral("admin-token"),
        tr("Bearer token for the admin API /_mock (16 to 128 letters, digits, '-', '_', '.', '~'; default: a new "
           "random one)."),
        tr("TOKEN"));
    parser.addOptions({port, address, listenAny, seed, usersPerOrg, randomSeed, latency, adminToken});

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("unexpected argument: %1").arg(parser.positionalArguments().first()));
    if (parser.isSet(helpOption)) {
        printLine(stdout, parser.helpText());
        return 0;
    }
    if (parser.isSet(versionOption)) {
        printLine(stdout, QStringLiteral("verifydesk-mock ") + QCoreApplication::applicationVersion());
        return 0;
    }

    quint64 portNumber = 0;
    quint64 latencyMs = 0;
    MockOptions options;
    options.seedFile = parser.value(seed);
    if (!parseNumber(parser.value(port), 65535, &portNumber))
        return usageError(tr("--port must be a number from 0 to 65535"));
    if (!parseNumber(parser.value(usersPerOrg), 1'000'000, &options.usersPerOrg))
        return usageError(tr("--users-per-org must be a number from 0 to 1000000"));
    if (!parseNumber(parser.value(randomSeed), std::numeric_limits<quint64>::max(), &options.randomSeed))
        return usageError(tr("--random-seed must be a non-negative number"));
    if (!parseNumber(parser.value(latency), 600'000, &latencyMs))
        return usageError(tr("--latency must be a number of milliseconds from 0 to 600000"));
    options.adminToken = parser.value(adminToken);
    if (parser.isSet(adminToken)) {
        const QString problem = MockAdminToken::problem(options.adminToken);
        if (!problem.isEmpty())
            return usageError(QStringLiteral("--admin-token: ") + problem);
    }
    const QHostAddress host(parser.value(address));
    if (host.isNull())
        return usageError(tr("--address must be an IP address, not \"%1\"").arg(parser.value(address)));
    if (!host.isLoopback() && !parser.isSet(listenAny))
        return usageError(tr("refusing to listen on %1: the mock accepts well-known tokens, so it only serves "
                             "the loopback interface. Add --listen-any if you really want that.")
                              .arg(host.toString()));

    QString error;
    std::unique_ptr<MockZitadel> zitadel = MockZitadel::create(options, &error);
    if (!zitadel)
        return usageError(error);
    MockHttpServer server(zitadel.get());
    server.setLatency(int(latencyMs));
    if (server.listen(host, quint16(portNumber), parser.isSet(listenAny)) == 0) {
        printLine(stderr, QStringLiteral("verifydesk-mock: ") + server.errorString());
        return 1;
    }

    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    if (!signalWatcher.isValid())
        printLine(stderr, tr("warning: cannot watch SIGINT/SIGTERM; stop the mock with SIGKILL"));
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &app, [](int) { QCoreApplication::quit(); });

    printLine(stdout, QStringLiteral("listening on ") + server.baseUrl().toString());
    printLine(stdout, QStringLiteral("admin token for /_mock: ") + zitadel->adminToken());
    const QList<MockOrg> orgs = zitadel->organizations();
    for (const MockToken& token : zitadel->tokens())
        printLine(stdout, describeToken(token, orgs));
    if (zitadel->usersPerOrg() > 0) // from --users-per-org or a saved state
        printLine(
            stdout, tr("%1 generated users in each of %2 organizations").arg(zitadel->usersPerOrg()).arg(orgs.size()));
    for (const MockOidcApplication& app : zitadel->oidc().config().applications)
        printLine(stdout, describeSignIn(app, *zitadel, server.baseUrl()));

    return app.exec() == 0 ? 0 : 1;
}
