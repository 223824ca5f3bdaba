#include "AppSettings.h"
#include "ConfirmResend.h"
#include "InMemorySecretStore.h"
#include "InspectorDock.h"
#include "InspectorWidget.h"
#include "MainWindow.h"
#include "MockFixture.h"
#include "ModeBanner.h"
#include "OrganizationListModel.h"
#include "ProfileStore.h"
#include "ResendController.h"
#include "SeedIds.h"
#include "TokenUpdateDialog.h"
#include "UserPane.h"
#include "UserPanel.h"
#include "UserTableModel.h"
#include "WindowDriver.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

// The real main window against the embedded mock (in its own thread, over loopback HTTP),
// driven through its widgets by objectName like a person would. Every way to resend by
// accident (double click, held keys, repeated shortcut, the LIVE question) is TestResendSafety.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsOnTheMockWithOrganizationsAndUsers();
    void pickOrganizationSearchUserAndResendWithReturnCode();
    void verifiedPhoneDisablesTheActionWithTheReason();
    void readonlyTokenShowsThePermissionErrorWithItsId();
    void liveConfirmationCancelledSendsNothing();
    void liveConfirmationAcceptedSendsOnce();
    void switchingConnectionsReloadsOrganizations();
    void startRequestOpensOrganizationAndUser();
    void aUserBeyondTheFirstPageIsStillOpened();
    void aFailedConnectionSendsNothingToThePreviousServer();
    void remembersConnectionOrganizationUserAndLayout();
    void keyboardShortcutsReachTheirWidgets();
    void anExpiredTokenIsReplacedFromTheOffer();
    void aRevokedTokenIsReplacedKeepingTheView();
    void theEmbeddedMockGetsNoTokenOffer();

private:
    // Starts the window and waits for the first load; it must succeed unless told otherwise.
    void startWindow(const StartRequest& request = mockRequest(), bool expectLoaded = true);
    static StartRequest mockRequest();
    void selectOrganization(const QString& id);
    void searchAndSelectUser(const QString& search, const QString& userId);
    void addLiveProfile(const QUrl& baseUrl, const QString& token = QString::fromLatin1(SeedIds::AdminToken));
    // Clicks "Update token…", types the token into the dialog and saves; false on any hitch.
    bool updateTokenThroughTheOffer(const QString& token);
    quint64 embeddedResendCount();
    template <class T>
    T* child(const char* name) const
    {
        auto* widget = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget named %s", name);
        return widget;
    }
    QPushButton* button(const char* name) const { return child<QPushButton>(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_orgTester;
    std::unique_ptr<QAbstractItemModelTester> m_userTester;
    std::unique_ptr<MockFixture> m_live; // a second mock standing in for a live instance
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    ConfirmResend::resetAskCount();
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_profiles = std::make_unique<ProfileStore>(m_settings->settings());
    m_secrets = std::make_unique<InMemorySecretStore>();
}

void TestMainWindow::cleanup()
{
    m_orgTester.reset();
    m_userTester.reset();
    m_window.reset();
    m_live.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_settings.reset();
    m_dir.reset();
}

StartRequest TestMainWindow::mockRequest()
{
    StartRequest request;
    request.connectionId = ConnectionController::mockId();
    request.mockOptions.randomSeed = 11;
    return request;
}

void TestMainWindow::startWindow(const StartRequest& request, bool expectLoaded)
{
    m_window = std::make_unique<MainWindow>(m_settings.get(), m_profiles.get(), m_secrets.get());
    QSignalSpy loaded(m_window.get(), &MainWindow::initialLoadFinished);
    m_window->start(request);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(loaded.count() == 1 || loaded.wait(10000));
    QVERIFY2(loaded.at(0).at(0).toBool() == expectLoaded, qPrintable(loaded.at(0).at(1).toString()));
    using Mode = QAbstractItemModelTester::FailureReportingMode;
    m_orgTester = std::make_unique<QAbstractItemModelTester>(child<QListView>("orgView")->model(), Mode::QtTest);
    m_userTester = std::make_unique<QAbstractItemModelTester>(child<QTableView>("userView")->model(), Mode::QtTest);
}

void TestMainWindow::selectOrganization(const QString& id)
{
    QVERIFY(WindowDriver::selectOrganization(m_window.get(), id));
}

void TestMainWindow::searchAndSelectUser(const QString& search, const QString& userId)
{
    QVERIFY(WindowDriver::searchAndSelectUser(m_window.get(), search, userId));
}

void TestMainWindow::addLiveProfile(const QUrl& baseUrl, const QString& token)
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("Staging");
    profile.baseUrl = baseUrl;
    const auto saved = m_profiles->save(profile);
    QVERIFY(saved.has_value());
    bool written = false;
    m_secrets->write(saved->secretKey(), token, [&](const SecretResult&) { written = true; });
    QTRY_VERIFY(written);
}

bool TestMainWindow::updateTokenThroughTheOffer(const QString& token)
{
    auto* offer = button("updateTokenButton");
    if (!offer || !offer->isVisible())
        return false;
    QTest::mouseClick(offer, Qt::LeftButton);
    TokenUpdateDialog* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<TokenUpdateDialog*>()) && dialog->isVisible(); }))
        return false;
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("tokenEdit"));
    auto* save = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Save);
    // Masked, empty (the refused token is not shown), and Save waits for a usable token.
    if (dialog->windowModality() != Qt::WindowModal || edit->echoMode() != QLineEdit::Password
        || !edit->text().isEmpty() || save->isEnabled())
        return false;
    edit->setFocus();
    QTest::keyClicks(edit, token);
    if (!save->isEnabled())
        return false;
    QTest::mouseClick(save, Qt::LeftButton);
    return QTest::qWaitFor([&] { return !m_window->findChild<TokenUpdateDialog*>(); }, 10000);
}

quint64 TestMainWindow::embeddedResendCount()
{
    quint64 count = 0;
    m_window->connections()->embeddedMock()->withMock([&count](MockZitadel&, MockHttpServer& server) {
        for (const MockRequestLogEntry& entry : server.router().requestLog()) {
            if (entry.path.contains("resend"))
                ++count;
        }
    });
    return count;
}

void TestMainWindow::startsOnTheMockWithOrganizationsAndUsers()
{
    startWindow();
    auto* banner = child<ModeBanner>("modeBanner");
    QCOMPARE(banner->mode(), ModeBanner::Mode::Mock);
    QVERIFY(banner->text().contains(QStringLiteral("MOCK")));
    QVERIFY(banner->text().contains(QStringLiteral("nothing reaches real people")));
    QCOMPARE(child<QComboBox>("connectionCombo")->currentText(), ProfileStore::reservedMockName());
    QCOMPARE(child<QComboBox>("mockTokenCombo")->currentText(), QStringLiteral("mock-admin"));
    QCOMPARE(child<QListView>("orgView")->model()->rowCount(), 4);
    // The first organization (ACME) is selected and its users listed.
    auto* users = qobject_cast<UserTableModel*>(child<QTableView>("userView")->model());
    QCOMPARE(users->organizationId(), QString::fromLatin1(SeedIds::AcmeOrg));
    QVERIFY(users->rowCount() > 10);
    QVERIFY(child<QLabel>("userCountLabel")->text().contains(QStringLiteral("ACME")));
}

void TestMainWindow::pickOrganizationSearchUserAndResendWithReturnCode()
{
    startWindow();
    selectOrganization(QString::fromLatin1(SeedIds::GlobexOrg));
    selectOrganization(QString::fromLatin1(SeedIds::AcmeOrg));
    searchAndSelectUser(QStringLiteral("donald"), QString::fromLatin1(SeedIds::Donald));

    QTest::mouseClick(child<QRadioButton>("returnCodeRadio"), Qt::LeftButton);
    auto* resend = button("resendEmailButton");
    QVERIFY(resend->isEnabled());
    const int exchangesBefore = m_window->inspector()->inspector()->exchangeCount();
    QTest::mouseClick(resend, Qt::LeftButton);

    auto* code = child<QLineEdit>("codeField");
    QTRY_VERIFY(code->isVisible() && !code->text().isEmpty());
    QString pending;
    m_window->connections()->embeddedMock()->withMock([&pending](MockZitadel& mock, MockHttpServer&) {
        pending = mock.pendingEmailCode(QString::fromLatin1(SeedIds::Donald));
    });
    QCOMPARE(code->text(), pending);
    QVERIFY(child<QLabel>("resultLabel")->text().contains(QStringLiteral("nothing was sent")));

    // The exchange is in the inspector; "Details" opens it there.
    InspectorWidget* inspector = m_window->inspector()->inspector();
    QTRY_VERIFY(inspector->exchangeCount() > exchangesBefore);
    m_window->inspector()->hide();
    QTest::mouseClick(button("detailsButton"), Qt::LeftButton);
    QTRY_VERIFY(m_window->inspector()->isVisible());
    QVERIFY(inspector->currentExchange());
    QVERIFY(inspector->currentExchange()->url.path().endsWith(QStringLiteral("/email/resend")));
    QVERIFY(inspector->currentExchange()->responseBody.contains(pending.toUtf8()));
}

void TestMainWindow::verifiedPhoneDisablesTheActionWithTheReason()
{
    startWindow();
    searchAndSelectUser(QStringLiteral("donald"), QString::fromLatin1(SeedIds::Donald));
    auto* phone = button("resendPhoneButton");
    QVERIFY(!phone->isEnabled());
    QVERIFY2(phone->toolTip().contains(QStringLiteral("already verified")), qPrintable(phone->toolTip()));
    QVERIFY(button("resendEmailButton")->isEnabled());

    const quint64 before = embeddedResendCount();
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier); // the shortcut is refused too
    QCOMPARE(embeddedResendCount(), before);
}

void TestMainWindow::readonlyTokenShowsThePermissionErrorWithItsId()
{
    startWindow();
    auto* tokens = child<QComboBox>("mockTokenCombo");
    QSignalSpy reloaded(
        qobject_cast<UserTableModel*>(child<QTableView>("userView")->model()), &UserTableModel::pageLoaded);
    tokens->setCurrentIndex(tokens->findText(QStringLiteral("mock-readonly")));
    Q_EMIT tokens->activated(tokens->currentIndex());
    QVERIFY(reloaded.wait(10000));
    searchAndSelectUser(QStringLiteral("goofy"), QString::fromLatin1(SeedIds::Goofy));
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton);
    auto* result = child<QLabel>("resultLabel");
    QTRY_VERIFY(result->text().contains(QStringLiteral("AUTH-AWfge")));
    QVERIFY2(result->text().contains(QStringLiteral("permission"), Qt::CaseInsensitive), qPrintable(result->text()));
    QVERIFY(button("detailsButton")->isVisible());
}

void TestMainWindow::liveConfirmationCancelledSendsNothing()
{
    m_live = std::make_unique<MockFixture>();
    QVERIFY(m_live->ok());
    addLiveProfile(m_live->baseUrl());
    StartRequest request = mockRequest();
    request.connectionId = m_profiles->profiles().constFirst().id;
    startWindow(request);
    QCOMPARE(child<ModeBanner>("modeBanner")->mode(), ModeBanner::Mode::Live);
    QVERIFY(child<ModeBanner>("modeBanner")->text().contains(QStringLiteral("127.0.0.1")));

    searchAndSelectUser(QStringLiteral("goofy"), QString::fromLatin1(SeedIds::Goofy));
    const quint64 before = m_live->router().requestCount();
    ConfirmResend::setNextAnswer(false);
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton);
    QCOMPARE(ConfirmResend::askCount(), 1);
    QVERIFY2(ConfirmResend::lastQuestion().contains(QStringLiteral("g•••@example.com")),
        qPrintable(ConfirmResend::lastQuestion()));
    QVERIFY(!m_window->resends()->isBusy()); // nothing was started, so nothing can arrive later
    QCoreApplication::processEvents();
    QCOMPARE(m_live->router().requestCount(), before);
    QVERIFY(button("resendEmailButton")->isEnabled());
}

void TestMainWindow::liveConfirmationAcceptedSendsOnce()
{
    m_live = std::make_unique<MockFixture>();
    addLiveProfile(m_live->baseUrl());
    StartRequest request = mockRequest();
    request.connectionId = m_profiles->profiles().constFirst().id;
    startWindow(request);
    searchAndSelectUser(QStringLiteral("goofy"), QString::fromLatin1(SeedIds::Goofy));
    const quint64 outboxBefore = m_live->zitadel().outboxTotal();
    ConfirmResend::setNextAnswer(true);
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton);
    QTRY_VERIFY(
        child<QLabel>("resultLabel")->text().contains(QStringLiteral("queued for delivery to g•••@example.com")));
    QCOMPARE(m_live->zitadel().outboxTotal(), outboxBefore + 1);
}

void TestMainWindow::switchingConnectionsReloadsOrganizations()
{
    m_live = std::make_unique<MockFixture>();
    addLiveProfile(m_live->baseUrl());
    startWindow();
    auto* orgs = qobject_cast<OrganizationListModel*>(child<QListView>("orgView")->model());
    auto* combo = child<QComboBox>("connectionCombo");
    QCOMPARE(combo->count(), 2);

    const quint64 liveBefore = m_live->router().requestCount();
    QSignalSpy loaded(orgs, &OrganizationListModel::pageLoaded);
    combo->setCurrentIndex(1);
    Q_EMIT combo->activated(1);
    QVERIFY(loaded.wait(10000));
    QVERIFY(m_live->router().requestCount() > liveBefore); // the organizations came from "live"
    QCOMPARE(child<ModeBanner>("modeBanner")->mode(), ModeBanner::Mode::Live);
    QCOMPARE(orgs->rowCount(), 4);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("LIVE")));

    combo->setCurrentIndex(0);
    Q_EMIT combo->activated(0);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(child<ModeBanner>("modeBanner")->mode(), ModeBanner::Mode::Mock);
    QCOMPARE(m_window->connections()->current().id, ConnectionController::mockId());
}

void TestMainWindow::startRequestOpensOrganizationAndUser()
{
    StartRequest request = mockRequest();
    request.organizationId = QString::fromLatin1(SeedIds::GlobexOrg);
    request.userId = QString::fromLatin1(SeedIds::GlobexFrank);
    startWindow(request);
    auto* users = qobject_cast<UserTableModel*>(child<QTableView>("userView")->model());
    QCOMPARE(users->organizationId(), QString::fromLatin1(SeedIds::GlobexOrg));
    auto* panel = child<UserPanel>("userPanel");
    QTRY_VERIFY(panel->user().has_value());
    QCOMPARE(panel->user()->id, QString::fromLatin1(SeedIds::GlobexFrank));
}

void TestMainWindow::aUserBeyondTheFirstPageIsStillOpened()
{
    StartRequest request = mockRequest();
    request.mockOptions.usersPerOrg = 1000; // Zoë sorts far beyond the first 100
    request.organizationId = QString::fromLatin1(SeedIds::AcmeOrg);
    request.userId = QString::fromLatin1(SeedIds::Zoe);
    startWindow(request);
    auto* users = qobject_cast<UserTableModel*>(child<QTableView>("userView")->model());
    QCOMPARE(users->rowOfId(QString::fromLatin1(SeedIds::Zoe)), -1);
    auto* panel = child<UserPanel>("userPanel");
    QTRY_VERIFY(panel->user().has_value());
    QCOMPARE(panel->user()->id, QString::fromLatin1(SeedIds::Zoe));

    // Paging on later must not move the selection to the remembered user.
    const QModelIndex first = users->index(0, 0);
    child<QTableView>("userView")->setCurrentIndex(first);
    QTRY_COMPARE(panel->user()->id, users->userAt(0)->id);
    // The view may be fetching a page of its own at any moment; wait for it, or ask for the next.
    while (users->canFetchMore(QModelIndex()) || users->isLoading()) {
        QSignalSpy page(users, &UserTableModel::pageLoaded);
        if (!users->isLoading())
            users->fetchMore(QModelIndex());
        QVERIFY(page.wait());
    }
    QVERIFY(users->rowOfId(QString::fromLatin1(SeedIds::Zoe)) >= 0);
    QCOMPARE(panel->user()->id, users->userAt(0)->id);
}

void TestMainWindow::aFailedConnectionSendsNothingToThePreviousServer()
{
    m_live = std::make_unique<MockFixture>();
    addLiveProfile(m_live->baseUrl());
    startWindow();
    m_secrets->setSimulateFailure(QStringLiteral("The keychain refused access."));
    QSignalSpy failed(m_window->connections(), &ConnectionController::connectionFailed);
    auto* combo = child<QComboBox>("connectionCombo");
    combo->setCurrentIndex(1);
    Q_EMIT combo->activated(1);
    QVERIFY(failed.wait());
    QCOMPARE(child<ModeBanner>("modeBanner")->mode(), ModeBanner::Mode::None);
    QVERIFY(child<ModeBanner>("modeBanner")->text().contains(QStringLiteral("keychain refused")));

    const quint64 mockBefore = m_window->connections()->embeddedMock()->requestCount();
    const quint64 liveBefore = m_live->router().requestCount();
    QTest::keyClick(m_window.get(), Qt::Key_F5); // Reload: there is nothing to reload from
    m_window->client()->listOrganizations({}, [](const Result<OrganizationPage>& result) {
        QCOMPARE(result.error.kind, ApiError::Kind::InvalidInput); // refused before sending
    });
    QTRY_VERIFY(!m_window->client()->findChild<ApiCall*>());
    QCOMPARE(m_window->connections()->embeddedMock()->requestCount(), mockBefore);
    QCOMPARE(m_live->router().requestCount(), liveBefore);
}

void TestMainWindow::remembersConnectionOrganizationUserAndLayout()
{
    startWindow();
    selectOrganization(QString::fromLatin1(SeedIds::InitechOrg));
    searchAndSelectUser(QStringLiteral("peter"), QString::fromLatin1(SeedIds::InitechPeter));
    m_window->inspector()->hide();
    m_window->close();
    m_orgTester.reset();
    m_userTester.reset();
    m_window.reset();

    StartRequest request; // nothing asked: the last session decides
    startWindow(request);
    QCOMPARE(m_window->connections()->current().id, ConnectionController::mockId());
    auto* users = qobject_cast<UserTableModel*>(child<QTableView>("userView")->model());
    QCOMPARE(users->organizationId(), QString::fromLatin1(SeedIds::InitechOrg));
    auto* panel = child<UserPanel>("userPanel");
    QTRY_VERIFY(panel->user().has_value());
    QCOMPARE(panel->user()->id, QString::fromLatin1(SeedIds::InitechPeter));
    QVERIFY(!m_window->inspector()->isVisible());
}

void TestMainWindow::keyboardShortcutsReachTheirWidgets()
{
    startWindow();
    m_window->activateWindow();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(child<QLineEdit>("userSearchEdit")->hasFocus());

    const bool visible = m_window->inspector()->isVisible();
    QTest::keyClick(m_window.get(), Qt::Key_J, Qt::ControlModifier);
    QTRY_COMPARE(m_window->inspector()->isVisible(), !visible);
    QTest::keyClick(m_window.get(), Qt::Key_J, Qt::ControlModifier);
    QTRY_COMPARE(m_window->inspector()->isVisible(), visible);
}

// The stored token has expired: nothing loads, the window says so and offers to replace it;
// the new token is stored as the profile dialog stores it and the connection opens with it.
void TestMainWindow::anExpiredTokenIsReplacedFromTheOffer()
{
    m_live = std::make_unique<MockFixture>();
    QVERIFY(m_live->ok());
    addLiveProfile(m_live->baseUrl(), QStringLiteral("pat-that-expired-last-week"));
    const ConnectionProfile profile = m_profiles->profiles().constFirst();
    StartRequest request = mockRequest();
    request.connectionId = profile.id;
    startWindow(request, false);

    auto* bar = child<QWidget>("tokenRejectedBar");
    QTRY_VERIFY(bar->isVisible());
    const QString said = child<QLabel>("tokenRejectedLabel")->text();
    QVERIFY2(said.startsWith(QStringLiteral("“Staging” did not accept its token")), qPrintable(said));
    QCOMPARE(child<QListView>("orgView")->model()->rowCount(), 0);

    // A token pasted with a label or a line break is refused in the dialog, before storing.
    QTest::mouseClick(button("updateTokenButton"), Qt::LeftButton);
    TokenUpdateDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<TokenUpdateDialog*>()) && dialog->isVisible());
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("tokenEdit"));
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("token: mock-admin"));
    QVERIFY(!dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->isEnabled());
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("validationLabel"))->text(),
        QStringLiteral("The token contains spaces, line breaks or other invisible characters; paste it again "
                       "without them."));
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<TokenUpdateDialog*>());
    QCOMPARE(
        m_secrets->peek(profile.secretKey()), std::optional<QString>(QStringLiteral("pat-that-expired-last-week")));
    QVERIFY(bar->isVisible()); // still refused: the offer stays

    auto* orgs = qobject_cast<OrganizationListModel*>(child<QListView>("orgView")->model());
    QSignalSpy loaded(orgs, &OrganizationListModel::pageLoaded);
    QVERIFY(updateTokenThroughTheOffer(QString::fromLatin1(SeedIds::AdminToken)));
    QCOMPARE(m_secrets->peek(profile.secretKey()), std::optional<QString>(QString::fromLatin1(SeedIds::AdminToken)));
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    QCOMPARE(orgs->rowCount(), 4);
    QVERIFY(bar->isHidden());
    QCOMPARE(child<ModeBanner>("modeBanner")->mode(), ModeBanner::Mode::Live);
    QVERIFY(m_window->connections()->isConnected());
}

// The token is revoked while someone works: the refused resend offers the update, and after
// it the same organization, user and half-typed code are still there.
void TestMainWindow::aRevokedTokenIsReplacedKeepingTheView()
{
    m_live = std::make_unique<MockFixture>();
    QVERIFY(m_live->ok());
    addLiveProfile(m_live->baseUrl());
    const ConnectionProfile profile = m_profiles->profiles().constFirst();
    StartRequest request = mockRequest();
    request.connectionId = profile.id;
    startWindow(request);
    selectOrganization(QString::fromLatin1(SeedIds::GlobexOrg));
    searchAndSelectUser(QStringLiteral("frank"), QString::fromLatin1(SeedIds::GlobexFrank));
    auto* code = child<QLineEdit>("verifyCodeEdit");
    code->setFocus();
    QTest::keyClicks(code, QStringLiteral("K4T"));

    // ZITADEL now refuses the token (the rule stands in for a revoked PAT; once, so that the
    // new token works).
    QString problem;
    QVERIFY2(m_live->router().faults().add(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("email-resend")},
                                               {QStringLiteral("error"), QStringLiteral("token-invalid")},
                                               {QStringLiteral("times"), 1}},
                 &problem),
        qPrintable(problem));
    ConfirmResend::setNextAnswer(true);
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton);
    auto* result = child<QLabel>("resultLabel");
    QTRY_VERIFY2(result->text().contains(QStringLiteral("did not accept your token")), qPrintable(result->text()));
    QVERIFY(child<QWidget>("tokenRejectedBar")->isVisible());

    // The new token has fewer rights: what happens next shows which token is in use.
    auto* users = qobject_cast<UserTableModel*>(child<QTableView>("userView")->model());
    QSignalSpy usersLoaded(users, &UserTableModel::pageLoaded);
    QVERIFY(updateTokenThroughTheOffer(QString::fromLatin1(SeedIds::ReadonlyToken)));
    QCOMPARE(m_secrets->peek(profile.secretKey()), std::optional<QString>(QString::fromLatin1(SeedIds::ReadonlyToken)));
    QVERIFY(usersLoaded.wait(10000));
    QTRY_VERIFY(!users->isLoading());
    QVERIFY(child<QWidget>("tokenRejectedBar")->isHidden());
    QCOMPARE(users->organizationId(), QString::fromLatin1(SeedIds::GlobexOrg));
    QCOMPARE(child<QListView>("orgView")->currentIndex().data(OrganizationListModel::IdRole).toString(),
        QString::fromLatin1(SeedIds::GlobexOrg));
    QCOMPARE(child<QLineEdit>("userSearchEdit")->text(), QStringLiteral("frank"));
    auto* panel = child<UserPanel>("userPanel");
    QVERIFY(panel->user().has_value());
    QCOMPARE(panel->user()->id, QString::fromLatin1(SeedIds::GlobexFrank));
    QTRY_VERIFY(m_window->findChild<UserPane*>()->selectedUser().has_value());
    QCOMPARE(m_window->findChild<UserPane*>()->selectedUser()->id, QString::fromLatin1(SeedIds::GlobexFrank));
    QCOMPARE(code->text(), QStringLiteral("K4T"));

    ConfirmResend::setNextAnswer(true);
    QTRY_VERIFY(button("resendEmailButton")->isEnabled());
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton);
    QTRY_VERIFY2(result->text().contains(QStringLiteral("AUTH-AWfge")), qPrintable(result->text()));
    QVERIFY(child<QWidget>("tokenRejectedBar")->isHidden()); // a 403 is about rights, not the token
}

// The embedded mock's tokens are chosen from a list: a 401 there is a QA fault, not a token to
// replace.
void TestMainWindow::theEmbeddedMockGetsNoTokenOffer()
{
    startWindow();
    searchAndSelectUser(QStringLiteral("goofy"), QString::fromLatin1(SeedIds::Goofy));
    m_window->connections()->embeddedMock()->withMock([](MockZitadel&, MockHttpServer& server) {
        server.router().faults().add(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("email-resend")},
                                         {QStringLiteral("error"), QStringLiteral("token-invalid")},
                                         {QStringLiteral("times"), 1}},
            nullptr);
    });
    QTest::mouseClick(button("resendEmailButton"), Qt::LeftButton);
    auto* result = child<QLabel>("resultLabel");
    QTRY_VERIFY2(result->text().contains(QStringLiteral("did not accept your token")), qPrintable(result->text()));
    QVERIFY(child<QWidget>("tokenRejectedBar")->isHidden());
    QVERIFY(!button("updateTokenButton")->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
