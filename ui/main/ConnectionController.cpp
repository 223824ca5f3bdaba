#include "ConnectionController.h"

#include "ExtraCa.h"
#include "ProfileStore.h"
#include "SecretStore.h"
#include "UiLogging.h"
#include "ZitadelClient.h"

#include <utility>

ConnectionController::ConnectionController(
    ZitadelClient* client, ProfileStore* profiles, SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_mockToken(mockTokens().constFirst())
    , m_session(client, secrets)
{
    connectSession();
    connect(&m_mock, &EmbeddedMock::ready, this, [this](const QUrl& url) {
        if (m_current.id != mockId() || m_connected)
            return;
        if (m_current.signsIn)
            configureMockSession();
        else
            finishConnecting(url, m_mockToken);
    });
    connect(&m_mock, &EmbeddedMock::failed, this, [this](const QString& error) {
        if (m_current.id == mockId())
            fail(tr("The embedded mock could not start: %1").arg(error));
    });
}

ConnectionController::~ConnectionController()
{
    // The window's models may still hold calls; cancel them before the mock goes away.
    if (m_client)
        m_client->cancelAll();
}

QStringList ConnectionController::mockTokens()
{
    return {QStringLiteral("mock-admin"), QStringLiteral("mock-support"), QStringLiteral("mock-readonly")};
}

void ConnectionController::setMockToken(const QString& token)
{
    if ((!mockTokens().contains(token) && token != mockSignIn()) || token == m_mockToken)
        return;
    m_mockToken = token;
    if (m_current.id == mockId() && (m_connected || m_current.signsIn || token == mockSignIn()))
        activate(mockId());
}

QList<ConnectionInfo> ConnectionController::connections() const
{
    QList<ConnectionInfo> list;
    list.append(
        {mockId(), ProfileStore::reservedMockName(), false, m_mock.baseUrl(), QString(), m_mockToken == mockSignIn()});
    for (const ConnectionProfile& profile : m_profiles->profiles())
        list.append(
            {profile.id, profile.name, true, profile.baseUrl, profile.defaultOrganizationId, profile.signsIn()});
    return list;
}

void ConnectionController::activate(const QString& connectionId)
{
    ++m_attempt;
    m_connected = false;
    m_renewingAfterRejection = false;
    m_tokenFromRejection = false;
    m_session.configure(QUrl(), QString(), QString(), QString()); // a sign-in belongs to one visit
    if (m_client) {
        m_client->cancelAll();
        m_client->clearConnection();
    }

    if (connectionId != mockId()) {
        if (const auto profile = m_profiles->byId(connectionId)) {
            m_current = {
                profile->id, profile->name, true, profile->baseUrl, profile->defaultOrganizationId, profile->signsIn()};
            Q_EMIT connecting(m_current);
            // The settings file may have been edited by hand: check the rules the profile
            // dialog enforces (no plain http to another machine) before a token is read.
            if (const auto problem = m_profiles->validate(*profile)) {
                fail(*problem);
                return;
            }
            connectToProfile(*profile);
            return;
        }
        qCInfo(lcUi) << "unknown connection" << connectionId << "- using the embedded mock";
    }
    m_current = {
        mockId(), ProfileStore::reservedMockName(), false, m_mock.baseUrl(), QString(), m_mockToken == mockSignIn()};
    Q_EMIT connecting(m_current);
    connectToMock();
}

void ConnectionController::warmUp(const QString& connectionId)
{
    if (m_profiles->byId(connectionId))
        return;
    if (!m_mock.isReady() && !m_mock.isStarting())
        m_mock.start(m_mockOptions);
}

void ConnectionController::connectToMock()
{
    if (m_client)
        m_client->setExtraCaCertificates({}); // a profile's CA is for that profile only
    // The mock keeps running across switches, so its state (codes, outbox) survives a visit
    // to a live instance and back. One that is still starting reports ready() soon.
    if (m_mock.isReady() && m_current.signsIn)
        configureMockSession();
    else if (m_mock.isReady())
        finishConnecting(m_mock.baseUrl(), m_mockToken);
    else if (!m_mock.isStarting())
        m_mock.start(m_mockOptions);
}

void ConnectionController::connectToProfile(const ConnectionProfile& profile)
{
    // The CA file is checked before the token is read: a connection whose certificate cannot
    // be trusted as configured gets no token at all.
    QList<QSslCertificate> extraCas;
    if (!profile.extraCaFile.isEmpty()) {
        QString problem;
        extraCas = ExtraCa::load(profile.extraCaFile, &problem);
        if (extraCas.isEmpty()) {
            fail(tr("%1 Edit the connection “%2” to choose another CA file, or none.").arg(problem, profile.name));
            return;
        }
    }
    if (m_client)
        m_client->setExtraCaCertificates(extraCas);

    if (profile.signsIn()) {
        // The refresh token kept from the last sign-in, if any, gives a new access token.
        m_session.setSecretStore(m_secrets);
        m_session.configure(profile.baseUrl, profile.clientId, profile.signInSecretKey(), profile.name);
        m_session.restore();
        return;
    }

    const ConnectionInfo connection = m_current;
    const quint64 attempt = m_attempt;
    QPointer<ConnectionController> self(this);
    m_secrets->read(profile.secretKey(), [self, attempt, connection](const SecretResult& result) {
        if (!self || attempt != self->m_attempt)
            return;
        switch (result.status) {
        case SecretResult::Status::Ok:
            self->finishConnecting(connection.baseUrl, result.secret);
            return;
        case SecretResult::Status::NotFound:
            self->fail(tr("No token is stored for “%1”. Edit the connection and enter its personal access token.")
                           .arg(connection.name));
            return;
        case SecretResult::Status::NoBackend:
        case SecretResult::Status::Failed:
            self->fail(tr("The token for “%1” could not be read: %2 Edit the connection to enter it again.")
                           .arg(connection.name, result.message));
            return;
        }
    });
}

void ConnectionController::finishConnecting(const QUrl& baseUrl, const QString& token)
{
    if (!m_client)
        return;
    if (const auto problem = m_client->setBaseUrl(baseUrl)) {
        fail(*problem);
        return;
    }
    m_client->setToken(token);
    m_current.baseUrl = baseUrl;
    m_connected = true;
    qCInfo(lcUi) << "connected to" << m_current.name << baseUrl.toString(); // never the token
    Q_EMIT connected(m_current);
}

void ConnectionController::fail(const QString& message)
{
    m_connected = false;
    if (m_client)
        m_client->clearConnection(); // nothing goes out to the previous server or with its token
    qCWarning(lcUi) << "connection failed:" << m_current.name << message;
    Q_EMIT connectionFailed(m_current, message);
}

void ConnectionController::connectSession()
{
    connect(&m_session, &OidcSession::authorizationUrlReady, this, &ConnectionController::authorizationUrlReady);
    connect(&m_session, &OidcSession::signedIn, this, [this](const SignedInPerson& person) {
        if (!m_current.signsIn)
            return;
        m_tokenSince = QDateTime::currentDateTimeUtc();
        m_tokenFromRejection = false;
        finishConnecting(m_current.baseUrl, m_session.accessToken());
        if (m_connected)
            Q_EMIT signedIn(m_current, person);
    });
    connect(&m_session, &OidcSession::accessTokenChanged, this, [this](const QString& token) {
        if (!m_current.signsIn || !m_connected || !m_client)
            return;
        m_tokenSince = QDateTime::currentDateTimeUtc();
        m_client->setToken(token);
        m_tokenFromRejection = std::exchange(m_renewingAfterRejection, false);
        if (m_tokenFromRejection)
            Q_EMIT signInRenewed(m_current);
    });
    connect(&m_session, &OidcSession::signInNeeded, this, &ConnectionController::requireSignIn);
    connect(&m_session, &OidcSession::failed, this, &ConnectionController::requireSignIn);
    connect(&m_session, &OidcSession::notice, this, &ConnectionController::notice);
    connect(&m_session, &OidcSession::signedOut, this, &ConnectionController::notice);
}

void ConnectionController::requireSignIn(const QString& reason)
{
    if (!m_current.signsIn)
        return;
    m_connected = false;
    m_renewingAfterRejection = false;
    if (m_client) {
        m_client->cancelAll(); // nothing more goes out with a token that no longer works
        m_client->clearConnection();
        // The sign-in itself still needs the profile's CA, for the browser flow's token call.
        if (const auto profile = m_profiles->byId(m_current.id); profile && !profile->extraCaFile.isEmpty()) {
            QString problem;
            m_client->setExtraCaCertificates(ExtraCa::load(profile->extraCaFile, &problem));
        }
    }
    qCInfo(lcUi) << "sign-in required for" << m_current.name;
    Q_EMIT signInRequired(m_current, reason);
}

void ConnectionController::configureMockSession()
{
    m_current.baseUrl = m_mock.baseUrl();
    m_session.setSecretStore(&m_mockSignInSecrets);
    m_session.configure(m_mock.baseUrl(), mockClientId(), QStringLiteral("mock/sign-in"), m_current.name);
    // Within this run the mock still knows an earlier sign-in; after a restart it does not.
    m_session.restore();
}

void ConnectionController::signIn()
{
    if (!m_current.signsIn)
        return;
    if (m_current.id == mockId()) {
        if (!m_mock.isReady())
            return; // it says ready() soon, and then the sign-in is offered
        m_session.setSecretStore(&m_mockSignInSecrets);
        m_session.configure(m_mock.baseUrl(), mockClientId(), QStringLiteral("mock/sign-in"), m_current.name);
        m_session.signIn();
        return;
    }
    const auto profile = m_profiles->byId(m_current.id);
    if (!profile || !profile->signsIn()) {
        requireSignIn(tr("The connection “%1” no longer signs in with ZITADEL; choose it again.").arg(m_current.name));
        return;
    }
    m_session.setSecretStore(m_secrets);
    m_session.configure(profile->baseUrl, profile->clientId, profile->signInSecretKey(), profile->name);
    m_session.signIn();
}

void ConnectionController::cancelSignIn()
{
    if (!m_current.signsIn || m_session.state() != OidcSession::State::SigningIn)
        return;
    m_session.cancel();
    requireSignIn(tr("The sign-in was cancelled."));
}

void ConnectionController::signOut()
{
    if (!m_current.signsIn)
        return;
    // First stop what is in flight with the token, then revoke it (in the background: its
    // notice follows). The other way round, stopping the calls would stop the revocation too.
    requireSignIn(tr("Signed out. Sign in to use “%1” again.").arg(m_current.name));
    m_session.signOut();
}

void ConnectionController::renewAfterRejection(const QDateTime& callStarted)
{
    if (!m_current.signsIn || !m_connected || !m_session.isSignedIn())
        return;
    if (callStarted.isValid() && m_tokenSince.isValid() && callStarted < m_tokenSince)
        return; // that call went out with the token before the one now in use
    if (m_tokenFromRejection) {
        qCWarning(lcUi) << "a freshly renewed access token was refused too for" << m_current.name;
        requireSignIn(tr("ZITADEL's API does not accept this sign-in even after renewing it. Check that the "
                         "application belongs to a project that may use ZITADEL's API, then sign in again."));
        return;
    }
    m_renewingAfterRejection = true;
    m_session.renew();
}
