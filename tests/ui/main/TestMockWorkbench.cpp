// The mock's QA panel in the real main window, against the embedded mock over loopback,
// driven through its widgets by objectName: the "done when" walk (a 429 on the next
// email resend, the app's message and countdown, clear, wait, resend, the code in the outbox,
// verify, verified), a 503 that the app calls the server's fault,
// verifying from the outbox for a user not on screen, a reset from outside reloading the
// window, and the panel never existing for a live server.

#include "AppSettings.h"
#include "FaultsPage.h"
#include "InMemorySecretStore.h"
#include "JsonRecordModel.h"
#include "MainWindow.h"
#include "MockAdminClient.h"
#include "MockDock.h"
#include "MockFixture.h"
#include "OutboxPage.h"
#include "ProfileStore.h"
#include "ResendController.h"
#include "ScenarioPage.h"
#include "SeedIds.h"
#include "StatusStyle.h"
#include "UserPanel.h"
#include "UserTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <memory>

class TestMockWorkbench : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void rateLimitThenResendReadOutboxAndVerify();
    void aServerFailureIsCalledTheServers();
    void verifyFromTheOutboxOpensTheUser();
    void aResetFromOutsideReloadsTheWindow();
    void exposedOnAFixedPortServesTheSameState();
    void aRefusedRuleKeepsTheFormAndSaysWhy();
    void aSeedAppliedFromThePanelRepeatsTheFaults();
    void thePanelIsTheMocksOnly();

private:
    void startWindow(const QString& userId = QString::fromLatin1(SeedIds::Donald));
    MockDock* openPanel(const char* page);
    template <class T>
    T* child(const char* name) const
    {
        auto* widget = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget named %s", name);
        return widget;
    }
    QPushButton* button(const char* name) const { return child<QPushButton>(name); }
    std::optional<MockUser> mockUser(const char* id);
    quint64 outboxTotal();
    int resendRequests(); // resends the mock has received, failed ones included

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<MockFixture> m_live; // a second mock standing in for a live instance
};

void TestMockWorkbench::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_profiles = std::make_unique<ProfileStore>(m_settings->settings());
    m_secrets = std::make_unique<InMemorySecretStore>();
}

void TestMockWorkbench::cleanup()
{
    m_window.reset();
    m_live.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestMockWorkbench::startWindow(const QString& userId)
{
    StartRequest request;
    request.connectionId = ConnectionController::mockId();
    request.organizationId = QString::fromLatin1(SeedIds::AcmeOrg);
    request.userId = userId;
    request.mockOptions.randomSeed = 7;
    m_window = std::make_unique<MainWindow>(m_settings.get(), m_profiles.get(), m_secrets.get());
    QSignalSpy loaded(m_window.get(), &MainWindow::initialLoadFinished);
    m_window->start(request);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(loaded.count() == 1 || loaded.wait(10000));
    QVERIFY2(loaded.at(0).at(0).toBool(), qPrintable(loaded.at(0).at(1).toString()));
    if (!userId.isEmpty()) {
        auto* panel = child<UserPanel>("userPanel");
        QTRY_VERIFY(panel->user() && panel->user()->id == userId);
    }
}

MockDock* TestMockWorkbench::openPanel(const char* page)
{
    QAction* toggle = child<QAction>("toggleMockPanelAction");
    if (!toggle->isChecked())
        toggle->trigger();
    MockDock* dock = m_window->mockDock();
    dock->tabs()->setCurrentWidget(dock->findChild<QWidget*>(QString::fromLatin1(page)));
    return dock;
}

std::optional<MockUser> TestMockWorkbench::mockUser(const char* id)
{
    std::optional<MockUser> user;
    m_window->connections()->embeddedMock()->withMock(
        [&](MockZitadel& zitadel, MockHttpServer&) { user = zitadel.user(QString::fromLatin1(id)); });
    return user;
}

quint64 TestMockWorkbench::outboxTotal()
{
    quint64 total = 0;
    m_window->connections()->embeddedMock()->withMock(
        [&](MockZitadel& zitadel, MockHttpServer&) { total = zitadel.outboxTotal(); });
    return total;
}

int TestMockWorkbench::resendRequests()
{
    int count = 0;
    m_window->connections()->embeddedMock()->withMock([&](MockZitadel&, MockHttpServer& server) {
        for (const MockRequestLogEntry& entry : server.router().requestLog())
            count += entry.path.contains("resend") ? 1 : 0;
    });
    return count;
}

void TestMockWorkbench::rateLimitThenResendReadOutboxAndVerify()
{
    startWindow();
    QVERIFY(child<QAction>("toggleMockPanelAction")->isEnabled());
    MockDock* dock = openPanel("faultsPage");

    // 1. The next email resend fails with 429.
    auto* endpoint = child<QComboBox>("faultEndpoint");
    endpoint->setCurrentIndex(endpoint->findData(QStringLiteral("email-resend")));
    auto* effect = child<QComboBox>("faultEffect");
    effect->setCurrentIndex(effect->findData(QStringLiteral("error:rate-limited")));
    child<QSpinBox>("faultRetryAfter")->setValue(45);
    auto* when = child<QComboBox>("faultWhen");
    when->setCurrentIndex(1); // the next calls
    child<QSpinBox>("faultTimes")->setValue(1);
    QTest::mouseClick(button("addFault"), Qt::LeftButton);
    JsonRecordModel* rules = dock->faults()->model();
    QTRY_COMPARE(rules->rowCount(), 1);
    QCOMPARE(rules->record(0).value(QLatin1String("endpoint")).toString(), QStringLiteral("email-resend"));
    QCOMPARE(rules->record(0).value(QLatin1String("times")).toInt(), 1);

    // 2. The app's message names the limit and when to try again; nothing was sent.
    const quint64 outboxBefore = outboxTotal();
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton);
    auto* result = child<QLabel>("resultLabel");
    QTRY_VERIFY2(result->text().contains(QLatin1String("try again in 45 seconds")), qPrintable(result->text()));
    QCOMPARE(outboxTotal(), outboxBefore);
    // The rule is used up, and the panel says so.
    QTRY_COMPARE(rules->record(0).value(QLatin1String("remaining")).toInt(), 0);

    // ... and holds the button back for those 45 s, counting down, without retrying.
    auto* resend = button("resendEmailButton");
    QVERIFY(!resend->isEnabled());
    static const QRegularExpression countdown(QStringLiteral("^Resend email code \\((4[0-5]) s\\)$"));
    QVERIFY2(countdown.match(resend->text()).hasMatch(), qPrintable(resend->text()));
    QVERIFY2(resend->toolTip().startsWith(QLatin1String("The server asked to wait")), qPrintable(resend->toolTip()));

    // 3. Clear the rule.
    QTest::mouseClick(button("clearFaults"), Qt::LeftButton);
    QTRY_COMPARE(rules->rowCount(), 0);

    // 4. Let the 45 s pass (the controller's clock, not the test's), then resend: it goes
    //    through. Nothing went out on its own in between.
    const int resendsBefore = resendRequests();
    QVERIFY(!resend->isEnabled());
    m_window->resends()->advanceClock(45 * 1000);
    QTRY_VERIFY(resend->isEnabled());
    QCOMPARE(resend->text(), QStringLiteral("Resend email code"));
    QCOMPARE(resendRequests(), resendsBefore);
    QCOMPARE(outboxTotal(), outboxBefore);
    QTest::mouseClick(resend, Qt::LeftButton);
    QTRY_VERIFY2(result->text().startsWith(QLatin1String("Code queued for delivery")), qPrintable(result->text()));

    // 5. The code is in the outbox, as the recipient would see it.
    dock->tabs()->setCurrentWidget(dock->outbox());
    JsonRecordModel* outbox = dock->outbox()->model();
    QTRY_COMPARE(outbox->rowCount(), 1);
    const QJsonObject message = dock->outbox()->currentMessage();
    QCOMPARE(message.value(QLatin1String("userId")).toString(), QString::fromLatin1(SeedIds::Donald));
    QCOMPARE(message.value(QLatin1String("channel")).toString(), QStringLiteral("email"));
    const QString code = message.value(QLatin1String("code")).toString();
    QCOMPARE(code, mockUser(SeedIds::Donald)->emailCode);
    auto* preview = dock->outbox()->findChild<QTextBrowser*>(QStringLiteral("outboxPreview"));
    QVERIFY(preview->toPlainText().contains(code));

    // 6. Verify it; the user turns verified in the panel and in the mock.
    QTest::mouseClick(dock->outbox()->findChild<QPushButton*>(QStringLiteral("verifyCode")), Qt::LeftButton);
    QTRY_COMPARE(child<QLabel>("emailChip")->text(), QStringLiteral("Verified"));
    QVERIFY(mockUser(SeedIds::Donald)->emailVerified);
    QCOMPARE(
        child<QLabel>("verifyResult")->text(), QStringLiteral("Code accepted: the email address is now verified."));
}

// A 503 from the mock's fault rules: the result line says the server failed, not the person,
// and nothing holds the next try back (the server named no wait).
void TestMockWorkbench::aServerFailureIsCalledTheServers()
{
    startWindow();
    MockDock* dock = openPanel("faultsPage");
    auto* endpoint = child<QComboBox>("faultEndpoint");
    endpoint->setCurrentIndex(endpoint->findData(QStringLiteral("email-resend")));
    auto* effect = child<QComboBox>("faultEffect");
    effect->setCurrentIndex(effect->findData(QStringLiteral("error:unavailable")));
    child<QComboBox>("faultWhen")->setCurrentIndex(1); // the next calls
    child<QSpinBox>("faultTimes")->setValue(1);
    QTest::mouseClick(button("addFault"), Qt::LeftButton);
    QTRY_COMPARE(dock->faults()->model()->rowCount(), 1);

    const quint64 outboxBefore = outboxTotal();
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton);
    auto* result = child<QLabel>("resultLabel");
    QTRY_COMPARE(result->text(),
        QStringLiteral("The server is temporarily unavailable (HTTP 503). This is not caused by what you entered. "
                       "Try again later."));
    QCOMPARE(result->property("tone").toInt(), int(StatusStyle::Tone::Error));
    QVERIFY(button("detailsButton")->isVisible());
    QCOMPARE(outboxTotal(), outboxBefore);
    QTRY_VERIFY(button("resendEmailButton")->isEnabled());
    QCOMPARE(m_window->resends()->cooldownRemaining(QString::fromLatin1(SeedIds::Donald), ResendChannel::Email), 0);
}

void TestMockWorkbench::verifyFromTheOutboxOpensTheUser()
{
    startWindow(QString::fromLatin1(SeedIds::Goofy));
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton); // Goofy: email pending
    auto* result = child<QLabel>("resultLabel");
    QTRY_VERIFY2(result->text().startsWith(QLatin1String("Code queued for delivery")), qPrintable(result->text()));

    // Someone else is on screen when QA picks Goofy's message.
    MockDock* dock = openPanel("outboxPage");
    QTRY_COMPARE(dock->outbox()->model()->rowCount(), 1);
    auto* panel = child<UserPanel>("userPanel");
    auto* view = child<QTableView>("userView");
    auto* users = qobject_cast<UserTableModel*>(view->model());
    const QModelIndex donald = users->index(users->rowOfId(QString::fromLatin1(SeedIds::Donald)), 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(donald).center());
    QTRY_VERIFY(panel->user() && panel->user()->id == QString::fromLatin1(SeedIds::Donald));
    QTest::mouseClick(dock->outbox()->findChild<QPushButton*>(QStringLiteral("verifyCode")), Qt::LeftButton);
    QTRY_VERIFY(panel->user() && panel->user()->id == QString::fromLatin1(SeedIds::Goofy));
    QTRY_VERIFY(mockUser(SeedIds::Goofy)->emailVerified);
    QTRY_COMPARE(child<QLabel>("emailChip")->text(), QStringLiteral("Verified"));
}

void TestMockWorkbench::aResetFromOutsideReloadsTheWindow()
{
    startWindow(QString::fromLatin1(SeedIds::Goofy));
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton);
    auto* result = child<QLabel>("resultLabel");
    QTRY_VERIFY(result->text().startsWith(QLatin1String("Code queued for delivery")));
    const quint64 changed = mockUser(SeedIds::Goofy)->sequence;

    // What curl -X POST /_mock/reset does, with the admin token the panel shows.
    MockAdminClient curl;
    EmbeddedMock* mock = m_window->connections()->embeddedMock();
    curl.setEndpoint(mock->baseUrl(), mock->adminToken());
    bool done = false;
    curl.post(QStringLiteral("reset"), {}, [&](const MockAdminReply& reply) {
        QVERIFY2(reply.ok(), qPrintable(reply.error));
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(mockUser(SeedIds::Goofy)->sequence < changed);
    // The window reloads and shows Goofy again, as the seed has him.
    auto* panel = child<UserPanel>("userPanel");
    QTRY_VERIFY(panel->user() && panel->user()->id == QString::fromLatin1(SeedIds::Goofy)
        && panel->user()->details.sequence == mockUser(SeedIds::Goofy)->sequence);
}

void TestMockWorkbench::exposedOnAFixedPortServesTheSameState()
{
    startWindow();
    MockDock* dock = openPanel("scenarioPage");
    // A free port, found by binding and letting go.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    child<QSpinBox>("exposePort")->setValue(port);
    QTest::mouseClick(button("exposeButton"), Qt::LeftButton);
    auto* exposed = child<QLabel>("exposedUrl");
    QTRY_VERIFY2(exposed->text().contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(exposed->text()));
    QCOMPARE(m_settings->get(AppSettings::Key::MockExposed).toBool(), true);
    QCOMPARE(m_settings->get(AppSettings::Key::MockExposePort).toInt(), int(port));

    // Another client on that port sees the panel's mock: a rule added there shows up here.
    MockAdminClient other;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    other.setEndpoint(url, m_window->connections()->embeddedMock()->adminToken());
    bool added = false;
    other.post(QStringLiteral("faults"),
        QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("user.ListUsers")}, {QStringLiteral("latencyMs"), 5}},
        [&](const MockAdminReply& reply) {
            QVERIFY2(reply.ok(), qPrintable(reply.error));
            added = true;
        });
    QTRY_VERIFY(added);
    dock->tabs()->setCurrentWidget(dock->faults());
    QTRY_COMPARE(dock->faults()->model()->rowCount(), 1);

    QTest::mouseClick(button("exposeButton"), Qt::LeftButton); // "Stop"
    QTRY_VERIFY(exposed->text().isEmpty());
    QCOMPARE(m_settings->get(AppSettings::Key::MockExposed).toBool(), false);
}

void TestMockWorkbench::aRefusedRuleKeepsTheFormAndSaysWhy()
{
    startWindow();
    MockDock* dock = openPanel("faultsPage");
    auto* endpoint = child<QComboBox>("faultEndpoint");
    endpoint->setCurrentIndex(endpoint->findData(QStringLiteral("user.ListUsers")));
    auto* effect = child<QComboBox>("faultEffect");
    // Delivery faults only make sense on resends: the mock refuses, with a sentence.
    effect->setCurrentIndex(effect->findData(QStringLiteral("delivery:double-code")));
    QTest::mouseClick(button("addFault"), Qt::LeftButton);
    auto* status = dock->faults()->findChild<QLabel*>(QStringLiteral("status"));
    QTRY_VERIFY(!status->text().isEmpty() && status->text() != QLatin1String("Working…"));
    QVERIFY2(status->text().contains(QLatin1String("resend")), qPrintable(status->text()));
    QCOMPARE(dock->faults()->model()->rowCount(), 0);
    // What was chosen is still there to correct.
    QCOMPARE(endpoint->currentData().toString(), QStringLiteral("user.ListUsers"));
    QCOMPARE(effect->currentData().toString(), QStringLiteral("delivery:double-code"));
}

void TestMockWorkbench::aSeedAppliedFromThePanelRepeatsTheFaults()
{
    startWindow();
    MockDock* dock = openPanel("faultsPage");
    // Half of all user reads fail with 503; which ones is decided by the seed.
    auto* endpoint = child<QComboBox>("faultEndpoint");
    endpoint->setCurrentIndex(endpoint->findData(QStringLiteral("user.GetUserByID")));
    auto* effect = child<QComboBox>("faultEffect");
    effect->setCurrentIndex(effect->findData(QStringLiteral("error:unavailable")));
    child<QComboBox>("faultWhen")->setCurrentIndex(2); // a share of calls
    child<QSpinBox>("faultPercent")->setValue(50);
    QTest::mouseClick(button("addFault"), Qt::LeftButton);
    QTRY_COMPARE(dock->faults()->model()->rowCount(), 1);

    auto run = [&]() {
        auto* seed = child<QLineEdit>("faultSeed");
        seed->setText(QStringLiteral("12345678901234567890").left(19)); // beyond a double's precision
        auto* status = dock->faults()->findChild<QLabel*>(QStringLiteral("status"));
        status->clear(); // the last run's sentence must not count as this run's answer
        QTest::mouseClick(button("applySeed"), Qt::LeftButton);
        [&] {
            QTRY_VERIFY2(status->text().startsWith(QLatin1String("Seed 1234567890123456789 applied")),
                qPrintable(status->text()));
        }();
        QString pattern;
        for (int i = 0; i < 16; ++i) {
            std::optional<bool> ok;
            m_window->client()->getUserById(
                QString::fromLatin1(SeedIds::Donald), [&ok](const Result<User>& result) { ok = result.ok(); });
            [&] { QTRY_VERIFY(ok.has_value()); }();
            pattern += *ok ? QLatin1Char('.') : QLatin1Char('x');
        }
        return pattern;
    };
    const QString first = run();
    const QString second = run();
    QCOMPARE(second, first);
    QVERIFY2(first.contains(QLatin1Char('x')) && first.contains(QLatin1Char('.')), qPrintable(first));
    QTRY_COMPARE(
        dock->faults()->model()->record(0).value(QLatin1String("hits")).toInt(), first.count(QLatin1Char('x')));
}

void TestMockWorkbench::thePanelIsTheMocksOnly()
{
    m_live = std::make_unique<MockFixture>();
    ConnectionProfile profile;
    profile.name = QStringLiteral("Staging");
    profile.baseUrl = m_live->baseUrl();
    const auto saved = m_profiles->save(profile);
    QVERIFY(saved.has_value());
    bool written = false;
    m_secrets->write(
        saved->secretKey(), QString::fromLatin1(SeedIds::AdminToken), [&](const SecretResult&) { written = true; });
    QTRY_VERIFY(written);

    startWindow();
    MockDock* dock = openPanel("outboxPage");
    QVERIFY(dock->isVisible());
    QVERIFY(dock->admin()->hasEndpoint());

    auto* combo = child<QComboBox>("connectionCombo");
    combo->setCurrentIndex(1);
    Q_EMIT combo->activated(1);
    QTRY_VERIFY(m_window->connections()->isConnected() && m_window->connections()->current().live);
    QVERIFY(!dock->isVisible());
    QVERIFY(!child<QAction>("toggleMockPanelAction")->isEnabled());
    QVERIFY(!dock->admin()->hasEndpoint()); // nothing of the mock is reachable from the panel

    combo->setCurrentIndex(0);
    Q_EMIT combo->activated(0);
    QTRY_VERIFY(m_window->connections()->isConnected() && !m_window->connections()->current().live);
    QVERIFY(child<QAction>("toggleMockPanelAction")->isEnabled());
    QVERIFY(dock->admin()->hasEndpoint());
}

QTEST_MAIN(TestMockWorkbench)
#include "TestMockWorkbench.moc"
