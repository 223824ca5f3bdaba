#include "JsonPretty.h"

namespace
{
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Cuts bytes to at most limit without splitting a UTF-8 sequence.
void cutUtf8(QByteArray& bytes, qsizetype limit)
{
    if (bytes.size() <= limit)
        return;
    qsizetype end = limit;
    // Back off continuation bytes (10xxxxxx), then the lead byte whose sequence was cut.
    while (end > 0 && (static_cast<uchar>(bytes.at(end)) & 0xC0) == 0x80)
        --end;
    bytes.truncate(end);
}

class Formatter
{
public:
    Formatter(const QByteArray& in, qsizetype limit)
        : m_in(in)
        , m_limit(limit)
    {
        m_out.reserve(qMin(in.size() * 2, limit + 64));
    }

    JsonPretty::Result run()
    {
        const qsizetype n = m_in.size();
        for (qsizetype i = 0; i < n; ++i) {
            if (m_out.size() > m_limit)
                return finish(true);
            const char c = m_in.at(i);
            if (isSpace(c))
                continue;
            switch (c) {
            case '"':
                i = copyString(i);
                break;
            case '{':
            case '[': {
                const qsizetype next = skipSpace(i + 1);
                const char close = c == '{' ? '}' : ']';
                if (next < n && m_in.at(next) == close) {
                    m_out += c;
                    m_out += close;
                    i = next;
                } else {
                    m_out += c;
                    ++m_depth;
                    newline();
                }
                break;
            }
            case '}':
            case ']':
                m_depth = qMax(0, m_depth - 1);
                newline();
                m_out += c;
                break;
            case ',':
                m_out += c;
                newline();
                break;
            case ':':
                m_out += ": ";
                break;
            default:
                m_out += c; // numbers, true/false/null: copied exactly as sent
                break;
            }
        }
        return finish(m_out.size() > m_limit);
    }

private:
    qsizetype skipSpace(qsizetype i) const
    {
        while (i < m_in.size() && isSpace(m_in.at(i)))
            ++i;
        return i;
    }

    // Copies a string literal including its quotes; returns the index of the closing quote.
    qsizetype copyString(qsizetype i)
    {
        const qsizetype n = m_in.size();
        qsizetype j = i + 1;
        while (j < n) {
            const char c = m_in.at(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '"')
                break;
            ++j;
        }
        const qsizetype end = qMin(j, n - 1);
        m_out.append(m_in.constData() + i, end - i + 1);
        return end;
    }

    void newline()
    {
        m_out += '\n';
        m_out.append(QByteArray(m_depth * 2, ' '));
    }

    JsonPretty::Result finish(bool truncated)
    {
        if (truncated)
            cutUtf8(m_out, m_limit);
        return {QString::fromUtf8(m_out), truncated};
    }

    const QByteArray& m_in;
    const qsizetype m_limit;
    QByteArray m_out;
    int m_depth = 0;
};
} // namespace

JsonPretty::Result JsonPretty::format(const QByteArray& json, qsizetype limitBytes)
{
    return Formatter(json, limitBytes).run();
}

JsonPretty::Result JsonPretty::truncated(const QByteArray& text, qsizetype limitBytes)
{
    if (text.size() <= limitBytes)
        return {QString::fromUtf8(text), false};
    QByteArray head = text.left(limitBytes + 1); // one byte more, so cutUtf8 can see the boundary
    cutUtf8(head, limitBytes);
    return {QString::fromUtf8(head), true};
}
