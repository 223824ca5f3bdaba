#pragma once

#include "LoopbackRedirectListener.h"
#include "OidcClient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

class SecretStore;

// One person's sign-in to one ZITADEL instance: OIDC authorization code flow with PKCE (S256)
// for a Native application, the system browser and a loopback redirect (RFC 8252).
//
// It keeps the access token in memory only and the refresh token in the SecretStore (the
// system keychain), refreshes before expiry and on demand after a 401, and revokes both on
// sign-out. Every way a sign-in can fail ends in exactly one signal with a plain sentence;
// the whole browser part has a deadline. Nothing is logged but the steps.
class OidcSession : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        SignedOut,
        Restoring, // refreshing with the stored refresh token
        SigningIn, // waiting for the browser, or exchanging the code
        SignedIn,
    };

    // ZITADEL's audience scope lets the API accept the token; the resourceowner scope adds the
    // person's organization to userinfo; offline_access asks for a refresh token.
    static QString scopes();
    static constexpr int DefaultSignInDeadlineMs = 5 * 60 * 1000;
    // After a refresh that failed for a reason other than a refused refresh token (the network,
    // the server), the next attempt waits this long, as long as the access token still works.
    static constexpr int RefreshRetryMs = 30'000;
    static constexpr int MinRefreshIntervalMs = 2000;

    OidcSession(ZitadelClient* transport, SecretStore* secrets, QObject* parent = nullptr);
    ~OidcSession() override;

    // For which instance, application and keychain entry; forgets the previous sign-in (the
    // keychain keeps it). `name` is the connection's name, for sentences.
    void configure(const QUrl& baseUrl, const QString& clientId, const QString& secretKey, const QString& name);
    void setSignInDeadline(int milliseconds) { m_deadlineMs = milliseconds; }
    // Where the refresh token is kept (not owned); takes effect with the next configure().
    void setSecretStore(SecretStore* secrets) { m_secrets = secrets; }

    // Uses a refresh token kept from earlier; ends in signedIn, signInNeeded or failed.
    void restore();
    // Starts the browser flow: ends in signedIn or failed; asks for the browser with
    // authorizationUrlReady on the way.
    void signIn();
    // Stops a sign-in or restore under way; nothing is signalled.
    void cancel();
    // After the server refused the access token (401): refresh now unless a refresh is already
    // under way. Ends in accessTokenChanged, or signInNeeded when the refresh token no longer works.
    void renew();
    // Revokes the tokens at the server, forgets them here and in the keychain; ends in signedOut.
    void signOut();

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    QString accessToken() const { return m_tokens.accessToken; }
    QDateTime accessTokenExpiry() const { return m_tokens.expiresAt; }
    QDateTime nextRefresh() const; // invalid when none is scheduled
    SignedInPerson person() const { return m_person; }
    // For the tests that search every artefact for it; nothing else reads it.
    QString refreshTokenForTests() const { return m_tokens.refreshToken; }
    QUrl redirectUri() const { return m_redirectUri; } // of the sign-in under way or just done

Q_SIGNALS:
    // Open this URL in the system browser.
    void authorizationUrlReady(const QUrl& url);
    void signedIn(const SignedInPerson& person);
    void accessTokenChanged(const QString& accessToken);
    // There is no usable sign-in (none stored, or it ended): the person has to sign in.
    void signInNeeded(const QString& reason);
    // A sign-in or restore failed; the sentence says why and what to do.
    void failed(const QString& sentence);
    void signedOut(const QString& notice);
    // Worth telling, not a failure (e.g. the keychain kept the sign-in for this session only).
    void notice(const QString& message);

private:
    void withConfiguration(std::function<void()> next);
    void startBrowserFlow();
    void onCallback(const QUrlQuery& query);
    void onDeadline();
    void exchange(const QString& code);
    void refreshWith(const QString& refreshToken, bool restoring);
    void accept(const OidcTokenSet& tokens, bool announce);
    void fetchPerson();
    void scheduleRefresh(const QDateTime& receivedAt);
    void storeRefreshToken(const QString& refreshToken);
    // The keychain holds {"issuer", "clientId", "refreshToken"}; a token read back for another
    // instance or application comes out empty.
    QString storedForm(const QString& refreshToken) const;
    QString refreshTokenFromStored(const QString& stored) const;
    void revokeQuietly(const OidcConfiguration& config, const QString& clientId, const OidcTokenSet& tokens);
    void forgetStoredRefreshToken();
    void fail(const QString& sentence);
    void endWithSignInNeeded(const QString& reason);
    void resetFlow();

    OidcClient m_client;
    QPointer<ZitadelClient> m_transport;
    SecretStore* m_secrets;
    LoopbackRedirectListener m_listener;
    QTimer m_deadline;
    QTimer m_refreshTimer;
    int m_deadlineMs = DefaultSignInDeadlineMs;

    QUrl m_baseUrl;
    QString m_clientId;
    QString m_secretKey;
    QString m_name;
    std::optional<OidcConfiguration> m_config;

    State m_state = State::SignedOut;
    quint64 m_attempt = 0; // answers of a cancelled or superseded attempt are dropped
    QByteArray m_verifier; // PKCE, for the one sign-in under way
    QByteArray m_expectedState;
    QUrl m_redirectUri; // kept: the token request repeats it after the listener has closed
    OidcTokenSet m_tokens;
    QString m_storedRefreshToken; // what the keychain holds, to write only on change
    SignedInPerson m_person;
    QPointer<ApiCall> m_refreshCall;
};
