#pragma once

#include "MockRouter.h"

#include <QByteArray>
#include <QHash>
#include <QString>

class MockZitadel;

// The OpenID provider's HTTP side, on ZITADEL's paths: discovery, keys, authorize, the mock's
// sign-in page (/ui/login/login, ZITADEL's login path), token, userinfo and revoke. Reads
// query strings and form bodies, answers JSON, HTML or a 302 with Location. MockOidcProvider
// holds the state and the rules; MockRouter sends these paths here before its ZITADEL API
// routes. These are not API calls: no bearer check, except userinfo's own.
//
// The issuer is "http://" + the request's Host header, as ZITADEL derives it from the request
// host, so the mock works on whatever port it listens.
class MockOidcEndpoints
{
public:
    explicit MockOidcEndpoints(MockZitadel& zitadel);

    static bool handles(const QByteArray& path);
    // The operation name fault rules and the request log use for an OIDC path, e.g.
    // "oidc.Token"; nullptr for paths without one (discovery, keys, the sign-in page).
    static const char* operation(const QByteArray& path);
    MockResponse handle(const MockRequest& request);

    // What the request log may keep of OIDC traffic: form bodies and query strings with the
    // values of secret parameters replaced, and JSON answers with secret members replaced.
    static QByteArray redactForm(const QByteArray& form);
    static QByteArray redactJson(const QByteArray& body);
    static const char* redacted() { return "\u2026redacted\u2026"; }

    // application/x-www-form-urlencoded (also a query string): '+' is a space, the first
    // value of a repeated name wins.
    static QHash<QString, QString> parseForm(const QByteArray& form);

private:
    MockResponse discovery(const QString& issuer) const;
    MockResponse authorize(const QHash<QString, QString>& params);
    MockResponse loginPage(const QHash<QString, QString>& params) const;
    MockResponse loginPost(const QHash<QString, QString>& form);
    MockResponse token(const QHash<QString, QString>& form, const QString& issuer);
    MockResponse userInfo(const MockRequest& request, const QHash<QString, QString>& params) const;
    MockResponse revoke(const QHash<QString, QString>& form);

    static QString issuer(const MockRequest& request, const QString& fallbackHost);

    MockZitadel& m_zitadel;
};
