#include "MainWindow.h"

#include "AppSettings.h"
#include "ConnectionToolBar.h"
#include "InspectorDock.h"
#include "InspectorWidget.h"
#include "MockChangeNotifier.h"
#include "MockDock.h"
#include "ModeBanner.h"
#include "OrganizationPane.h"
#include "ProfileManagerDialog.h"
#include "ProfileStore.h"
#include "ResendController.h"
#include "ResendOptionsWidget.h"
#include "SignInBar.h"
#include "SignedInIndicator.h"
#include "TokenRejectedBar.h"
#include "TokenUpdateDialog.h"
#include "UiLogging.h"
#include "UserPane.h"
#include "UserPanel.h"
#include "UserTableModel.h"
#include "VerifyController.h"
#include "ZitadelClient.h"

#include <QAction>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QLineEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

MainWindow::MainWindow(AppSettings* settings, ProfileStore* profiles, SecretStore* secrets, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_client(new ZitadelClient(this))
    , m_connections(new ConnectionController(m_client, profiles, secrets, this))
    , m_resends(new ResendController(m_client, this))
    , m_verifies(new VerifyController(m_client, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Verify Desk"));
    m_client->setTimeout(m_settings->get(AppSettings::Key::TimeoutSeconds).toInt() * 1000);
    m_resends->setCooldownSeconds(m_settings->get(AppSettings::Key::CooldownSeconds).toInt());
}

void MainWindow::build()
{
    buildLayout();
    buildActions();

    connect(m_client, &ZitadelClient::exchangeFinished, m_inspector, &InspectorDock::addExchange);
    connect(m_client, &ZitadelClient::exchangeFinished, this, &MainWindow::onExchangeFinished);
    connect(m_tokenBar, &TokenRejectedBar::updateRequested, this, &MainWindow::updateToken);
    connect(m_connections, &ConnectionController::connecting, this, &MainWindow::onConnecting);
    connect(m_connections, &ConnectionController::connected, this, &MainWindow::onConnected);
    connect(m_connections, &ConnectionController::connectionFailed, this, &MainWindow::onConnectionFailed);
    connect(m_connections, &ConnectionController::notice, this, [this](const QString& message) {
        statusBar()->showMessage(message, 10000);
    });
    connect(m_toolBar, &ConnectionToolBar::connectionChosen, m_connections, &ConnectionController::activate);
    connect(m_toolBar, &ConnectionToolBar::mockTokenChosen, this, [this](const QString& token) {
        m_settings->set(AppSettings::Key::MockToken, token);
        m_connections->setMockToken(token);
    });
    connect(m_toolBar, &ConnectionToolBar::manageRequested, this, &MainWindow::manageConnections);

    connect(m_organizations, &OrganizationPane::organizationSelected, this, &MainWindow::onOrganizationSelected);
    connect(m_organizations, &OrganizationPane::loadFailed, this, [this](const ApiError& error) {
        finishInitialLoad(false, tr("Organizations could not be loaded: %1").arg(error.summary()));
    });
    connect(m_organizations, &OrganizationPane::noOrganizations, this, [this] {
        finishInitialLoad(false, tr("No organizations are visible to this token."));
    });
    connect(m_users, &UserPane::userSelected, this, &MainWindow::onUserSelected);
    connect(m_users, &UserPane::wantedUserNotListed, this, &MainWindow::openUnlistedUser);
    connect(m_users, &UserPane::firstPageLoaded, this, [this] { finishInitialLoad(true, QString()); });
    connect(m_users, &UserPane::loadFailed, this, [this](const ApiError& error) {
        finishInitialLoad(false, tr("Users could not be loaded: %1").arg(error.summary()));
    });
    connect(m_userPanel, &UserPanel::detailsRequested, m_inspector, &InspectorDock::showExchange);
    connect(m_userPanel, &UserPanel::resendSucceeded, this, &MainWindow::refreshUser);
    connect(m_userPanel, &UserPanel::verifySucceeded, this, &MainWindow::refreshUser);
    connect(m_userPanel->optionsWidget(), &ResendOptionsWidget::changed, this, &MainWindow::saveResendSettings);
    wireMockPanel();
    wireSignIn();
}

void MainWindow::wireSignIn()
{
    if (!m_openBrowser)
        m_openBrowser = [](const QUrl& url) { return QDesktopServices::openUrl(url); };
    connect(m_signInBar, &SignInBar::signInRequested, this, [this] {
        m_signInBar->showContacting(m_connections->current().name); // discovery may take a moment
        m_connections->signIn();
    });
    connect(m_signInBar, &SignInBar::cancelRequested, m_connections, &ConnectionController::cancelSignIn);
    connect(m_signInBar, &SignInBar::reopenRequested, this, &MainWindow::openSignInPage);
    connect(m_signedIn, &SignedInIndicator::signOutRequested, m_connections, &ConnectionController::signOut);
    connect(m_connections, &ConnectionController::authorizationUrlReady, this, [this](const QUrl& url) {
        m_signInPage = url;
        m_signInBar->showWaiting(m_connections->current().name);
        openSignInPage();
    });
    connect(m_connections,
        &ConnectionController::signInRequired,
        this,
        [this](const ConnectionInfo& connection, const QString& reason) {
            m_signInPage.clear();
            m_signedIn->hide();
            // After signing in again the same organization comes back, with the user panel and
            // whatever was typed there.
            if (!m_organization.id.isEmpty())
                m_wantedOrganization = m_organization.id;
            m_signInBar->showNeeded(connection.name, reason);
            m_banner->showFailed(connection, tr("Not signed in"));
            finishInitialLoad(false, reason);
        });
    connect(m_connections,
        &ConnectionController::signedIn,
        this,
        [this](const ConnectionInfo& connection, const SignedInPerson& person) {
            m_signInPage.clear();
            m_signInBar->hide();
            m_signedIn->showPerson(person, connection.name);
            statusBar()->showMessage(
                tr("Signed in to %1 as %2").arg(connection.name, person.isValid() ? person.displayName() : tr("you")),
                10000);
        });
    connect(m_connections, &ConnectionController::signInRenewed, this, [this] {
        statusBar()->showMessage(tr("Your sign-in was renewed. Try again what was refused."), 10000);
        if (m_organization.id.isEmpty())
            m_organizations->reload(m_wantedOrganization); // the first list was what failed
    });
}

void MainWindow::openSignInPage()
{
    if (m_signInPage.isEmpty())
        return;
    if (!m_openBrowser(m_signInPage))
        statusBar()->showMessage(
            tr("No browser could be opened. Open this address in one to sign in: %1").arg(m_signInPage.toString()));
}

void MainWindow::wireMockPanel()
{
    EmbeddedMock* mock = m_connections->embeddedMock();
    connect(mock, &EmbeddedMock::changed, this, &MainWindow::onMockChanged);
    connect(m_mockDock, &MockDock::verifyRequested, this, &MainWindow::verifyFromOutbox);
    m_mockDock->setExposePort(quint16(m_settings->get(AppSettings::Key::MockExposePort).toInt()));
    connect(m_mockDock, &MockDock::exposeRequested, mock, &EmbeddedMock::expose);
    connect(m_mockDock, &MockDock::unexposeRequested, mock, &EmbeddedMock::unexpose);
    connect(mock, &EmbeddedMock::exposed, this, [this](const QUrl& url) {
        m_mockDock->setExposed(url);
        m_settings->set(AppSettings::Key::MockExposePort, url.port());
        m_settings->set(AppSettings::Key::MockExposed, true);
        statusBar()->showMessage(tr("The embedded mock also listens on %1").arg(url.toString()), 10000);
    });
    connect(mock, &EmbeddedMock::exposeFailed, this, [this](const QString& error) {
        m_mockDock->setExposeFailed(error);
        m_settings->set(AppSettings::Key::MockExposed, false);
    });
    connect(mock, &EmbeddedMock::unexposed, this, [this] {
        m_mockDock->setExposed(QUrl());
        m_settings->set(AppSettings::Key::MockExposed, false);
    });
}

void MainWindow::showMockPanelFor(const ConnectionInfo& connection)
{
    // The panel is the mock's: it exists for the embedded mock only, never for a live server.
    const bool mock = connection.id == ConnectionController::mockId() && !connection.live;
    EmbeddedMock* embedded = m_connections->embeddedMock();
    QAction* toggle = m_mockDock->toggleViewAction();
    toggle->setEnabled(mock);
    if (!mock) {
        m_mockDock->setServer(QUrl(), QString());
        m_mockDock->hide();
        return;
    }
    m_mockDock->setServer(embedded->baseUrl(), embedded->adminToken());
    if (m_settings->get(AppSettings::Key::MockPanelVisible).toBool())
        m_mockDock->show();
    m_mockDock->setExposed(embedded->exposedUrl());
    if (m_settings->get(AppSettings::Key::MockExposed).toBool() && !embedded->exposedUrl().isValid())
        embedded->expose(quint16(m_settings->get(AppSettings::Key::MockExposePort).toInt()));
}

void MainWindow::onMockChanged(int changes)
{
    if (!m_mockDock || m_connections->current().id != ConnectionController::mockId())
        return;
    if (changes & (MockChangeNotifier::Outbox | MockChangeNotifier::State))
        m_mockDock->noteOutboxChanged();
    if (changes & (MockChangeNotifier::Faults | MockChangeNotifier::State))
        m_mockDock->noteFaultsChanged();
    if (changes & MockChangeNotifier::Requests)
        m_mockDock->noteRequestsChanged();
    if (changes & MockChangeNotifier::State) {
        // Reset, loaded or generated (from the panel or from curl): what the lists show is gone.
        m_mockDock->noteStateChanged();
        if (m_connections->isConnected()) {
            m_wantedUser = m_userPanel->user() ? m_userPanel->user()->id : QString();
            const QString organization = m_organization.id;
            m_organization = Organization();
            m_userPanel->setUser(std::nullopt);
            m_users->clear();
            m_organizations->reload(organization);
        }
    }
}

void MainWindow::verifyFromOutbox(
    const QString& userId, const QString& orgId, const QString& channel, const QString& code)
{
    m_pendingVerify = PendingVerify {userId, channel, code};
    if (m_userPanel->user() && m_userPanel->user()->id == userId) {
        applyPendingVerify();
        return;
    }
    statusBar()->showMessage(tr("Opening the user to verify the code…"), 5000);
    if (orgId == m_organization.id || orgId.isEmpty()) {
        if (const auto selected = m_users->selectedUser(); selected && selected->id == userId) {
            onUserSelected(*selected); // selected in the table, just not in the panel
            return;
        }
        m_users->selectUser(userId);
        return;
    }
    // Another organization: select it; its users then open with this user selected.
    m_wantedUser = userId;
    m_organizations->reload(orgId);
}

void MainWindow::applyPendingVerify()
{
    if (!m_pendingVerify || !m_userPanel->user() || m_userPanel->user()->id != m_pendingVerify->userId)
        return;
    const PendingVerify pending = *m_pendingVerify;
    m_pendingVerify.reset();
    const ResendChannel channel = pending.channel == QLatin1String("sms") ? ResendChannel::Phone : ResendChannel::Email;
    if (!m_userPanel->verifyCode(channel, pending.code))
        statusBar()->showMessage(tr("Nothing to verify: that address is already verified."), 10000);
}

MainWindow::~MainWindow()
{
    // Late answers must not reach panes that are being destroyed.
    m_client->cancelAll();
}

void MainWindow::buildLayout()
{
    m_toolBar = new ConnectionToolBar(this);
    addToolBar(Qt::TopToolBarArea, m_toolBar);

    m_banner = new ModeBanner(this);
    m_tokenBar = new TokenRejectedBar(this);
    m_signInBar = new SignInBar(this);
    m_signedIn = new SignedInIndicator(this);
    statusBar()->addPermanentWidget(m_signedIn);
    m_organizations = new OrganizationPane(m_client, this);
    m_users = new UserPane(m_client, this);
    m_userPanel = new UserPanel(m_resends, this);
    m_userPanel->setVerifyController(m_verifies);

    auto* panelScroll = new QScrollArea(this);
    panelScroll->setObjectName(QStringLiteral("userPanelScroll"));
    panelScroll->setWidget(m_userPanel);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    // Never squeeze the panel below what its buttons need; the user table gives way instead.
    panelScroll->setMinimumWidth(m_userPanel->minimumSizeHint().width() + 12);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_organizations);
    splitter->addWidget(m_users);
    splitter->addWidget(panelScroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({250, 690, 440});

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 0, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_tokenBar);
    layout->addWidget(m_signInBar);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_inspector = new InspectorDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_inspector);
    m_mockDock = new MockDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_mockDock);
    tabifyDockWidget(m_inspector, m_mockDock);
    m_mockDock->hide();
    resize(1280, 860);
    // The lists are the work; the inspector starts as a strip below them (the last session's
    // layout, restored in start(), overrides this).
    resizeDocks({m_inspector}, {300}, Qt::Vertical);
}

void MainWindow::buildActions()
{
    auto addShortcut = [this](const QString& name, const QString& text, const QKeySequence& keys, auto slot) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        // Holding the keys down must not fire again and again; the resend guard is the
        // backstop, this keeps the repeats from even reaching it.
        action->setAutoRepeat(false);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    addShortcut(QStringLiteral("findUserAction"), tr("Find user"), QKeySequence(tr("Ctrl+F")), [this] {
        m_users->focusSearch();
    });
    addShortcut(QStringLiteral("chooseConnectionAction"), tr("Choose connection"), QKeySequence(tr("Ctrl+L")), [this] {
        m_toolBar->openConnectionPicker();
    });
    addShortcut(QStringLiteral("resendEmailAction"), tr("Resend email code"), QKeySequence(tr("Ctrl+E")), [this] {
        m_userPanel->requestEmailResend();
    });
    addShortcut(
        QStringLiteral("resendPhoneAction"), tr("Resend phone verification"), QKeySequence(tr("Ctrl+P")), [this] {
            m_userPanel->requestPhoneResend();
        });
    addShortcut(QStringLiteral("reloadAction"), tr("Reload"), QKeySequence::Refresh, [this] {
        if (!m_connections->isConnected())
            return;
        m_organizations->reload(m_organization.id);
        // The same organization comes back selected, which does not reload its users: do it
        // here, so a page that failed (a timeout, say) can be fetched again.
        if (!m_organization.id.isEmpty())
            m_users->model()->reload();
    });

    QAction* toggleInspector = m_inspector->toggleViewAction();
    toggleInspector->setObjectName(QStringLiteral("toggleInspectorAction"));
    toggleInspector->setText(tr("JSON inspector"));
    toggleInspector->setShortcut(QKeySequence(tr("Ctrl+J")));
    toggleInspector->setToolTip(tr("Show or hide every request and response (Ctrl+J)"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(toggleInspector);

    QAction* toggleMock = m_mockDock->toggleViewAction();
    toggleMock->setObjectName(QStringLiteral("toggleMockPanelAction"));
    toggleMock->setText(tr("Mock workbench"));
    toggleMock->setShortcut(QKeySequence(tr("Ctrl+M")));
    toggleMock->setToolTip(tr("The embedded mock's outbox, faults, request log and scenario (Ctrl+M)"));
    toggleMock->setEnabled(false);
    m_toolBar->addAction(toggleMock);
}

void MainWindow::start(const StartRequest& request)
{
    Q_ASSERT(!m_inspector); // once per window
    const QString connectionId = request.connectionId.isEmpty()
        ? m_settings->get(AppSettings::Key::LastConnection).toString()
        : request.connectionId;
    // The embedded mock starts in its own thread first and gets ready while the widgets are
    // built: that overlap is most of this window's start-up time.
    m_connections->setMockOptions(request.mockOptions);
    m_connections->warmUp(connectionId);
    build();

    restoreLayout();
    restoreResendSettings();
    m_wantedOrganization = request.organizationId.isEmpty()
        ? m_settings->get(AppSettings::Key::LastOrganization).toString()
        : request.organizationId;
    m_wantedUser = request.userId.isEmpty() ? m_settings->get(AppSettings::Key::LastUser).toString() : request.userId;
    const QString mockToken = m_settings->get(AppSettings::Key::MockToken).toString();
    m_connections->setMockToken(mockToken);
    m_toolBar->setMockToken(m_connections->mockToken());
    m_toolBar->setConnections(m_connections->connections(), connectionId);
    m_connections->activate(connectionId);
}

void MainWindow::onConnecting(const ConnectionInfo& connection)
{
    m_banner->showConnecting(connection);
    m_tokenBar->hide(); // a new attempt: whatever was refused before is not known yet
    m_signInBar->hide();
    m_signedIn->hide();
    m_signInPage.clear();
    m_toolBar->setCurrent(connection);
    m_userPanel->connectionChanged();
    m_userPanel->setLiveMode(connection.live);
    if (m_keepViewFor != connection.id) {
        m_keepViewFor.clear();
        m_userPanel->setUser(std::nullopt);
    }
    m_users->clear();
    m_organizations->clear();
    m_organization = Organization();
    m_pendingVerify.reset();
    // Nothing of the previous server stays on screen, the mock's panel included.
    m_mockDock->setServer(QUrl(), QString());
}

void MainWindow::onConnected(const ConnectionInfo& connection)
{
    m_keepViewFor.clear();
    m_banner->showConnected(connection);
    m_toolBar->setCurrent(connection);
    m_settings->set(AppSettings::Key::LastConnection, connection.id);
    setWindowTitle(
        connection.live ? tr("Verify Desk — LIVE — %1").arg(connection.baseUrl.host()) : tr("Verify Desk — MOCK"));
    statusBar()->showMessage(tr("Connected to %1 (%2)").arg(connection.name, connection.baseUrl.toString()));
    showMockPanelFor(connection);
    QString organization = m_wantedOrganization;
    if (organization.isEmpty())
        organization = connection.defaultOrganizationId;
    m_organizations->reload(organization);
}

void MainWindow::onConnectionFailed(const ConnectionInfo& connection, const QString& message)
{
    m_keepViewFor.clear();
    m_banner->showFailed(connection, message);
    statusBar()->showMessage(message);
    finishInitialLoad(false, message);
}

void MainWindow::onOrganizationSelected(const Organization& organization)
{
    if (organization.id == m_organization.id)
        return;
    m_organization = organization;
    m_settings->set(AppSettings::Key::LastOrganization, organization.id);
    m_wantedOrganization.clear();
    // A user of this organization stays in the panel (with what was typed there) while the
    // list comes back after a reconnect; anyone else belongs to the organization left behind.
    if (!m_userPanel->user() || m_userPanel->user()->organizationId() != organization.id)
        m_userPanel->setUser(std::nullopt);
    m_users->setOrganization(organization.id, organization.name);
    if (!m_wantedUser.isEmpty()) {
        m_users->selectUser(m_wantedUser);
        m_wantedUser.clear();
    }
}

void MainWindow::onUserSelected(const User& user)
{
    m_settings->set(AppSettings::Key::LastUser, user.id);
    m_userPanel->setUser(user);
    applyPendingVerify();
}

void MainWindow::openUnlistedUser(const QString& userId)
{
    // --user or the last session named someone beyond the first page (a large organization):
    // show them in the panel anyway, if they belong to the organization still selected.
    const QString organizationId = m_organization.id;
    m_client->getUserById(userId, [this, organizationId](const Result<User>& result) {
        if (result.ok() && result.value->organizationId() == organizationId && m_organization.id == organizationId
            && !m_users->selectedUser()) {
            m_userPanel->setUser(*result.value);
            applyPendingVerify();
        }
    });
}

void MainWindow::refreshUser(const QString& userId)
{
    // A resend bumps the user's sequence and change date, a verification flips a verified
    // flag: show the server's view of it, in the table and in the panel (which may show a user
    // the table has not paged in).
    m_client->getUserById(userId, [this](const Result<User>& result) {
        if (!result.ok())
            return;
        m_users->model()->updateUser(*result.value);
        if (const auto& shown = m_userPanel->user(); shown && shown->id == result.value->id)
            m_userPanel->setUser(*result.value);
    });
}

void MainWindow::manageConnections()
{
    // Window-modal without a nested event loop; the list is refreshed when it closes.
    auto* dialog = new ProfileManagerDialog(m_profiles, m_secrets, this);
    dialog->setObjectName(QStringLiteral("profileManagerDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const std::optional<ConnectionProfile> before = m_profiles->byId(m_connections->current().id);
    connect(dialog, &QDialog::finished, this, [this, before] {
        m_toolBar->setConnections(m_connections->connections(), m_connections->current().id);
        // An edited or deleted current profile must not keep its old URL or token (a token may
        // have been replaced without any other change). A sign-in connection left as it was keeps
        // going: a sign-in under way in the browser is not cut off, nothing is refreshed again.
        if (!m_connections->current().live)
            return;
        const std::optional<ConnectionProfile> after = m_profiles->byId(m_connections->current().id);
        if (!after)
            m_connections->activate(ConnectionController::mockId());
        else if (!before || *after != *before || !after->signsIn())
            m_connections->activate(after->id);
    });
    dialog->open();
}

void MainWindow::onExchangeFinished(const ExchangePtr& exchange)
{
    // Any call (a list, a resend, a verification) may be the first to meet a revoked or
    // expired token. The embedded mock's tokens are picked from a list, so it gets no offer.
    const ConnectionInfo& current = m_connections->current();
    if (exchange->error.kind != ApiError::Kind::Unauthenticated || !m_connections->isConnected())
        return;
    if (current.signsIn) { // a person's sign-in renews itself, on the mock too; no token to paste
        m_connections->renewAfterRejection(exchange->started);
        return;
    }
    if (!current.live)
        return;
    if (m_tokenBar->isHidden())
        qCInfo(lcUi) << "the server refused the token of" << current.name << "- offering to update it";
    m_tokenBar->showFor(current.name);
}

void MainWindow::updateToken()
{
    const ConnectionInfo current = m_connections->current();
    const auto profile = current.live ? m_profiles->byId(current.id) : std::nullopt;
    if (!profile) { // deleted meanwhile, or no longer live: there is no token to update
        m_tokenBar->hide();
        return;
    }
    if (findChild<TokenUpdateDialog*>())
        return; // already open
    // Window-modal without a nested event loop, like the connection dialogs.
    auto* dialog = new TokenUpdateDialog(m_secrets, *profile, this);
    dialog->setObjectName(QStringLiteral("tokenUpdateDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, id = profile->id, name = profile->name](int result) {
        if (result != QDialog::Accepted || m_connections->current().id != id)
            return;
        const QString notice = dialog->notice();
        statusBar()->showMessage(
            notice.isEmpty() ? tr("New token saved for “%1”; connecting again.").arg(name) : notice, 10000);
        reconnectKeepingView();
    });
    dialog->open();
}

void MainWindow::reconnectKeepingView()
{
    // The token is read back from the SecretStore, as on every connect: what works now is
    // what is stored.
    if (!m_organization.id.isEmpty())
        m_wantedOrganization = m_organization.id;
    if (m_userPanel->user())
        m_wantedUser = m_userPanel->user()->id;
    m_keepViewFor = m_connections->current().id;
    m_connections->reconnect();
}

void MainWindow::finishInitialLoad(bool ok, const QString& message)
{
    if (!m_initialLoadPending)
        return;
    m_initialLoadPending = false;
    Q_EMIT initialLoadFinished(ok, message);
}

void MainWindow::restoreResendSettings()
{
    ResendSettings resend;
    const QString api = m_settings->get(AppSettings::Key::ResendApi).toString();
    resend.api = api == QLatin1String("v1") ? ResendApi::V1
        : api == QLatin1String("v3alpha")   ? ResendApi::V3Alpha
                                            : ResendApi::V2;
    resend.delivery = m_settings->get(AppSettings::Key::ResendDelivery).toString() == QLatin1String("return")
        ? ResendOptions::Delivery::ReturnCode
        : ResendOptions::Delivery::Send;
    resend.urlTemplate = m_settings->get(AppSettings::Key::ResendUrlTemplate).toString();
    m_userPanel->setResendSettings(resend);
}

void MainWindow::saveResendSettings()
{
    const ResendSettings resend = m_userPanel->resendSettings();
    const char* api = resend.api == ResendApi::V1 ? "v1" : resend.api == ResendApi::V3Alpha ? "v3alpha" : "v2";
    m_settings->set(AppSettings::Key::ResendApi, QString::fromLatin1(api));
    m_settings->set(AppSettings::Key::ResendDelivery,
        resend.delivery == ResendOptions::Delivery::ReturnCode ? QStringLiteral("return") : QStringLiteral("send"));
    // Kept as typed, even when invalid: nothing the user typed is lost.
    m_settings->set(AppSettings::Key::ResendUrlTemplate, resend.urlTemplate);
}

void MainWindow::restoreLayout()
{
    restoreGeometry(m_settings->get(AppSettings::Key::MainWindowGeometry).toByteArray());
    restoreState(m_settings->get(AppSettings::Key::MainWindowState).toByteArray());
    m_inspector->inspector()->restoreState(m_settings->get(AppSettings::Key::InspectorState).toByteArray());
    m_inspector->setVisible(m_settings->get(AppSettings::Key::InspectorVisible).toBool());
    // Shown again only once connected to the mock (showMockPanelFor()).
    m_mockDock->hide();
}

void MainWindow::saveLayout()
{
    if (!m_inspector)
        return; // never started: there is no layout to remember
    m_settings->set(AppSettings::Key::MainWindowGeometry, saveGeometry());
    m_settings->set(AppSettings::Key::MainWindowState, saveState());
    m_settings->set(AppSettings::Key::InspectorState, m_inspector->inspector()->saveState());
    m_settings->set(AppSettings::Key::InspectorVisible, m_inspector->isVisible());
    if (m_connections->current().id == ConnectionController::mockId()) // hidden, not closed, when live
        m_settings->set(AppSettings::Key::MockPanelVisible, m_mockDock->isVisible());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}
