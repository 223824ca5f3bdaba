#include "ExtraCa.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace
{
QString tr(const char* text)
{
    return QCoreApplication::translate("ExtraCa", text);
}

QString nameOf(const QSslCertificate& c)
{
    const QStringList cn = c.subjectInfo(QSslCertificate::CommonName);
    return cn.isEmpty() ? c.subjectDisplayName() : cn.join(QLatin1String(", "));
}

// A CA file is a few kilobytes; anything far larger is not one.
constexpr qint64 MaxCaFileBytes = 1024 * 1024;
} // namespace

namespace ExtraCa
{
QList<QSslCertificate> load(const QString& path, QString* problem)
{
    auto fail = [problem](const QString& sentence) {
        if (problem)
            *problem = sentence;
        return QList<QSslCertificate>();
    };
    const QFileInfo info(path);
    if (!info.exists())
        return fail(tr("The CA file %1 does not exist.").arg(path));
    if (!info.isFile())
        return fail(tr("The CA file %1 is not a file.").arg(path));
    if (info.size() > MaxCaFileBytes)
        return fail(tr("The CA file %1 is too large to be a certificate (over 1 MB).").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("The CA file %1 cannot be read: %2.").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();

    QList<QSslCertificate> certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(bytes, QSsl::Der);
    if (certificates.isEmpty())
        return fail(tr("The CA file %1 holds no certificate in PEM or DER form.").arg(path));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate& c : certificates) {
        // Dates as 2001-01-01, like the TLS sentences: the same in every locale.
        if (c.expiryDate() < now)
            return fail(tr("The certificate “%1” in %2 expired on %3.")
                            .arg(nameOf(c), path, c.expiryDate().toUTC().date().toString(Qt::ISODate)));
        if (c.effectiveDate() > now)
            return fail(tr("The certificate “%1” in %2 is not valid before %3.")
                            .arg(nameOf(c), path, c.effectiveDate().toUTC().date().toString(Qt::ISODate)));
    }
    if (problem)
        problem->clear();
    return certificates;
}
} // namespace ExtraCa
