#include "LoopbackRedirectListener.h"
#include "OAuthError.h"
#include "OidcConfiguration.h"
#include "OidcRedaction.h"
#include "OidcTokenSet.h"
#include "Pkce.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

class TestOidcParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pkceMatchesAnIndependentSha256();
    void pkceVerifiersAreFreshAndWellFormed();
    void configuration_data();
    void configuration();
    void tokenSet_data();
    void tokenSet();
    void refreshComesBeforeExpiry_data();
    void refreshComesBeforeExpiry();
    void oauthErrorSentences_data();
    void oauthErrorSentences();
    void redactionMasksEverySecret();
    void redactionCatchesEscapedValues();
    void listenerBindsLoopbackOnlyAndAnswersOnce();
    void listenerIgnoresOtherPathsAndMethods();
    void listenerDropsOversizedRequests();

private:
    static QJsonObject json(const char* text) { return QJsonDocument::fromJson(text).object(); }
    static QByteArray get(QNetworkAccessManager& nam, const QUrl& url, int* status);
};

void TestOidcParts::pkceMatchesAnIndependentSha256()
{
    // Expected value from outside Qt: python3 -c "import hashlib,base64; print(base64.urlsafe_b64encode(
    // hashlib.sha256(b'dBjftJeZ4CVP-mJ92K9qpIXKjvEqOCM9ll4yhPe3sUg').digest()).rstrip(b'='))"
    QCOMPARE(Pkce::challengeS256("dBjftJeZ4CVP-mJ92K9qpIXKjvEqOCM9ll4yhPe3sUg"),
        QByteArray("1QGJRG-1_yabDRu9usRd4ahYthAa0Srg3dJLi5llDno"));
}

void TestOidcParts::pkceVerifiersAreFreshAndWellFormed()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        const QByteArray verifier = Pkce::makeVerifier();
        QCOMPARE(verifier.size(), 43); // RFC 7636 §4.1: 43..128 characters
        for (const char c : verifier)
            QVERIFY2(std::isalnum(uchar(c)) || c == '-' || c == '_', verifier.constData());
        QVERIFY(!seen.contains(verifier));
        seen.insert(verifier);
    }
    QCOMPARE(Pkce::makeNonce().size(), 22);
    QVERIFY(Pkce::makeNonce() != Pkce::makeNonce());
}

void TestOidcParts::configuration_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("problemContains"); // empty: usable

    const QByteArray good = R"({"issuer":"https://acme.zitadel.cloud",
        "authorization_endpoint":"https://acme.zitadel.cloud/oauth/v2/authorize",
        "token_endpoint":"https://acme.zitadel.cloud/oauth/v2/token",
        "userinfo_endpoint":"https://acme.zitadel.cloud/oidc/v1/userinfo",
        "revocation_endpoint":"https://acme.zitadel.cloud/oauth/v2/revoke",
        "code_challenge_methods_supported":["S256"]})";
    QTest::newRow("zitadel cloud") << good << "https://acme.zitadel.cloud" << QString();
    QTest::newRow("base url with trailing slash") << good << "https://acme.zitadel.cloud/" << QString();
    QTest::newRow("mock on a loopback port") << QByteArray(
        R"({"issuer":"http://127.0.0.1:8089","authorization_endpoint":"http://127.0.0.1:8089/oauth/v2/authorize",
           "token_endpoint":"http://127.0.0.1:8089/oauth/v2/token"})")
                                             << "http://127.0.0.1:8089" << QString();
    QTest::newRow("another issuer") << good << "https://other.zitadel.cloud"
                                    << "says its sign-in belongs to";
    QTest::newRow("no issuer") << QByteArray("{}") << "https://acme.zitadel.cloud"
                               << "names no issuer";
    QTest::newRow("token endpoint elsewhere")
        << QByteArray(R"({"issuer":"https://acme.zitadel.cloud","authorization_endpoint":"https://acme.zitadel.cloud/a",
           "token_endpoint":"https://evil.example/token"})")
        << "https://acme.zitadel.cloud"
        << "token_endpoint to another server";
    QTest::newRow("token endpoint downgraded to http")
        << QByteArray(R"({"issuer":"https://acme.zitadel.cloud","authorization_endpoint":"https://acme.zitadel.cloud/a",
           "token_endpoint":"http://acme.zitadel.cloud/token"})")
        << "https://acme.zitadel.cloud"
        << "another server";
    QTest::newRow("revocation on another port")
        << QByteArray(R"({"issuer":"https://acme.zitadel.cloud","authorization_endpoint":"https://acme.zitadel.cloud/a",
           "token_endpoint":"https://acme.zitadel.cloud/t","revocation_endpoint":"https://acme.zitadel.cloud:8443/r"})")
        << "https://acme.zitadel.cloud"
        << "revocation_endpoint";
    QTest::newRow("no token endpoint") << QByteArray(
        R"({"issuer":"https://acme.zitadel.cloud","authorization_endpoint":"https://acme.zitadel.cloud/a"})")
                                       << "https://acme.zitadel.cloud"
                                       << "lacks the token_endpoint";
    QTest::newRow("plain PKCE only") << QByteArray(
        R"({"issuer":"https://acme.zitadel.cloud","authorization_endpoint":"https://acme.zitadel.cloud/a",
           "token_endpoint":"https://acme.zitadel.cloud/t","code_challenge_methods_supported":["plain"]})")
                                     << "https://acme.zitadel.cloud"
                                     << "PKCE with S256";
}

void TestOidcParts::configuration()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, baseUrl);
    QFETCH(QString, problemContains);
    QString problem;
    const auto config =
        OidcConfiguration::fromJson(QJsonDocument::fromJson(document).object(), QUrl(baseUrl), &problem);
    if (problemContains.isEmpty()) {
        QVERIFY2(config, qPrintable(problem));
        QCOMPARE(config->tokenEndpoint.path(), QStringLiteral("/oauth/v2/token"));
    } else {
        QVERIFY(!config);
        QVERIFY2(problem.contains(problemContains), qPrintable(problem));
    }
}

void TestOidcParts::tokenSet_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<qint64>("expiresInSeconds"); // -1: unknown

    QTest::newRow("full") << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":43199,
        "refresh_token":"r","id_token":"i"})")
                          << true << qint64(43199);
    QTest::newRow("bearer in lower case")
        << QByteArray(R"({"access_token":"a","token_type":"bearer"})") << true << qint64(-1);
    QTest::newRow("no access token") << QByteArray(R"({"token_type":"Bearer"})") << false << qint64(-1);
    QTest::newRow("not bearer") << QByteArray(R"({"access_token":"a","token_type":"mac"})") << false << qint64(-1);
    QTest::newRow("absurd lifetime") << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":1e300})")
                                     << true << qint64(-1);
    QTest::newRow("negative lifetime") << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":-5})")
                                       << true << qint64(-1);
}

void TestOidcParts::tokenSet()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, usable);
    QFETCH(qint64, expiresInSeconds);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString problem;
    const auto set = OidcTokenSet::fromJson(QJsonDocument::fromJson(body).object(), now, &problem);
    QCOMPARE(bool(set), usable);
    if (!set) {
        QVERIFY(!problem.isEmpty());
        return;
    }
    if (expiresInSeconds < 0)
        QVERIFY(!set->expiresAt.isValid());
    else
        QCOMPARE(now.secsTo(set->expiresAt), expiresInSeconds);
}

void TestOidcParts::refreshComesBeforeExpiry_data()
{
    QTest::addColumn<int>("lifetimeSeconds");
    QTest::addColumn<qint64>("refreshAfterMs");
    QTest::newRow("12 hours: a minute early") << 43200 << qint64(43140'000);
    QTest::newRow("2 minutes: a minute early") << 120 << qint64(90'000); // a quarter is 30 s < 60 s
    QTest::newRow("4 seconds: at three quarters") << 4 << qint64(3'000);
}

void TestOidcParts::refreshComesBeforeExpiry()
{
    QFETCH(int, lifetimeSeconds);
    QFETCH(qint64, refreshAfterMs);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    OidcTokenSet set;
    set.expiresAt = now.addSecs(lifetimeSeconds);
    QCOMPARE(now.msecsTo(set.refreshAt(now)), refreshAfterMs);
    QVERIFY(!OidcTokenSet().refreshAt(now).isValid());
}

void TestOidcParts::oauthErrorSentences_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("contains");
    using S = OAuthError::Step;
    QTest::newRow("cancelled") << int(S::Authorize) << "access_denied"
                               << "cancelled or refused in the browser";
    QTest::newRow("unknown client") << int(S::CodeExchange) << "invalid_client"
                                    << "client ID “app@x”";
    QTest::newRow("bad code") << int(S::CodeExchange) << "invalid_grant"
                              << "refused the sign-in code";
    QTest::newRow("ended refresh") << int(S::Refresh) << "invalid_grant"
                                   << "Your sign-in has ended";
    QTest::newRow("bad request at authorize") << int(S::Authorize) << "invalid_request"
                                              << "redirect URI";
    QTest::newRow("server") << int(S::CodeExchange) << "server_error"
                            << "problem on the server";
    QTest::newRow("unknown error") << int(S::CodeExchange) << "weird_thing"
                                   << "weird_thing";
}

void TestOidcParts::oauthErrorSentences()
{
    QFETCH(int, step);
    QFETCH(QString, error);
    QFETCH(QString, contains);
    const QString sentence =
        OAuthError::sentence(OAuthError::Step(step), error, QStringLiteral("described here"), QStringLiteral("app@x"));
    QVERIFY2(sentence.contains(contains), qPrintable(sentence));
    QVERIFY2(sentence.contains(QLatin1String("described here")), qPrintable(sentence)); // the server's words stay
}

void TestOidcParts::redactionMasksEverySecret()
{
    Exchange exchange;
    exchange.requestBody = "grant_type=authorization_code&code=C0DE-abc&redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcb"
                           "&client_id=app&code_verifier=V3rifier_xyz&refresh_token=R%2Bfr";
    exchange.responseBody = R"({"access_token":"AccessT0k","token_type":"Bearer","refresh_token":"R+fr",)"
                            R"("id_token":"eyJ.x.y","expires_in":43199})";
    exchange.responseJson = QJsonDocument::fromJson(exchange.responseBody);
    OidcRedaction::redact(exchange);
    for (const char* secret : {"C0DE-abc", "V3rifier_xyz", "R+fr", "R%2Bfr", "AccessT0k", "eyJ.x.y"}) {
        QVERIFY2(!exchange.requestBody.contains(secret), secret);
        QVERIFY2(!exchange.responseBody.contains(secret), secret);
    }
    QVERIFY(exchange.requestBody.contains("client_id=app")); // what is not secret stays as sent
    QVERIFY(exchange.requestBody.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcb"));
    QVERIFY(exchange.responseJson.isObject()); // still valid JSON for the inspector's tree
    QCOMPARE(exchange.responseJson.object().value("access_token").toString().toUtf8(), OidcRedaction::mask());
    QCOMPARE(exchange.responseJson.object().value("expires_in").toInt(), 43199);
}

void TestOidcParts::redactionCatchesEscapedValues()
{
    // A server (or proxy) may write a token with JSON escapes; the text differs, the value not.
    Exchange exchange;
    exchange.requestBody = "grant_type=refresh_token&refresh_token=a%2Fb&client_id=app";
    exchange.responseBody = R"({"access_token":"x\/y\u002bz","token_type":"Bearer","refresh_token":"a\/b"})";
    exchange.responseJson = QJsonDocument::fromJson(exchange.responseBody);
    QVERIFY(exchange.responseJson.isObject());
    exchange.error.message = QStringLiteral("refresh token a/b is invalid");
    OidcRedaction::redact(exchange);
    const QJsonObject answer = QJsonDocument::fromJson(exchange.responseBody).object();
    QCOMPARE(answer.value("access_token").toString().toUtf8(), OidcRedaction::mask());
    QCOMPARE(answer.value("refresh_token").toString().toUtf8(), OidcRedaction::mask());
    QCOMPARE(answer.value("token_type").toString(), QStringLiteral("Bearer"));
    QVERIFY(!exchange.responseBody.contains("x\\/y") && !exchange.responseBody.contains("u002bz"));
    QVERIFY(!exchange.requestBody.contains("a%2Fb"));
    QVERIFY(!exchange.error.message.contains(QLatin1String("a/b")));
}

QByteArray TestOidcParts::get(QNetworkAccessManager& nam, const QUrl& url, int* status)
{
    std::unique_ptr<QNetworkReply> reply(nam.get(QNetworkRequest(url)));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
        return QByteArray("timeout");
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return reply->readAll();
}

void TestOidcParts::listenerBindsLoopbackOnlyAndAnswersOnce()
{
    LoopbackRedirectListener listener;
    QString problem;
    QVERIFY2(listener.listen(&problem), qPrintable(problem));
    const QUrl redirect = listener.redirectUri();
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(redirect.path(), QStringLiteral("/callback"));
    QVERIFY(redirect.port() > 0);
    // Bound to the loopback address, not to every interface.
    QCOMPARE(listener.listenAddress(), QHostAddress(QHostAddress::LocalHost));

    listener.setExpectedState("xyz");
    QSignalSpy received(&listener, &LoopbackRedirectListener::callbackReceived);
    QSignalSpy refused(&listener, &LoopbackRedirectListener::foreignCallbackRefused);
    QNetworkAccessManager nam;
    int status = 0;
    // Another page or process calling the port first changes nothing.
    for (const char* foreign : {"code=forged&state=other", "code=forged", "error=access_denied&state=xy"}) {
        QUrl forged = redirect;
        forged.setQuery(QString::fromLatin1(foreign));
        QVERIFY(get(nam, forged, &status).contains("does not belong"));
        QCOMPARE(status, 400);
    }
    QCOMPARE(refused.count(), 3);
    QCOMPARE(received.count(), 0);
    QUrl callback = redirect;
    callback.setQuery(QStringLiteral("code=abc%2Bdef&state=xyz"));
    const QByteArray page = get(nam, callback, &status);
    QCOMPARE(status, 200);
    QVERIFY(page.contains("received the answer"));
    QCOMPARE(received.count(), 1);
    const auto query = received.at(0).at(0).value<QUrlQuery>();
    QCOMPARE(query.queryItemValue("code", QUrl::FullyDecoded), QStringLiteral("abc+def"));
    QCOMPARE(query.queryItemValue("state", QUrl::FullyDecoded), QStringLiteral("xyz"));

    // A second callback (a reload of the tab) changes nothing.
    get(nam, callback, &status);
    QCOMPARE(status, 409);
    QCOMPARE(received.count(), 1);
}

void TestOidcParts::listenerIgnoresOtherPathsAndMethods()
{
    LoopbackRedirectListener listener;
    QString problem;
    QVERIFY(listener.listen(&problem));
    listener.setExpectedState("s");
    QSignalSpy received(&listener, &LoopbackRedirectListener::callbackReceived);
    QNetworkAccessManager nam;
    QUrl favicon = listener.redirectUri();
    favicon.setPath(QStringLiteral("/favicon.ico"));
    int status = 0;
    get(nam, favicon, &status);
    QCOMPARE(status, 404);

    QNetworkRequest request(listener.redirectUri());
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    std::unique_ptr<QNetworkReply> post(nam.post(request, QByteArray("code=x")));
    QTRY_VERIFY_WITH_TIMEOUT(post->isFinished(), 10000);
    QCOMPARE(post->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
    QCOMPARE(received.count(), 0);

    QUrl error = listener.redirectUri();
    error.setQuery(QStringLiteral("error=access_denied&state=s"));
    const QByteArray page = get(nam, error, &status);
    QCOMPARE(status, 200);
    QVERIFY(page.contains("did not finish"));
    QCOMPARE(received.count(), 1);
}

void TestOidcParts::listenerDropsOversizedRequests()
{
    LoopbackRedirectListener listener;
    QString problem;
    QVERIFY(listener.listen(&problem));
    QSignalSpy received(&listener, &LoopbackRedirectListener::callbackReceived);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(listener.redirectUri().port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /callback?code=" + QByteArray(LoopbackRedirectListener::MaxRequestBytes + 10, 'a'));
    // Answered at once, well before the listener's own connection timeout would drop it.
    QByteArray answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n");
        },
        LoopbackRedirectListener::ConnectionTimeoutMs / 2));
    QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.left(60).constData());
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(received.count(), 0);
}

QTEST_GUILESS_MAIN(TestOidcParts)
#include "TestOidcParts.moc"
