#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

// Turns the certificate errors of a refused TLS handshake into words: what is wrong with the
// server's certificate (self-signed, issued by a CA this computer does not trust, expired, not
// yet valid, made out for other names) and what a person can do about it. Pure functions over
// QSslError values, so every case is covered by table tests without a server.
namespace TlsDiagnosis
{
struct Text
{
    QString sentence; // plain words, most important problem first
    QString technical; // Qt's error strings and the certificate's subject, issuer, dates, names
};

// `host` is the host name that was asked for; `peer` the certificate the server presented
// (used when an error carries none).
Text describe(const QList<QSslError>& errors, const QString& host, const QSslCertificate& peer = QSslCertificate());

// The names a certificate is valid for: its DNS and IP subject alternative names, or its
// common name when it has none. "localhost, 127.0.0.1"
QString namesOf(const QSslCertificate& certificate);
} // namespace TlsDiagnosis
