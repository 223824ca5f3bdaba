// The mock's OpenID provider: discovery, authorize and the sign-in page, the code exchange with
// PKCE, refresh rotation, userinfo, revocation and keys, first router-level with the mock clock
// pinned, then over real loopback HTTP as a browser-less desktop client follows the flow. Every
// refusal is checked against the text ZITADEL / zitadel/oidc give (sources in
// MockOidcProvider.cpp), written out here independently. Last, no issued secret may reach the
// logs, the request log or the admin API.

#include "MockFixture.h"
#include "MockJwtSigner.h"
#include "MockSeedLoader.h"
#include "MockSeedWriter.h"
#include "RouterHarness.h"
#include "SeedIds.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>

namespace
{
const QByteArray ClientId = "312909075212468632@verifydesk";
const QByteArray ProjectId = "312909075212402328";
const QString Redirect = QStringLiteral("http://127.0.0.1:53123/callback");
const QByteArray Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"; // RFC 7636 appendix B
const QByteArray Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const QString LeadScopes =
    QStringLiteral("openid profile email offline_access urn:zitadel:iam:org:project:id:zitadel:aud "
                   "urn:zitadel:iam:user:resourceowner");
const QByteArray Host = "127.0.0.1:8080";
const QString Issuer = QStringLiteral("http://127.0.0.1:8080");
const QString Contact =
    QStringLiteral(" If you have any questions, you may contact the administrator of the application.");

using Params = QList<QPair<QString, QString>>;

QByteArray form(const Params& params)
{
    QByteArray out;
    for (const auto& p : params) {
        if (!out.isEmpty())
            out.append('&');
        out.append(QUrl::toPercentEncoding(p.first)).append('=').append(QUrl::toPercentEncoding(p.second));
    }
    return out;
}

Params authorizeParams()
{
    return {{QStringLiteral("client_id"), QString::fromLatin1(ClientId)},
        {QStringLiteral("redirect_uri"), Redirect},
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("scope"), LeadScopes},
        {QStringLiteral("state"), QStringLiteral("st-123")},
        {QStringLiteral("nonce"), QStringLiteral("n-456")},
        {QStringLiteral("code_challenge"), QString::fromLatin1(Challenge)},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
}

void set(Params& params, const QString& name, const QString& value)
{
    for (auto& p : params) {
        if (p.first == name) {
            p.second = value;
            return;
        }
    }
    params.append({name, value});
}

void remove(Params& params, const QString& name)
{
    params.erase(
        std::remove_if(params.begin(), params.end(), [&](const auto& p) { return p.first == name; }), params.end());
}

QByteArray header(const MockResponse& r, const char* name)
{
    return RouterHarness::header(r, name);
}

QUrlQuery locationQuery(const MockResponse& r)
{
    return QUrlQuery(QUrl::fromEncoded(header(r, "Location")));
}

QJsonObject oauthError(const QString& error, const QString& description = {})
{
    QJsonObject o {{QStringLiteral("error"), error}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("error_description"), description);
    return o;
}

struct Form
{
    QHash<QString, QString> fields;
    QString button;
};

// The sign-in page's forms as a browser-less client reads them.
QList<Form> forms(const QByteArray& html)
{
    QList<Form> out;
    static const QRegularExpression formRe(
        QStringLiteral("<form[^>]*method=\"post\" action=\"/ui/login/login\">(.*?)</form>"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression inputRe(
        QStringLiteral("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">"));
    static const QRegularExpression buttonRe(QStringLiteral("<button[^>]*>([^<]*)</button>"));
    auto it = formRe.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        const QString inner = it.next().captured(1);
        Form f;
        auto inputs = inputRe.globalMatch(inner);
        while (inputs.hasNext()) {
            const auto m = inputs.next();
            f.fields.insert(m.captured(1), m.captured(2));
        }
        f.button = buttonRe.match(inner).captured(1);
        out.append(f);
    }
    return out;
}

// The whole flow router-level: authorize, sign-in page, the person's form, the code.
class Flow
{
public:
    explicit Flow(RouterHarness& h)
        : m_h(h)
    { }

    MockResponse get(const QString& pathAndQuery, const QByteArray& bearer = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers {{"Host", Host}};
        if (!bearer.isEmpty())
            headers.append({"Authorization", "Bearer " + bearer});
        return m_h.send("GET", pathAndQuery.toUtf8(), QByteArray(), {}, headers);
    }
    MockResponse post(const char* path, const Params& params, const QByteArray& bearer = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers {
            {"Host", Host}, {"Content-Type", "application/x-www-form-urlencoded"}};
        if (!bearer.isEmpty())
            headers.append({"Authorization", "Bearer " + bearer});
        return m_h.send("POST", path, QByteArray(), form(params), headers);
    }
    MockResponse authorize(const Params& params) { return get(QStringLiteral("/oauth/v2/authorize?") + form(params)); }

    // Signs `userId` in; returns the redirect to the client (with code and state).
    MockResponse signIn(const QString& userId, const Params& params = authorizeParams())
    {
        const MockResponse start = authorize(params);
        if (start.status != 302)
            return start;
        const MockResponse page = get(QString::fromUtf8(header(start, "Location")));
        for (const Form& f : forms(page.body)) {
            if (f.fields.value(QStringLiteral("userId")) == userId)
                return post("/ui/login/login",
                    {{QStringLiteral("authRequestID"), f.fields.value(QStringLiteral("authRequestID"))},
                        {QStringLiteral("userId"), userId}});
        }
        return page;
    }
    QString code(const QString& userId, const Params& params = authorizeParams())
    {
        return locationQuery(signIn(userId, params)).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    }
    MockResponse exchange(const QString& code, const Params& extra = {})
    {
        Params p {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), code},
            {QStringLiteral("redirect_uri"), Redirect},
            {QStringLiteral("client_id"), QString::fromLatin1(ClientId)},
            {QStringLiteral("code_verifier"), QString::fromLatin1(Verifier)}};
        for (const auto& e : extra) {
            if (e.second.isNull())
                remove(p, e.first);
            else
                set(p, e.first, e.second);
        }
        return post("/oauth/v2/token", p);
    }
    QJsonObject tokens(const QString& userId, const Params& params = authorizeParams())
    {
        return RouterHarness::json(exchange(code(userId, params)));
    }
    MockResponse refresh(const QString& refreshToken)
    {
        return post("/oauth/v2/token",
            {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                {QStringLiteral("refresh_token"), refreshToken},
                {QStringLiteral("client_id"), QString::fromLatin1(ClientId)}});
    }
    MockResponse resend(const QByteArray& accessToken, const char* userId)
    {
        return m_h.send("POST", QByteArray("/v2/users/") + userId + "/email/resend", accessToken, "{}");
    }

private:
    RouterHarness& m_h;
};

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QByteArray b64(const QString& s)
{
    return QByteArray::fromBase64(s.toLatin1(), QByteArray::Base64UrlEncoding);
}

// Verifies an RS256 JWS with the RSA key given as JWK n and e, with OpenSSL, independently of
// the mock's signer.
bool verifyRs256(const QByteArray& jwt, const QJsonObject& jwk)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return false;
    const QByteArray n = b64(str(jwk, "n"));
    const QByteArray e = b64(str(jwk, "e"));
    BIGNUM* bn = BN_bin2bn(reinterpret_cast<const unsigned char*>(n.constData()), int(n.size()), nullptr);
    BIGNUM* be = BN_bin2bn(reinterpret_cast<const unsigned char*>(e.constData()), int(e.size()), nullptr);
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be);
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX* fromData = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY* key = nullptr;
    bool ok = fromData && EVP_PKEY_fromdata_init(fromData) == 1
        && EVP_PKEY_fromdata(fromData, &key, EVP_PKEY_PUBLIC_KEY, params) == 1;
    const QByteArray input = parts[0] + '.' + parts[1];
    const QByteArray signature = b64(QString::fromLatin1(parts[2]));
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    ok = ok && EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestVerify(md,
               reinterpret_cast<const unsigned char*>(signature.constData()),
               size_t(signature.size()),
               reinterpret_cast<const unsigned char*>(input.constData()),
               size_t(input.size()))
            == 1;
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(key);
    EVP_PKEY_CTX_free(fromData);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    return ok;
}

QJsonObject jwtPart(const QString& jwt, int index)
{
    return QJsonDocument::fromJson(b64(jwt.split(QLatin1Char('.')).value(index))).object();
}

// Captures every message while installed, whatever its category.
QStringList* captured = nullptr;
void capture(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    if (captured)
        captured->append(QString::fromLatin1(context.category ? context.category : "") + QLatin1String(": ") + message);
}
} // namespace

class TestMockOidc : public QObject
{
    Q_OBJECT

private slots:
    void discovery();
    void keys();
    void signInAsEachPerson_data();
    void signInAsEachPerson();
    void signInPage();
    void cancelledSignIn();
    void authorizeRefusals_data();
    void authorizeRefusals();
    void loopbackRedirects_data();
    void loopbackRedirects();
    void tokenRefusals_data();
    void tokenRefusals();
    void refusedVerifierLeavesCodeUsable();
    void reusedCode();
    void expiredCode_data();
    void expiredCode();
    void withoutOpenidScope();
    void refreshRotates();
    void refreshRefusals();
    void userInfoClaims_data();
    void userInfoClaims();
    void userInfoRefusals();
    void revokeAccessToken();
    void revokeRefreshToken();
    void revokeRefusals();
    void supportAgentLikeMockSupport_data();
    void supportAgentLikeMockSupport();
    void expiredAccessTokenOnApi();
    void expireAccessTokensAdminRoute();
    void idTokenVerifies();
    void adminOidcRoutes();
    void seedRoundTrip();
    void seedRefusals_data();
    void seedRefusals();
    void httpFlow_data();
    void httpFlow();
    void secretsNeverLogged();
};

void TestMockOidc::discovery()
{
    RouterHarness h;
    Flow f(h);
    const MockResponse r = f.get(QStringLiteral("/.well-known/openid-configuration"));
    QCOMPARE(r.status, 200);
    QCOMPARE(header(r, "Content-Type"), QByteArray("application/json"));
    const QJsonObject d = RouterHarness::json(r);
    QCOMPARE(str(d, "issuer"), Issuer);
    QCOMPARE(str(d, "authorization_endpoint"), Issuer + QStringLiteral("/oauth/v2/authorize"));
    QCOMPARE(str(d, "token_endpoint"), Issuer + QStringLiteral("/oauth/v2/token"));
    QCOMPARE(str(d, "introspection_endpoint"), Issuer + QStringLiteral("/oauth/v2/introspect"));
    QCOMPARE(str(d, "userinfo_endpoint"), Issuer + QStringLiteral("/oidc/v1/userinfo"));
    QCOMPARE(str(d, "revocation_endpoint"), Issuer + QStringLiteral("/oauth/v2/revoke"));
    QCOMPARE(str(d, "end_session_endpoint"), Issuer + QStringLiteral("/oidc/v1/end_session"));
    QCOMPARE(str(d, "jwks_uri"), Issuer + QStringLiteral("/oauth/v2/keys"));
    QCOMPARE(
        d.value(QStringLiteral("code_challenge_methods_supported")).toArray(), QJsonArray {QStringLiteral("S256")});
    QCOMPARE(d.value(QStringLiteral("subject_types_supported")).toArray(), QJsonArray {QStringLiteral("public")});
    QVERIFY(
        d.value(QStringLiteral("token_endpoint_auth_methods_supported")).toArray().contains(QStringLiteral("none")));
    QVERIFY(d.value(QStringLiteral("grant_types_supported")).toArray().contains(QStringLiteral("refresh_token")));
    QVERIFY(d.value(QStringLiteral("scopes_supported")).toArray().contains(QStringLiteral("offline_access")));
    QVERIFY(d.value(QStringLiteral("response_types_supported")).toArray().contains(QStringLiteral("code")));
    QVERIFY(
        d.value(QStringLiteral("id_token_signing_alg_values_supported")).toArray().contains(QStringLiteral("RS256")));
    QVERIFY(d.value(QStringLiteral("claims_supported")).toArray().contains(QStringLiteral("preferred_username")));

    // The issuer follows the Host header, whatever port the mock listens on.
    const MockResponse other =
        h.send("GET", "/.well-known/openid-configuration", QByteArray(), {}, {{"Host", "localhost:1"}});
    QCOMPARE(str(RouterHarness::json(other), "issuer"), QStringLiteral("http://localhost:1"));
}

void TestMockOidc::keys()
{
    RouterHarness h;
    const MockResponse r = Flow(h).get(QStringLiteral("/oauth/v2/keys"));
    QCOMPARE(r.status, 200);
    const QJsonArray keys = RouterHarness::json(r).value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    const QJsonObject k = keys.first().toObject();
    QCOMPARE(str(k, "kty"), QStringLiteral("RSA"));
    QCOMPARE(str(k, "use"), QStringLiteral("sig"));
    QCOMPARE(str(k, "alg"), QStringLiteral("RS256"));
    QVERIFY(!str(k, "kid").isEmpty());
    QCOMPARE(b64(str(k, "n")).size(), 256); // 2048 bits
    QCOMPARE(b64(str(k, "e")), QByteArray("\x01\x00\x01", 3));
    QVERIFY(!str(k, "n").contains(QLatin1Char('=')) && !str(k, "n").contains(QLatin1Char('+')));
}

void TestMockOidc::signInAsEachPerson_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("globexResendStatus"); // what a resend for a Globex user gets
    QTest::newRow("administrator") << QString::fromLatin1(SeedIds::Mickey) << QStringLiteral("Mickey Mouse")
                                   << QStringLiteral("200");
    QTest::newRow("support agent") << QString::fromLatin1(SeedIds::Daisy) << QStringLiteral("Daisy Duck")
                                   << QStringLiteral("403");
    QTest::newRow("read-only viewer") << QString::fromLatin1(SeedIds::Goofy) << QStringLiteral("Goofy Goof")
                                      << QStringLiteral("403");
}

void TestMockOidc::signInAsEachPerson()
{
    QFETCH(QString, userId);
    QFETCH(QString, displayName);
    QFETCH(QString, globexResendStatus);
    RouterHarness h;
    Flow f(h);
    const MockResponse start = f.authorize(authorizeParams());
    QCOMPARE(start.status, 302);
    QVERIFY(header(start, "Location").startsWith("/ui/login/login?authRequestID=V2_"));

    const MockResponse back = f.signIn(userId);
    QCOMPARE(back.status, 302);
    const QUrl location = QUrl::fromEncoded(header(back, "Location"));
    QCOMPARE(location.toString(QUrl::RemoveQuery), Redirect);
    const QUrlQuery q(location);
    QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
    const QString code = q.queryItemValue(QStringLiteral("code"));
    QVERIFY(code.size() >= 43);

    const MockResponse t = f.exchange(code);
    QCOMPARE(t.status, 200);
    QCOMPARE(header(t, "Cache-Control"), QByteArray("no-store"));
    QCOMPARE(header(t, "Pragma"), QByteArray("no-cache"));
    const QJsonObject tokens = RouterHarness::json(t);
    QCOMPARE(str(tokens, "token_type"), QStringLiteral("Bearer"));
    QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 43200);
    QVERIFY(b64(str(tokens, "access_token")).size() >= 32);
    QVERIFY(b64(str(tokens, "refresh_token")).size() >= 32);
    QCOMPARE(str(jwtPart(str(tokens, "id_token"), 1), "sub"), userId);

    const QByteArray access = str(tokens, "access_token").toLatin1();
    const QJsonObject info = RouterHarness::json(f.get(QStringLiteral("/oidc/v1/userinfo"), access));
    QCOMPARE(str(info, "sub"), userId);
    QCOMPARE(str(info, "name"), displayName);
    // The API sees the person: the ACME user may be read by all three, Globex's depends on the role.
    QCOMPARE(h.get("/v2/users/" + QByteArray(SeedIds::Donald), access).status, 200);
    QCOMPARE(QString::number(f.resend(access, SeedIds::GlobexFrank).status), globexResendStatus);
}

void TestMockOidc::signInPage()
{
    RouterHarness h;
    Flow f(h);
    const MockResponse start = f.authorize(authorizeParams());
    const MockResponse page = f.get(QString::fromUtf8(header(start, "Location")));
    QCOMPARE(page.status, 200);
    QCOMPARE(header(page, "Content-Type"), QByteArray("text/html; charset=utf-8"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(QStringLiteral("<title>Sign in to Verify Desk \u2014 ZITADEL mock</title>")));
    QVERIFY(
        !html.contains(QStringLiteral("http://")) && !html.contains(QStringLiteral("https://"))); // nothing external
    QVERIFY(html.contains(QStringLiteral("mickey@acme.mock.verifydesk.localhost")));
    QVERIFY(html.contains(QStringLiteral("Support agent, ACME Corporation")));
    QVERIFY(html.contains(QStringLiteral("Read-only viewer")));
    const QList<Form> all = forms(page.body);
    QCOMPARE(all.size(), 4); // three people and Cancel
    QCOMPARE(all.at(0).button, QStringLiteral("Sign in as Mickey Mouse"));
    QCOMPARE(all.at(1).button, QStringLiteral("Sign in as Daisy Duck"));
    QCOMPARE(all.at(2).button, QStringLiteral("Sign in as Goofy Goof"));
    QCOMPARE(all.at(3).fields.value(QStringLiteral("cancel")), QStringLiteral("1"));
    const QString id = locationQuery(start).queryItemValue(QStringLiteral("authRequestID"));
    for (const Form& form : all)
        QCOMPARE(form.fields.value(QStringLiteral("authRequestID")), id);

    // After the sign-in the page is gone; unknown ids and unknown people get an error page.
    const MockResponse signedIn = f.post("/ui/login/login",
        {{QStringLiteral("authRequestID"), id},
            {QStringLiteral("userId"), all.at(0).fields.value(QStringLiteral("userId"))}});
    QCOMPARE(signedIn.status, 302);
    const MockResponse used = f.get(QString::fromUtf8(header(start, "Location")));
    QCOMPARE(used.status, 404);
    QVERIFY(used.body.contains("This sign-in is over"));
    QCOMPARE(f.get(QStringLiteral("/ui/login/login?authRequestID=V2_1")).status, 404);
    const MockResponse fresh = f.authorize(authorizeParams());
    const QString freshId = locationQuery(fresh).queryItemValue(QStringLiteral("authRequestID"));
    const MockResponse stranger = f.post("/ui/login/login",
        {{QStringLiteral("authRequestID"), freshId}, {QStringLiteral("userId"), QString::fromLatin1(SeedIds::Minnie)}});
    QCOMPARE(stranger.status, 400);
    QVERIFY(header(stranger, "Location").isEmpty());
}

void TestMockOidc::cancelledSignIn()
{
    RouterHarness h;
    Flow f(h);
    const MockResponse start = f.authorize(authorizeParams());
    const QString id = locationQuery(start).queryItemValue(QStringLiteral("authRequestID"));
    const MockResponse r = f.post(
        "/ui/login/login", {{QStringLiteral("authRequestID"), id}, {QStringLiteral("cancel"), QStringLiteral("1")}});
    QCOMPARE(r.status, 302);
    const QUrl location = QUrl::fromEncoded(header(r, "Location"));
    QCOMPARE(location.toString(QUrl::RemoveQuery), Redirect);
    const QUrlQuery q(location);
    QCOMPARE(q.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
    QCOMPARE(q.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded),
        QStringLiteral("The authorization request was denied."));
    QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
    QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
    QCOMPARE(f.get(QString::fromUtf8(header(start, "Location"))).status, 404);
}

void TestMockOidc::authorizeRefusals_data()
{
    QTest::addColumn<QString>("name"); // the parameter to change
    QTest::addColumn<QString>("value"); // a null string removes it
    QTest::addColumn<bool>("delivered"); // to the redirect_uri, else refused at the endpoint (400 JSON)
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");
    const QString missingUri =
        QStringLiteral("The requested redirect_uri is missing in the client configuration.") + Contact;
    QTest::newRow("unknown client") << "client_id"
                                    << "1234@other" << false << "invalid_request"
                                    << QStringLiteral("Errors.App.NotFound");
    QTest::newRow("no client_id") << "client_id" << QString() << false << "invalid_request"
                                  << QStringLiteral("auth request is missing client_id");
    QTest::newRow("no redirect_uri") << "redirect_uri" << QString() << false << "invalid_request"
                                     << QStringLiteral("auth request is missing redirect_uri");
    QTest::newRow("redirect_uri other path")
        << "redirect_uri"
        << "http://127.0.0.1:53123/elsewhere" << false << "invalid_request" << missingUri;
    QTest::newRow("redirect_uri not loopback")
        << "redirect_uri"
        << "http://example.com/callback" << false << "invalid_request" << missingUri;
    QTest::newRow("redirect_uri https elsewhere")
        << "redirect_uri"
        << "https://evil.example/callback" << false << "invalid_request" << missingUri;
    QTest::newRow("no scope") << "scope" << QString() << true << "invalid_request"
                              << QStringLiteral(
                                     "The scope of your request is missing. Please ensure some scopes are requested.")
            + Contact;
    QTest::newRow("no response_type") << "response_type" << QString() << true << "invalid_request"
                                      << QStringLiteral("The response type is missing in your request.") + Contact;
    QTest::newRow("implicit response_type")
        << "response_type"
        << "id_token" << true << "unauthorized_client"
        << QStringLiteral("The requested response type is missing in the client configuration.") + Contact;
    QTest::newRow("prompt none and login")
        << "prompt"
        << "none login" << true << "invalid_request"
        << QStringLiteral("The prompt parameter `none` must only be used as a single value");
    QTest::newRow("no code_challenge") << "code_challenge" << QString() << true << "invalid_request"
                                       << QStringLiteral("code_challenge required");
    QTest::newRow("plain code_challenge_method")
        << "code_challenge_method"
        << "plain" << true << "invalid_request"
        << QStringLiteral("code_challenge_method \"plain\" is not supported; use S256");
}

void TestMockOidc::authorizeRefusals()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, delivered);
    QFETCH(QString, error);
    QFETCH(QString, description);
    RouterHarness h;
    Flow f(h);
    Params params = authorizeParams();
    if (value.isNull())
        remove(params, name);
    else
        set(params, name, value);
    const MockResponse r = f.authorize(params);
    if (!delivered) {
        QCOMPARE(r.status, 400);
        QVERIFY2(header(r, "Location").isEmpty(), "an unchecked redirect_uri must never be redirected to");
        QCOMPARE(RouterHarness::json(r), oauthError(error, description));
        return;
    }
    QCOMPARE(r.status, 302);
    const QUrl location = QUrl::fromEncoded(header(r, "Location"));
    QCOMPARE(location.toString(QUrl::RemoveQuery), Redirect);
    const QUrlQuery q(location);
    QCOMPARE(q.queryItemValue(QStringLiteral("error")), error);
    QCOMPARE(q.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded), description);
    QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
    QCOMPARE(h.zitadel().oidc().pendingAuthRequestCount(), 0);
}

void TestMockOidc::loopbackRedirects_data()
{
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("127.0.0.1 any port") << "http://127.0.0.1:49152/callback" << true;
    QTest::newRow("127.0.0.1 another port") << "http://127.0.0.1:1/callback" << true;
    QTest::newRow("127.0.0.1 no port") << "http://127.0.0.1/callback" << true;
    QTest::newRow("localhost with port") << "http://localhost:8765/callback" << true;
    QTest::newRow("[::1] with port") << "http://[::1]:8765/callback" << true;
    QTest::newRow("other loopback address") << "http://127.0.0.2:8765/callback" << true;
    QTest::newRow("other path") << "http://127.0.0.1:8765/callback/x" << false;
    QTest::newRow("added query") << "http://127.0.0.1:8765/callback?x=1" << false;
    QTest::newRow("lan address") << "http://192.168.1.10:8765/callback" << false;
    QTest::newRow("custom scheme") << "com.example.app:/callback" << false;
}

void TestMockOidc::loopbackRedirects()
{
    QFETCH(QString, redirect);
    QFETCH(bool, accepted);
    RouterHarness h;
    Flow f(h);
    Params params = authorizeParams();
    set(params, QStringLiteral("redirect_uri"), redirect);
    const MockResponse r = f.signIn(QString::fromLatin1(SeedIds::Daisy), params);
    if (!accepted) {
        QCOMPARE(r.status, 400);
        QVERIFY(header(r, "Location").isEmpty());
        return;
    }
    QCOMPARE(r.status, 302);
    const QUrl back = QUrl::fromEncoded(header(r, "Location"));
    QCOMPARE(back.toString(QUrl::RemoveQuery), redirect);
    const QString code = QUrlQuery(back).queryItemValue(QStringLiteral("code"));
    QCOMPARE(f.exchange(code, {{QStringLiteral("redirect_uri"), redirect}}).status, 200);
}

void TestMockOidc::tokenRefusals_data()
{
    QTest::addColumn<QString>("name"); // the form field to change; a null value removes it
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");
    QTest::newRow("wrong verifier") << "code_verifier"
                                    << "0123456789012345678901234567890123456789abc" << 400 << "invalid_grant"
                                    << "invalid code_verifier";
    QTest::newRow("no verifier") << "code_verifier" << QString() << 400 << "invalid_request"
                                 << "code_verifier required";
    QTest::newRow("other redirect_uri") << "redirect_uri"
                                        << "http://127.0.0.1:9/callback" << 400 << "invalid_grant"
                                        << "redirect_uri does not correspond";
    QTest::newRow("no redirect_uri") << "redirect_uri" << QString() << 400 << "invalid_request"
                                     << "redirect_uri missing";
    QTest::newRow("unknown client") << "client_id"
                                    << "1234@other" << 401 << "invalid_client"
                                    << "no active client not found";
    QTest::newRow("no client_id") << "client_id" << QString() << 400 << "invalid_request"
                                  << "client_id or client_assertion must be provided";
    QTest::newRow("unknown code") << "code"
                                  << "bm90LWEtY29kZQ" << 400 << "invalid_request"
                                  << "Errors.User.Code.Invalid";
    QTest::newRow("no code") << "code" << QString() << 400 << "invalid_request"
                             << "code missing";
    QTest::newRow("no grant_type") << "grant_type" << QString() << 400 << "invalid_request"
                                   << "grant_type missing";
    QTest::newRow("password grant") << "grant_type"
                                    << "password" << 400 << "unsupported_grant_type"
                                    << "password not supported";
}

void TestMockOidc::tokenRefusals()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, description);
    RouterHarness h;
    Flow f(h);
    const QString code = f.code(QString::fromLatin1(SeedIds::Mickey));
    const MockResponse r = f.exchange(code, {{name, value}});
    QCOMPARE(r.status, status);
    QCOMPARE(header(r, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(RouterHarness::json(r), oauthError(error, description));
    QVERIFY(h.zitadel().oidc().sessions().empty());
}

// ZITADEL checks PKCE before it stores anything, so a refused verifier does not use the code up.
void TestMockOidc::refusedVerifierLeavesCodeUsable()
{
    RouterHarness h;
    Flow f(h);
    const QString code = f.code(QString::fromLatin1(SeedIds::Mickey));
    QCOMPARE(f.exchange(code,
                  {{QStringLiteral("code_verifier"), QStringLiteral("wrong-wrong-wrong-wrong-wrong-wrong-wrong-1")}})
                 .status,
        400);
    QCOMPARE(f.exchange(code).status, 200);
}

void TestMockOidc::reusedCode()
{
    RouterHarness h;
    Flow f(h);
    const QString code = f.code(QString::fromLatin1(SeedIds::Daisy));
    const QJsonObject first = RouterHarness::json(f.exchange(code));
    const MockResponse again = f.exchange(code);
    QCOMPARE(again.status, 400);
    QCOMPARE(RouterHarness::json(again),
        oauthError(QStringLiteral("invalid_request"), QStringLiteral("Errors.AuthRequest.NoCode")));
    // ZITADEL refuses the second exchange but leaves what the first one issued alone.
    QCOMPARE(f.get(QStringLiteral("/oidc/v1/userinfo"), str(first, "access_token").toLatin1()).status, 200);
    QCOMPARE(f.refresh(str(first, "refresh_token")).status, 200);
}

void TestMockOidc::expiredCode_data()
{
    QTest::addColumn<int>("ageSeconds");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("at its lifetime") << 600 << true;
    QTest::newRow("a second later") << 601 << false;
    QTest::newRow("an hour later") << 3600 << false;
}

void TestMockOidc::expiredCode()
{
    QFETCH(int, ageSeconds);
    QFETCH(bool, accepted);
    RouterHarness h;
    Flow f(h);
    const QString code = f.code(QString::fromLatin1(SeedIds::Goofy));
    h.advance(qint64(ageSeconds) * 1000);
    const MockResponse r = f.exchange(code);
    if (accepted) {
        QCOMPARE(r.status, 200);
        return;
    }
    QCOMPARE(r.status, 400);
    QCOMPARE(RouterHarness::json(r),
        oauthError(QStringLiteral("invalid_request"), QStringLiteral("Errors.AuthRequest.NoCode")));
}

// Current zitadel/oidc accepts a request without "openid" as plain OAuth 2: no id_token.
void TestMockOidc::withoutOpenidScope()
{
    RouterHarness h;
    Flow f(h);
    Params params = authorizeParams();
    set(params, QStringLiteral("scope"), QStringLiteral("profile"));
    const QJsonObject tokens = f.tokens(QString::fromLatin1(SeedIds::Mickey), params);
    QVERIFY(tokens.contains(QStringLiteral("access_token")));
    QVERIFY(!tokens.contains(QStringLiteral("id_token")));
    QVERIFY(!tokens.contains(QStringLiteral("refresh_token"))); // no offline_access either
    const QJsonObject info =
        RouterHarness::json(f.get(QStringLiteral("/oidc/v1/userinfo"), str(tokens, "access_token").toLatin1()));
    QCOMPARE(str(info, "preferred_username"), QStringLiteral("mickey@acme.mock.verifydesk.localhost"));
}

void TestMockOidc::refreshRotates()
{
    RouterHarness h;
    Flow f(h);
    const QJsonObject first = f.tokens(QString::fromLatin1(SeedIds::Daisy));
    h.advance(3600 * 1000);
    const MockResponse r = f.refresh(str(first, "refresh_token"));
    QCOMPARE(r.status, 200);
    QCOMPARE(header(r, "Cache-Control"), QByteArray("no-store"));
    const QJsonObject second = RouterHarness::json(r);
    QVERIFY(str(second, "access_token") != str(first, "access_token"));
    QVERIFY(str(second, "refresh_token") != str(first, "refresh_token"));
    QCOMPARE(second.value(QStringLiteral("expires_in")).toInt(), 43200);
    QVERIFY(second.contains(QStringLiteral("id_token")));
    // The old refresh token is refused; the session's earlier access token is replaced.
    const MockResponse old = f.refresh(str(first, "refresh_token"));
    QCOMPARE(old.status, 400);
    QCOMPARE(RouterHarness::json(old),
        oauthError(QStringLiteral("invalid_request"), QStringLiteral("Errors.OIDCSession.RefreshTokenInvalid")));
    QCOMPARE(f.get(QStringLiteral("/oidc/v1/userinfo"), str(first, "access_token").toLatin1()).status, 401);
    QCOMPARE(f.get(QStringLiteral("/oidc/v1/userinfo"), str(second, "access_token").toLatin1()).status, 200);
    QCOMPARE(f.resend(str(second, "access_token").toLatin1(), SeedIds::Donald).status, 200);
    // And the new one refreshes again.
    QCOMPARE(f.refresh(str(second, "refresh_token")).status, 200);
}

void TestMockOidc::refreshRefusals()
{
    RouterHarness h;
    Flow f(h);
    const QJsonObject tokens = f.tokens(QString::fromLatin1(SeedIds::Mickey));
    QCOMPARE(RouterHarness::json(f.refresh(QStringLiteral("never-issued"))),
        oauthError(QStringLiteral("invalid_request"), QStringLiteral("Errors.User.RefreshToken.Invalid")));
    QCOMPARE(RouterHarness::json(f.refresh(QString())),
        oauthError(QStringLiteral("invalid_request"), QStringLiteral("refresh_token missing")));
    const MockResponse wider = f.post("/oauth/v2/token",
        {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("refresh_token"), str(tokens, "refresh_token")},
            {QStringLiteral("client_id"), QString::fromLatin1(ClientId)},
            {QStringLiteral("scope"), QStringLiteral("openid phone")}});
    QCOMPARE(wider.status, 400);
    QCOMPARE(RouterHarness::json(wider), oauthError(QStringLiteral("invalid_scope")));
    // The idle lifetime (30 days) runs out.
    h.advance(qint64(30 * 86400 + 1) * 1000);
    QCOMPARE(RouterHarness::json(f.refresh(str(tokens, "refresh_token"))),
        oauthError(QStringLiteral("invalid_request"), QStringLiteral("Errors.OIDCSession.RefreshTokenInvalid")));
}

void TestMockOidc::userInfoClaims_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QJsonObject>("expected");
    const QString mickey = QString::fromLatin1(SeedIds::Mickey);
    const QString goofy = QString::fromLatin1(SeedIds::Goofy);
    const QJsonObject profile {{QStringLiteral("sub"), mickey},
        {QStringLiteral("name"), QStringLiteral("Mickey Mouse")},
        {QStringLiteral("given_name"), QStringLiteral("Mickey")},
        {QStringLiteral("family_name"), QStringLiteral("Mouse")},
        {QStringLiteral("nickname"), QStringLiteral("Mick")},
        {QStringLiteral("gender"), QStringLiteral("male")},
        {QStringLiteral("locale"), QStringLiteral("en")},
        {QStringLiteral("updated_at"), 1741169410}, // 2025-03-05T10:10:10.100Z
        {QStringLiteral("preferred_username"), QStringLiteral("mickey@acme.mock.verifydesk.localhost")}};
    QTest::newRow("openid") << "openid" << mickey << QJsonObject {{QStringLiteral("sub"), mickey}};
    QTest::newRow("profile") << "openid profile" << mickey << profile;
    QTest::newRow("email verified") << "openid email" << mickey
                                    << QJsonObject {{QStringLiteral("sub"), mickey},
                                           {QStringLiteral("email"), QStringLiteral("mickey@example.com")},
                                           {QStringLiteral("email_verified"), true}};
    // zitadel/oidc writes email_verified with omitempty: an unverified address has none.
    QTest::newRow("email unverified") << "openid email" << goofy
                                      << QJsonObject {{QStringLiteral("sub"), goofy},
                                             {QStringLiteral("email"), QStringLiteral("goofy@example.com")}};
    QTest::newRow("phone") << "openid phone" << mickey
                           << QJsonObject {{QStringLiteral("sub"), mickey},
                                  {QStringLiteral("phone_number"), QStringLiteral("+41791234576")},
                                  {QStringLiteral("phone_number_verified"), true}};
    QJsonObject org {{QStringLiteral("sub"), mickey},
        {QStringLiteral("urn:zitadel:iam:user:resourceowner:id"), QString::fromLatin1(SeedIds::AcmeOrg)},
        {QStringLiteral("urn:zitadel:iam:user:resourceowner:name"), QStringLiteral("ACME Corporation")},
        {QStringLiteral("urn:zitadel:iam:user:resourceowner:primary_domain"),
            QString::fromLatin1(SeedIds::AcmeDomain)}};
    QTest::newRow("resource owner") << "openid urn:zitadel:iam:user:resourceowner" << mickey << org;
    QJsonObject lead = profile;
    for (auto it = org.begin(); it != org.end(); ++it)
        lead.insert(it.key(), it.value());
    lead.insert(QStringLiteral("email"), QStringLiteral("mickey@example.com"));
    lead.insert(QStringLiteral("email_verified"), true);
    QTest::newRow("the desktop client's scopes") << LeadScopes << mickey << lead;
}

void TestMockOidc::userInfoClaims()
{
    QFETCH(QString, scope);
    QFETCH(QString, userId);
    QFETCH(QJsonObject, expected);
    RouterHarness h;
    Flow f(h);
    Params params = authorizeParams();
    set(params, QStringLiteral("scope"), scope);
    const QByteArray access = str(f.tokens(userId, params), "access_token").toLatin1();
    QCOMPARE(RouterHarness::json(f.get(QStringLiteral("/oidc/v1/userinfo"), access)), expected);
    // POST works the same, and so does the token as a form parameter.
    QCOMPARE(RouterHarness::json(f.post("/oidc/v1/userinfo", {}, access)), expected);
    QCOMPARE(RouterHarness::json(
                 f.post("/oidc/v1/userinfo", {{QStringLiteral("access_token"), QString::fromLatin1(access)}})),
        expected);
}

void TestMockOidc::userInfoRefusals()
{
    RouterHarness h;
    Flow f(h);
    const MockResponse none = f.get(QStringLiteral("/oidc/v1/userinfo"));
    QCOMPARE(none.status, 401);
    QCOMPARE(RouterHarness::json(none),
        oauthError(QStringLiteral("invalid_request"), QStringLiteral("access token missing")));
    const QJsonObject invalid = oauthError(QStringLiteral("access_denied"), QStringLiteral("access token invalid"));
    const MockResponse unknown = f.get(QStringLiteral("/oidc/v1/userinfo"), "not-a-token");
    QCOMPARE(unknown.status, 401);
    QCOMPARE(RouterHarness::json(unknown), invalid);
    // A seed token is no OIDC access token.
    QCOMPARE(f.get(QStringLiteral("/oidc/v1/userinfo"), SeedIds::AdminToken).status, 401);
    const QByteArray access = str(f.tokens(QString::fromLatin1(SeedIds::Mickey)), "access_token").toLatin1();
    h.advance(qint64(12 * 3600) * 1000);
    QCOMPARE(f.get(QStringLiteral("/oidc/v1/userinfo"), access).status, 200); // good at exactly its expiry
    h.advance(1000);
    const MockResponse expired = f.get(QStringLiteral("/oidc/v1/userinfo"), access);
    QCOMPARE(expired.status, 401);
    QCOMPARE(RouterHarness::json(expired), invalid);
}

void TestMockOidc::revokeAccessToken()
{
    RouterHarness h;
    Flow f(h);
    const QJsonObject tokens = f.tokens(QString::fromLatin1(SeedIds::Daisy));
    const QByteArray access = str(tokens, "access_token").toLatin1();
    QCOMPARE(f.resend(access, SeedIds::Donald).status, 200);
    const MockResponse r = f.post("/oauth/v2/revoke",
        {{QStringLiteral("token"), QString::fromLatin1(access)},
            {QStringLiteral("token_type_hint"), QStringLiteral("access_token")},
            {QStringLiteral("client_id"), QString::fromLatin1(ClientId)}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.isEmpty());
    QVERIFY(header(r, "Content-Type").isEmpty());
    const MockResponse api = f.resend(access, SeedIds::Donald);
    QCOMPARE(api.status, 401);
    QCOMPARE(RouterHarness::json(api),
        RouterHarness::restError(16, QStringLiteral("AUTH-7fs1e"), QStringLiteral("Token is invalid")));
    QCOMPARE(f.get(QStringLiteral("/oidc/v1/userinfo"), access).status, 401);
    // The refresh token lives on and gives a new access token.
    QCOMPARE(f.refresh(str(tokens, "refresh_token")).status, 200);
}

void TestMockOidc::revokeRefreshToken()
{
    RouterHarness h;
    Flow f(h);
    const QJsonObject tokens = f.tokens(QString::fromLatin1(SeedIds::Daisy));
    const MockResponse r = f.post("/oauth/v2/revoke",
        {{QStringLiteral("token"), str(tokens, "refresh_token")},
            {QStringLiteral("client_id"), QString::fromLatin1(ClientId)}});
    QCOMPARE(r.status, 200);
    QCOMPARE(RouterHarness::json(f.refresh(str(tokens, "refresh_token"))),
        oauthError(QStringLiteral("invalid_request"), QStringLiteral("Errors.OIDCSession.RefreshTokenInvalid")));
    // Revoking the refresh token ends the session's access token too.
    QCOMPARE(f.resend(str(tokens, "access_token").toLatin1(), SeedIds::Donald).status, 401);
}

void TestMockOidc::revokeRefusals()
{
    RouterHarness h;
    Flow f(h);
    const Params unknownToken {{QStringLiteral("token"), QStringLiteral("never-issued")},
        {QStringLiteral("client_id"), QString::fromLatin1(ClientId)}};
    QCOMPARE(f.post("/oauth/v2/revoke", unknownToken).status, 200); // RFC 7009 §2.2
    const MockResponse noToken =
        f.post("/oauth/v2/revoke", {{QStringLiteral("client_id"), QString::fromLatin1(ClientId)}});
    QCOMPARE(noToken.status, 400);
    QCOMPARE(
        RouterHarness::json(noToken), oauthError(QStringLiteral("invalid_request"), QStringLiteral("token missing")));
    const MockResponse client = f.post("/oauth/v2/revoke",
        {{QStringLiteral("token"), QStringLiteral("x")}, {QStringLiteral("client_id"), QStringLiteral("1@other")}});
    QCOMPARE(client.status, 401);
    QCOMPARE(RouterHarness::json(client),
        oauthError(QStringLiteral("invalid_client"), QStringLiteral("no active client not found")));
}

void TestMockOidc::supportAgentLikeMockSupport_data()
{
    QTest::addColumn<QByteArray>("userId");
    QTest::addColumn<int>("status");
    QTest::newRow("ACME user") << QByteArray(SeedIds::Donald) << 200;
    QTest::newRow("Globex user") << QByteArray(SeedIds::GlobexFrank) << 403;
}

// Daisy Duck's issued token may do what mock-support may, and is refused where it is refused,
// with the same error and id.
void TestMockOidc::supportAgentLikeMockSupport()
{
    QFETCH(QByteArray, userId);
    QFETCH(int, status);
    RouterHarness oidc;
    Flow f(oidc);
    const QByteArray access = str(f.tokens(QString::fromLatin1(SeedIds::Daisy)), "access_token").toLatin1();
    const MockResponse issued = f.resend(access, userId.constData());
    RouterHarness fixed;
    const MockResponse seed = Flow(fixed).resend(SeedIds::SupportToken, userId.constData());
    QCOMPARE(issued.status, status);
    QCOMPARE(seed.status, status);
    if (status != 200) {
        QCOMPARE(RouterHarness::json(issued), RouterHarness::json(seed));
        QVERIFY(RouterHarness::json(issued).contains(QStringLiteral("details"))); // with its error id
    }
    // Connect too.
    const MockResponse connect = oidc.connect("zitadel.user.v2.UserService/ResendEmailCode",
        access,
        QJsonObject {{QStringLiteral("userId"), QString::fromLatin1(userId)}});
    QCOMPARE(connect.status, status);
}

void TestMockOidc::expiredAccessTokenOnApi()
{
    RouterHarness h;
    Flow f(h);
    const QByteArray access = str(f.tokens(QString::fromLatin1(SeedIds::Mickey)), "access_token").toLatin1();
    QCOMPARE(h.get("/management/v1/orgs/me", access).status, 200);
    h.advance(qint64(12 * 3600 + 1) * 1000);
    const MockResponse expired = h.get("/management/v1/orgs/me", access);
    const MockResponse unknown = h.get("/management/v1/orgs/me", "no-such-token");
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.body, unknown.body);
    QCOMPARE(RouterHarness::json(expired),
        RouterHarness::restError(16, QStringLiteral("AUTH-7fs1e"), QStringLiteral("Token is invalid")));
    // The fixed tokens are unaffected by the clock.
    QCOMPARE(h.get("/management/v1/orgs/me", SeedIds::AdminToken).status, 200);
}

void TestMockOidc::expireAccessTokensAdminRoute()
{
    RouterHarness h;
    Flow f(h);
    const QJsonObject tokens = f.tokens(QString::fromLatin1(SeedIds::Goofy));
    const QByteArray access = str(tokens, "access_token").toLatin1();
    QCOMPARE(h.get("/v2/users/" + QByteArray(SeedIds::Donald), access).status, 200);
    const MockResponse r = h.admin("POST", "/_mock/oidc/_expire-access-tokens");
    QCOMPARE(r.status, 200);
    QCOMPARE(RouterHarness::json(r), QJsonObject({{QStringLiteral("expired"), QStringLiteral("1")}}));
    QCOMPARE(h.get("/v2/users/" + QByteArray(SeedIds::Donald), access).status, 401);
    // What a client does on that 401: refresh, and carry on.
    const QJsonObject renewed = RouterHarness::json(f.refresh(str(tokens, "refresh_token")));
    QCOMPARE(h.get("/v2/users/" + QByteArray(SeedIds::Donald), str(renewed, "access_token").toLatin1()).status, 200);
    // The C++ side does the same.
    QCOMPARE(h.zitadel().oidc().expireAccessTokens(), 1);
    QCOMPARE(h.get("/v2/users/" + QByteArray(SeedIds::Donald), str(renewed, "access_token").toLatin1()).status, 401);
}

void TestMockOidc::idTokenVerifies()
{
    RouterHarness h;
    Flow f(h);
    const QJsonObject tokens = f.tokens(QString::fromLatin1(SeedIds::Daisy));
    const QString idToken = str(tokens, "id_token");
    const QJsonObject jwk = RouterHarness::json(f.get(QStringLiteral("/oauth/v2/keys")))
                                .value(QStringLiteral("keys"))
                                .toArray()
                                .first()
                                .toObject();
    QVERIFY(verifyRs256(idToken.toLatin1(), jwk));
    // A changed payload does not verify: the check can fail.
    QStringList parts = idToken.split(QLatin1Char('.'));
    QJsonObject forged = jwtPart(idToken, 1);
    forged.insert(QStringLiteral("sub"), QString::fromLatin1(SeedIds::Mickey));
    parts[1] = QString::fromLatin1(MockJwtSigner::base64Url(QJsonDocument(forged).toJson(QJsonDocument::Compact)));
    QVERIFY(!verifyRs256(parts.join(QLatin1Char('.')).toLatin1(), jwk));

    const QJsonObject head = jwtPart(idToken, 0);
    QCOMPARE(str(head, "alg"), QStringLiteral("RS256"));
    QCOMPARE(str(head, "kid"), str(jwk, "kid"));
    const QJsonObject claims = jwtPart(idToken, 1);
    QCOMPARE(str(claims, "iss"), Issuer);
    QCOMPARE(str(claims, "sub"), QString::fromLatin1(SeedIds::Daisy));
    QCOMPARE(claims.value(QStringLiteral("aud")).toArray(),
        QJsonArray({QString::fromLatin1(ClientId), QString::fromLatin1(ProjectId)}));
    QCOMPARE(str(claims, "azp"), QString::fromLatin1(ClientId));
    QCOMPARE(str(claims, "nonce"), QStringLiteral("n-456"));
    QCOMPARE(claims.value(QStringLiteral("amr")).toArray(), QJsonArray {QStringLiteral("pwd")});
    const qint64 iat = claims.value(QStringLiteral("iat")).toInteger();
    QCOMPARE(iat, h.now().toSecsSinceEpoch());
    QCOMPARE(claims.value(QStringLiteral("exp")).toInteger() - iat, 43200);
    QCOMPARE(claims.value(QStringLiteral("auth_time")).toInteger(), iat);
    const QByteArray digest =
        QCryptographicHash::hash(str(tokens, "access_token").toLatin1(), QCryptographicHash::Sha256);
    QCOMPARE(b64(str(claims, "at_hash")), digest.left(16));
}

void TestMockOidc::adminOidcRoutes()
{
    RouterHarness h;
    Flow f(h);
    const QJsonObject tokens = f.tokens(QString::fromLatin1(SeedIds::Daisy));
    const MockResponse r = h.admin("GET", "/_mock/oidc");
    QCOMPARE(r.status, 200);
    const QJsonObject state = RouterHarness::json(r);
    QCOMPARE(str(state.value(QStringLiteral("applications")).toArray().first().toObject(), "clientId"),
        QString::fromLatin1(ClientId));
    const QJsonArray people = state.value(QStringLiteral("people")).toArray();
    QCOMPARE(people.size(), 3);
    QCOMPARE(str(people.at(1).toObject(), "role"), QStringLiteral("Support agent, ACME Corporation"));
    QCOMPARE(
        state.value(QStringLiteral("lifetimes")).toObject().value(QStringLiteral("codeLifetimeSeconds")).toInt(), 600);
    const QJsonArray sessions = state.value(QStringLiteral("sessions")).toArray();
    QCOMPARE(sessions.size(), 1);
    const QJsonObject s = sessions.first().toObject();
    QCOMPARE(str(s, "userId"), QString::fromLatin1(SeedIds::Daisy));
    QCOMPARE(str(s, "displayName"), QStringLiteral("Daisy Duck"));
    QCOMPARE(str(s, "accessToken"), str(tokens, "access_token").left(4) + QChar(0x2026));
    QCOMPARE(str(s, "refreshToken"), str(tokens, "refresh_token").left(4) + QChar(0x2026));
    QCOMPARE(s.value(QStringLiteral("accessTokenValid")).toBool(), true);
    QVERIFY(s.value(QStringLiteral("scopes")).toArray().contains(QStringLiteral("offline_access")));

    const MockResponse put =
        h.admin("PUT", "/_mock/oidc/lifetimes", R"({"accessTokenLifetimeSeconds": 60, "codeLifetimeSeconds": "5"})");
    QCOMPARE(put.status, 200);
    QCOMPARE(RouterHarness::json(put).value(QStringLiteral("accessTokenLifetimeSeconds")).toInt(), 60);
    QCOMPARE(h.zitadel().oidc().lifetimes().codeSeconds, 5);
    QCOMPARE(f.tokens(QString::fromLatin1(SeedIds::Mickey)).value(QStringLiteral("expires_in")).toInt(), 60);
    const MockResponse bad = h.admin("PUT", "/_mock/oidc/lifetimes", R"({"accessTokenLifetimeSeconds": 0})");
    QCOMPARE(bad.status, 400);
    QVERIFY(RouterHarness::json(bad)
                .value(QStringLiteral("error"))
                .toString()
                .contains(QStringLiteral("accessTokenLifetimeSeconds")));
    QCOMPARE(h.admin("PUT", "/_mock/oidc/lifetimes", R"({"tokenLifetime": 5})").status, 400);
    QCOMPARE(h.zitadel().oidc().lifetimes().accessTokenSeconds, 60); // refused PUTs change nothing
    QCOMPARE(h.admin("DELETE", "/_mock/oidc").status, 405);
    // Listed in the index.
    QVERIFY(h.admin("GET", "/_mock").body.contains("/_mock/oidc/_expire-access-tokens"));
}

void TestMockOidc::seedRoundTrip()
{
    RouterHarness h;
    QVERIFY(h.zitadel().oidc().setLifetimes(MockOidcLifetimes {100, 200, 300, 400, 50}, nullptr));
    const MockResponse saved = h.admin("GET", "/_mock/state");
    const QJsonObject oidc = RouterHarness::json(saved).value(QStringLiteral("oidc")).toObject();
    QCOMPARE(oidc.value(QStringLiteral("applications"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("redirectUris"))
                 .toArray()
                 .size(),
        3);
    QCOMPARE(oidc.value(QStringLiteral("people")).toArray().size(), 3);
    QCOMPARE(oidc.value(QStringLiteral("codeLifetimeSeconds")).toInt(), 50);
    QCOMPARE(oidc.value(QStringLiteral("refreshTokenAbsoluteSeconds")).toInt(), 400);

    QString error;
    const auto seed = MockSeedLoader::parse(saved.body, &error);
    QVERIFY2(seed, qPrintable(error));
    QCOMPARE(seed->oidc.lifetimes, (MockOidcLifetimes {100, 200, 300, 400, 50}));
    QCOMPARE(seed->oidc.people.at(2).grants.first().permissions.size(), 2);
    QCOMPARE(MockSeedWriter::write(*seed), saved.body);
    // Loading a state ends the sessions but keeps its configuration.
    Flow f(h);
    const QByteArray access = str(f.tokens(QString::fromLatin1(SeedIds::Mickey)), "access_token").toLatin1();
    QCOMPARE(h.admin("PUT", "/_mock/state", saved.body).status, 200);
    QCOMPARE(h.zitadel().oidc().lifetimes().accessTokenSeconds, 100);
    QCOMPARE(h.get("/management/v1/orgs/me", access).status, 401);
    // The built-in seed's defaults are ZITADEL's.
    QCOMPARE(RouterHarness().zitadel().oidc().lifetimes(), MockOidcLifetimes());
}

void TestMockOidc::seedRefusals_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");
    QTest::newRow("person not a user") << "\"userId\": \"312909075211944359\""
                                       << "\"userId\": \"1\""
                                       << "oidc.people[0].userId: 1 is not a human user of the seed";
    QTest::newRow("machine person") << "\"userId\": \"312909075211944359\""
                                    << "\"userId\": \"312909075211944349\""
                                    << "oidc.people[0].userId: 312909075211944349 is not a human user of the seed";
    QTest::newRow("web app") << "\"type\": \"native\""
                             << "\"type\": \"web\""
                             << "oidc.applications[0].type: the mock knows \"native\" applications only";
    QTest::newRow("zero lifetime") << "\"codeLifetimeSeconds\": 600"
                                   << "\"codeLifetimeSeconds\": 0"
                                   << "oidc.codeLifetimeSeconds: must be from 1 to 315360000 seconds";
}

void TestMockOidc::seedRefusals()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);
    QFile file(MockSeedLoader::builtInPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(from));
    text.replace(from, to);
    QString error;
    QVERIFY(!MockSeedLoader::parse(text.toUtf8(), &error));
    QCOMPARE(error, QStringLiteral("invalid seed: ") + message);
}

namespace
{
struct HttpReply
{
    int status = 0;
    QByteArray location;
    QByteArray body;
};

HttpReply http(
    QNetworkAccessManager& nam, const QUrl& url, const QByteArray& formBody = {}, const QByteArray& bearer = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    std::unique_ptr<QNetworkReply> reply;
    if (formBody.isNull()) {
        reply.reset(nam.get(request));
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply.reset(nam.post(request, formBody));
    }
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return {};
    return HttpReply {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        reply->rawHeader("Location"),
        reply->readAll()};
}

struct HttpSignIn
{
    QString code;
    QString state;
    QJsonObject tokens;
    int signInStatus = 0;
};

// The flow exactly as a browser-less client follows it over the wire.
HttpSignIn signInOverHttp(QNetworkAccessManager& nam, const QUrl& base, const QString& userId, const QString& redirect)
{
    HttpSignIn out;
    QUrl authorize = base.resolved(QUrl(QStringLiteral("/oauth/v2/authorize")));
    Params params = authorizeParams();
    set(params, QStringLiteral("redirect_uri"), redirect);
    authorize.setQuery(QString::fromLatin1(form(params)));
    const HttpReply start = http(nam, authorize);
    if (start.status != 302)
        return out;
    const HttpReply page = http(nam, base.resolved(QUrl::fromEncoded(start.location)));
    for (const Form& f : forms(page.body)) {
        if (f.fields.value(QStringLiteral("userId")) != userId)
            continue;
        Params fields;
        for (auto it = f.fields.begin(); it != f.fields.end(); ++it)
            fields.append({it.key(), it.value()});
        const HttpReply back = http(nam, base.resolved(QUrl(QStringLiteral("/ui/login/login"))), form(fields));
        out.signInStatus = back.status;
        const QUrl location = QUrl::fromEncoded(back.location);
        if (location.toString(QUrl::RemoveQuery) != redirect)
            return out;
        out.code = QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        out.state = QUrlQuery(location).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    }
    const HttpReply token = http(nam,
        base.resolved(QUrl(QStringLiteral("/oauth/v2/token"))),
        form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), out.code},
            {QStringLiteral("redirect_uri"), redirect},
            {QStringLiteral("client_id"), QString::fromLatin1(ClientId)},
            {QStringLiteral("code_verifier"), QString::fromLatin1(Verifier)}}));
    out.tokens = QJsonDocument::fromJson(token.body).object();
    return out;
}
} // namespace

void TestMockOidc::httpFlow_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<int>("globexResend");
    QTest::newRow("administrator") << QString::fromLatin1(SeedIds::Mickey) << "http://127.0.0.1:53123/callback" << 200;
    QTest::newRow("support agent, another port")
        << QString::fromLatin1(SeedIds::Daisy) << "http://127.0.0.1:61000/callback" << 403;
    QTest::newRow("read-only viewer, localhost")
        << QString::fromLatin1(SeedIds::Goofy) << "http://localhost:40000/callback" << 403;
}

void TestMockOidc::httpFlow()
{
    QFETCH(QString, userId);
    QFETCH(QString, redirect);
    QFETCH(int, globexResend);
    MockFixture mock;
    QVERIFY2(mock.ok(), qPrintable(mock.error()));
    QNetworkAccessManager nam;
    const QUrl base = mock.baseUrl();
    const HttpSignIn s = signInOverHttp(nam, base, userId, redirect);
    QCOMPARE(s.signInStatus, 302);
    QCOMPARE(s.state, QStringLiteral("st-123"));
    QVERIFY(!s.code.isEmpty());
    const QByteArray access = str(s.tokens, "access_token").toLatin1();
    QVERIFY2(!access.isEmpty(), QJsonDocument(s.tokens).toJson());
    // The issuer is the address the client used.
    const HttpReply discovery = http(nam, base.resolved(QUrl(QStringLiteral("/.well-known/openid-configuration"))));
    QCOMPARE(str(QJsonDocument::fromJson(discovery.body).object(), "issuer"), base.toString());
    QCOMPARE(str(jwtPart(str(s.tokens, "id_token"), 1), "iss"), base.toString());
    const HttpReply info = http(nam, base.resolved(QUrl(QStringLiteral("/oidc/v1/userinfo"))), QByteArray(), access);
    QCOMPARE(info.status, 200);
    QCOMPARE(str(QJsonDocument::fromJson(info.body).object(), "sub"), userId);
    QNetworkRequest resend(
        base.resolved(QUrl(QStringLiteral("/v2/users/%1/email/resend").arg(QLatin1String(SeedIds::GlobexFrank)))));
    resend.setRawHeader("Authorization", "Bearer " + access);
    resend.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(nam.post(resend, QByteArrayLiteral("{}")));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), globexResend);
}

// Drives the whole flow over HTTP with every debug message on, then looks for each issued
// secret in the captured vd.mock / qt.httpserver output, the request log and the admin API.
void TestMockOidc::secretsNeverLogged()
{
    QLoggingCategory::setFilterRules(
        QStringLiteral("vd.mock.debug=true\nqt.httpserver.debug=true\nqt.httpserver.*.debug=true"));
    QStringList messages;
    captured = &messages;
    const QtMessageHandler previous = qInstallMessageHandler(capture);
    QStringList secrets {QString::fromLatin1(Verifier)};
    {
        MockFixture mock;
        QVERIFY2(mock.ok(), qPrintable(mock.error()));
        QNetworkAccessManager nam;
        const QUrl base = mock.baseUrl();
        const HttpSignIn s = signInOverHttp(nam, base, QString::fromLatin1(SeedIds::Daisy), Redirect);
        secrets << s.code << str(s.tokens, "access_token") << str(s.tokens, "refresh_token")
                << str(s.tokens, "id_token");
        const QUrl token = base.resolved(QUrl(QStringLiteral("/oauth/v2/token")));
        // A reused code and a wrong verifier: refusals must not echo them either.
        http(nam,
            token,
            form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("code"), s.code},
                {QStringLiteral("redirect_uri"), Redirect},
                {QStringLiteral("client_id"), QString::fromLatin1(ClientId)},
                {QStringLiteral("code_verifier"), QStringLiteral("a-wrong-verifier-that-is-long-enough-0123456")}}));
        secrets << QStringLiteral("a-wrong-verifier-that-is-long-enough-0123456");
        const HttpReply refreshed = http(nam,
            token,
            form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                {QStringLiteral("refresh_token"), str(s.tokens, "refresh_token")},
                {QStringLiteral("client_id"), QString::fromLatin1(ClientId)}}));
        const QJsonObject renewed = QJsonDocument::fromJson(refreshed.body).object();
        secrets << str(renewed, "access_token") << str(renewed, "refresh_token") << str(renewed, "id_token");
        http(nam,
            base.resolved(QUrl(QStringLiteral("/oidc/v1/userinfo"))),
            QByteArray(),
            str(renewed, "access_token").toLatin1());
        http(nam,
            base.resolved(QUrl(QStringLiteral("/oidc/v1/userinfo"))),
            form({{QStringLiteral("access_token"), str(renewed, "access_token")}}));
        http(nam,
            base.resolved(QUrl(QStringLiteral("/oauth/v2/revoke"))),
            form({{QStringLiteral("token"), str(renewed, "access_token")},
                {QStringLiteral("client_id"), QString::fromLatin1(ClientId)}}));
        QVERIFY(!str(renewed, "access_token").isEmpty() && !str(renewed, "id_token").isEmpty());

        const QByteArray admin = mock.zitadel().adminToken().toUtf8();
        const HttpReply log = http(nam, base.resolved(QUrl(QStringLiteral("/_mock/requests"))), QByteArray(), admin);
        const HttpReply state = http(nam, base.resolved(QUrl(QStringLiteral("/_mock/oidc"))), QByteArray(), admin);
        QCOMPARE(log.status, 200);
        QCOMPARE(state.status, 200);
        // The log does keep the OIDC traffic, with the secrets replaced.
        QVERIFY(log.body.contains("/oauth/v2/token"));
        QVERIFY(QString::fromUtf8(log.body).contains(QStringLiteral("\u2026redacted\u2026")));
        QVERIFY(log.body.contains("grant_type=refresh_token"));
        for (const QString& secret : std::as_const(secrets)) {
            QVERIFY(secret.size() >= 32);
            QVERIFY2(!log.body.contains(secret.toUtf8()), "a secret is in the request log");
            QVERIFY2(!state.body.contains(secret.toUtf8()), "a secret is in GET /_mock/oidc");
        }
    }
    qInstallMessageHandler(previous);
    captured = nullptr;
    QLoggingCategory::setFilterRules(QString());
    QVERIFY2(messages.join(QLatin1Char('\n')).contains(QStringLiteral("vd.mock: oidc: code exchanged")),
        qPrintable(messages.join(QLatin1Char('\n')))); // the capture saw the mock's debug lines
    for (const QString& message : std::as_const(messages)) {
        for (const QString& secret : std::as_const(secrets))
            QVERIFY2(!message.contains(secret),
                qPrintable(QStringLiteral("a secret in a log message: ") + message.left(80)));
    }
}

QTEST_GUILESS_MAIN(TestMockOidc)
#include "TestMockOidc.moc"
