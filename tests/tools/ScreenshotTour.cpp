// screenshot-tour OUT.png [--dark] [--user ID] [--return-code] [--panel TAB] [--mask]: drives the real main window on
// the embedded mock the way a support person would (pick the user, resend, open the
// inspector), then saves what the X server shows. Run under Xvfb (scripts/screenshot.sh), so
// the picture is what a person would see, not a widget rendered into a buffer.

#include "AppSettings.h"
#include "ExchangeHistoryModel.h"
#include "InMemorySecretStore.h"
#include "InspectorDock.h"
#include "InspectorWidget.h"
#include "MainWindow.h"
#include "MockDock.h"
#include "ProfileStore.h"
#include "UserPanel.h"

#include <QApplication>
#include <QCommandLineParser>
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
    const QCommandLineOption mask(QStringLiteral("mask"),
        QStringLiteral("turn on the inspector's \"Mask personal data\" and show a list of users"));
    parser.addOptions({dark, user, returnCode, panel, mask});
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(
            stderr, "usage: screenshot-tour OUT.png [--dark] [--user ID] [--return-code] [--panel TAB] [--mask]\n");
        return 2;
    }
    const QString out = parser.positionalArguments().constFirst();
    if (parser.isSet(dark)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    QTemporaryDir dir;
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
                const QImage shot = window.screen()->grabWindow(0).toImage();
                if (!shot.save(out)) {
                    std::fprintf(stderr, "screenshot-tour: cannot write %s\n", qPrintable(out));
                    QCoreApplication::exit(1);
                    return;
                }
                std::printf("wrote %s (%dx%d)\n", qPrintable(out), shot.width(), shot.height());
                QCoreApplication::exit(0);
            });
        });
    });
    window.start(request);
    window.setGeometry(0, 0, 1400, 900);
    window.show();
    return app.exec();
}
