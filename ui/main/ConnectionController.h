#pragma once

#include "EmbeddedMock.h"
#include "InMemorySecretStore.h"
#include "OidcSession.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

struct ConnectionProfile;
class ProfileStore;
class SecretStore;
class ZitadelClient;

// What the window is connected to. Only the mode banner reads `live`: everything else talks
// to ZitadelClient the same way whichever server is behind it.
struct ConnectionInfo
{
    QString id; // ConnectionController::MockId or a profile id
    QString name;
    bool live = false;
    QUrl baseUrl;
    QString defaultOrganizationId;
    bool signsIn = false; // the person signs in with ZITADEL (OidcSession) instead of a token
};

// Switches the one ZitadelClient between the embedded mock and saved live profiles: starts
// the mock in its own thread on first use, reads a profile's token from the SecretStore, and
// cancels whatever the previous connection still had in flight.
class ConnectionController : public QObject
{
    Q_OBJECT

public:
    static QString mockId() { return QStringLiteral("mock"); }
    static QStringList mockTokens(); // mock-admin, mock-support, mock-readonly
    // Instead of a fixed token: sign in to the embedded mock through its OIDC sign-in page, as
    // one of its people, with the mock's Native application (the seed's client id).
    static QString mockSignIn() { return QStringLiteral("sign-in"); }
    static QString mockClientId() { return QStringLiteral("312909075212468632@verifydesk"); }

    ConnectionController(
        ZitadelClient* client, ProfileStore* profiles, SecretStore* secrets, QObject* parent = nullptr);
    ~ConnectionController() override;

    // Takes effect the next time the mock starts (set before the first activate()).
    void setMockOptions(const MockOptions& options) { m_mockOptions = options; }
    void setMockToken(const QString& token);
    QString mockToken() const { return m_mockToken; }

    // Starts the embedded mock now if `connectionId` will need it, so it gets ready while the
    // window is still being built (start-up time).
    void warmUp(const QString& connectionId);

    QList<ConnectionInfo> connections() const; // the mock first, then the profiles by name
    void activate(const QString& connectionId);
    // Re-reads the current connection (its profile may have been edited).
    void reconnect() { activate(m_current.id); }

    const ConnectionInfo& current() const { return m_current; }
    bool isConnected() const { return m_connected; }
    EmbeddedMock* embeddedMock() { return &m_mock; }

    // Sign-in connections. signIn() starts the browser flow for the current connection (asks
    // for the browser with authorizationUrlReady); cancelSignIn() stops waiting for it;
    // signOut() revokes the tokens and forgets them.
    void signIn();
    void cancelSignIn();
    void signOut();
    // The server refused the access token of a call that started at `callStarted`: renew it,
    // unless it was renewed since that call went out.
    void renewAfterRejection(const QDateTime& callStarted);
    OidcSession* session() { return &m_session; }

Q_SIGNALS:
    void connecting(const ConnectionInfo& connection);
    void connected(const ConnectionInfo& connection);
    void connectionFailed(const ConnectionInfo& connection, const QString& message);
    // Something worth telling without failing, e.g. a token kept for this session only.
    void notice(const QString& message);
    // A sign-in connection has no usable sign-in (none yet, it ended, or the last attempt
    // failed): the window offers "Sign in". Nothing is sent meanwhile.
    void signInRequired(const ConnectionInfo& connection, const QString& reason);
    // The browser should open this URL; the session waits for it on 127.0.0.1.
    void authorizationUrlReady(const QUrl& url);
    void signedIn(const ConnectionInfo& connection, const SignedInPerson& person);
    // The access token was renewed after the server refused the previous one.
    void signInRenewed(const ConnectionInfo& connection);

private:
    void connectToMock();
    void connectToProfile(const ConnectionProfile& profile);
    void finishConnecting(const QUrl& baseUrl, const QString& token);
    void fail(const QString& message);
    void connectSession();
    void requireSignIn(const QString& reason);
    void configureMockSession();

    QPointer<ZitadelClient> m_client;
    ProfileStore* m_profiles;
    SecretStore* m_secrets;
    EmbeddedMock m_mock;
    OidcSession m_session;
    // The embedded mock forgets its sign-ins when it stops, so its refresh token is kept for
    // this run only, never in the system keychain.
    InMemorySecretStore m_mockSignInSecrets;
    QDateTime m_tokenSince; // when the access token in use arrived (sign-in connections)
    bool m_renewingAfterRejection = false;
    // The access token in use came from a renewal after a 401: if it is refused too, renewing
    // again would loop (a token ZITADEL's API never accepts, e.g. without its audience).
    bool m_tokenFromRejection = false;
    MockOptions m_mockOptions;
    QString m_mockToken;
    ConnectionInfo m_current;
    bool m_connected = false;
    quint64 m_attempt = 0; // a late answer from a superseded activate() is dropped
};
