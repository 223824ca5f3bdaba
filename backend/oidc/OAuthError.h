#pragma once

#include <QJsonObject>
#include <QString>

// The errors of OAuth 2.0 (RFC 6749 §4.1.2.1 and §5.2) as ZITADEL's OIDC provider sends them:
// `error` and `error_description`, in the redirect to the app or in a JSON answer of the token
// endpoint. Turned into one sentence a support person can act on.
namespace OAuthError
{
enum class Step
{
    Authorize, // the browser came back with ?error=...
    CodeExchange, // POST /oauth/v2/token with the code
    Refresh, // POST /oauth/v2/token with the refresh token
    UserInfo,
};

// `error` empty means the body carried none (not an OAuth error answer).
struct Parsed
{
    QString error;
    QString description;
};
Parsed fromJson(const QJsonObject& body);

QString sentence(Step step, const QString& error, const QString& description, const QString& clientId);
} // namespace OAuthError
