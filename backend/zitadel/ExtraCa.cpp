#include "ExtraCa.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace
{
QString tr(const char* text)
{
    return QCoreApplication::translate("ExtraCa", text);
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
        if (c.expiryDate() < now)
            return fail(tr("The certificate in %1 expired on %2.")
                            .arg(path, QLocale().toString(c.expiryDate().toLocalTime(), QLocale::ShortFormat)));
        if (c.effectiveDate() > now)
            return fail(tr("The certificate in %1 is not valid before %2.")
                            .arg(path, QLocale().toString(c.effectiveDate().toLocalTime(), QLocale::ShortFormat)));
    }
    if (problem)
        problem->clear();
    return certificates;
}
} // namespace ExtraCa
