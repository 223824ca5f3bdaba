#include "LeakScan.h"

#include <QStringEncoder>

#include <cctype>

namespace
{
QByteArray utf16(const QByteArray& text, QStringConverter::Encoding encoding)
{
    QStringEncoder encoder(encoding, QStringConverter::Flag::Stateless);
    return encoder.encode(QString::fromUtf8(text));
}

// QSettings' INI writer escapes a NUL byte as "\0" and, right after such an escape, writes a
// hex digit as "\x" and its code ("\x63" for 'c') so it cannot be read as part of the escape;
// other printable ASCII stays as it is. So the UTF-16BE bytes of an ASCII token inside a
// @ByteArray(...) or @Variant(...) value read "\0r\0w\0\x63\0\x45...".
QByteArray iniEscapedUtf16(const QByteArray& text)
{
    QByteArray out;
    for (const char c : text) {
        out += "\\0";
        if (std::isxdigit(static_cast<unsigned char>(c)))
            out += "\\x" + QByteArray::number(int(c), 16);
        else
            out += c;
    }
    return out;
}
} // namespace

LeakScan::LeakScan(const QList<QByteArray>& secrets)
{
    for (int i = 0; i < secrets.size(); ++i) {
        const QByteArray& secret = secrets.at(i);
        Q_ASSERT(secret.size() > 2 * HalfLength); // else the halves would not be distinctive parts
        const QString name = QStringLiteral("secret %1").arg(i + 1);
        const QList<QPair<QByteArray, QString>> parts = {
            {secret, QStringLiteral("whole")},
            {secret.left(HalfLength), QStringLiteral("first %1 characters").arg(HalfLength)},
            {secret.right(HalfLength), QStringLiteral("last %1 characters").arg(HalfLength)},
        };
        for (const auto& [part, which] : parts) {
            const QString label = name + QStringLiteral(", ") + which;
            m_needles.append({part, label + QStringLiteral(", UTF-8")});
            m_needles.append({utf16(part, QStringConverter::Utf16LE), label + QStringLiteral(", UTF-16LE")});
            m_needles.append({utf16(part, QStringConverter::Utf16BE), label + QStringLiteral(", UTF-16BE")});
            m_needles.append({iniEscapedUtf16(part), label + QStringLiteral(", UTF-16 in an INI blob")});
        }
        m_needles.append({secret.toBase64(), name + QStringLiteral(", whole, base64")});
    }
}

QStringList LeakScan::find(const QByteArray& artefact) const
{
    QStringList found;
    for (const Needle& needle : m_needles) {
        if (artefact.contains(needle.bytes))
            found << needle.what;
    }
    return found;
}
