#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// What a successful answer of the token endpoint holds (RFC 6749 §5.1). Lives in memory only;
// the refresh token goes to the keychain, never to the settings file.
struct OidcTokenSet
{
    QString accessToken;
    QString refreshToken; // empty when the server issued none (a refresh answer may reuse the old)
    QString idToken;
    QDateTime expiresAt; // UTC; invalid when the server said nothing about expiry
    QString scope;

    // `receivedAt` is when the answer arrived; expires_in counts from then.
    static std::optional<OidcTokenSet> fromJson(const QJsonObject& body, const QDateTime& receivedAt, QString* problem);

    // When to refresh: a minute before expiry, or at three quarters of a short lifetime, so
    // an API call never goes out with a token about to lapse. Invalid when expiry is unknown.
    QDateTime refreshAt(const QDateTime& receivedAt) const;
};
