#pragma once

#include <QJsonObject>
#include <QUrl>

#include <optional>

// What the instance's discovery document (/.well-known/openid-configuration) says about
// where to sign in. Read at run time, as ZITADEL asks of clients, never assumed.
struct OidcConfiguration
{
    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl userinfoEndpoint; // may be empty: the status bar then shows no name
    QUrl revocationEndpoint; // may be empty: sign-out then only forgets the tokens here

    static QUrl discoveryUrl(const QUrl& baseUrl);

    // Checks what a hostile or misconfigured server could abuse: the issuer must be the
    // instance asked (OpenID Connect Discovery §4.3), and every endpoint must live on that
    // same origin, so a refresh token never travels to another host. PKCE S256 must be
    // offered when the document lists methods at all. Returns nullopt and a sentence in
    // `problem` when the document cannot be used.
    static std::optional<OidcConfiguration> fromJson(
        const QJsonObject& document, const QUrl& baseUrl, QString* problem);
};
