#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

// The certificates in tests/data/tls (see make-certs.sh there): a test CA, a server
// certificate it signed for localhost/127.0.0.1, and the broken ones.
namespace TestCertificates
{
// Absolute path of a file in tests/data/tls, e.g. path("ca.pem").
QString path(const QString& fileName);
QList<QSslCertificate> load(const QString& fileName);
// A server-side configuration presenting `certificateFile` with the one test server key.
QSslConfiguration server(const QString& certificateFile);
} // namespace TestCertificates
