#include "MockOidcProvider.h"

#include "MockJsonWriter.h"
#include "MockJwtSigner.h"
#include "MockLog.h"
#include "MockZitadel.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace
{
// Sources of the texts below: zitadel/oidc pkg/op (auth_request.go, token_request.go,
// server_http.go, server_legacy.go) and ZITADEL internal/api/oidc (server.go, token_code.go,
// client.go, error.go) with internal/command/oidc_session.go. ZITADEL turns its own errors into
// invalid_request (or server_error) with the untranslated message key as error_description
// and the kind's HTTP status (internal/api/oidc/error.go, oidcError).
const char* const AdminContact = " If you have any questions, you may contact the administrator of the application.";

QString withContact(const char* text)
{
    return QLatin1String(text) + QLatin1String(AdminContact);
}

// Scopes a ZITADEL client may request: the OIDC standard ones (zitadel/oidc
// ValidateAuthReqScopes) and ZITADEL's reserved urn:zitadel:iam: scopes (ZITADEL
// Client.IsScopeAllowed). Others are dropped silently, as there.
bool allowedScope(const QString& scope)
{
    static const QStringList standard {QStringLiteral("openid"),
        QStringLiteral("profile"),
        QStringLiteral("email"),
        QStringLiteral("phone"),
        QStringLiteral("address"),
        QStringLiteral("offline_access")};
    return standard.contains(scope) || scope.startsWith(QLatin1String("urn:zitadel:iam:"));
}

QUrl withQuery(const QString& base, const QList<QPair<QString, QString>>& items)
{
    // Go's url.Values.Encode (zitadel/oidc mergeQueryParams): the redirect URI's own
    // parameters kept, then every key sorted.
    QUrl url(base);
    QList<QPair<QByteArray, QByteArray>> pairs;
    const QByteArray existing = url.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray& part : existing.split('&')) {
        if (!part.isEmpty()) {
            const qsizetype eq = part.indexOf('=');
            pairs.append({eq < 0 ? part : part.left(eq), eq < 0 ? QByteArray() : part.mid(eq + 1)});
        }
    }
    for (const auto& item : items)
        pairs.append({QUrl::toPercentEncoding(item.first), QUrl::toPercentEncoding(item.second)});
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QByteArray query;
    for (const auto& pair : pairs) {
        if (!query.isEmpty())
            query.append('&');
        query.append(pair.first).append('=').append(pair.second);
    }
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

qint64 unixSeconds(const QDateTime& t)
{
    return t.toSecsSinceEpoch();
}
} // namespace

MockOidcProvider::MockOidcProvider(MockZitadel& zitadel)
    : m_zitadel(zitadel)
{ }

MockOidcProvider::~MockOidcProvider() = default;

void MockOidcProvider::load(const MockOidcConfig& config)
{
    m_config = config;
    m_authRequests.clear();
    m_codes.clear();
    m_byAccessToken.clear();
    m_byRefreshToken.clear();
    m_retiredRefreshTokens.clear();
    m_sessions.clear();
}

const MockOidcApplication* MockOidcProvider::application(const QString& clientId) const
{
    for (const MockOidcApplication& app : m_config.applications) {
        if (app.clientId == clientId)
            return &app;
    }
    return nullptr;
}

const MockOidcPerson* MockOidcProvider::person(const QString& userId) const
{
    for (const MockOidcPerson& p : m_config.people) {
        if (p.userId == userId)
            return &p;
    }
    return nullptr;
}

bool MockOidcProvider::setLifetimes(const MockOidcLifetimes& lifetimes, QString* problem)
{
    const std::pair<const char*, int> all[] = {
        {"accessTokenLifetimeSeconds", lifetimes.accessTokenSeconds},
        {"idTokenLifetimeSeconds", lifetimes.idTokenSeconds},
        {"refreshTokenIdleSeconds", lifetimes.refreshTokenIdleSeconds},
        {"refreshTokenAbsoluteSeconds", lifetimes.refreshTokenAbsoluteSeconds},
        {"codeLifetimeSeconds", lifetimes.codeSeconds},
    };
    for (const auto& [name, seconds] : all) {
        if (seconds < MockOidcLifetimes::MinSeconds || seconds > MockOidcLifetimes::MaxSeconds) {
            if (problem)
                *problem = QStringLiteral("The lifetime \"%1\" must be a whole number of seconds from %2 to %3.")
                               .arg(QLatin1String(name))
                               .arg(MockOidcLifetimes::MinSeconds)
                               .arg(MockOidcLifetimes::MaxSeconds);
            return false;
        }
    }
    m_config.lifetimes = lifetimes;
    return true;
}

int MockOidcProvider::expireAccessTokens()
{
    const QDateTime past = m_zitadel.now().addSecs(-1);
    int expired = 0;
    for (const auto& s : m_sessions) {
        if (accessValid(*s))
            ++expired;
        if (!s->accessToken.isEmpty() && s->accessExpires > past)
            s->accessExpires = past;
    }
    qCDebug(lcMock) << "oidc:" << expired << "access tokens expired by request";
    return expired;
}

MockOidcError MockOidcProvider::authorize(const QHash<QString, QString>& params, QString* authRequestId)
{
    const QString clientId = params.value(QStringLiteral("client_id"));
    // zitadel/oidc server_legacy.go VerifyAuthRequest: authReqMissingClientID.
    if (clientId.isEmpty())
        return MockOidcError::make("invalid_request", QStringLiteral("auth request is missing client_id"));
    const MockOidcApplication* app = application(clientId);
    // ZITADEL GetClientByClientID: query ActiveOIDCClientByID → NotFound QUERY-wu6Ee
    // "Errors.App.NotFound", made invalid_request by oidcError; VerifyAuthRequest's
    // DefaultToServerError keeps that oidc.Error but not its 404, so WriteError answers 400.
    // (Derived from the code, not seen on a running instance.)
    if (!app)
        return MockOidcError::make("invalid_request", QStringLiteral("Errors.App.NotFound"));
    const QString redirectUri = params.value(QStringLiteral("redirect_uri"));
    // zitadel/oidc server_legacy.go authReqMissingRedirectURI.
    if (redirectUri.isEmpty())
        return MockOidcError::make("invalid_request", QStringLiteral("auth request is missing redirect_uri"));
    // Refused at the endpoint, never delivered: that would make it an open redirect
    // (zitadel/oidc ErrInvalidRequestRedirectURI, redirectDisabled; authorize_parity_test.go).
    const QString uriProblem = redirectUriProblem(*app, redirectUri);
    if (!uriProblem.isEmpty())
        return MockOidcError::make("invalid_request", uriProblem);

    // From here on the refusal goes to the client's redirect_uri with the state.
    const QStringList prompts = params.value(QStringLiteral("prompt")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (prompts.contains(QLatin1String("none")) && prompts.size() > 1) // auth_request.go ValidateAuthReqPrompt
        return MockOidcError::delivered(
            "invalid_request", QStringLiteral("The prompt parameter `none` must only be used as a single value"));
    const QStringList requested = params.value(QStringLiteral("scope")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // auth_request.go ValidateAuthReqScopes. Current zitadel/oidc no longer insists on
    // "openid" (plain OAuth 2 requests are allowed); without it no id_token is issued.
    if (requested.isEmpty())
        return MockOidcError::delivered("invalid_request",
            QStringLiteral("The scope of your request is missing. Please ensure some scopes are requested.")
                + QLatin1String(AdminContact));
    const QString responseType = params.value(QStringLiteral("response_type"));
    // auth_request.go ValidateAuthReqResponseType; a native app registers "code" only.
    if (responseType.isEmpty())
        return MockOidcError::delivered(
            "invalid_request", withContact("The response type is missing in your request."));
    if (responseType != QLatin1String("code"))
        return MockOidcError::delivered(
            "unauthorized_client", withContact("The requested response type is missing in the client configuration."));
    // The mock's own rule, stricter than ZITADEL: a native app must use PKCE with S256, as
    // the discovery document's code_challenge_methods_supported says. ZITADEL accepts a
    // missing challenge at this point (zitadel/oidc checks PKCE at the token endpoint only);
    // the texts are zitadel/oidc's older AuthorizeCodeChallenge wording (UNCONFIRMED here).
    const QString challenge = params.value(QStringLiteral("code_challenge"));
    if (challenge.isEmpty())
        return MockOidcError::delivered("invalid_request", QStringLiteral("code_challenge required"));
    const QString method = params.value(QStringLiteral("code_challenge_method"));
    if (method != QLatin1String("S256"))
        return MockOidcError::delivered(
            "invalid_request", QStringLiteral("code_challenge_method \"%1\" is not supported; use S256").arg(method));

    AuthRequest request;
    request.id = newId();
    request.clientId = clientId;
    request.redirectUri = redirectUri;
    request.state = params.value(QStringLiteral("state"));
    request.nonce = params.value(QStringLiteral("nonce"));
    request.codeChallenge = challenge;
    for (const QString& scope : requested) {
        if (allowedScope(scope) && !request.scopes.contains(scope))
            request.scopes.append(scope);
    }
    request.created = m_zitadel.now();
    m_authRequests.push_back(request);
    dropOldest();
    *authRequestId = request.id;
    qCDebug(lcMock).noquote() << "oidc: auth request" << request.id << "for" << clientId;
    return MockOidcError::none();
}

const MockOidcProvider::AuthRequest* MockOidcProvider::pendingAuthRequest(const QString& id) const
{
    for (const AuthRequest& r : m_authRequests) {
        if (r.id == id)
            return r.userId.isEmpty() ? &r : nullptr;
    }
    return nullptr;
}

qsizetype MockOidcProvider::pendingAuthRequestCount() const
{
    return std::count_if(
        m_authRequests.begin(), m_authRequests.end(), [](const AuthRequest& r) { return r.userId.isEmpty(); });
}

bool MockOidcProvider::signIn(const QString& authRequestId, const QString& userId, QUrl* location, QString* problem)
{
    auto it = std::find_if(m_authRequests.begin(), m_authRequests.end(), [&](const AuthRequest& r) {
        return r.id == authRequestId && r.userId.isEmpty();
    });
    if (it == m_authRequests.end()) {
        *problem = QStringLiteral("This sign-in is over or unknown. Start it again from the application.");
        return false;
    }
    if (!person(userId) || !m_zitadel.user(userId)) {
        *problem = QStringLiteral("There is no person with the id \"%1\" on this sign-in page.").arg(userId);
        return false;
    }
    it->userId = userId;
    it->authTime = m_zitadel.now();
    it->code = newSecret();
    it->codeIssued = it->authTime;
    m_codes.insert(it->code, it->id);
    QList<QPair<QString, QString>> items {{QStringLiteral("code"), QString::fromLatin1(it->code)}};
    if (!it->state.isEmpty())
        items.append({QStringLiteral("state"), it->state});
    *location = withQuery(it->redirectUri, items);
    qCDebug(lcMock).noquote() << "oidc: user" << userId << "signed in for auth request" << it->id;
    return true;
}

bool MockOidcProvider::cancel(const QString& authRequestId, QUrl* location, QString* problem)
{
    auto it = std::find_if(m_authRequests.begin(), m_authRequests.end(), [&](const AuthRequest& r) {
        return r.id == authRequestId && r.userId.isEmpty();
    });
    if (it == m_authRequests.end()) {
        *problem = QStringLiteral("This sign-in is over or unknown. Start it again from the application.");
        return false;
    }
    // zitadel/oidc pkg/oidc/error.go ErrAccessDenied's description.
    QList<QPair<QString, QString>> items {{QStringLiteral("error"), QStringLiteral("access_denied")},
        {QStringLiteral("error_description"), QStringLiteral("The authorization request was denied.")}};
    if (!it->state.isEmpty())
        items.append({QStringLiteral("state"), it->state});
    *location = withQuery(it->redirectUri, items);
    qCDebug(lcMock).noquote() << "oidc: sign-in cancelled for auth request" << it->id;
    m_authRequests.erase(it);
    return true;
}

MockOidcError MockOidcProvider::client(const QHash<QString, QString>& form, const MockOidcApplication** app) const
{
    const QString clientId = form.value(QStringLiteral("client_id"));
    // zitadel/oidc server_http.go parseClientCredentials.
    if (clientId.isEmpty())
        return MockOidcError::make("invalid_request", QStringLiteral("client_id or client_assertion must be provided"));
    *app = application(clientId);
    // ZITADEL internal/api/oidc/client.go VerifyClient; invalid_client is 401 (zitadel/oidc
    // RequestError / WriteError).
    if (!*app)
        return MockOidcError::make("invalid_client", QStringLiteral("no active client not found"), 401);
    return MockOidcError::none();
}

MockOidcError MockOidcProvider::token(const QHash<QString, QString>& form, const QString& issuer, MockOidcTokens* out)
{
    const QString grantType = form.value(QStringLiteral("grant_type"));
    // zitadel/oidc server_http.go tokensHandler, unimplementedGrantError.
    if (grantType.isEmpty())
        return MockOidcError::make("invalid_request", QStringLiteral("grant_type missing"));
    const bool code = grantType == QLatin1String("authorization_code");
    const bool refreshGrant = grantType == QLatin1String("refresh_token");
    if (!code && !refreshGrant)
        return MockOidcError::make("unsupported_grant_type", QStringLiteral("%1 not supported").arg(grantType));
    const MockOidcApplication* app = nullptr;
    const MockOidcError clientError = client(form, &app);
    if (clientError.isError())
        return clientError;
    return code ? exchangeCode(form, *app, issuer, out) : refresh(form, *app, issuer, out);
}

MockOidcError MockOidcProvider::exchangeCode(
    const QHash<QString, QString>& form, const MockOidcApplication& app, const QString& issuer, MockOidcTokens* out)
{
    const QByteArray code = form.value(QStringLiteral("code")).toUtf8();
    const QString redirectUri = form.value(QStringLiteral("redirect_uri"));
    // zitadel/oidc server_http.go codeExchangeHandler.
    if (code.isEmpty())
        return MockOidcError::make("invalid_request", QStringLiteral("code missing"));
    if (redirectUri.isEmpty())
        return MockOidcError::make("invalid_request", QStringLiteral("redirect_uri missing"));
    const auto id = m_codes.constFind(code);
    // ZITADEL token_code.go: a code that does not decrypt is InvalidArgument OIDC-ahLi2
    // "Errors.User.Code.Invalid" → 400 invalid_request (error.go oidcError).
    if (id == m_codes.constEnd())
        return MockOidcError::make("invalid_request", QStringLiteral("Errors.User.Code.Invalid"));
    auto it =
        std::find_if(m_authRequests.begin(), m_authRequests.end(), [&](const AuthRequest& r) { return r.id == *id; });
    // internal/command/oidc_session.go CreateOIDCSessionFromAuthRequest: an auth request that
    // is not in the "code added" state (its code exchanged already) is PreconditionFailed
    // COMMAND-Iung5 "Errors.AuthRequest.NoCode" → 400 invalid_request (seen on a running
    // instance in a public test report). ZITADEL does not revoke the tokens the code gave.
    // An expired code is refused the same way: UNCONFIRMED (no code expiry found in ZITADEL).
    const bool expired =
        it != m_authRequests.end() && it->codeIssued.addSecs(m_config.lifetimes.codeSeconds) < m_zitadel.now();
    if (it == m_authRequests.end() || it->codeUsed || expired)
        return MockOidcError::make("invalid_request", QStringLiteral("Errors.AuthRequest.NoCode"));
    // The compliance check (token_code.go codeExchangeComplianceChecker with zitadel/oidc
    // token_request.go AuthorizeCodeChallenge). It fails before anything is stored, so the
    // code stays usable for a correct request.
    const QString verifier = form.value(QStringLiteral("code_verifier"));
    if (verifier.isEmpty())
        return MockOidcError::make("invalid_request", QStringLiteral("code_verifier required"));
    if (s256(verifier.toUtf8()) != it->codeChallenge.toLatin1())
        return MockOidcError::make("invalid_grant", QStringLiteral("invalid code_verifier"));
    if (redirectUri != it->redirectUri)
        return MockOidcError::make("invalid_grant", QStringLiteral("redirect_uri does not correspond"));
    // zitadel/oidc server_legacy.go CodeExchange: another client's code, no description.
    if (app.clientId != it->clientId)
        return MockOidcError::make("invalid_grant", QString());

    it->codeUsed = true;
    const MockOidcPerson* who = person(it->userId);
    const std::optional<MockUser> user = m_zitadel.user(it->userId);
    auto session = std::make_unique<Session>();
    session->id = newId();
    session->clientId = it->clientId;
    session->userId = it->userId;
    session->scopes = it->scopes;
    session->nonce = it->nonce;
    session->authTime = it->authTime;
    session->started = m_zitadel.now();
    session->caller.token = QStringLiteral("oidc:") + session->id; // never the secret itself
    session->caller.userId = it->userId;
    session->caller.homeOrgId = user ? user->orgId : QString();
    session->caller.description = QStringLiteral("signed in through %1").arg(app.name);
    session->caller.grants = who ? who->grants : QList<MockGrant>();
    issueAccessToken(*session, session->scopes);
    if (session->scopes.contains(QLatin1String("offline_access")))
        issueRefreshToken(*session);
    *out = tokensFor(*session, issuer);
    qCDebug(lcMock).noquote() << "oidc: code exchanged; session" << session->id << "for user" << session->userId;
    m_sessions.push_back(std::move(session));
    dropOldest();
    return MockOidcError::none();
}

MockOidcError MockOidcProvider::refresh(
    const QHash<QString, QString>& form, const MockOidcApplication& app, const QString& issuer, MockOidcTokens* out)
{
    const QByteArray token = form.value(QStringLiteral("refresh_token")).toUtf8();
    // zitadel/oidc server_http.go refreshTokenHandler.
    if (token.isEmpty())
        return MockOidcError::make("invalid_request", QStringLiteral("refresh_token missing"));
    Session* session = m_byRefreshToken.value(token);
    // internal/command/oidc_session.go: a token that does not decode is InvalidArgument
    // OIDCS-Cux9a "Errors.User.RefreshToken.Invalid"; one that belonged to the session but
    // was rotated, revoked or has expired is PreconditionFailed OIDCS-28ubl / -s3hjk / -3jt2w
    // "Errors.OIDCSession.RefreshTokenInvalid". Both → 400 invalid_request (error.go).
    if (!session && !m_retiredRefreshTokens.contains(token))
        return MockOidcError::make("invalid_request", QStringLiteral("Errors.User.RefreshToken.Invalid"));
    if (!session || !refreshValid(*session))
        return MockOidcError::make("invalid_request", QStringLiteral("Errors.OIDCSession.RefreshTokenInvalid"));
    if (session->clientId != app.clientId) // zitadel/oidc server_legacy.go RefreshToken
        return MockOidcError::make("invalid_grant", QString());
    // internal/api/oidc/token_refresh.go validateRefreshTokenScopes: oidc.ErrInvalidScope().
    QStringList scopes = form.value(QStringLiteral("scope")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& s : scopes) {
        if (!session->scopes.contains(s))
            return MockOidcError::make("invalid_scope", QString());
    }
    if (scopes.isEmpty())
        scopes = session->scopes;
    // ExchangeOIDCSessionRefreshAndAccessToken: a new access token and a renewed refresh token;
    // the session keeps only the new ones.
    issueAccessToken(*session, scopes);
    issueRefreshToken(*session);
    *out = tokensFor(*session, issuer);
    qCDebug(lcMock).noquote() << "oidc: session" << session->id << "refreshed";
    return MockOidcError::none();
}

MockOidcError MockOidcProvider::revoke(const QHash<QString, QString>& form)
{
    const MockOidcApplication* app = nullptr;
    const MockOidcError clientError = client(form, &app);
    if (clientError.isError())
        return clientError;
    const QByteArray token = form.value(QStringLiteral("token")).toUtf8();
    // zitadel/oidc server_http.go revocationHandler.
    if (token.isEmpty())
        return MockOidcError::make("invalid_request", QStringLiteral("token missing"));
    const QString hint = form.value(QStringLiteral("token_type_hint"));
    Session* byRefresh = hint == QLatin1String("access_token") ? nullptr : m_byRefreshToken.value(token);
    Session* session = byRefresh ? byRefresh : m_byAccessToken.value(token);
    if (!session && !byRefresh)
        session = m_byRefreshToken.value(token); // a wrong hint is only a hint (RFC 7009 §2.1)
    if (!session)
        return MockOidcError::none(); // command.RevokeOIDCSessionToken: unknown tokens are fine
    // ZITADEL auth_request.go RevokeToken: another client's token.
    if (session->clientId != app->clientId)
        return MockOidcError::make("invalid_client", QStringLiteral("token was not issued for this client"), 401);
    if (session->refreshToken == token) {
        // oidc_session write model, reduceRefreshTokenRevoked: the access token goes as well.
        forgetRefreshToken(*session);
        forgetAccessToken(*session);
        qCDebug(lcMock).noquote() << "oidc: refresh token of session" << session->id << "revoked";
    } else {
        forgetAccessToken(*session);
        qCDebug(lcMock).noquote() << "oidc: access token of session" << session->id << "revoked";
    }
    return MockOidcError::none();
}

const MockOidcProvider::Session* MockOidcProvider::sessionByAccessToken(QByteArrayView token) const
{
    const Session* session = m_byAccessToken.value(token.toByteArray());
    return session && accessValid(*session) ? session : nullptr;
}

const MockToken* MockOidcProvider::caller(QByteArrayView accessToken) const
{
    const Session* session = sessionByAccessToken(accessToken);
    return session ? &session->caller : nullptr;
}

// ZITADEL's expiry checks read "expired once the expiry lies before now", so a token is still
// good at exactly its expiry.
bool MockOidcProvider::accessValid(const Session& session) const
{
    return !session.accessToken.isEmpty() && !(session.accessExpires < m_zitadel.now());
}

bool MockOidcProvider::refreshValid(const Session& session) const
{
    const QDateTime now = m_zitadel.now();
    return !session.refreshToken.isEmpty() && !(session.refreshIdleExpires < now)
        && !(session.refreshAbsoluteExpires < now);
}

void MockOidcProvider::issueAccessToken(Session& session, const QStringList& scopes)
{
    forgetAccessToken(session);
    session.accessToken = newSecret();
    session.accessScopes = scopes;
    session.accessIssued = m_zitadel.now();
    session.accessExpires = session.accessIssued.addSecs(m_config.lifetimes.accessTokenSeconds);
    m_byAccessToken.insert(session.accessToken, &session);
}

void MockOidcProvider::issueRefreshToken(Session& session)
{
    const QDateTime now = m_zitadel.now();
    if (session.refreshToken.isEmpty())
        session.refreshAbsoluteExpires = now.addSecs(m_config.lifetimes.refreshTokenAbsoluteSeconds);
    forgetRefreshToken(session);
    session.refreshToken = newSecret();
    session.refreshIdleExpires = now.addSecs(m_config.lifetimes.refreshTokenIdleSeconds);
    m_byRefreshToken.insert(session.refreshToken, &session);
}

void MockOidcProvider::forgetAccessToken(Session& session)
{
    if (session.accessToken.isEmpty())
        return;
    m_byAccessToken.remove(session.accessToken);
    session.accessToken.clear();
}

void MockOidcProvider::forgetRefreshToken(Session& session)
{
    if (session.refreshToken.isEmpty())
        return;
    m_byRefreshToken.remove(session.refreshToken);
    m_retiredRefreshTokens.insert(session.refreshToken);
    session.refreshToken.clear();
}

MockOidcTokens MockOidcProvider::tokensFor(const Session& session, const QString& issuer) const
{
    MockOidcTokens tokens;
    tokens.accessToken = session.accessToken;
    tokens.refreshToken = session.refreshToken;
    tokens.expiresIn = session.accessIssued.secsTo(session.accessExpires);
    if (session.accessScopes.contains(QLatin1String("openid")))
        tokens.idToken = idToken(session, issuer);
    return tokens;
}

// The claims of ZITADEL's id_token for a code flow, in zitadel/oidc IDTokenClaims order.
// Profile and email claims are not in it: ZITADEL adds them only with the app's "user info
// inside id_token" setting, which is off by default.
QByteArray MockOidcProvider::idToken(const Session& session, const QString& issuer) const
{
    const MockOidcApplication* app = application(session.clientId);
    const QDateTime now = m_zitadel.now();
    MockJsonWriter w(512);
    w.beginObject();
    w.field("iss", QStringView(issuer));
    w.field("sub", QStringView(session.userId));
    w.key("aud");
    w.beginArray();
    w.value(QStringView(session.clientId));
    if (app && !app->projectId.isEmpty())
        w.value(QStringView(app->projectId));
    w.endArray();
    w.field("exp", unixSeconds(now.addSecs(m_config.lifetimes.idTokenSeconds)));
    w.field("iat", unixSeconds(now));
    w.field("auth_time", unixSeconds(session.authTime));
    if (!session.nonce.isEmpty())
        w.field("nonce", QStringView(session.nonce));
    w.key("amr");
    w.beginArray();
    w.value(QLatin1String("pwd"));
    w.endArray();
    w.field("azp", QStringView(session.clientId));
    w.field("client_id", QStringView(session.clientId));
    // at_hash: the left half of SHA-256 of the access token (OpenID Connect Core §3.1.3.6).
    const QByteArray digest = QCryptographicHash::hash(session.accessToken, QCryptographicHash::Sha256);
    w.field("at_hash", QLatin1String(MockJwtSigner::base64Url(digest.left(digest.size() / 2))));
    w.field("sid", QStringView(session.id));
    w.endObject();
    return MockJwtSigner::shared().sign(w.take());
}

void MockOidcProvider::dropOldest()
{
    if (qsizetype(m_authRequests.size()) > MaxAuthRequests) {
        const AuthRequest& oldest = m_authRequests.front();
        if (!oldest.code.isEmpty())
            m_codes.remove(oldest.code);
        m_authRequests.erase(m_authRequests.begin());
    }
    if (qsizetype(m_sessions.size()) > MaxSessions) {
        Session& oldest = *m_sessions.front();
        forgetAccessToken(oldest);
        forgetRefreshToken(oldest);
        m_sessions.erase(m_sessions.begin());
    }
}

QString MockOidcProvider::redirectUriProblem(const MockOidcApplication& app, const QString& uri)
{
    // zitadel/oidc pkg/op/auth_request.go validateAuthReqRedirectURINative.
    const QUrl url(uri, QUrl::StrictMode);
    const bool loopback = url.isValid() && isLoopback(url);
    const bool http = uri.startsWith(QLatin1String("http://"));
    const bool https = uri.startsWith(QLatin1String("https://"));
    if (app.redirectUris.contains(uri)) {
        if (loopback || https || (!http && !https))
            return {};
        return withContact("This client's redirect_uri is http and is not allowed.");
    }
    const QString missing = withContact("The requested redirect_uri is missing in the client configuration.");
    if (!loopback)
        return missing;
    // Any loopback host and port, when a registered loopback URI has the same path and query.
    for (const QString& registered : app.redirectUris) {
        const QUrl r(registered, QUrl::StrictMode);
        if (r.isValid() && isLoopback(r) && r.path(QUrl::FullyEncoded) == url.path(QUrl::FullyEncoded)
            && r.query(QUrl::FullyEncoded) == url.query(QUrl::FullyEncoded))
            return {};
    }
    return missing;
}

// HTTPLoopbackOrLocalhost: http or https, and "localhost" or a loopback IP (127.0.0.0/8, ::1).
bool MockOidcProvider::isLoopback(const QUrl& url)
{
    const QString scheme = url.scheme();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return false;
    const QString host = url.host();
    if (host == QLatin1String("localhost") || host == QLatin1String("::1"))
        return true;
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4 || parts.first() != QLatin1String("127"))
        return false;
    for (const QString& p : parts) {
        bool ok = false;
        const int n = p.toInt(&ok);
        if (!ok || n < 0 || n > 255)
            return false;
    }
    return true;
}

QByteArray MockOidcProvider::s256(const QByteArray& verifier)
{
    return MockJwtSigner::base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

QByteArray MockOidcProvider::newSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return MockJwtSigner::base64Url(bytes);
}

QString MockOidcProvider::newId()
{
    return QStringLiteral("V2_")
        + QString::number(100000000000000000ULL + QRandomGenerator::system()->generate64() % 900000000000000000ULL);
}
