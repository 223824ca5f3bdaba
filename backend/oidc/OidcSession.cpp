#include "OidcSession.h"

#include "ClientLogging.h"
#include "OAuthError.h"
#include "Pkce.h"
#include "SecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace
{
QUrl authorizationUrl(const QUrl& endpoint, std::initializer_list<std::pair<const char*, QByteArray>> parameters)
{
    // Encoded by hand: QUrlQuery leaves ':' and '/' of the redirect URI as they are and Qt 6.4
    // mis-encodes '+' (QTBUG-104655); every value here is fully percent-encoded instead.
    QByteArray query = endpoint.query(QUrl::FullyEncoded).toLatin1();
    for (const auto& [key, value] : parameters) {
        if (!query.isEmpty())
            query += '&';
        query += key;
        query += '=';
        query += value.toPercentEncoding();
    }
    QUrl url = endpoint;
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}
} // namespace

QString OidcSession::scopes()
{
    return QStringLiteral("openid profile email offline_access urn:zitadel:iam:org:project:id:zitadel:aud "
                          "urn:zitadel:iam:user:resourceowner");
}

OidcSession::OidcSession(ZitadelClient* transport, SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_client(transport)
    , m_transport(transport)
    , m_secrets(secrets)
{
    m_deadline.setSingleShot(true);
    m_refreshTimer.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &OidcSession::onDeadline);
    connect(&m_refreshTimer, &QTimer::timeout, this, &OidcSession::renew);
    connect(&m_listener, &LoopbackRedirectListener::callbackReceived, this, &OidcSession::onCallback);
}

OidcSession::~OidcSession() = default;

void OidcSession::configure(const QUrl& baseUrl, const QString& clientId, const QString& secretKey, const QString& name)
{
    resetFlow();
    if (baseUrl != m_baseUrl)
        m_config.reset();
    m_baseUrl = baseUrl;
    m_clientId = clientId;
    m_secretKey = secretKey;
    m_name = name;
    m_tokens = OidcTokenSet();
    m_storedRefreshToken.clear();
    m_person = SignedInPerson();
    m_state = State::SignedOut;
}

QDateTime OidcSession::nextRefresh() const
{
    if (!m_refreshTimer.isActive())
        return {};
    return QDateTime::currentDateTimeUtc().addMSecs(m_refreshTimer.remainingTime());
}

void OidcSession::resetFlow()
{
    ++m_attempt;
    m_deadline.stop();
    m_refreshTimer.stop();
    m_listener.close();
    m_verifier.clear();
    m_expectedState.clear();
    // A refresh under way is not cancelled: the server may already have rotated the token, and
    // only its answer can tell the new one, which is then revoked (see refreshWith).
    m_refreshCall = nullptr;
}

void OidcSession::cancel()
{
    const bool wasSignedIn = m_state == State::SignedIn;
    resetFlow();
    if (wasSignedIn) {
        scheduleRefresh(QDateTime::currentDateTimeUtc()); // resetFlow stopped it; nothing else changed
        return;
    }
    // Cancelled after the code was exchanged but before the person was known: what it brought
    // is neither kept here nor left valid at the server.
    if (m_config && !m_tokens.accessToken.isEmpty())
        revokeQuietly(*m_config, m_clientId, m_tokens);
    if (!m_tokens.refreshToken.isEmpty())
        forgetStoredRefreshToken();
    m_tokens = OidcTokenSet();
    m_state = State::SignedOut;
}

void OidcSession::withConfiguration(std::function<void()> next)
{
    if (m_config) {
        next();
        return;
    }
    const quint64 attempt = m_attempt;
    QPointer<OidcSession> self(this);
    m_client.discover(m_baseUrl, [self, attempt, next](const Result<OidcConfiguration>& result) {
        if (!self || attempt != self->m_attempt)
            return;
        if (!result.ok()) {
            self->fail(result.error.sentence.isEmpty() ? result.error.summary() : result.error.sentence);
            return;
        }
        self->m_config = result.value;
        next();
    });
}

void OidcSession::restore()
{
    resetFlow();
    m_state = State::Restoring;
    const quint64 attempt = m_attempt;
    QPointer<OidcSession> self(this);
    m_secrets->read(m_secretKey, [self, attempt](const SecretResult& result) {
        if (!self || attempt != self->m_attempt)
            return;
        if (result.status != SecretResult::Status::Ok || result.secret.isEmpty()) {
            QString reason = tr("Sign in to “%1” with your ZITADEL account to use this connection.").arg(self->m_name);
            if (result.status == SecretResult::Status::Failed)
                reason = tr("The sign-in for “%1” could not be read from the keychain (%2). Sign in again.")
                             .arg(self->m_name, result.message);
            self->endWithSignInNeeded(reason);
            return;
        }
        const QString refreshToken = self->refreshTokenFromStored(result.secret);
        if (refreshToken.isEmpty()) {
            // Kept for another instance or application (the connection was edited since), or
            // unreadable: it must not go to this token endpoint.
            self->forgetStoredRefreshToken();
            self->endWithSignInNeeded(
                tr("The sign-in kept for “%1” belongs to another instance or application. Sign in again.")
                    .arg(self->m_name));
            return;
        }
        self->m_storedRefreshToken = refreshToken;
        self->withConfiguration([self, refreshToken] {
            if (self)
                self->refreshWith(refreshToken, true);
        });
    });
}

void OidcSession::signIn()
{
    resetFlow();
    m_state = State::SigningIn;
    m_deadline.start(m_deadlineMs);
    qCInfo(lcClient) << "sign-in started for" << m_name;
    QPointer<OidcSession> self(this);
    withConfiguration([self] {
        if (self)
            self->startBrowserFlow();
    });
}

void OidcSession::startBrowserFlow()
{
    QString problem;
    if (!m_listener.listen(&problem)) {
        fail(problem);
        return;
    }
    m_verifier = Pkce::makeVerifier();
    m_expectedState = Pkce::makeNonce();
    m_redirectUri = m_listener.redirectUri();
    m_listener.setExpectedState(m_expectedState);
    const QUrl url = authorizationUrl(m_config->authorizationEndpoint,
        {{"client_id", m_clientId.toUtf8()},
            {"redirect_uri", m_redirectUri.toString(QUrl::FullyEncoded).toLatin1()},
            {"response_type", "code"},
            {"scope", scopes().toLatin1()},
            {"state", m_expectedState},
            {"code_challenge", Pkce::challengeS256(m_verifier)},
            {"code_challenge_method", "S256"}});
    qCDebug(lcClient) << "waiting for the browser on port" << m_listener.redirectUri().port();
    Q_EMIT authorizationUrlReady(url);
}

void OidcSession::onCallback(const QUrlQuery& query)
{
    if (m_state != State::SigningIn || m_expectedState.isEmpty())
        return;
    m_listener.close();
    // Compared before anything else is read: an answer that does not carry our state may have
    // been forged by another page in the browser (RFC 6749 §10.12), error answers included.
    const QByteArray state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    if (state != m_expectedState) {
        fail(tr("The browser came back with an answer that does not belong to this sign-in (its state does not "
                "match), so Verify Desk ignored it. Sign in again."));
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        fail(OAuthError::sentence(OAuthError::Step::Authorize,
            error,
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded),
            m_clientId));
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        fail(tr("ZITADEL sent the browser back without a sign-in code. Sign in again."));
        return;
    }
    exchange(code);
}

void OidcSession::exchange(const QString& code)
{
    const quint64 attempt = m_attempt;
    QPointer<OidcSession> self(this);
    const QByteArray verifier = m_verifier;
    m_verifier.clear(); // one use only
    m_client.exchangeCode(
        *m_config, m_clientId, code, m_redirectUri, verifier, [self, attempt](const Result<OidcTokenSet>& r) {
            if (!self || attempt != self->m_attempt)
                return;
            if (!r.ok()) {
                self->fail(r.error.sentence.isEmpty() ? r.error.summary() : r.error.sentence);
                return;
            }
            self->accept(*r.value, true);
        });
}

void OidcSession::refreshWith(const QString& refreshToken, bool restoring)
{
    const quint64 attempt = m_attempt;
    QPointer<OidcSession> self(this);
    const OidcConfiguration config = *m_config;
    const QString clientId = m_clientId;
    m_refreshCall = m_client.refresh(*m_config,
        m_clientId,
        refreshToken,
        [self, attempt, restoring, config, clientId](const Result<OidcTokenSet>& r) {
            if (!self)
                return;
            if (attempt != self->m_attempt) {
                // Superseded (signed out, switched, reconfigured): tokens it brought are used by
                // nobody and must not stay valid at the server.
                if (r.ok())
                    self->revokeQuietly(config, clientId, *r.value);
                return;
            }
            self->m_refreshCall = nullptr;
            if (r.ok()) {
                self->accept(*r.value, restoring);
                return;
            }
            const QString sentence = r.error.sentence.isEmpty() ? r.error.summary() : r.error.sentence;
            // The server answered that the refresh token is no good: it was revoked, expired or
            // already used. Only a new sign-in helps; the stored one is of no use any more.
            if (r.error.httpStatus == 400 || r.error.httpStatus == 401) {
                qCInfo(lcClient) << "the refresh token was refused:" << r.error.errorId;
                self->forgetStoredRefreshToken();
                self->endWithSignInNeeded(sentence);
                return;
            }
            if (restoring) {
                self->fail(sentence); // the keychain keeps it: the network may be back later
                return;
            }
            // A passing failure (network, server): the access token may still work for a while.
            self->m_refreshTimer.start(RefreshRetryMs);
            Q_EMIT self->notice(tr("Your sign-in could not be renewed yet: %1 Verify Desk tries again in %2 seconds.")
                                    .arg(sentence)
                                    .arg(RefreshRetryMs / 1000));
        });
}

void OidcSession::accept(const OidcTokenSet& tokens, bool announce)
{
    const QDateTime receivedAt = QDateTime::currentDateTimeUtc();
    m_deadline.stop();
    const QString previousRefresh = m_tokens.refreshToken.isEmpty() ? m_storedRefreshToken : m_tokens.refreshToken;
    m_tokens = tokens;
    if (m_tokens.refreshToken.isEmpty())
        m_tokens.refreshToken = previousRefresh; // the server kept the old one (no rotation)
    if (!m_tokens.refreshToken.isEmpty())
        storeRefreshToken(m_tokens.refreshToken);
    scheduleRefresh(receivedAt);
    if (announce) {
        fetchPerson();
        return;
    }
    qCInfo(lcClient) << "access token renewed for" << m_name;
    Q_EMIT accessTokenChanged(m_tokens.accessToken);
}

void OidcSession::fetchPerson()
{
    auto finish = [this](const SignedInPerson& person) {
        m_person = person;
        m_state = State::SignedIn;
        // A refresh that fell due while userinfo was under way found no sign-in yet.
        if (!m_refreshTimer.isActive() && !m_refreshCall)
            scheduleRefresh(QDateTime::currentDateTimeUtc());
        qCInfo(lcClient) << "signed in to" << m_name << "as" << person.subject;
        Q_EMIT signedIn(m_person);
    };
    if (m_config->userinfoEndpoint.isEmpty()) {
        finish(SignedInPerson());
        return;
    }
    const quint64 attempt = m_attempt;
    QPointer<OidcSession> self(this);
    m_client.userInfo(*m_config, m_tokens.accessToken, [self, attempt, finish](const Result<SignedInPerson>& r) {
        if (!self || attempt != self->m_attempt)
            return;
        if (!r.ok()) // signed in all the same; only the name in the status bar is missing
            Q_EMIT self->notice(tr("Signed in, but who you are could not be read: %1").arg(r.error.sentence));
        finish(r.ok() ? *r.value : SignedInPerson());
    });
}

void OidcSession::scheduleRefresh(const QDateTime& receivedAt)
{
    m_refreshTimer.stop();
    const QDateTime at = m_tokens.refreshAt(receivedAt);
    if (!at.isValid())
        return; // no expiry given: the first 401 renews
    const qint64 ms =
        std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(at), 0, std::numeric_limits<int>::max());
    m_refreshTimer.start(int(ms));
}

void OidcSession::renew()
{
    if (m_state != State::SignedIn || m_refreshCall)
        return;
    if (m_tokens.refreshToken.isEmpty()) {
        endWithSignInNeeded(tr("Your sign-in to “%1” has expired. Sign in again.").arg(m_name));
        return;
    }
    qCInfo(lcClient) << "renewing the access token for" << m_name;
    refreshWith(m_tokens.refreshToken, false);
}

void OidcSession::signOut()
{
    const std::optional<OidcConfiguration> config = m_config;
    const QString refreshToken = m_tokens.refreshToken.isEmpty() ? m_storedRefreshToken : m_tokens.refreshToken;
    const QString accessToken = m_tokens.accessToken;
    resetFlow();
    m_tokens = OidcTokenSet();
    m_person = SignedInPerson();
    m_state = State::SignedOut;
    forgetStoredRefreshToken();
    qCInfo(lcClient) << "signed out of" << m_name;

    if (!config || config->revocationEndpoint.isEmpty() || (refreshToken.isEmpty() && accessToken.isEmpty())) {
        Q_EMIT signedOut(config && config->revocationEndpoint.isEmpty()
                ? tr("Signed out here; the instance offers no way to end the sign-in at the server.")
                : tr("Signed out of “%1”.").arg(m_name));
        return;
    }
    // Both are revoked: ZITADEL may let an access token live on after its refresh token ends.
    struct Pending
    {
        int left = 0;
        QString problem;
    };
    auto pending = std::make_shared<Pending>();
    QPointer<OidcSession> self(this);
    const QString name = m_name;
    const quint64 attempt = m_attempt;
    auto one = [self, pending, name, attempt](const Result<bool>& r) {
        if (!r.ok() && pending->problem.isEmpty())
            pending->problem = r.error.sentence.isEmpty() ? r.error.summary() : r.error.sentence;
        if (--pending->left > 0 || !self || attempt != self->m_attempt)
            return; // a later connection must not hear about this one's sign-out
        Q_EMIT self->signedOut(pending->problem.isEmpty()
                ? tr("Signed out of “%1”.").arg(name)
                : tr("Signed out here, but ZITADEL could not be told: %1 The sign-in ends on its own when its "
                     "tokens expire.")
                      .arg(pending->problem));
    };
    if (!refreshToken.isEmpty()) {
        ++pending->left;
        m_client.revoke(*config, m_clientId, refreshToken, QStringLiteral("refresh_token"), one);
    }
    if (!accessToken.isEmpty()) {
        ++pending->left;
        m_client.revoke(*config, m_clientId, accessToken, QStringLiteral("access_token"), one);
    }
}

QString OidcSession::storedForm(const QString& refreshToken) const
{
    // Bound to what it was issued for, so it can never be sent to another instance's or
    // application's token endpoint, whatever happens to the connection meanwhile.
    const QJsonObject bound {{QStringLiteral("issuer"), m_baseUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("clientId"), m_clientId},
        {QStringLiteral("refreshToken"), refreshToken}};
    return QString::fromUtf8(QJsonDocument(bound).toJson(QJsonDocument::Compact));
}

QString OidcSession::refreshTokenFromStored(const QString& stored) const
{
    const QJsonObject bound = QJsonDocument::fromJson(stored.toUtf8()).object();
    if (bound.value(QLatin1String("issuer")).toString() != m_baseUrl.toString(QUrl::FullyEncoded)
        || bound.value(QLatin1String("clientId")).toString() != m_clientId)
        return {};
    return bound.value(QLatin1String("refreshToken")).toString();
}

void OidcSession::revokeQuietly(const OidcConfiguration& config, const QString& clientId, const OidcTokenSet& tokens)
{
    if (config.revocationEndpoint.isEmpty())
        return;
    if (!tokens.refreshToken.isEmpty())
        m_client.revoke(config, clientId, tokens.refreshToken, QStringLiteral("refresh_token"), {});
    if (!tokens.accessToken.isEmpty())
        m_client.revoke(config, clientId, tokens.accessToken, QStringLiteral("access_token"), {});
}

void OidcSession::storeRefreshToken(const QString& refreshToken)
{
    if (refreshToken == m_storedRefreshToken)
        return;
    m_storedRefreshToken = refreshToken;
    QPointer<OidcSession> self(this);
    m_secrets->write(m_secretKey, storedForm(refreshToken), [self](const SecretResult& result) {
        if (!self)
            return;
        if (result.status == SecretResult::Status::Ok && result.persistent)
            return;
        Q_EMIT self->notice(result.status == SecretResult::Status::Failed
                ? tr("The sign-in could not be kept in the keychain (%1); you will have to sign in again next time.")
                      .arg(result.message)
                : SecretStore::sessionOnlyMessage());
    });
}

void OidcSession::forgetStoredRefreshToken()
{
    m_storedRefreshToken.clear();
    m_secrets->remove(m_secretKey, [](const SecretResult&) {});
}

void OidcSession::onDeadline()
{
    fail(tr("The sign-in did not finish within %1 minutes. Sign in again when you are ready.")
             .arg(std::max(1, m_deadlineMs / 60000)));
}

void OidcSession::fail(const QString& sentence)
{
    resetFlow();
    m_tokens = OidcTokenSet();
    m_person = SignedInPerson();
    m_state = State::SignedOut;
    qCInfo(lcClient) << "sign-in to" << m_name << "failed"; // the sentence may quote the server
    Q_EMIT failed(sentence);
}

void OidcSession::endWithSignInNeeded(const QString& reason)
{
    resetFlow();
    m_tokens = OidcTokenSet();
    m_person = SignedInPerson();
    m_state = State::SignedOut;
    Q_EMIT signInNeeded(reason);
}
