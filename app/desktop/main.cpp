// verifydesk: the desktop console. Command line:
//   verifydesk [--mock | --profile NAME [--token-file FILE]] [--org ID] [--user ID] [--exit-after-load]
// plus --users-per-org N (embedded mock size, for demos and benchmarks) and --settings FILE
// (another settings file, for tests). --token-file gives the profile's token without a keychain
// (TokenFileSecretStore); a token is never accepted on the command line itself, where `ps` and
// shell histories would show it. Exit codes: 0, 1 when --exit-after-load saw an error,
// 2 for bad arguments.

#include "AppSettings.h"
#include "KeychainSecretStore.h"
#include "LoadWatcher.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "SystemProxyFactory.h"
#include "TokenFileSecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkProxyFactory>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace
{
int usageError(const QString& message)
{
    std::fprintf(stderr, "verifydesk: %s\nTry 'verifydesk --help'.\n", qPrintable(message));
    return 2;
}
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("VerifyDesk"));
    QApplication::setApplicationName(QStringLiteral("verifydesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Verify Desk"));
    QApplication::setApplicationVersion(QStringLiteral(VD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("verifydesk"));
    // Every network manager in the app (ZitadelClient installs its own copy of this rule, the
    // mock panel's admin client takes this one): the system's proxy settings, except for this
    // computer, so the embedded mock on 127.0.0.1 is never reached through a proxy.
    QNetworkProxyFactory::setApplicationProxyFactory(new SystemProxyFactory);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "Verify Desk: find a ZITADEL user and resend their email or phone verification code, "
        "against a live instance or the embedded offline mock."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption mock(
        QStringLiteral("mock"), QApplication::translate("main", "Connect to the embedded mock (offline)."));
    const QCommandLineOption profile(QStringLiteral("profile"),
        QApplication::translate("main", "Connect to the saved live connection <name>."),
        QStringLiteral("name"));
    const QCommandLineOption org(
        QStringLiteral("org"), QApplication::translate("main", "Open organization <id>."), QStringLiteral("id"));
    const QCommandLineOption user(
        QStringLiteral("user"), QApplication::translate("main", "Select user <id>."), QStringLiteral("id"));
    const QCommandLineOption exitAfterLoad(QStringLiteral("exit-after-load"),
        QApplication::translate("main",
            "Exit once the window has painted the organizations and the first page of users "
            "(0), or on the first error (1). For smoke tests and start-up benchmarks."));
    const QCommandLineOption usersPerOrg(QStringLiteral("users-per-org"),
        QApplication::translate("main", "Embedded mock: add <n> generated users to every organization (0-1000000)."),
        QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption settingsFile(QStringLiteral("settings"),
        QApplication::translate("main", "Read and write settings in <file> instead of the user's settings."),
        QStringLiteral("file"));
    const QCommandLineOption tokenFile(QStringLiteral("token-file"),
        QApplication::translate("main",
            "With --profile: read the connection's personal access token from <file> (its first line) "
            "instead of the system keychain, for this run only."),
        QStringLiteral("file"));
    parser.addOptions({mock, profile, tokenFile, org, user, exitAfterLoad, usersPerOrg, settingsFile});
    parser.process(app);

    if (parser.isSet(mock) && parser.isSet(profile))
        return usageError(QApplication::translate("main", "--mock and --profile exclude each other."));
    for (const QCommandLineOption* idOption : {&org, &user}) {
        const QString value = parser.value(*idOption);
        if (parser.isSet(*idOption) && (value.isEmpty() || value.size() > 200))
            return usageError(QApplication::translate("main", "--%1 needs an ID.").arg(idOption->names().constFirst()));
    }
    if (parser.isSet(tokenFile) && !parser.isSet(profile))
        return usageError(QApplication::translate("main", "--token-file needs --profile."));
    bool numberOk = false;
    const quint64 generated = parser.value(usersPerOrg).toULongLong(&numberOk);
    if (!numberOk || generated > 1'000'000)
        return usageError(QApplication::translate("main", "--users-per-org must be a number from 0 to 1000000."));

    auto settings = parser.isSet(settingsFile) ? std::make_unique<AppSettings>(parser.value(settingsFile))
                                               : std::make_unique<AppSettings>();
    ProfileStore profiles(settings->settings());
    KeychainSecretStore keychain;
    std::unique_ptr<TokenFileSecretStore> tokenFromFile;
    SecretStore* secrets = &keychain;

    StartRequest request;
    request.organizationId = parser.value(org);
    request.userId = parser.value(user);
    request.mockOptions.usersPerOrg = generated;
    if (parser.isSet(mock)) {
        request.connectionId = ConnectionController::mockId();
    } else if (parser.isSet(profile)) {
        const auto found = profiles.byName(parser.value(profile));
        if (!found)
            return usageError(
                QApplication::translate("main", "There is no saved connection named “%1”.").arg(parser.value(profile)));
        request.connectionId = found->id;
        if (parser.isSet(tokenFile) && found->signsIn())
            return usageError(QApplication::translate("main",
                "The connection “%1” signs in with ZITADEL; --token-file is only for connections with a personal "
                "access token.")
                                  .arg(found->name));
        if (parser.isSet(tokenFile)) {
            QString problem;
            const QString token = TokenFileSecretStore::readTokenFile(parser.value(tokenFile), &problem);
            if (!problem.isEmpty())
                return usageError(problem);
            tokenFromFile = std::make_unique<TokenFileSecretStore>(&keychain, found->secretKey(), token);
            secrets = tokenFromFile.get();
        }
    }

    MainWindow window(settings.get(), &profiles, secrets);
    std::unique_ptr<LoadWatcher> watcher;
    if (parser.isSet(exitAfterLoad))
        watcher = std::make_unique<LoadWatcher>(&window);
    window.start(request);
    // Show the window with its lists filled rather than empty and then again filled: on the
    // embedded mock the first page is there within a frame or two. A slow server only delays
    // the window by ShowDelayCapMs; then it appears and fills in as answers arrive.
    constexpr int ShowDelayCapMs = 250;
    QTimer::singleShot(ShowDelayCapMs, &window, &QWidget::show);
    QObject::connect(&window, &MainWindow::initialLoadFinished, &window, &QWidget::show);
    return app.exec();
}
