#include "JsonHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace
{
bool isNumberChar(QChar c)
{
    return c.isDigit() || c == QLatin1Char('.') || c == QLatin1Char('e') || c == QLatin1Char('E')
        || c == QLatin1Char('+') || c == QLatin1Char('-');
}

// Index just past the closing quote of the string starting at start (or the line's end).
int stringEnd(QStringView line, int start)
{
    int i = start + 1;
    while (i < line.size()) {
        if (line.at(i) == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        if (line.at(i) == QLatin1Char('"'))
            return i + 1;
        ++i;
    }
    return int(line.size());
}

bool followedByColon(QStringView line, int i)
{
    while (i < line.size() && line.at(i).isSpace())
        ++i;
    return i < line.size() && line.at(i) == QLatin1Char(':');
}
} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
    , m_colors(JsonColors::forPalette(QGuiApplication::palette()))
{ }

void JsonHighlighter::setPalette(const QPalette& palette)
{
    m_colors = JsonColors::forPalette(palette);
    rehighlight();
}

void JsonHighlighter::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    rehighlight();
}

QTextCharFormat JsonHighlighter::format(Token token) const
{
    QTextCharFormat f;
    switch (token) {
    case Token::Key:
        f.setForeground(m_colors.key);
        break;
    case Token::String:
        f.setForeground(m_colors.string);
        break;
    case Token::Number:
        f.setForeground(m_colors.number);
        break;
    case Token::Literal:
        f.setForeground(m_colors.literal);
        break;
    }
    return f;
}

QList<JsonHighlighter::Span> JsonHighlighter::tokenize(QStringView line)
{
    QList<Span> spans;
    const int n = int(line.size());
    int i = 0;
    while (i < n) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"')) {
            const int end = stringEnd(line, i);
            spans.append({i, end - i, followedByColon(line, end) ? Token::Key : Token::String});
            i = end;
        } else if (c.isDigit() || c == QLatin1Char('-')) {
            int end = i + 1;
            while (end < n && isNumberChar(line.at(end)))
                ++end;
            spans.append({i, end - i, Token::Number});
            i = end;
        } else if (c.isLetter()) {
            int end = i + 1;
            while (end < n && line.at(end).isLetter())
                ++end;
            const QStringView word = line.mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null")
                spans.append({i, end - i, Token::Literal});
            i = end;
        } else {
            ++i;
        }
    }
    return spans;
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    if (!m_enabled)
        return;
    for (const Span& span : tokenize(text))
        setFormat(span.start, span.length, format(span.token));
}
