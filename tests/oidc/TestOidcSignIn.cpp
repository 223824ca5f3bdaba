#include "HeadlessBrowser.h"
#include "InMemorySecretStore.h"
#include "MockFixture.h"
#include "MockOidcProvider.h"
#include "OidcRedaction.h"
#include "OidcSession.h"
#include "SeedIds.h"
#include "ZitadelClient.h"

#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace
{
QStringList* capturedLog = nullptr;
void captureMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    if (capturedLog)
        capturedLog->append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
}

const char ClientId[] = "312909075212468632@verifydesk"; // the seed's Native application
const char SecretKey[] = "profile/test/sign-in";
} // namespace

// The whole sign-in against the mock over real loopback HTTP, without a browser: the
// authorization URL is followed with QNetworkAccessManager, the sign-in form posted, and the
// redirect lands on the session's own 127.0.0.1 listener.
class TestOidcSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void authorizationUrlAsksForPkceAndTheApiAudience();
    void supportAgentMayResendInAcmeButNotInGlobex();
    void signInEndsInOneFailureSentence_data();
    void signInEndsInOneFailureSentence();
    void forgedCallbackIsTurnedAwayAndTheRealOneStillSignsIn();
    void unknownClientShowsZitadelsPageAndTheDeadlineEndsTheWait();
    void storedSignInIsBoundToItsInstanceAndApplication();
    void signOutDuringARefreshLeavesNothingValid();
    void accessTokenIsRefreshedBeforeItExpires();
    void refusedAccessTokenIsRenewedOnce();
    void restoreUsesTheKeychainWithoutABrowser();
    void signOutRevokesAndForgets();
    void inspectorNeverSeesASecret();

private:
    // Signs in as `userId` through the headless browser; returns false when it did not end in
    // signedIn.
    bool signInAs(const char* userId);
    ApiCall* resend(const char* userId, Result<ResendResult>* out);

    std::unique_ptr<MockFixture> m_mock;
    std::unique_ptr<ZitadelClient> m_client;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<OidcSession> m_session;
    QList<ExchangePtr> m_exchanges;
    QUrl m_authorizationUrl;
    QUrl m_lastCallback; // where the browser landed: the listener, with code and state
};

void TestOidcSignIn::init()
{
    m_mock = std::make_unique<MockFixture>();
    QVERIFY2(m_mock->ok(), qPrintable(m_mock->error()));
    m_client = std::make_unique<ZitadelClient>();
    QVERIFY(!m_client->setBaseUrl(m_mock->baseUrl()));
    m_secrets = std::make_unique<InMemorySecretStore>();
    m_session = std::make_unique<OidcSession>(m_client.get(), m_secrets.get());
    m_session->configure(m_mock->baseUrl(), QString::fromLatin1(ClientId), QString::fromLatin1(SecretKey), "Mock");
    m_exchanges.clear();
    m_authorizationUrl.clear();
    connect(m_client.get(), &ZitadelClient::exchangeFinished, this, [this](ExchangePtr e) { m_exchanges.append(e); });
    connect(m_session.get(), &OidcSession::authorizationUrlReady, this, [this](const QUrl& url) {
        m_authorizationUrl = url;
    });
}

void TestOidcSignIn::cleanup()
{
    m_session.reset();
    m_client.reset();
    m_secrets.reset();
    m_mock.reset();
}

bool TestOidcSignIn::signInAs(const char* userId)
{
    QSignalSpy signedIn(m_session.get(), &OidcSession::signedIn);
    m_session->signIn();
    if (!QTest::qWaitFor([&] { return m_authorizationUrl.isValid(); }, 20000))
        return false;
    HeadlessBrowser browser;
    const HeadlessBrowser::Page page = browser.signIn(m_authorizationUrl, "userId", userId);
    m_lastCallback = page.url;
    if (page.url.host() != QLatin1String("127.0.0.1") || page.url.port() != m_session->redirectUri().port()) {
        qWarning() << "the browser ended at" << page.url << page.status << page.body.left(300);
        return false;
    }
    return signedIn.count() == 1 || signedIn.wait(20000);
}

ApiCall* TestOidcSignIn::resend(const char* userId, Result<ResendResult>* out)
{
    return m_client->resendEmailCode(
        QString::fromLatin1(userId), ResendOptions(), [out](const Result<ResendResult>& r) { *out = r; });
}

void TestOidcSignIn::authorizationUrlAsksForPkceAndTheApiAudience()
{
    m_session->signIn();
    QTRY_VERIFY_WITH_TIMEOUT(m_authorizationUrl.isValid(), 20000);
    QCOMPARE(m_authorizationUrl.path(), QStringLiteral("/oauth/v2/authorize")); // from discovery
    const QUrlQuery query(m_authorizationUrl);
    QCOMPARE(query.queryItemValue("client_id", QUrl::FullyDecoded), QString::fromLatin1(ClientId));
    QCOMPARE(query.queryItemValue("response_type"), QStringLiteral("code"));
    QCOMPARE(query.queryItemValue("code_challenge_method"), QStringLiteral("S256"));
    QCOMPARE(query.queryItemValue("code_challenge").size(), 43);
    QVERIFY(query.queryItemValue("state").size() >= 22);
    const QStringList scopes = query.queryItemValue("scope", QUrl::FullyDecoded).split(QLatin1Char(' '));
    for (const char* scope :
        {"openid", "profile", "email", "offline_access", "urn:zitadel:iam:org:project:id:zitadel:aud"})
        QVERIFY2(scopes.contains(QLatin1String(scope)), scope);
    const QUrl redirect(query.queryItemValue("redirect_uri", QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(redirect.path(), QStringLiteral("/callback"));
    QCOMPARE(redirect, m_session->redirectUri());
    QVERIFY(redirect.port() > 0);
}

void TestOidcSignIn::supportAgentMayResendInAcmeButNotInGlobex()
{
    QVERIFY(signInAs(SeedIds::Daisy));
    QCOMPARE(m_session->state(), OidcSession::State::SignedIn);
    QCOMPARE(m_session->person().name, QStringLiteral("Daisy Duck"));
    QCOMPARE(m_session->person().organizationName, QStringLiteral("ACME Corporation"));
    QCOMPARE(m_session->person().organizationId, QString::fromLatin1(SeedIds::AcmeOrg));
    QVERIFY(m_session->accessTokenExpiry() > QDateTime::currentDateTimeUtc().addSecs(3600));
    QVERIFY(m_session->nextRefresh().isValid());
    const auto stored = m_secrets->peek(QString::fromLatin1(SecretKey));
    QVERIFY(stored && !stored->isEmpty()); // the refresh token, in the keychain only

    m_client->setToken(m_session->accessToken());
    Result<ResendResult> acme;
    resend(SeedIds::Donald, &acme);
    QTRY_VERIFY_WITH_TIMEOUT(acme.exchange || acme.error.isError(), 20000);
    QVERIFY2(acme.ok(), qPrintable(acme.error.summary()));

    Result<ResendResult> globex;
    resend(SeedIds::GlobexFrank, &globex);
    QTRY_VERIFY_WITH_TIMEOUT(globex.exchange || globex.error.isError(), 20000);
    QVERIFY(!globex.ok());
    QCOMPARE(globex.error.kind, ApiError::Kind::PermissionDenied);

    // Exactly as the fixed support token is refused there.
    m_client->setToken(QString::fromLatin1(SeedIds::SupportToken));
    Result<ResendResult> fixed;
    resend(SeedIds::GlobexFrank, &fixed);
    QTRY_VERIFY_WITH_TIMEOUT(fixed.exchange || fixed.error.isError(), 20000);
    QCOMPARE(fixed.error.errorId, globex.error.errorId);
    QCOMPARE(fixed.error.message, globex.error.message);
}

void TestOidcSignIn::signInEndsInOneFailureSentence_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("cancelled on the sign-in page") << "cancel"
                                                   << "cancelled or refused in the browser";
    QTest::newRow("callback without a code") << "no code"
                                             << "without a sign-in code";
    QTest::newRow("deadline") << "wait"
                              << "did not finish within";
}

void TestOidcSignIn::signInEndsInOneFailureSentence()
{
    QFETCH(QString, how);
    QFETCH(QString, sentence);
    QSignalSpy failed(m_session.get(), &OidcSession::failed);
    QSignalSpy signedIn(m_session.get(), &OidcSession::signedIn);
    if (how == QLatin1String("wait"))
        m_session->setSignInDeadline(300);
    m_session->signIn();
    // The deadline may end the attempt before the page is known (slow discovery under ASan).
    if (how != QLatin1String("wait"))
        QTRY_VERIFY_WITH_TIMEOUT(m_authorizationUrl.isValid(), 20000);
    const QUrl callback = m_session->redirectUri();
    HeadlessBrowser browser;
    if (how == QLatin1String("cancel")) {
        browser.signIn(m_authorizationUrl, "cancel", "1");
    } else if (how == QLatin1String("no code")) {
        QUrl empty = callback;
        empty.setQuery(QStringLiteral("state=") + QUrlQuery(m_authorizationUrl).queryItemValue("state"));
        browser.open(empty);
    }
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const QString said = failed.at(0).at(0).toString();
    QVERIFY2(said.contains(sentence), qPrintable(said));
    QCOMPARE(signedIn.count(), 0);
    QCOMPARE(m_session->state(), OidcSession::State::SignedOut);
    QVERIFY(m_session->accessToken().isEmpty());
    // The listener is closed: a late callback reaches nobody.
    if (callback.isValid()) {
        const int status = browser.open(callback).status;
        QVERIFY2(status <= 0, qPrintable(QString::number(status)));
    }
    QCOMPARE(failed.count(), 1);
}

void TestOidcSignIn::forgedCallbackIsTurnedAwayAndTheRealOneStillSignsIn()
{
    QSignalSpy failed(m_session.get(), &OidcSession::failed);
    QSignalSpy signedIn(m_session.get(), &OidcSession::signedIn);
    m_session->signIn();
    QTRY_VERIFY_WITH_TIMEOUT(m_authorizationUrl.isValid(), 20000);
    // Another page in the browser (or a local process) calls the port first.
    HeadlessBrowser intruder;
    QUrl forged = m_session->redirectUri();
    forged.setQuery(QStringLiteral("code=stolen&state=not-ours"));
    const HeadlessBrowser::Page refused = intruder.open(forged);
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.body.contains("does not belong"));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(m_session->state(), OidcSession::State::SigningIn);
    // The person's own answer still arrives and signs them in.
    HeadlessBrowser browser;
    browser.signIn(m_authorizationUrl, "userId", SeedIds::Daisy);
    QVERIFY(signedIn.count() == 1 || signedIn.wait(20000));
    QCOMPARE(failed.count(), 0);
}

void TestOidcSignIn::storedSignInIsBoundToItsInstanceAndApplication()
{
    QVERIFY(signInAs(SeedIds::Daisy));
    // The connection is edited to another application meanwhile; the keychain entry is the same.
    m_session->configure(m_mock->baseUrl(), QStringLiteral("4711@other"), QString::fromLatin1(SecretKey), "Mock");
    QSignalSpy needed(m_session.get(), &OidcSession::signInNeeded);
    const int before = m_exchanges.size();
    m_session->restore();
    QVERIFY(needed.wait(20000));
    QVERIFY2(needed.at(0).at(0).toString().contains(QStringLiteral("belongs to another instance or application")),
        qPrintable(needed.at(0).at(0).toString()));
    QCOMPARE(m_exchanges.size(), before); // nothing went to any token endpoint
    QTRY_VERIFY(!m_secrets->peek(QString::fromLatin1(SecretKey)));
}

void TestOidcSignIn::signOutDuringARefreshLeavesNothingValid()
{
    QVERIFY(signInAs(SeedIds::Daisy));
    QSignalSpy signedOut(m_session.get(), &OidcSession::signedOut);
    m_session->renew(); // the refresh is on its way...
    m_client->cancelAll(); // ...the window stops its calls (sign-out does this first)...
    m_session->signOut(); // ...and the person signs out before it answers
    QVERIFY(signedOut.wait(20000));
    // The refresh was not cut off: its answer came, and what it brought was revoked as well.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int revokes = 0;
            for (const ExchangePtr& e : m_exchanges)
                revokes += e->operation.startsWith(QLatin1String("Revoke")) && e->status == 200;
            return revokes == 4;
        }(),
        20000);
    for (const auto& session : m_mock->zitadel().oidc().sessions()) {
        QVERIFY(session->accessToken.isEmpty());
        QVERIFY(session->refreshToken.isEmpty());
    }
    QVERIFY(!m_secrets->peek(QString::fromLatin1(SecretKey)));
}

void TestOidcSignIn::unknownClientShowsZitadelsPageAndTheDeadlineEndsTheWait()
{
    m_session->configure(m_mock->baseUrl(), QStringLiteral("999@nobody"), QString::fromLatin1(SecretKey), "Mock");
    m_session->setSignInDeadline(6000); // discovery first: up to seconds in a sanitizer build
    QSignalSpy failed(m_session.get(), &OidcSession::failed);
    m_session->signIn();
    QTRY_VERIFY_WITH_TIMEOUT(m_authorizationUrl.isValid(), 20000);
    HeadlessBrowser browser;
    const HeadlessBrowser::Page page = browser.signIn(m_authorizationUrl, "userId", SeedIds::Daisy);
    // ZITADEL never redirects to an unverified client's redirect URI; it shows its own error.
    QCOMPARE(page.url.path(), QStringLiteral("/oauth/v2/authorize"));
    QVERIFY2(page.status >= 400, qPrintable(QString::number(page.status)));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("did not finish")));
}

void TestOidcSignIn::accessTokenIsRefreshedBeforeItExpires()
{
    MockOidcLifetimes lifetimes = m_mock->zitadel().oidc().lifetimes();
    lifetimes.accessTokenSeconds = 4; // refreshed at three quarters: after 3 s
    QString problem;
    QVERIFY2(m_mock->zitadel().oidc().setLifetimes(lifetimes, &problem), qPrintable(problem));
    QVERIFY(signInAs(SeedIds::Daisy));
    const QString first = m_session->accessToken();
    const QString firstRefresh = *m_secrets->peek(QString::fromLatin1(SecretKey));
    QSignalSpy changed(m_session.get(), &OidcSession::accessTokenChanged);
    QVERIFY(changed.wait(20000));
    const QString second = changed.at(0).at(0).toString();
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    QCOMPARE(m_session->accessToken(), second);
    // ZITADEL rotates the refresh token; the keychain holds the new one.
    QTRY_VERIFY_WITH_TIMEOUT(*m_secrets->peek(QString::fromLatin1(SecretKey)) != firstRefresh, 5000);

    m_client->setToken(second);
    Result<ResendResult> r;
    resend(SeedIds::Donald, &r);
    QTRY_VERIFY_WITH_TIMEOUT(r.exchange || r.error.isError(), 20000);
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
}

void TestOidcSignIn::refusedAccessTokenIsRenewedOnce()
{
    QVERIFY(signInAs(SeedIds::Daisy));
    m_client->setToken(m_session->accessToken());
    QVERIFY(m_mock->zitadel().oidc().expireAccessTokens() >= 1);

    Result<ResendResult> refused;
    resend(SeedIds::Donald, &refused);
    QTRY_VERIFY_WITH_TIMEOUT(refused.exchange || refused.error.isError(), 20000);
    QCOMPARE(refused.error.kind, ApiError::Kind::Unauthenticated);

    QSignalSpy changed(m_session.get(), &OidcSession::accessTokenChanged);
    m_session->renew();
    m_session->renew(); // a second 401 meanwhile joins the refresh under way
    int inFlight = 0;
    for (ApiCall* call : m_client->findChildren<ApiCall*>(QString(), Qt::FindDirectChildrenOnly))
        inFlight += !call->isFinished();
    QCOMPARE(inFlight, 1);
    QVERIFY(changed.wait(20000));
    QCOMPARE(changed.count(), 1);
    int refreshes = 0;
    for (const ExchangePtr& e : m_exchanges)
        refreshes += e->operation == QLatin1String("Token (refresh)");
    QCOMPARE(refreshes, 1);

    // Nothing was retried by itself: the person sends again, with the new token.
    m_client->setToken(m_session->accessToken());
    Result<ResendResult> again;
    resend(SeedIds::Donald, &again);
    QTRY_VERIFY_WITH_TIMEOUT(again.exchange || again.error.isError(), 20000);
    QVERIFY2(again.ok(), qPrintable(again.error.summary()));
}

void TestOidcSignIn::restoreUsesTheKeychainWithoutABrowser()
{
    QVERIFY(signInAs(SeedIds::Mickey));
    // A new run of the app: the same keychain, a new session.
    m_session = std::make_unique<OidcSession>(m_client.get(), m_secrets.get());
    m_session->configure(m_mock->baseUrl(), QString::fromLatin1(ClientId), QString::fromLatin1(SecretKey), "Mock");
    connect(m_session.get(), &OidcSession::authorizationUrlReady, this, [](const QUrl&) {
        QFAIL("restoring must not open the browser");
    });
    QSignalSpy signedIn(m_session.get(), &OidcSession::signedIn);
    m_session->restore();
    QVERIFY(signedIn.wait(20000));
    QCOMPARE(m_session->person().name, QStringLiteral("Mickey Mouse"));

    // Nothing stored: the person is asked to sign in, nothing is sent.
    m_secrets->remove(QString::fromLatin1(SecretKey), [](const SecretResult&) {});
    QTRY_VERIFY(!m_secrets->peek(QString::fromLatin1(SecretKey)));
    QSignalSpy needed(m_session.get(), &OidcSession::signInNeeded);
    const int before = m_exchanges.size();
    m_session->restore();
    QVERIFY(needed.wait(20000));
    QVERIFY2(needed.at(0).at(0).toString().contains(QStringLiteral("Sign in to “Mock”")),
        qPrintable(needed.at(0).at(0).toString()));
    QCOMPARE(m_exchanges.size(), before);
}

void TestOidcSignIn::signOutRevokesAndForgets()
{
    QVERIFY(signInAs(SeedIds::Daisy));
    const QString access = m_session->accessToken();
    const QString refresh = *m_secrets->peek(QString::fromLatin1(SecretKey));
    QSignalSpy signedOut(m_session.get(), &OidcSession::signedOut);
    m_session->signOut();
    QVERIFY(signedOut.wait(20000));
    QVERIFY2(signedOut.at(0).at(0).toString().startsWith(QLatin1String("Signed out of")),
        qPrintable(signedOut.at(0).at(0).toString()));
    QVERIFY(m_session->accessToken().isEmpty());
    QTRY_VERIFY(!m_secrets->peek(QString::fromLatin1(SecretKey)));
    int revokes = 0;
    for (const ExchangePtr& e : m_exchanges)
        revokes += e->operation.startsWith(QLatin1String("Revoke")) && e->status == 200;
    QCOMPARE(revokes, 2);

    // The server agrees: the old access token is refused, the old refresh token too.
    m_client->setToken(access);
    Result<ResendResult> r;
    resend(SeedIds::Donald, &r);
    QTRY_VERIFY_WITH_TIMEOUT(r.exchange || r.error.isError(), 20000);
    QCOMPARE(r.error.kind, ApiError::Kind::Unauthenticated);
    m_secrets->write(QString::fromLatin1(SecretKey), refresh, [](const SecretResult&) {});
    QSignalSpy needed(m_session.get(), &OidcSession::signInNeeded);
    m_session->restore();
    QVERIFY(needed.wait(20000));
    QVERIFY2(needed.at(0).at(0).toString().contains(QStringLiteral("Your sign-in has ended")),
        qPrintable(needed.at(0).at(0).toString()));
    QTRY_VERIFY(!m_secrets->peek(QString::fromLatin1(SecretKey))); // a dead one is not kept
}

void TestOidcSignIn::inspectorNeverSeesASecret()
{
    // Everything logged meanwhile, every category at debug level, is searched too.
    QStringList log;
    capturedLog = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        capturedLog = nullptr;
    });

    MockOidcLifetimes lifetimes = m_mock->zitadel().oidc().lifetimes();
    lifetimes.accessTokenSeconds = 4;
    QString problem;
    QVERIFY(m_mock->zitadel().oidc().setLifetimes(lifetimes, &problem));
    QSet<QString> secrets;
    connect(m_session.get(), &OidcSession::accessTokenChanged, this, [&](const QString& t) { secrets.insert(t); });
    QVERIFY(signInAs(SeedIds::Daisy));
    secrets.insert(m_session->accessToken());
    secrets.insert(m_session->refreshTokenForTests());
    const QUrlQuery callback(m_lastCallback);
    secrets.insert(callback.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded)); // the code
    secrets.insert(callback.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
    QVERIFY(!secrets.contains(QString()));
    QTRY_VERIFY_WITH_TIMEOUT(secrets.size() >= 5, 20000); // a refresh: a new access token
    secrets.insert(m_session->refreshTokenForTests());
    m_session->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(m_exchanges.size() >= 6, 20000);

    QVERIFY(log.size() > 10); // the capture works: the steps are logged
    QVERIFY(log.join(QLatin1Char('\n')).contains(QLatin1String("signed in to")));
    for (const QString& line : std::as_const(log)) {
        for (const QString& secret : std::as_const(secrets))
            QVERIFY2(!line.contains(secret), qPrintable(line.left(200)));
    }

    QStringList operations;
    for (const ExchangePtr& e : m_exchanges) {
        operations << e->operation;
        QByteArray all = e->url.toEncoded() + e->requestBody + e->responseBody;
        for (const auto& h : e->requestHeaders)
            all += h.second;
        for (const auto& h : e->responseHeaders)
            all += h.second;
        for (const QString& secret : std::as_const(secrets))
            QVERIFY2(!all.contains(secret.toUtf8()), qPrintable(e->operation));
    }
    // Everything went through the inspector's feed, in order: discovery, code, userinfo,
    // refresh, the two revocations.
    QVERIFY2(operations.contains(QLatin1String("OpenID configuration")), qPrintable(operations.join(", ")));
    QVERIFY(operations.contains(QLatin1String("Token (sign-in code)")));
    QVERIFY(operations.contains(QLatin1String("UserInfo")));
    QVERIFY(operations.contains(QLatin1String("Token (refresh)")));
    // The code exchange still shows what was asked and answered, minus the secrets.
    for (const ExchangePtr& e : m_exchanges) {
        if (e->operation != QLatin1String("Token (sign-in code)"))
            continue;
        const QUrlQuery form(QString::fromUtf8(e->requestBody));
        QCOMPARE(form.queryItemValue("grant_type"), QStringLiteral("authorization_code"));
        QCOMPARE(form.queryItemValue("code", QUrl::FullyDecoded).toUtf8(), OidcRedaction::mask());
        QCOMPARE(form.queryItemValue("code_verifier", QUrl::FullyDecoded).toUtf8(), OidcRedaction::mask());
        QCOMPARE(form.queryItemValue("client_id", QUrl::FullyDecoded), QString::fromLatin1(ClientId));
        const QJsonObject answer = e->responseJson.object();
        QCOMPARE(answer.value("token_type").toString(), QStringLiteral("Bearer"));
        for (const char* key : {"access_token", "refresh_token", "id_token"})
            QCOMPARE(answer.value(QLatin1String(key)).toString().toUtf8(), OidcRedaction::mask());
    }
}

QTEST_GUILESS_MAIN(TestOidcSignIn)
#include "TestOidcSignIn.moc"
