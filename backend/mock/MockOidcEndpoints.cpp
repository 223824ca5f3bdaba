#include "MockOidcEndpoints.h"

#include "MockJsonWriter.h"
#include "MockJwtSigner.h"
#include "MockOidcPage.h"
#include "MockOidcProvider.h"
#include "MockZitadel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <initializer_list>

namespace
{
const QByteArray DiscoveryPath("/.well-known/openid-configuration");
const QByteArray KeysPath("/oauth/v2/keys");
const QByteArray AuthorizePath("/oauth/v2/authorize");
const QByteArray LoginPath("/ui/login/login");
const QByteArray TokenPath("/oauth/v2/token");
const QByteArray UserInfoPath("/oidc/v1/userinfo");
const QByteArray RevokePath("/oauth/v2/revoke");

// Parameters and members whose values are secrets: never in the request log.
const QSet<QString>& secretNames()
{
    static const QSet<QString> names {QStringLiteral("code"),
        QStringLiteral("code_verifier"),
        QStringLiteral("access_token"),
        QStringLiteral("refresh_token"),
        QStringLiteral("id_token"),
        QStringLiteral("id_token_hint"),
        QStringLiteral("token"),
        QStringLiteral("client_secret"),
        QStringLiteral("client_assertion")};
    return names;
}

const QByteArray* findHeader(const MockRequest& request, const char* name)
{
    for (const auto& h : request.headers) {
        if (QByteArrayView(h.first).compare(QByteArrayView(name), Qt::CaseInsensitive) == 0)
            return &h.second;
    }
    return nullptr;
}

MockResponse jsonAnswer(int status, QByteArray body)
{
    return MockResponse {
        status, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}}, std::move(body)};
}

// zitadel/oidc pkg/oidc/error.go MarshalJSON: error, then error_description when not empty.
MockResponse oauthError(const MockOidcError& e)
{
    MockJsonWriter w;
    w.beginObject();
    w.field("error", QLatin1String(e.error));
    w.optString("error_description", e.description);
    w.endObject();
    return jsonAnswer(e.status, w.take());
}

MockResponse redirect(const QUrl& location)
{
    // http.Redirect answers 302 with the Location; the mock sends no body.
    return MockResponse {302, {{QByteArrayLiteral("Location"), location.toEncoded()}}, {}};
}

MockResponse html(int status, QByteArray body)
{
    return MockResponse {status,
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")},
            {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")}},
        std::move(body)};
}

void stringArray(MockJsonWriter& w, const char* key, std::initializer_list<const char*> values)
{
    w.key(key);
    w.beginArray();
    for (const char* v : values)
        w.value(QLatin1String(v));
    w.endArray();
}

const char* genderClaim(MockGender gender)
{
    switch (gender) {
    case MockGender::Female:
        return "female";
    case MockGender::Male:
        return "male";
    case MockGender::Diverse:
        return "diverse";
    case MockGender::Unspecified:
        break;
    }
    return nullptr;
}

bool isForm(const MockRequest& request)
{
    const QByteArray* type = findHeader(request, "content-type");
    return type && type->trimmed().toLower().startsWith("application/x-www-form-urlencoded");
}
} // namespace

MockOidcEndpoints::MockOidcEndpoints(MockZitadel& zitadel)
    : m_zitadel(zitadel)
{ }

bool MockOidcEndpoints::handles(const QByteArray& path)
{
    return path == DiscoveryPath || path == KeysPath || path == AuthorizePath || path == LoginPath || path == TokenPath
        || path == UserInfoPath || path == RevokePath;
}

const char* MockOidcEndpoints::operation(const QByteArray& path)
{
    if (path == AuthorizePath)
        return "oidc.Authorize";
    if (path == TokenPath)
        return "oidc.Token";
    if (path == UserInfoPath)
        return "oidc.UserInfo";
    if (path == RevokePath)
        return "oidc.Revoke";
    return nullptr;
}

QHash<QString, QString> MockOidcEndpoints::parseForm(const QByteArray& form)
{
    QHash<QString, QString> out;
    for (const QByteArray& part : form.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        QByteArray name = eq < 0 ? part : part.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        const QString key = QString::fromUtf8(QByteArray::fromPercentEncoding(name));
        if (!out.contains(key))
            out.insert(key, QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return out;
}

QByteArray MockOidcEndpoints::redactForm(const QByteArray& form)
{
    if (form.trimmed().startsWith('{'))
        return redactJson(form); // a client that sent JSON instead of a form
    QByteArrayList parts = form.split('&');
    for (QByteArray& part : parts) {
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            continue;
        QByteArray name = part.left(eq);
        name.replace('+', ' ');
        if (secretNames().contains(QString::fromUtf8(QByteArray::fromPercentEncoding(name))))
            part = part.left(eq + 1) + QUrl::toPercentEncoding(QString::fromUtf8(redacted()));
    }
    return parts.join('&');
}

QByteArray MockOidcEndpoints::redactJson(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return body;
    QJsonObject object = doc.object();
    bool changed = false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (secretNames().contains(it.key())) {
            it.value() = QString::fromUtf8(redacted());
            changed = true;
        }
    }
    return changed ? QJsonDocument(object).toJson(QJsonDocument::Compact) : body;
}

QString MockOidcEndpoints::issuer(const MockRequest& request, const QString& fallbackHost)
{
    const QByteArray* host = findHeader(request, "host");
    const QString h = host && !host->trimmed().isEmpty() ? QString::fromLatin1(host->trimmed()) : fallbackHost;
    return QStringLiteral("http://") + h;
}

MockResponse MockOidcEndpoints::handle(const MockRequest& request)
{
    // As Go's r.Form: the form body's values first, the query's after them.
    QHash<QString, QString> params = isForm(request) ? parseForm(request.body) : QHash<QString, QString>();
    const QHash<QString, QString> query = parseForm(request.query);
    for (auto it = query.begin(); it != query.end(); ++it) {
        if (!params.contains(it.key()))
            params.insert(it.key(), it.value());
    }
    const QString iss = issuer(request, m_zitadel.instance().domain);
    const QByteArray& path = request.path;
    if (path == DiscoveryPath)
        return discovery(iss);
    if (path == KeysPath)
        return jsonAnswer(200, MockJwtSigner::shared().jwks());
    if (path == AuthorizePath)
        return authorize(params);
    if (path == LoginPath)
        return request.method == "POST" ? loginPost(params) : loginPage(params);
    if (path == TokenPath)
        return token(params, iss);
    if (path == UserInfoPath)
        return userInfo(request, params);
    return revoke(params);
}

// zitadel/oidc DiscoveryConfiguration field order; values as ZITADEL's createDiscoveryConfig
// (internal/api/oidc/server.go) fills them with the library's defaults (pkg/op/discovery.go).
MockResponse MockOidcEndpoints::discovery(const QString& issuer) const
{
    MockJsonWriter w(4096);
    w.beginObject();
    w.field("issuer", QStringView(issuer));
    const auto endpoint = [&](const char* key, const char* path) {
        w.field(key, QStringView(issuer + QLatin1String(path)));
    };
    endpoint("authorization_endpoint", "/oauth/v2/authorize");
    endpoint("token_endpoint", "/oauth/v2/token");
    endpoint("introspection_endpoint", "/oauth/v2/introspect"); // not served by the mock
    endpoint("userinfo_endpoint", "/oidc/v1/userinfo");
    endpoint("revocation_endpoint", "/oauth/v2/revoke");
    endpoint("end_session_endpoint", "/oidc/v1/end_session"); // not served by the mock
    endpoint("device_authorization_endpoint", "/oauth/v2/device_authorization"); // not served
    endpoint("jwks_uri", "/oauth/v2/keys");
    stringArray(w, "scopes_supported", {"openid", "profile", "email", "phone", "address", "offline_access"});
    stringArray(w, "response_types_supported", {"code", "id_token", "id_token token"});
    stringArray(w, "response_modes_supported", {"query", "fragment", "form_post"});
    stringArray(w,
        "grant_types_supported",
        {"authorization_code",
            "implicit",
            "refresh_token",
            "client_credentials",
            "urn:ietf:params:oauth:grant-type:jwt-bearer",
            "urn:ietf:params:oauth:grant-type:device_code"});
    stringArray(w, "subject_types_supported", {"public"});
    // ZITADEL lists every algorithm it can sign with; the mock signs RS256 only and says so.
    stringArray(w, "id_token_signing_alg_values_supported", {"RS256"});
    stringArray(w, "request_object_signing_alg_values_supported", {"RS256"});
    stringArray(w,
        "token_endpoint_auth_methods_supported",
        {"none", "client_secret_basic", "client_secret_post", "private_key_jwt"});
    stringArray(w, "token_endpoint_auth_signing_alg_values_supported", {"RS256"});
    stringArray(w,
        "revocation_endpoint_auth_methods_supported",
        {"none", "client_secret_basic", "client_secret_post", "private_key_jwt"});
    stringArray(w, "revocation_endpoint_auth_signing_alg_values_supported", {"RS256"});
    stringArray(w, "introspection_endpoint_auth_methods_supported", {"client_secret_basic", "private_key_jwt"});
    stringArray(w, "introspection_endpoint_auth_signing_alg_values_supported", {"RS256"});
    stringArray(w,
        "claims_supported",
        {"sub",
            "aud",
            "exp",
            "iat",
            "iss",
            "auth_time",
            "nonce",
            "acr",
            "amr",
            "c_hash",
            "at_hash",
            "act",
            "scopes",
            "client_id",
            "azp",
            "preferred_username",
            "name",
            "family_name",
            "given_name",
            "locale",
            "email",
            "email_verified",
            "phone_number",
            "phone_number_verified"});
    stringArray(w, "code_challenge_methods_supported", {"S256"});
    // UNCONFIRMED: ZITADEL lists the instance's allowed languages; these are some of its own.
    stringArray(w, "ui_locales_supported", {"de", "en", "es", "fr", "it", "ja", "pl", "zh"});
    w.field("request_parameter_supported", true);
    w.field("request_uri_parameter_supported", false);
    w.endObject();
    return jsonAnswer(200, w.take());
}

MockResponse MockOidcEndpoints::authorize(const QHash<QString, QString>& params)
{
    QString id;
    const MockOidcError e = m_zitadel.oidc().authorize(params, &id);
    if (!e.isError()) {
        // ZITADEL's login v1 path (StorageConfig DefaultLoginURL "/ui/login/login?authRequestID=").
        QUrl login;
        login.setPath(QString::fromLatin1(LoginPath));
        login.setQuery(QStringLiteral("authRequestID=") + id);
        return redirect(login);
    }
    if (!e.redirect)
        return oauthError(e);
    // RFC 6749 §4.1.2.1 as zitadel/oidc AuthResponseURL writes it: keys sorted.
    QUrl to(params.value(QStringLiteral("redirect_uri")));
    QList<QPair<QByteArray, QByteArray>> items {{"error", QUrl::toPercentEncoding(QString::fromLatin1(e.error))}};
    if (!e.description.isEmpty())
        items.append({"error_description", QUrl::toPercentEncoding(e.description)});
    const QString state = params.value(QStringLiteral("state"));
    if (!state.isEmpty())
        items.append({"state", QUrl::toPercentEncoding(state)});
    QByteArray query = to.query(QUrl::FullyEncoded).toLatin1();
    for (const auto& item : items) {
        if (!query.isEmpty())
            query.append('&');
        query.append(item.first).append('=').append(item.second);
    }
    to.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return redirect(to);
}

MockResponse MockOidcEndpoints::loginPage(const QHash<QString, QString>& params) const
{
    const QString id = params.value(QStringLiteral("authRequestID"));
    const MockOidcProvider& oidc = m_zitadel.oidc();
    const MockOidcProvider::AuthRequest* request = oidc.pendingAuthRequest(id);
    if (!request)
        return html(404,
            MockOidcPage::problem(QStringLiteral("This sign-in is over"),
                QStringLiteral("The sign-in \"%1\" is unknown, finished or cancelled. Start the sign-in again from "
                               "the application.")
                    .arg(id)));
    const MockOidcApplication* app = oidc.application(request->clientId);
    QList<MockOidcPage::Person> people;
    for (const MockOidcPerson& p : oidc.config().people) {
        const auto ref = m_zitadel.users().find(p.userId);
        if (!ref)
            continue;
        const MockUser user = m_zitadel.users().user(*ref);
        const MockOrg& org = m_zitadel.users().org(ref->org);
        people.append(
            {p.userId, user.displayName, user.userName + QLatin1Char('@') + org.primaryDomain, p.role, org.name});
    }
    return html(200, MockOidcPage::signIn(app ? app->name : request->clientId, id, people));
}

MockResponse MockOidcEndpoints::loginPost(const QHash<QString, QString>& form)
{
    const QString id = form.value(QStringLiteral("authRequestID"));
    QUrl location;
    QString problem;
    const bool cancel = form.value(QStringLiteral("cancel")) == QLatin1String("1");
    const bool ok = cancel ? m_zitadel.oidc().cancel(id, &location, &problem)
                           : m_zitadel.oidc().signIn(id, form.value(QStringLiteral("userId")), &location, &problem);
    if (!ok)
        return html(400, MockOidcPage::problem(QStringLiteral("Sign-in not possible"), problem));
    return redirect(location);
}

// RFC 6749 §5.1 and zitadel/oidc AccessTokenResponse member order.
MockResponse MockOidcEndpoints::token(const QHash<QString, QString>& form, const QString& issuer)
{
    MockOidcTokens tokens;
    const MockOidcError e = m_zitadel.oidc().token(form, issuer, &tokens);
    if (e.isError())
        return oauthError(e);
    MockJsonWriter w(2048);
    w.beginObject();
    w.field("access_token", QLatin1String(tokens.accessToken));
    w.field("token_type", QLatin1String("Bearer"));
    if (!tokens.refreshToken.isEmpty())
        w.field("refresh_token", QLatin1String(tokens.refreshToken));
    w.field("expires_in", tokens.expiresIn);
    if (!tokens.idToken.isEmpty())
        w.field("id_token", QLatin1String(tokens.idToken));
    w.endObject();
    MockResponse response = jsonAnswer(200, w.take());
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    response.headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
    return response;
}

// ZITADEL internal/api/oidc/userinfo.go: the claims each scope adds (userInfoToOIDC), members
// in zitadel/oidc UserInfo order. zitadel/oidc writes email_verified and
// phone_number_verified with omitempty, so an unverified address has no *_verified member.
MockResponse MockOidcEndpoints::userInfo(const MockRequest& request, const QHash<QString, QString>& params) const
{
    // zitadel/oidc server_http.go userInfoHandler: the Authorization header (split at
    // "Bearer ") wins over an access_token parameter.
    QString token = params.value(QStringLiteral("access_token"));
    if (const QByteArray* header = findHeader(request, "authorization")) {
        const QByteArrayList parts = QByteArray(*header).split(' ');
        if (parts.size() == 2 && parts.first() == "Bearer")
            token = QString::fromLatin1(parts.last());
    }
    if (token.isEmpty())
        return oauthError(MockOidcError::make("invalid_request", QStringLiteral("access token missing"), 401));
    const MockOidcProvider::Session* session = m_zitadel.oidc().sessionByAccessToken(token.toLatin1());
    // ZITADEL Server.UserInfo: access_denied "access token invalid", 401. zitadel/oidc sends
    // no WWW-Authenticate header with it.
    if (!session)
        return oauthError(MockOidcError::make("access_denied", QStringLiteral("access token invalid"), 401));
    const auto ref = m_zitadel.users().find(session->userId);
    if (!ref)
        return oauthError(MockOidcError::make("access_denied", QStringLiteral("no active user"), 401));
    const MockUser user = m_zitadel.users().user(*ref);
    const MockOrg& org = m_zitadel.users().org(ref->org);
    const QStringList& scopes = session->accessScopes;

    MockJsonWriter w(1024);
    w.beginObject();
    w.field("sub", QStringView(user.id));
    if (scopes.contains(QLatin1String("profile"))) {
        w.optString("name", user.displayName);
        w.optString("given_name", user.givenName);
        w.optString("family_name", user.familyName);
        w.optString("nickname", user.nickName);
        if (const char* gender = genderClaim(user.gender))
            w.field("gender", QLatin1String(gender));
        w.optString("locale", user.preferredLanguage);
        w.field("updated_at", user.changeDate.toSecsSinceEpoch());
        w.field("preferred_username", QStringView(user.userName + QLatin1Char('@') + org.primaryDomain));
    }
    if (scopes.contains(QLatin1String("email"))) {
        w.optString("email", user.email);
        w.optBool("email_verified", user.emailVerified);
    }
    if (scopes.contains(QLatin1String("phone"))) {
        w.optString("phone_number", user.phone);
        w.optBool("phone_number_verified", user.phoneVerified);
    }
    // setUserInfoOrgClaims: only with the urn:zitadel:iam:user:resourceowner scope.
    if (scopes.contains(QLatin1String("urn:zitadel:iam:user:resourceowner"))) {
        w.field("urn:zitadel:iam:user:resourceowner:id", QStringView(org.id));
        w.field("urn:zitadel:iam:user:resourceowner:name", QStringView(org.name));
        w.field("urn:zitadel:iam:user:resourceowner:primary_domain", QStringView(org.primaryDomain));
    }
    w.endObject();
    return jsonAnswer(200, w.take());
}

MockResponse MockOidcEndpoints::revoke(const QHash<QString, QString>& form)
{
    const MockOidcError e = m_zitadel.oidc().revoke(form);
    if (e.isError())
        return oauthError(e);
    // RFC 7009 §2.2: 200 and nothing to say, so no body and no Content-Type (an empty
    // "application/json" body would not parse).
    return MockResponse {200, {}, {}};
}
