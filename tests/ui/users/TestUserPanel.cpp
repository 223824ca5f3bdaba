#include "ConfirmResend.h"
#include "MockFixture.h"
#include "MockHttpServer.h"
#include "MockZitadel.h"
#include "ResendController.h"
#include "SeedIds.h"
#include "SeedUsers.h"
#include "UrlTemplate.h"
#include "UserPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>

// The panel as a support person uses it, driven by objectName against the mock over HTTP:
// what it shows for a user, when it lets them resend, and that a resend goes out once.
class TestUserPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyState();
    void chipsAndButtons_data();
    void chipsAndButtons();
    void doubleClickSendsOnce();
    void shortcutSlotGoesThroughTheGuard();
    void liveModeCancelSendsNothing();
    void liveModeConfirmSendsOnce();
    void liveQuestionAnsweredAfterAConnectionChangeSendsNothing();
    void noticeWithoutAUserShowsInTheEmptyState();
    void returnCodeIsShownAndCopied();
    void invalidTemplateDisablesEmailResend();
    void cooldownShowsOnTheButton();
    void serverAskedWaitShowsOnTheButton();
    void busyIndicatorAndCancel();
    void errorShowsTheZitadelId();
    void refreshOfTheSameUserKeepsTheResult();

private:
    template <class T>
    T* child(const char* name) const
    {
        auto* w = m_panel->findChild<T*>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    void showUser(const char* id);
    // Clicks and waits for the resend's answer; false when none came.
    bool clickAndWait(QPushButton* button);

    std::unique_ptr<MockFixture> m_fx;
    std::unique_ptr<ZitadelClient> m_client;
    std::unique_ptr<ResendController> m_controller;
    std::unique_ptr<UserPanel> m_panel;
};

void TestUserPanel::init()
{
    ConfirmResend::resetAskCount();
    m_fx = std::make_unique<MockFixture>();
    QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
    m_client = SeedUsers::clientFor(*m_fx);
    m_controller = std::make_unique<ResendController>(m_client.get());
    m_panel = std::make_unique<UserPanel>(m_controller.get());
    m_panel->resize(700, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestUserPanel::cleanup()
{
    m_panel.reset();
    m_controller.reset();
    m_client.reset();
    m_fx.reset();
}

void TestUserPanel::showUser(const char* id)
{
    const auto user = SeedUsers::fetch(*m_client, SeedUsers::id(id));
    QVERIFY2(user, id);
    m_panel->setUser(user);
}

bool TestUserPanel::clickAndWait(QPushButton* button)
{
    QSignalSpy finished(m_controller.get(), &ResendController::finished);
    QTest::mouseClick(button, Qt::LeftButton);
    return finished.wait(10000);
}

void TestUserPanel::emptyState()
{
    auto* stack = child<QStackedWidget>("userStack");
    QVERIFY(stack);
    auto* empty = child<QLabel>("emptyStateLabel");
    QCOMPARE(stack->currentWidget(), empty);
    QCOMPARE(empty->text(), QStringLiteral("Pick a user to see their email and phone."));

    showUser(SeedIds::Minnie);
    QVERIFY(stack->currentWidget() != empty);
    QCOMPARE(child<QLabel>("nameLabel")->text(), QStringLiteral("Minnie Mouse"));
    QCOMPARE(child<QLineEdit>("userIdField")->text(), SeedUsers::id(SeedIds::Minnie));
    QCOMPARE(child<QLabel>("orgLabel")->text(), SeedUsers::id(SeedIds::AcmeOrg));

    m_panel->setUser(std::nullopt);
    QCOMPARE(stack->currentWidget(), empty);
    QVERIFY(!child<QPushButton>("resendEmailButton")->isEnabled());
}

void TestUserPanel::chipsAndButtons_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("emailChip");
    QTest::addColumn<QString>("phoneChip");
    QTest::addColumn<bool>("emailEnabled");
    QTest::addColumn<QString>("emailTip");
    QTest::addColumn<bool>("phoneEnabled");
    QTest::addColumn<QString>("phoneTip");

    QTest::newRow("Minnie") << SeedUsers::id(SeedIds::Minnie) << "Verified"
                            << "Not verified" << false << "The email address is already verified." << true
                            << QString::fromUtf8("Send a new code to +41 •• ••• •• 67");
    QTest::newRow("Donald") << SeedUsers::id(SeedIds::Donald) << "Not verified"
                            << "Verified" << true << QString::fromUtf8("Send a new code to d•••@example.com") << false
                            << "The phone number is already verified.";
    QTest::newRow("Goofy") << SeedUsers::id(SeedIds::Goofy) << "Not verified"
                           << "No phone" << true << QString::fromUtf8("Send a new code to g•••@example.com") << false
                           << "No phone number on file.";
    QTest::newRow("CiBot") << SeedUsers::id(SeedIds::CiBot) << "No email"
                           << "No phone" << false << "Machine users have no email or phone to verify." << false
                           << "Machine users have no email or phone to verify.";
}

void TestUserPanel::chipsAndButtons()
{
    QFETCH(QString, userId);
    QFETCH(QString, emailChip);
    QFETCH(QString, phoneChip);
    QFETCH(bool, emailEnabled);
    QFETCH(QString, emailTip);
    QFETCH(bool, phoneEnabled);
    QFETCH(QString, phoneTip);

    const auto user = SeedUsers::fetch(*m_client, userId);
    QVERIFY(user);
    m_panel->setUser(user);
    QCOMPARE(child<QLabel>("emailChip")->text(), emailChip);
    QCOMPARE(child<QLabel>("phoneChip")->text(), phoneChip);
    auto* email = child<QPushButton>("resendEmailButton");
    auto* phone = child<QPushButton>("resendPhoneButton");
    QCOMPARE(email->text(), QStringLiteral("Resend email code"));
    QCOMPARE(phone->text(), QStringLiteral("Resend phone verification"));
    QCOMPARE(email->isEnabled(), emailEnabled);
    QCOMPARE(email->toolTip(), emailTip);
    QCOMPARE(phone->isEnabled(), phoneEnabled);
    QCOMPARE(phone->toolTip(), phoneTip);
}

void TestUserPanel::doubleClickSendsOnce()
{
    showUser(SeedIds::Donald);
    auto* email = child<QPushButton>("resendEmailButton");
    QVERIFY(email->isEnabled());
    const quint64 before = m_fx->router().requestCount();
    const quint64 outboxBefore = m_fx->zitadel().outboxTotal();
    QSignalSpy finished(m_controller.get(), &ResendController::finished);
    QSignalSpy succeeded(m_panel.get(), &UserPanel::resendSucceeded);

    QTest::mouseDClick(email, Qt::LeftButton);
    QTest::mouseClick(email, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_fx->router().requestCount(), before + 1);
    QCOMPARE(m_fx->zitadel().outboxTotal(), outboxBefore + 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(succeeded.size(), 1);
    QCOMPARE(succeeded.at(0).at(0).toString(), SeedUsers::id(SeedIds::Donald));
    QVERIFY2(child<QLabel>("resultLabel")->text().startsWith(QString::fromUtf8("Code queued for delivery to d•••@")),
        qPrintable(child<QLabel>("resultLabel")->text()));

    // "Details" opens the exchange that carried it.
    QSignalSpy details(m_panel.get(), &UserPanel::detailsRequested);
    auto* detailsButton = child<QPushButton>("detailsButton");
    QVERIFY(detailsButton->isVisible());
    QTest::mouseClick(detailsButton, Qt::LeftButton);
    QCOMPARE(details.size(), 1);
    QCOMPARE(details.at(0).at(0).value<quint64>(), finished.at(0).at(0).value<ResendOutcome>().exchangeId);
    QVERIFY(details.at(0).at(0).value<quint64>() != 0);
}

void TestUserPanel::shortcutSlotGoesThroughTheGuard()
{
    showUser(SeedIds::Donald);
    const quint64 before = m_fx->router().requestCount();
    QSignalSpy finished(m_controller.get(), &ResendController::finished);
    // Key autorepeat on Ctrl+E: the slot is called again and again.
    for (int i = 0; i < 5; ++i)
        m_panel->requestEmailResend();
    QVERIFY(finished.wait(10000));
    m_panel->requestEmailResend(); // cooling down now
    QCOMPARE(m_fx->router().requestCount(), before + 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(child<QLabel>("noticeLabel")->text().contains(QLatin1String("to avoid a resend storm")),
        qPrintable(child<QLabel>("noticeLabel")->text()));
}

void TestUserPanel::liveModeCancelSendsNothing()
{
    showUser(SeedIds::Donald);
    m_panel->setLiveMode(true);
    ConfirmResend::setNextAnswer(false);
    const quint64 before = m_fx->router().requestCount();
    QSignalSpy started(m_controller.get(), &ResendController::started);

    QTest::mouseClick(child<QPushButton>("resendEmailButton"), Qt::LeftButton);
    QCOMPARE(ConfirmResend::askCount(), 1);
    QCOMPARE(ConfirmResend::lastQuestion(),
        QString::fromUtf8("Send a verification code to Donald Duck at d•••@example.com? This reaches a real person."));
    QCOMPARE(started.size(), 0);
    QVERIFY(!m_controller->isBusy());
    QCOMPARE(m_fx->router().requestCount(), before);
    QCOMPARE(child<QLabel>("noticeLabel")->text(), QStringLiteral("Nothing was sent."));
    QVERIFY(child<QPushButton>("resendEmailButton")->isEnabled());
}

void TestUserPanel::liveModeConfirmSendsOnce()
{
    showUser(SeedIds::Minnie);
    m_panel->setLiveMode(true);
    ConfirmResend::setNextAnswer(true);
    const quint64 before = m_fx->router().requestCount();

    QVERIFY(clickAndWait(child<QPushButton>("resendPhoneButton")));
    QCOMPARE(ConfirmResend::askCount(), 1);
    QVERIFY(ConfirmResend::lastQuestion().contains(QString::fromUtf8("+41 •• ••• •• 67")));
    QCOMPARE(m_fx->router().requestCount(), before + 1);
}

// The real box (no queued answer): the connection changes while it is open, and the same user
// is shown again, as after a reconnect. "Send" then sends nothing and says why.
void TestUserPanel::liveQuestionAnsweredAfterAConnectionChangeSendsNothing()
{
    showUser(SeedIds::Donald);
    m_panel->setLiveMode(true);
    auto resends = [this] { // showing a user fetches it: count only what reached a resend route
        int n = 0;
        for (const MockRequestLogEntry& entry : m_fx->router().requestLog())
            n += entry.operation.contains(QLatin1String("Resend")) ? 1 : 0;
        return n;
    };
    const int before = resends();
    QSignalSpy started(m_controller.get(), &ResendController::started);

    QTest::mouseClick(child<QPushButton>("resendEmailButton"), Qt::LeftButton);
    auto* box = m_panel->findChild<QMessageBox*>(QStringLiteral("confirmResendBox"));
    QVERIFY(box && box->isVisible());
    m_panel->connectionChanged();
    m_panel->setUser(std::nullopt);
    showUser(SeedIds::Donald);
    QPushButton* send = nullptr;
    for (QAbstractButton* b : box->buttons())
        send = b->text() == QLatin1String("Send") ? qobject_cast<QPushButton*>(b) : send;
    QVERIFY(send);
    QTest::mouseClick(send, Qt::LeftButton);

    QCOMPARE(started.size(), 0);
    QCOMPARE(resends(), before);
    QCOMPARE(child<QLabel>("noticeLabel")->text(),
        QStringLiteral("Nothing was sent: the connection changed while the question was open."));
    QVERIFY(child<QPushButton>("resendEmailButton")->isEnabled()); // the question is over

    // A question asked after the change is answered normally.
    ConfirmResend::setNextAnswer(true);
    QVERIFY(clickAndWait(child<QPushButton>("resendEmailButton")));
    QCOMPARE(resends(), before + 1);
}

// A notice given while no user is shown (the details page is hidden) is in the empty state.
void TestUserPanel::noticeWithoutAUserShowsInTheEmptyState()
{
    auto* empty = child<QLabel>("emptyStateLabel");
    m_panel->requestEmailResend();
    QVERIFY(empty->isVisible());
    QCOMPARE(
        empty->text(), QStringLiteral("Not sent: pick a user first.\n\nPick a user to see their email and phone."));
    showUser(SeedIds::Donald);
    m_panel->setUser(std::nullopt);
    QCOMPARE(empty->text(), QStringLiteral("Pick a user to see their email and phone."));
}

void TestUserPanel::returnCodeIsShownAndCopied()
{
    showUser(SeedIds::Donald);
    ResendSettings settings;
    settings.delivery = ResendOptions::Delivery::ReturnCode;
    m_panel->setResendSettings(settings);
    auto* code = child<QLineEdit>("codeField");
    QVERIFY(!code->isVisible());

    QVERIFY(clickAndWait(child<QPushButton>("resendEmailButton")));
    const QString pending = m_fx->zitadel().pendingEmailCode(SeedUsers::id(SeedIds::Donald));
    QVERIFY(code->isVisible());
    QCOMPARE(code->text(), pending);
    QVERIFY(code->isReadOnly());
    QVERIFY2(child<QLabel>("resultLabel")->text().startsWith(QLatin1String("Code generated (sequence ")),
        qPrintable(child<QLabel>("resultLabel")->text()));

    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(child<QToolButton>("copyCodeButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), pending);
}

void TestUserPanel::invalidTemplateDisablesEmailResend()
{
    showUser(SeedIds::Pluto); // email and phone both unverified
    child<QToolButton>("optionsToggle")->click();
    auto* edit = child<QLineEdit>("urlTemplateEdit");
    auto* email = child<QPushButton>("resendEmailButton");
    auto* phone = child<QPushButton>("resendPhoneButton");
    QVERIFY(email->isEnabled());

    const QString typed = QStringLiteral("https://a.example/v?c={{.LoginName}}");
    QTest::keyClicks(edit, typed);
    const QString problem = UrlTemplate::describe(UrlTemplate::check(typed));
    QVERIFY(!problem.isEmpty());
    QVERIFY(!email->isEnabled());
    QCOMPARE(email->toolTip(), problem);
    QCOMPARE(child<QLabel>("urlTemplateProblemLabel")->text(), problem);
    QVERIFY(phone->isEnabled()); // texts carry no link

    // The shortcut path says why instead of sending.
    const quint64 before = m_fx->router().requestCount();
    m_panel->requestEmailResend();
    QCOMPARE(m_fx->router().requestCount(), before);
    QCOMPARE(child<QLabel>("noticeLabel")->text(), QStringLiteral("Not sent: %1").arg(problem));

    // Fixing it shows the example link for this user and enables the button again.
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("https://a.example/v?u={{.UserID}}&c={{.Code}}"));
    QVERIFY(email->isEnabled());
    QCOMPARE(child<QLabel>("urlTemplateExampleLabel")->text(),
        QStringLiteral("Example link: https://a.example/v?u=%1&c=123456").arg(SeedUsers::id(SeedIds::Pluto)));
}

void TestUserPanel::cooldownShowsOnTheButton()
{
    showUser(SeedIds::Donald);
    auto* email = child<QPushButton>("resendEmailButton");
    QVERIFY(clickAndWait(email));
    QCOMPARE(email->text(), QStringLiteral("Resend email code (30 s)"));
    QVERIFY(!email->isEnabled());
    m_controller->advanceClock(3000);
    QCOMPARE(email->text(), QStringLiteral("Resend email code (27 s)"));
    QCOMPARE(email->toolTip(), QStringLiteral("Sent 3 s ago; wait 27 s to avoid a resend storm."));
    m_controller->advanceClock(27000);
    QCOMPARE(email->text(), QStringLiteral("Resend email code"));
    QVERIFY(email->isEnabled());
}

// 429 with Retry-After: the result line says when, and the button counts it down like the
// cooldown after a success, then lets the person try again.
void TestUserPanel::serverAskedWaitShowsOnTheButton()
{
    QString problem;
    QVERIFY2(m_fx->router().faults().add(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("email-resend")},
                                             {QStringLiteral("error"), QStringLiteral("rate-limited")},
                                             {QStringLiteral("retryAfterSeconds"), 20},
                                             {QStringLiteral("times"), 1}},
                 &problem),
        qPrintable(problem));
    showUser(SeedIds::Donald);
    auto* email = child<QPushButton>("resendEmailButton");
    QVERIFY(clickAndWait(email));
    QCOMPARE(child<QLabel>("resultLabel")->text(),
        QStringLiteral("The server is limiting requests; try again in 20 seconds."));
    QCOMPARE(email->text(), QStringLiteral("Resend email code (20 s)"));
    QVERIFY(!email->isEnabled());
    QCOMPARE(email->toolTip(), QStringLiteral("The server asked to wait before the next try; try again in 20 s."));
    m_controller->advanceClock(5000);
    QCOMPARE(email->text(), QStringLiteral("Resend email code (15 s)"));
    m_controller->advanceClock(15000);
    QCOMPARE(email->text(), QStringLiteral("Resend email code"));
    QVERIFY(email->isEnabled());
}

void TestUserPanel::busyIndicatorAndCancel()
{
    showUser(SeedIds::Donald);
    m_fx->server().setLatency(2000);
    auto* busy = child<QProgressBar>("busyIndicator");
    auto* cancel = child<QPushButton>("cancelButton");
    QVERIFY(!busy->isVisible());
    QVERIFY(!cancel->isVisible());

    const quint64 before = m_fx->router().requestCount();
    QTest::mouseClick(child<QPushButton>("resendEmailButton"), Qt::LeftButton);
    QVERIFY(busy->isVisible());
    QCOMPARE(busy->maximum(), 0); // indeterminate
    QVERIFY(cancel->isVisible());
    QVERIFY(!child<QPushButton>("resendEmailButton")->isEnabled());
    QVERIFY(!child<QPushButton>("resendPhoneButton")->isEnabled());
    QTRY_COMPARE(m_fx->router().requestCount(), before + 1);

    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(
        child<QLabel>("resultLabel")->text(), QStringLiteral("Cancelled — the server may still have sent the code."));
    QVERIFY(!busy->isVisible());
    QVERIFY(child<QPushButton>("resendEmailButton")->isEnabled()); // no cooldown after a cancel
}

void TestUserPanel::errorShowsTheZitadelId()
{
    showUser(SeedIds::Pluto); // v2: nothing pending to resend
    QSignalSpy succeeded(m_panel.get(), &UserPanel::resendSucceeded);
    QVERIFY(clickAndWait(child<QPushButton>("resendEmailButton")));
    QVERIFY2(child<QLabel>("resultLabel")->text().endsWith(QLatin1String("(EMAIL-5w5ilin4yt)")),
        qPrintable(child<QLabel>("resultLabel")->text()));
    QCOMPARE(succeeded.size(), 0);
    QVERIFY(child<QPushButton>("detailsButton")->isVisible());
}

void TestUserPanel::refreshOfTheSameUserKeepsTheResult()
{
    showUser(SeedIds::Donald);
    QVERIFY(clickAndWait(child<QPushButton>("resendEmailButton")));
    const QString result = child<QLabel>("resultLabel")->text();
    QVERIFY(!result.isEmpty());
    showUser(SeedIds::Donald); // what the main window does after resendSucceeded
    QCOMPARE(child<QLabel>("resultLabel")->text(), result);
    showUser(SeedIds::Minnie);
    QCOMPARE(child<QLabel>("resultLabel")->text(), QString());
}

QTEST_MAIN(TestUserPanel)
#include "TestUserPanel.moc"
