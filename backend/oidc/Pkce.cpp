#include "Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace
{
QByteArray randomBase64Url(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    // The system generator (getrandom), not the seeded global one: these values guard a login.
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(raw.data()), bytes / 4);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

namespace Pkce
{
QByteArray makeVerifier()
{
    return randomBase64Url(32);
}

QByteArray challengeS256(const QByteArray& verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray makeNonce()
{
    return randomBase64Url(16);
}
} // namespace Pkce
