#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

// The one extra certificate authority a profile may trust (ConnectionProfile::extraCaFile),
// for instances behind a company CA. It is added to the system's CAs, never replaces them,
// and nothing here turns certificate checks off.
namespace ExtraCa
{
// Reads a PEM file (one or more certificates) or a DER file (one). Returns an empty list
// and a plain sentence in *problem when the file is missing, unreadable, holds no
// certificate, or holds one that is not valid today.
QList<QSslCertificate> load(const QString& path, QString* problem);
} // namespace ExtraCa
