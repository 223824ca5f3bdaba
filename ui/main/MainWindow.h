#pragma once

#include "ConnectionController.h"
#include "Exchange.h"
#include "ZitadelTypes.h"

#include <QMainWindow>
#include <QUrl>

#include <functional>

#include <optional>

class AppSettings;
class ConnectionToolBar;
class InspectorDock;
class MockDock;
class ModeBanner;
class OrganizationPane;
class ProfileStore;
class ResendController;
class SignInBar;
class SignedInIndicator;
class SecretStore;
class TokenRejectedBar;
class UserPane;
class UserPanel;
class VerifyController;
class ZitadelClient;

// What the command line (or the last session) asks the window to open.
struct StartRequest
{
    QString connectionId; // empty = the last connection, else the embedded mock
    QString organizationId; // empty = the last one, else the first in the list
    QString userId; // empty = the last one
    MockOptions mockOptions;
};

// Organizations | users | the selected user, the mode banner above and the JSON inspector
// below. Wires the panes to one ZitadelClient; holds no ZITADEL logic of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(AppSettings* settings, ProfileStore* profiles, SecretStore* secrets, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Builds the window's contents and connects; call once, before show().
    void start(const StartRequest& request);

    ZitadelClient* client() const { return m_client; }
    ConnectionController* connections() const { return m_connections; }
    ResendController* resends() const { return m_resends; }
    VerifyController* verifies() const { return m_verifies; }
    InspectorDock* inspector() const { return m_inspector; }
    MockDock* mockDock() const { return m_mockDock; }
    // How a sign-in opens the system browser: QDesktopServices::openUrl unless a test puts a
    // browser of its own here. Returns false when no browser could be started.
    using BrowserOpener = std::function<bool(const QUrl&)>;
    void setBrowserOpener(BrowserOpener opener) { m_openBrowser = std::move(opener); }

Q_SIGNALS:
    // Once: the organizations and the first page of users are shown (ok), or something on the
    // way failed (not ok, with a sentence). For --exit-after-load and smoke tests.
    void initialLoadFinished(bool ok, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void build();
    void buildLayout();
    void buildActions();
    void restoreLayout();
    void restoreResendSettings();
    void saveResendSettings();
    void saveLayout();

    void onConnecting(const ConnectionInfo& connection);
    void onConnected(const ConnectionInfo& connection);
    void onConnectionFailed(const ConnectionInfo& connection, const QString& message);
    void onOrganizationSelected(const Organization& organization);
    void onUserSelected(const User& user);
    void refreshUser(const QString& userId);
    void openUnlistedUser(const QString& userId);
    void manageConnections();
    void onExchangeFinished(const ExchangePtr& exchange);
    void updateToken();
    void wireSignIn();
    void openSignInPage();
    void reconnectKeepingView();
    void finishInitialLoad(bool ok, const QString& message);
    void showMockPanelFor(const ConnectionInfo& connection);
    void onMockChanged(int changes);
    void verifyFromOutbox(const QString& userId, const QString& orgId, const QString& channel, const QString& code);
    void applyPendingVerify();
    void wireMockPanel();

    AppSettings* m_settings;
    ProfileStore* m_profiles;
    SecretStore* m_secrets;
    ZitadelClient* m_client;
    ConnectionController* m_connections;
    ResendController* m_resends;
    VerifyController* m_verifies;

    ConnectionToolBar* m_toolBar = nullptr;
    ModeBanner* m_banner = nullptr;
    TokenRejectedBar* m_tokenBar = nullptr;
    SignInBar* m_signInBar = nullptr;
    SignedInIndicator* m_signedIn = nullptr;
    BrowserOpener m_openBrowser;
    QUrl m_signInPage; // the authorization URL of the sign-in under way
    OrganizationPane* m_organizations = nullptr;
    UserPane* m_users = nullptr;
    UserPanel* m_userPanel = nullptr;
    InspectorDock* m_inspector = nullptr;
    MockDock* m_mockDock = nullptr;

    QString m_wantedOrganization; // for the next connect: from the command line or last session
    QString m_wantedUser;
    Organization m_organization; // selected
    bool m_initialLoadPending = true;
    // "Verify with this code" from the outbox for a user not shown yet: done once they are.
    struct PendingVerify
    {
        QString userId;
        QString channel;
        QString code;
    };
    std::optional<PendingVerify> m_pendingVerify;
    // Reconnecting the same connection after its token was replaced: the organization, the
    // user in the panel and what was typed stay; only the lists are fetched again.
    QString m_keepViewFor; // the connection id, empty otherwise
};
