#include "SystemProxyFactory.h"

#include <QHostAddress>
#include <QNetworkProxyQuery>

bool SystemProxyFactory::isLoopbackHost(const QString& host)
{
    QString name = host.toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name == QLatin1String("localhost") || name.endsWith(QLatin1String(".localhost")))
        return true;
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    const QHostAddress address(name);
    if (address.isNull())
        return false;
    bool mapped = false;
    const QHostAddress v4(address.toIPv4Address(&mapped));
    return address.isLoopback() || (mapped && v4.isLoopback());
}

QList<QNetworkProxy> SystemProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    if (isLoopbackHost(query.peerHostName()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    return QNetworkProxyFactory::systemProxyForQuery(query);
}
