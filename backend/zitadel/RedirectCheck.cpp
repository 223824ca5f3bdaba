#include "RedirectCheck.h"

#include <QCoreApplication>

namespace
{
QString tr(const char* text)
{
    return QCoreApplication::translate("RedirectCheck", text);
}

int portOf(const QUrl& url)
{
    return url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
}

QString refused(const QUrl& to, const QString& because)
{
    return tr("The server tried to send this request on to %1. Verify Desk did not follow, because %2; your token "
              "stays with the server you chose.")
        .arg(RedirectCheck::shown(to), because);
}
} // namespace

namespace RedirectCheck
{
QString shown(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toDisplayString();
}

std::optional<QString> refusal(const QUrl& origin, const QUrl& from, const QUrl& to)
{
    const QString scheme = to.scheme().toLower();
    const QString fromScheme = from.scheme().toLower();
    if (!to.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return refused(to, tr("it is not an http or https address"));
    if (to.host().compare(origin.host(), Qt::CaseInsensitive) != 0)
        return refused(to, tr("it is another server than %1").arg(origin.host()));
    if (fromScheme == QLatin1String("https") && scheme == QLatin1String("http"))
        return refused(to, tr("it would leave the encrypted connection (https) for plain http"));
    if (fromScheme == QLatin1String("http") && scheme == QLatin1String("https"))
        return std::nullopt; // an upgrade to TLS on the same host: the certificate proves the host
    if (portOf(to) != portOf(from))
        return refused(to, tr("it is another port (%1) than the one you chose (%2)").arg(portOf(to)).arg(portOf(from)));
    return std::nullopt;
}

QString tooManyRedirects(const QUrl& lastTarget)
{
    return tr("The server redirected this request more than %1 times (last to %2); Verify Desk stopped following.")
        .arg(MaxRedirects)
        .arg(shown(lastTarget));
}
} // namespace RedirectCheck
