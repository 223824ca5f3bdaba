#pragma once

#include "MockModel.h"
#include "MockOidcModel.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <vector>

class MockZitadel;

// An OAuth error as zitadel/oidc answers it: {"error", "error_description"} with an HTTP
// status, or, at the authorization endpoint once the redirect_uri is known to be good,
// delivered to the client's redirect_uri instead (RFC 6749 §4.1.2.1).
struct MockOidcError
{
    QByteArray error; // empty: no error
    QString description; // empty: no error_description member
    int status = 400;
    bool redirect = false;

    bool isError() const { return !error.isEmpty(); }
    static MockOidcError none() { return {}; }
    static MockOidcError make(const char* error, const QString& description, int status = 400)
    {
        return MockOidcError {QByteArray(error), description, status, false};
    }
    static MockOidcError delivered(const char* error, const QString& description)
    {
        return MockOidcError {QByteArray(error), description, 302, true};
    }
};

// What a successful token request gives the client.
struct MockOidcTokens
{
    QByteArray accessToken;
    QByteArray refreshToken; // empty unless offline_access was granted
    QByteArray idToken; // empty unless openid was granted
    qint64 expiresIn = 0;
};

// The OpenID provider's state and rules, without HTTP (MockOidcEndpoints does that): auth
// requests, authorization codes and the sessions they start. ZITADEL's model: one session per
// successful code exchange, holding one current access token and, with offline_access, one
// refresh token; refreshing replaces both (the old ones stop working), revoking the refresh
// token ends the session's access token too (internal/command/oidc_session*.go).
//
// Every time is MockZitadel::now(), so tests move the clock instead of waiting. Secrets are
// random (QRandomGenerator::system()), never logged, and not part of the saved state: a
// reset, load or generate ends every session.
class MockOidcProvider
{
public:
    struct AuthRequest
    {
        QString id; // "V2_<18 digits>", ZITADEL's v2 auth request id shape
        QString clientId;
        QString redirectUri; // as the client sent it; the token request must repeat it exactly
        QString state;
        QString nonce;
        QString codeChallenge; // S256
        QStringList scopes;
        QDateTime created;
        QString userId; // who signed in; empty while the sign-in page is open
        QDateTime authTime;
        QByteArray code; // empty until someone signed in
        QDateTime codeIssued;
        bool codeUsed = false;
    };

    struct Session
    {
        QString id; // "V2_<18 digits>"
        QString clientId;
        QString userId;
        QStringList scopes; // granted at sign-in
        QStringList accessScopes; // of the current access token (a refresh may narrow them)
        QString nonce;
        QDateTime authTime;
        QDateTime started;
        QByteArray accessToken; // empty once revoked
        QDateTime accessIssued;
        QDateTime accessExpires;
        QByteArray refreshToken; // empty without offline_access or once revoked
        QDateTime refreshIdleExpires;
        QDateTime refreshAbsoluteExpires;
        MockToken caller; // what the API sees: the person's user, organization and grants
    };

    static constexpr qsizetype MaxAuthRequests = 1000; // the oldest go first
    static constexpr qsizetype MaxSessions = 1000;

    explicit MockOidcProvider(MockZitadel& zitadel);
    ~MockOidcProvider();
    Q_DISABLE_COPY_MOVE(MockOidcProvider)

    // A new configuration (a seed was loaded): every auth request, code and session ends.
    void load(const MockOidcConfig& config);
    const MockOidcConfig& config() const { return m_config; }
    const MockOidcApplication* application(const QString& clientId) const;
    const MockOidcPerson* person(const QString& userId) const;

    const MockOidcLifetimes& lifetimes() const { return m_config.lifetimes; }
    // Outside MockOidcLifetimes::MinSeconds..MaxSeconds: refused with a sentence, nothing
    // changes. New lifetimes apply to what is issued from then on.
    bool setLifetimes(const MockOidcLifetimes& lifetimes, QString* problem);
    // Every access token expires now (refresh tokens stay good): for testing a client's
    // refresh on 401. Returns how many access tokens were still valid.
    int expireAccessTokens();

    // GET /oauth/v2/authorize, parameters already decoded. On success `authRequestId` names
    // the new auth request.
    MockOidcError authorize(const QHash<QString, QString>& params, QString* authRequestId);
    // An auth request whose sign-in page may be shown: known and nobody signed in yet.
    const AuthRequest* pendingAuthRequest(const QString& id) const;
    // The sign-in page's answer. On success `location` is redirect_uri with code and state.
    // false with `problem` when the auth request or the person is not (or no longer) there.
    bool signIn(const QString& authRequestId, const QString& userId, QUrl* location, QString* problem);
    bool cancel(const QString& authRequestId, QUrl* location, QString* problem);

    // POST /oauth/v2/token, form already decoded; `issuer` for the id_token.
    MockOidcError token(const QHash<QString, QString>& form, const QString& issuer, MockOidcTokens* out);
    // POST /oauth/v2/revoke (RFC 7009: unknown tokens are not an error).
    MockOidcError revoke(const QHash<QString, QString>& form);

    // The session an access token belongs to while the token is valid (not expired, revoked or
    // replaced); nullptr otherwise.
    const Session* sessionByAccessToken(QByteArrayView token) const;
    // For MockAccessControl: the API caller an issued access token stands for.
    const MockToken* caller(QByteArrayView accessToken) const;

    const std::vector<std::unique_ptr<Session>>& sessions() const { return m_sessions; }
    qsizetype pendingAuthRequestCount() const;

    // Redirect URI rules of zitadel/oidc for native apps (pkg/op/auth_request.go,
    // validateAuthReqRedirectURINative); an empty description means accepted.
    static QString redirectUriProblem(const MockOidcApplication& app, const QString& uri);
    static bool isLoopback(const QUrl& url);
    static QByteArray s256(const QByteArray& verifier); // base64url(SHA-256(verifier)), unpadded

private:
    MockOidcError exchangeCode(const QHash<QString, QString>& form,
        const MockOidcApplication& app,
        const QString& issuer,
        MockOidcTokens* out);
    MockOidcError refresh(const QHash<QString, QString>& form,
        const MockOidcApplication& app,
        const QString& issuer,
        MockOidcTokens* out);
    // Verifies the client of a token or revocation request (public clients: client_id only).
    MockOidcError client(const QHash<QString, QString>& form, const MockOidcApplication** app) const;
    void issueAccessToken(Session& session, const QStringList& scopes);
    void issueRefreshToken(Session& session);
    MockOidcTokens tokensFor(const Session& session, const QString& issuer) const;
    QByteArray idToken(const Session& session, const QString& issuer) const;
    void forgetAccessToken(Session& session);
    void forgetRefreshToken(Session& session);
    void dropOldest();
    bool accessValid(const Session& session) const;
    bool refreshValid(const Session& session) const;
    static QByteArray newSecret(); // 32 random bytes, base64url
    static QString newId(); // "V2_" + 18 digits

    MockZitadel& m_zitadel;
    MockOidcConfig m_config;
    std::vector<AuthRequest> m_authRequests; // oldest first
    QHash<QByteArray, QString> m_codes; // code → auth request id (used codes stay, to refuse reuse)
    std::vector<std::unique_ptr<Session>> m_sessions; // oldest first; pointers stay put
    QHash<QByteArray, Session*> m_byAccessToken;
    QHash<QByteArray, Session*> m_byRefreshToken;
    QSet<QByteArray> m_retiredRefreshTokens; // rotated or revoked: refused with another text
};
