// screenshot-tour OUT.png [--dark] [--user ID] [--return-code] [--panel TAB] [--mask]: drives the real main window on
// the embedded mock the way a support person would (pick the user, resend, open the
// inspector), then saves what the X server shows. Run under Xvfb (scripts/screenshot.sh), so
// the picture is what a person would see, not a widget rendered into a buffer.
//
// --profile-dialog warning|ca: the connection editor instead, with plain http:// to another
// host typed (the warning and the choice it asks for) or with an extra CA file that is not a
// certificate; only the dialog is saved.
// --sign-in needed|signed-in: a "Sign in with ZITADEL" connection to a second mock on loopback,
// before signing in (the sign-in bar), or after signing in as the support agent through the
// mock's sign-in page (followed headlessly; the status bar names her) and a resend.
// --token-offer [--token-dialog]: a second mock on loopback stands in for a live instance; the
// resend meets a revoked token (401) and the window offers "Update token…" (and, with
// --token-dialog, that dialog is open with a token typed).

#include "AppSettings.h"
#include "ConfirmResend.h"
#include "ConnectionController.h"
#include "ExchangeHistoryModel.h"
#include "HeadlessBrowser.h"
#include "InMemorySecretStore.h"
#include "InspectorDock.h"
#include "InspectorWidget.h"
#include "MainWindow.h"
#include "MockDock.h"
#include "MockFixture.h"
#include "ProfileEditDialog.h"
#include "ProfileStore.h"
#include "TokenUpdateDialog.h"
#include "UserPanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTimer>

#include <cstdio>

namespace
{
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

// Saves what the X server shows of `area` (the whole screen when null) and ends the run.
void grabAndExit(const QString& out, QWidget* area)
{
    QScreen* screen = QGuiApplication::primaryScreen();
    const QRect r = area ? area->frameGeometry() : QRect();
    const QImage shot =
        (area ? screen->grabWindow(0, r.x(), r.y(), r.width(), r.height()) : screen->grabWindow(0)).toImage();
    if (!shot.save(out)) {
        std::fprintf(stderr, "screenshot-tour: cannot write %s\n", qPrintable(out));
        QCoreApplication::exit(1);
        return;
    }
    std::printf("wrote %s (%dx%d)\n", qPrintable(out), shot.width(), shot.height());
    QCoreApplication::exit(0);
}

void typeInto(QWidget* dialog, const char* name, const QString& text)
{
    auto* edit = dialog->findChild<QLineEdit*>(QLatin1String(name));
    edit->setFocus();
    QTest::keyClicks(edit, text);
}

// The connection editor alone, as a person leaves it after typing.
int profileDialogTour(const QString& out, const QString& state, const QString& scratch)
{
    AppSettings settings(scratch + QStringLiteral("/settings.ini"));
    ProfileStore profiles(settings.settings());
    ProfileEditDialog dialog(&profiles, {});
    dialog.move(40, 40);
    dialog.show();
    typeInto(&dialog, "nameEdit", QStringLiteral("Lab server"));
    typeInto(&dialog, "tokenEdit", QStringLiteral("dGhpcy1pcy1ub3QtYS1yZWFsLXRva2Vu"));
    if (state == QLatin1String("sign-in")) {
        dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("ACME production"));
        typeInto(&dialog, "urlEdit", QStringLiteral("https://acme.zitadel.cloud"));
        QTest::mouseClick(dialog.findChild<QRadioButton*>(QStringLiteral("signInCredentialRadio")), Qt::LeftButton);
        typeInto(&dialog, "clientIdEdit", QStringLiteral("312909075212468632@verifydesk"));
    } else if (state == QLatin1String("ca")) {
        typeInto(&dialog, "urlEdit", QStringLiteral("https://zitadel.corp.example"));
        const QString notACertificate = scratch + QStringLiteral("/company-ca.pem");
        QFile file(notACertificate);
        if (file.open(QIODevice::WriteOnly))
            file.write("ask the PKI team for the real one\n");
        file.close();
        typeInto(&dialog, "caFileEdit", notACertificate);
        // Save: the CA file is read now and its problem shown next to it.
        QTest::keyClick(dialog.findChild<QLineEdit*>(QStringLiteral("caFileEdit")), Qt::Key_Return);
    } else {
        typeInto(&dialog, "urlEdit", QStringLiteral("http://zitadel.lab.example:8080"));
        typeInto(&dialog, "orgEdit", QStringLiteral("312908912355508120"));
    }
    QTimer::singleShot(800, &dialog, [&] { grabAndExit(out, &dialog); });
    return QCoreApplication::exec();
}

// A second mock on loopback standing in for a live instance, and a scratch settings file with
// its profile store and an in-memory keychain.
struct LiveStage
{
    explicit LiveStage(const QString& scratch)
        : settings(scratch + QStringLiteral("/settings.ini"))
        , profiles(settings.settings())
    { }
    bool ready() const
    {
        if (!live.ok())
            std::fprintf(stderr, "screenshot-tour: %s\n", qPrintable(live.error()));
        return live.ok();
    }
    MockFixture live;
    AppSettings settings;
    ProfileStore profiles;
    InMemorySecretStore secrets;
};

// A live profile (a second mock on loopback) whose token the server stops accepting.
int tokenOfferTour(const QString& out, bool openDialog, const QString& scratch)
{
    LiveStage stage(scratch);
    if (!stage.ready())
        return 1;
    auto& [live, settings, profiles, secrets] = stage;
    ConnectionProfile profile;
    profile.name = QStringLiteral("Staging");
    profile.baseUrl = live.baseUrl();
    const auto saved = profiles.save(profile);
    secrets.write(saved->secretKey(), QStringLiteral("mock-admin"), {});

    MainWindow window(&settings, &profiles, &secrets);
    StartRequest request;
    request.connectionId = saved->id;
    request.organizationId = QStringLiteral("312908912355508120");
    request.userId = QStringLiteral("312909075211944345");
    QObject::connect(&window, &MainWindow::initialLoadFinished, &window, [&](bool ok, const QString& message) {
        if (!ok) {
            std::fprintf(stderr, "screenshot-tour: %s\n", qPrintable(message));
            QCoreApplication::exit(1);
            return;
        }
        QTimer::singleShot(500, &window, [&] {
            // The token is revoked on the server: the next resend is refused with 401.
            live.router().faults().add(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("email-resend")},
                                           {QStringLiteral("error"), QStringLiteral("token-invalid")}},
                nullptr);
            ConfirmResend::setNextAnswer(true);
            if (auto* email = window.findChild<QPushButton*>(QStringLiteral("resendEmailButton")))
                QTest::mouseClick(email, Qt::LeftButton);
            QTimer::singleShot(1000, &window, [&] {
                if (!openDialog) {
                    grabAndExit(out, nullptr);
                    return;
                }
                QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("updateTokenButton")), Qt::LeftButton);
                QTimer::singleShot(500, &window, [&] {
                    if (auto* dialog = window.findChild<TokenUpdateDialog*>())
                        typeInto(dialog, "tokenEdit", QStringLiteral("bmV3LXRva2VuLWZyb20tdGhlLWNvbnNvbGU"));
                    QTimer::singleShot(500, &window, [&] { grabAndExit(out, nullptr); });
                });
            });
        });
    });
    window.start(request);
    window.setGeometry(0, 0, 1400, 900);
    window.show();
    return QCoreApplication::exec();
}
// A "Sign in with ZITADEL" connection to a second mock on loopback.
int signInTour(const QString& out, const QString& state, const QString& scratch)
{
    LiveStage stage(scratch);
    if (!stage.ready())
        return 1;
    auto& [live, settings, profiles, secrets] = stage;
    ConnectionProfile profile;
    profile.name = QStringLiteral("ACME (mock sign-in)");
    profile.baseUrl = live.baseUrl();
    profile.credential = ConnectionProfile::Credential::SignIn;
    profile.clientId = QStringLiteral("312909075212468632@verifydesk");
    const auto saved = profiles.save(profile);

    MainWindow window(&settings, &profiles, &secrets);
    HeadlessBrowser browser;
    window.setBrowserOpener([&](const QUrl& url) {
        QTimer::singleShot(0, &window, [&browser, url] { browser.signIn(url, "userId", "312909075211944346"); });
        return true;
    });
    StartRequest request;
    request.connectionId = saved->id;
    request.organizationId = QStringLiteral("312908912355508120");
    request.userId = QStringLiteral("312909075211944345");
    QObject::connect(&window, &MainWindow::initialLoadFinished, &window, [&] {
        QTimer::singleShot(500, &window, [&] {
            if (state == QLatin1String("needed")) {
                grabAndExit(out, nullptr);
                return;
            }
            QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
        });
    });
    QObject::connect(window.connections(), &ConnectionController::signedIn, &window, [&] {
        QTimer::singleShot(2500, &window, [&] {
            ConfirmResend::setNextAnswer(true);
            if (auto* email = window.findChild<QPushButton*>(QStringLiteral("resendEmailButton")))
                QTest::mouseClick(email, Qt::LeftButton);
            QTimer::singleShot(1200, &window, [&] { grabAndExit(out, nullptr); });
        });
    });
    window.start(request);
    window.setGeometry(0, 0, 1400, 900);
    window.show();
    return QCoreApplication::exec();
}
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("out"), QStringLiteral("PNG file to write"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Fusion style with a dark palette"));
    const QCommandLineOption user(QStringLiteral("user"),
        QStringLiteral("user to open"),
        QStringLiteral("id"),
        QStringLiteral("312909075211944345"));
    const QCommandLineOption returnCode(QStringLiteral("return-code"), QStringLiteral("resend with returnCode"));
    const QCommandLineOption panel(QStringLiteral("panel"),
        QStringLiteral("open the mock workbench on this tab: outbox, faults, requests or scenario"),
        QStringLiteral("tab"));
    const QCommandLineOption profileDialog(QStringLiteral("profile-dialog"),
        QStringLiteral("show the connection editor instead: warning (plain http) or ca (a bad CA file)"),
        QStringLiteral("state"));
    const QCommandLineOption tokenOffer(
        QStringLiteral("token-offer"), QStringLiteral("a live connection whose token is refused (401)"));
    const QCommandLineOption tokenDialog(
        QStringLiteral("token-dialog"), QStringLiteral("with --token-offer: open \"Update token…\" too"));
    const QCommandLineOption mask(QStringLiteral("mask"),
        QStringLiteral("turn on the inspector's \"Mask personal data\" and show a list of users"));
    const QCommandLineOption signIn(
        QStringLiteral("sign-in"), QStringLiteral("a sign-in connection: needed | signed-in"), QStringLiteral("state"));
    parser.addOptions({dark, user, returnCode, panel, profileDialog, tokenOffer, tokenDialog, mask, signIn});
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr,
            "usage: screenshot-tour OUT.png [--dark] [--user ID] [--return-code] [--panel TAB] "
            "[--profile-dialog warning|ca] [--token-offer [--token-dialog]] [--mask]\n");
        return 2;
    }
    const QString out = parser.positionalArguments().constFirst();
    if (parser.isSet(dark)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    QTemporaryDir dir;
    if (parser.isSet(profileDialog))
        return profileDialogTour(out, parser.value(profileDialog), dir.path());
    if (parser.isSet(signIn))
        return signInTour(out, parser.value(signIn), dir.path());
    if (parser.isSet(tokenOffer))
        return tokenOfferTour(out, parser.isSet(tokenDialog), dir.path());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    ProfileStore profiles(settings.settings());
    InMemorySecretStore secrets;
    MainWindow window(&settings, &profiles, &secrets);
    StartRequest request;
    request.connectionId = ConnectionController::mockId();
    request.organizationId = QStringLiteral("312908912355508120");
    request.userId = parser.value(user);
    request.mockOptions.randomSeed = 3;

    QObject::connect(&window, &MainWindow::initialLoadFinished, &app, [&](bool ok, const QString& message) {
        if (!ok) {
            std::fprintf(stderr, "screenshot-tour: %s\n", qPrintable(message));
            QCoreApplication::exit(1);
            return;
        }
        // Give the pending user selection a moment, then resend like a person would.
        QTimer::singleShot(500, &app, [&] {
            if (parser.isSet(returnCode))
                QTest::mouseClick(window.findChild<QRadioButton*>(QStringLiteral("returnCodeRadio")), Qt::LeftButton);
            auto* email = window.findChild<QPushButton*>(QStringLiteral("resendEmailButton"));
            if (email && email->isEnabled())
                QTest::mouseClick(email, Qt::LeftButton);
            if (parser.isSet(panel)) {
                MockDock* dock = window.mockDock();
                dock->show();
                dock->raise();
                const QString tab = parser.value(panel);
                for (int i = 0; i < dock->tabs()->count(); ++i) {
                    if (dock->tabs()->widget(i)->objectName() == tab + QLatin1String("Page"))
                        dock->tabs()->setCurrentIndex(i);
                }
            }
            QTimer::singleShot(1500, &app, [&] {
                if (parser.isSet(mask)) {
                    // The user as the server sent it (GetUserByID after the resend, else the list),
                    // scrolled to the address, with "Mask personal data" on.
                    InspectorWidget* inspector = window.inspector()->inspector();
                    inspector->setMaskPersonalData(true);
                    const ExchangeHistoryModel* history = inspector->historyModel();
                    for (const QLatin1String operation : {QLatin1String("GetUserByID"), QLatin1String("ListUsers")}) {
                        bool found = false;
                        for (int row = 0; row < history->rowCount() && !found; ++row) {
                            const ExchangePtr exchange = history->at(row);
                            found = exchange->operation.startsWith(operation) && inspector->showExchange(exchange->id);
                        }
                        if (found)
                            break;
                    }
                    auto* pretty = inspector->findChild<QPlainTextEdit*>(QStringLiteral("responsePretty"));
                    if (pretty && pretty->find(QStringLiteral("\"email\": {"))) {
                        pretty->centerCursor();
                        QTextCursor cursor = pretty->textCursor();
                        cursor.clearSelection();
                        pretty->setTextCursor(cursor);
                    }
                    QCoreApplication::processEvents();
                }
                grabAndExit(out, nullptr);
            });
        });
    });
    window.start(request);
    window.setGeometry(0, 0, 1400, 900);
    window.show();
    return app.exec();
}
