#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Looks for secrets in an artefact: log text, clipboard text, a file's bytes. Each secret is
// looked for whole and by its first and last HalfLength characters (a token masked in the middle
// or cut short still gives itself away), each of those
//   - as UTF-8 (logs, INI values, JSON, curl),
//   - as UTF-16 in both byte orders (a QString inside a QDataStream or QVariant blob),
//   - as QSettings writes such a blob into an INI file ("\0r\0w\0\x63..."),
// and the whole secret base64-encoded (an encoded header or blob).
class LeakScan
{
public:
    static constexpr int HalfLength = 16;

    explicit LeakScan(const QList<QByteArray>& secrets);

    // What was found, e.g. "secret 1, first 16 characters, UTF-16BE"; empty when clean.
    QStringList find(const QByteArray& artefact) const;
    QStringList find(const QString& artefact) const { return find(artefact.toUtf8()); }

private:
    struct Needle
    {
        QByteArray bytes;
        QString what;
    };
    QList<Needle> m_needles;
};
