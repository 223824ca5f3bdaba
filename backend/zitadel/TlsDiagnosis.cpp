#include "TlsDiagnosis.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace
{
QString tr(const char* text)
{
    return QCoreApplication::translate("TlsDiagnosis", text);
}

// Dates as 2001-01-01: the same in every locale, and what support reads back over the phone.
QString day(const QDateTime& when)
{
    return when.toUTC().date().toString(Qt::ISODate);
}

QString nameOf(const QSslCertificate& c)
{
    const QStringList cn = c.subjectInfo(QSslCertificate::CommonName);
    return cn.isEmpty() ? c.subjectDisplayName() : cn.join(QLatin1String(", "));
}

QString issuerOf(const QSslCertificate& c)
{
    const QStringList cn = c.issuerInfo(QSslCertificate::CommonName);
    return cn.isEmpty() ? c.issuerDisplayName() : cn.join(QLatin1String(", "));
}

bool isUntrustedChain(QSslError::SslError e)
{
    switch (e) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::InvalidCaCertificate:
        return true;
    default:
        return false;
    }
}
} // namespace

namespace TlsDiagnosis
{
QString namesOf(const QSslCertificate& certificate)
{
    QStringList names;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        if ((it.key() == QSsl::DnsEntry || it.key() == QSsl::IpAddressEntry) && !names.contains(it.value()))
            names.append(it.value());
    }
    // Alternative names come sorted by type; people expect the DNS names first.
    std::stable_sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
        const bool aIp = !a.isEmpty() && (a.at(0).isDigit() || a.contains(QLatin1Char(':')));
        const bool bIp = !b.isEmpty() && (b.at(0).isDigit() || b.contains(QLatin1Char(':')));
        return !aIp && bIp;
    });
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    constexpr int Shown = 6;
    if (names.size() > Shown) {
        const int more = int(names.size()) - Shown;
        names = names.mid(0, Shown);
        names.append(tr("%1 more").arg(more));
    }
    return names.join(QLatin1String(", "));
}

Text describe(const QList<QSslError>& errors, const QString& host, const QSslCertificate& peer)
{
    QString validity, trust, hostName;
    QStringList others, technical;
    bool selfSigned = false;
    for (const QSslError& error : errors) {
        const QString detail = error.errorString();
        if (!technical.contains(detail))
            technical.append(detail);
        const QSslCertificate cert = error.certificate().isNull() ? peer : error.certificate();
        // A CA further up the chain is named; the server's own certificate is "the server's".
        const QString whose = (!peer.isNull() && !cert.isNull() && cert != peer)
            ? tr("The certificate authority “%1” in the server's chain").arg(nameOf(cert))
            : tr("The server's certificate");
        switch (error.error()) {
        case QSslError::CertificateExpired:
            validity = tr("%1 expired on %2; its administrator must renew it (or, if that date looks wrong, check "
                          "this computer's clock).")
                           .arg(whose, day(cert.expiryDate()));
            break;
        case QSslError::CertificateNotYetValid:
            validity = tr("%1 is only valid from %2 on; check that this computer's date and time are right.")
                           .arg(whose, day(cert.effectiveDate()));
            break;
        case QSslError::SelfSignedCertificate:
            selfSigned = true;
            trust = tr("The server's certificate is self-signed: nothing but the server itself vouches for it, so "
                       "this computer cannot trust it.");
            break;
        case QSslError::CertificateRevoked: // Qt 6.4 has no words of its own for this one
            others.append(tr("%1 has been revoked by its issuer.").arg(whose));
            break;
        case QSslError::HostNameMismatch: {
            const QSslCertificate leaf = peer.isNull() ? cert : peer;
            hostName = tr("The server's certificate is for %1, not for %2, the host in the connection's address.")
                           .arg(namesOf(leaf), host);
            break;
        }
        default:
            if (isUntrustedChain(error.error())) {
                if (trust.isEmpty())
                    trust = tr("The server's certificate was issued by “%1”, a certificate authority this computer "
                               "does not trust.")
                                .arg(issuerOf(cert));
            } else if (!others.contains(detail)) {
                others.append(tr("The server's certificate was refused: %1.").arg(detail));
            }
        }
    }

    QStringList problems;
    for (const QString& p : {validity, trust, hostName})
        if (!p.isEmpty())
            problems.append(p);
    problems += others;
    if (!trust.isEmpty())
        problems.append(selfSigned
                ? tr("If this server is meant to have its own certificate, get that certificate file from its "
                     "administrator and add it to the connection as its CA file.")
                : tr("If the server uses your organization's own certificate authority, add that CA's certificate "
                     "file to the connection."));
    if (problems.isEmpty())
        problems.append(tr("The server's certificate could not be checked."));

    Text text;
    text.sentence = tr("The secure connection to %1 was refused, and nothing was sent. %2")
                        .arg(host, problems.join(QLatin1Char(' ')));
    const QSslCertificate shown = peer.isNull() && !errors.isEmpty() ? errors.first().certificate() : peer;
    QString certificate;
    if (!shown.isNull())
        certificate = QStringLiteral(" | certificate: subject “%1”, issuer “%2”, valid %3 to %4, for %5, SHA-256 %6")
                          .arg(nameOf(shown),
                              issuerOf(shown),
                              day(shown.effectiveDate()),
                              day(shown.expiryDate()),
                              namesOf(shown),
                              QString::fromLatin1(shown.digest(QCryptographicHash::Sha256).toHex(':')));
    text.technical = technical.join(QLatin1String("; ")) + certificate;
    return text;
}
} // namespace TlsDiagnosis
