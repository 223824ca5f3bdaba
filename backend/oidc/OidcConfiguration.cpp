#include "OidcConfiguration.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace
{
QString tr(const char* text)
{
    return QCoreApplication::translate("OidcConfiguration", text);
}

int portOf(const QUrl& url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && portOf(a) == portOf(b);
}

// The issuer compared as OIDC wants it (identical), forgiving only a trailing slash.
QString normalized(const QUrl& url)
{
    QString s = url.adjusted(QUrl::NormalizePathSegments).toString();
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}
} // namespace

QUrl OidcConfiguration::discoveryUrl(const QUrl& baseUrl)
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1String("/.well-known/openid-configuration"));
    return url;
}

std::optional<OidcConfiguration> OidcConfiguration::fromJson(
    const QJsonObject& document, const QUrl& baseUrl, QString* problem)
{
    OidcConfiguration config;
    config.issuer = QUrl(document.value(QLatin1String("issuer")).toString());
    if (!config.issuer.isValid() || config.issuer.isEmpty()) {
        *problem = tr("The instance's sign-in configuration names no issuer; is %1 a ZITADEL instance?")
                       .arg(baseUrl.toDisplayString());
        return std::nullopt;
    }
    if (normalized(config.issuer) != normalized(baseUrl)) {
        *problem = tr("The instance at %1 says its sign-in belongs to %2. Use that address as the connection's "
                      "instance URL.")
                       .arg(baseUrl.toDisplayString(), config.issuer.toDisplayString());
        return std::nullopt;
    }

    struct Field
    {
        const char* key;
        QUrl* target;
        bool required;
    };
    const Field fields[] = {
        {"authorization_endpoint", &config.authorizationEndpoint, true},
        {"token_endpoint", &config.tokenEndpoint, true},
        {"userinfo_endpoint", &config.userinfoEndpoint, false},
        {"revocation_endpoint", &config.revocationEndpoint, false},
    };
    for (const Field& field : fields) {
        const QString value = document.value(QLatin1String(field.key)).toString();
        if (value.isEmpty()) {
            if (field.required) {
                *problem = tr("The instance's sign-in configuration lacks the %1.").arg(QLatin1String(field.key));
                return std::nullopt;
            }
            continue;
        }
        const QUrl url(value);
        if (!url.isValid() || !sameOrigin(url, config.issuer)) {
            *problem = tr("The instance's sign-in configuration sends the %1 to another server (%2); Verify Desk "
                          "only signs in on the instance itself.")
                           .arg(QLatin1String(field.key), url.toDisplayString());
            return std::nullopt;
        }
        *field.target = url;
    }

    const QJsonValue methods = document.value(QLatin1String("code_challenge_methods_supported"));
    if (methods.isArray() && !methods.toArray().contains(QLatin1String("S256"))) {
        *problem = tr("The instance does not offer PKCE with S256, which a desktop sign-in needs.");
        return std::nullopt;
    }
    return config;
}
