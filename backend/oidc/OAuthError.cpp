#include "OAuthError.h"

#include <QCoreApplication>

namespace
{
QString tr(const char* text)
{
    return QCoreApplication::translate("OAuthError", text);
}

// "“invalid code challenge”" or nothing, for the end of a sentence.
QString quoted(const QString& description)
{
    return description.isEmpty() ? QString() : QStringLiteral(" (ZITADEL: “%1”)").arg(description.left(300));
}
} // namespace

namespace OAuthError
{
Parsed fromJson(const QJsonObject& body)
{
    return Parsed {
        body.value(QLatin1String("error")).toString(), body.value(QLatin1String("error_description")).toString()};
}

QString sentence(Step step, const QString& error, const QString& description, const QString& clientId)
{
    const QString said = quoted(description);
    if (error == QLatin1String("access_denied"))
        return tr("The sign-in was cancelled or refused in the browser%1.").arg(said);
    if (error == QLatin1String("invalid_client") || error == QLatin1String("unauthorized_client"))
        return tr("ZITADEL does not accept the client ID “%1”%2. Edit the connection: the client ID must be the one "
                  "of a Native application with the redirect URI http://127.0.0.1/callback.")
            .arg(clientId, said);
    if (error == QLatin1String("invalid_scope"))
        return tr("ZITADEL refused the requested scopes%1.").arg(said);
    if (error == QLatin1String("login_required") || error == QLatin1String("interaction_required"))
        return tr("ZITADEL needs you to sign in again in the browser%1.").arg(said);
    // ZITADEL refuses a revoked, rotated or expired refresh token with invalid_request
    // (Errors.OIDCSession.RefreshTokenInvalid), where RFC 6749 says invalid_grant.
    if (step == Step::Refresh && (error == QLatin1String("invalid_grant") || error == QLatin1String("invalid_request")))
        return tr("Your sign-in has ended%1. Sign in again.").arg(said);
    if (error == QLatin1String("invalid_grant")) {
        return tr("ZITADEL refused the sign-in code%1. Sign in again.").arg(said);
    }
    if (error == QLatin1String("invalid_request") && step == Step::Authorize)
        return tr("ZITADEL refused the sign-in request%1. Check the connection's client ID and that its "
                  "application allows the redirect URI http://127.0.0.1/callback.")
            .arg(said);
    if (error == QLatin1String("server_error") || error == QLatin1String("temporarily_unavailable"))
        return tr("ZITADEL could not complete the sign-in because of a problem on the server%1. Try again later.")
            .arg(said);
    return tr("ZITADEL refused the sign-in: %1%2.").arg(error.left(100), said);
}
} // namespace OAuthError
