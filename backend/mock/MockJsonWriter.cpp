#include "MockJsonWriter.h"

#include "MockTimestamp.h"

#include <QLocale>

void MockJsonWriter::beforeValue()
{
    if (m_afterKey)
        m_afterKey = false;
    else if (m_needComma)
        m_out.append(',');
}

void MockJsonWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    m_needComma = false;
}

void MockJsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
}

void MockJsonWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    m_needComma = false;
}

void MockJsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
}

void MockJsonWriter::key(const char* latin1Key)
{
    if (m_needComma)
        m_out.append(',');
    m_out.append('"');
    m_out.append(latin1Key);
    m_out.append("\":", 2);
    m_afterKey = true;
    m_needComma = false;
}

void MockJsonWriter::value(QStringView text)
{
    beforeValue();
    m_out.append('"');
    appendEscaped(m_out, text);
    m_out.append('"');
    m_needComma = true;
}

void MockJsonWriter::value(QLatin1String text)
{
    beforeValue();
    m_out.append('"');
    // Latin-1 literals here are ASCII identifiers and URLs: nothing to escape but quotes.
    for (const char c : text) {
        if (c == '"' || c == '\\')
            m_out.append('\\');
        m_out.append(c);
    }
    m_out.append('"');
    m_needComma = true;
}

void MockJsonWriter::value(qint64 number)
{
    beforeValue();
    m_out.append(QByteArray::number(number));
    m_needComma = true;
}

void MockJsonWriter::value(double number)
{
    beforeValue();
    m_out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
    m_needComma = true;
}

void MockJsonWriter::value(bool flag)
{
    beforeValue();
    m_out.append(flag ? "true" : "false");
    m_needComma = true;
}

void MockJsonWriter::optString(const char* k, QStringView text)
{
    if (!text.isEmpty())
        field(k, text);
}

void MockJsonWriter::optBool(const char* k, bool flag)
{
    if (flag)
        field(k, true);
}

void MockJsonWriter::optUint64(const char* k, quint64 number)
{
    if (number == 0)
        return;
    key(k);
    beforeValue();
    m_out.append('"');
    m_out.append(QByteArray::number(number));
    m_out.append('"');
    m_needComma = true;
}

void MockJsonWriter::optTimestamp(const char* k, const QDateTime& time)
{
    if (!time.isValid())
        return;
    key(k);
    beforeValue();
    m_out.append('"');
    MockTimestamp::append(m_out, time);
    m_out.append('"');
    m_needComma = true;
}

void MockJsonWriter::optEnum(const char* k, const char* name)
{
    if (name)
        field(k, QLatin1String(name));
}

void MockJsonWriter::appendEscaped(QByteArray& out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = uchar(c);
        if (u >= 0x20 && c != '"' && c != '\\') {
            out.append(c);
            continue;
        }
        out.append('\\');
        switch (c) {
        case '"':
            out.append('"');
            break;
        case '\\':
            out.append('\\');
            break;
        case '\n':
            out.append('n');
            break;
        case '\r':
            out.append('r');
            break;
        case '\t':
            out.append('t');
            break;
        case '\b':
            out.append('b');
            break;
        case '\f':
            out.append('f');
            break;
        default:
            out.append("u00", 3);
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        }
    }
}
