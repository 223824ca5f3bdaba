#pragma once

#include <QNetworkProxyFactory>

// The proxy choice for every ZitadelClient request: the system's proxy settings (on Linux the
// http_proxy / https_proxy / no_proxy environment, read through libproxy, plus whatever
// desktop settings libproxy has a plugin for), except for this computer itself. The embedded
// mock listens on 127.0.0.1 and must never be reached through a proxy, which would see its
// tokens and could not reach it anyway; libproxy alone would send even 127.0.0.1 there.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override;

    // localhost, *.localhost, 127.0.0.0/8, ::1 and ::ffff:127.x.y.z.
    static bool isLoopbackHost(const QString& host);
};
