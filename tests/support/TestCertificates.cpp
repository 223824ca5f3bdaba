#include "TestCertificates.h"

#include <QFile>
#include <QSslKey>

namespace TestCertificates
{
QString path(const QString& fileName)
{
    return QStringLiteral(VD_TEST_DATA_DIR "/tls/") + fileName;
}

QList<QSslCertificate> load(const QString& fileName)
{
    return QSslCertificate::fromPath(path(fileName), QSsl::Pem);
}

QSslConfiguration server(const QString& certificateFile)
{
    QFile keyFile(path(QStringLiteral("server.key")));
    if (!keyFile.open(QIODevice::ReadOnly))
        qFatal("test key missing: %s", qPrintable(keyFile.fileName()));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    const QList<QSslCertificate> chain = load(certificateFile);
    if (chain.isEmpty())
        qFatal("test certificate missing: %s", qPrintable(path(certificateFile)));
    configuration.setLocalCertificate(chain.first());
    return configuration;
}
} // namespace TestCertificates
