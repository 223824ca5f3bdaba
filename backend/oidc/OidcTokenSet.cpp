#include "OidcTokenSet.h"

#include <algorithm>

std::optional<OidcTokenSet> OidcTokenSet::fromJson(
    const QJsonObject& body, const QDateTime& receivedAt, QString* problem)
{
    OidcTokenSet set;
    set.accessToken = body.value(QLatin1String("access_token")).toString();
    if (set.accessToken.isEmpty()) {
        *problem = QStringLiteral("the answer has no access_token");
        return std::nullopt;
    }
    const QString type = body.value(QLatin1String("token_type")).toString();
    if (type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        *problem = QStringLiteral("the token type is \"%1\", not Bearer").arg(type.left(40));
        return std::nullopt;
    }
    set.refreshToken = body.value(QLatin1String("refresh_token")).toString();
    set.idToken = body.value(QLatin1String("id_token")).toString();
    set.scope = body.value(QLatin1String("scope")).toString();
    const double expiresIn = body.value(QLatin1String("expires_in")).toDouble(-1);
    // A year is far beyond any ZITADEL setting; larger values are read as "unknown".
    if (expiresIn > 0 && expiresIn < 366.0 * 24 * 3600)
        set.expiresAt = receivedAt.addSecs(qint64(expiresIn));
    return set;
}

QDateTime OidcTokenSet::refreshAt(const QDateTime& receivedAt) const
{
    if (!expiresAt.isValid())
        return {};
    const qint64 lifetimeMs = receivedAt.msecsTo(expiresAt);
    const qint64 early = std::min<qint64>(60'000, lifetimeMs / 4);
    return expiresAt.addMSecs(-early);
}
