#pragma once

#include "JsonColors.h"

#include <QList>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// Colours keys, strings, numbers and true/false/null in a JSON text. Works line by line without
// carrying state: JSON strings cannot contain a raw newline, so every token starts and ends on
// one line of the pretty text.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token
    {
        Key,
        String,
        Number,
        Literal,
    };

    struct Span
    {
        int start;
        int length;
        Token token;
    };

    explicit JsonHighlighter(QTextDocument* document);

    // Picks the colours for this palette and rehighlights; call it again when the palette changes.
    void setPalette(const QPalette& palette);
    // Off for bodies that are not JSON, so an HTML error page is not painted like JSON.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    QTextCharFormat format(Token token) const;

    // The tokens of one line; public so the tokenizer is tested without a document.
    static QList<Span> tokenize(QStringView line);

protected:
    void highlightBlock(const QString& text) override;

private:
    JsonColors m_colors;
    bool m_enabled = true;
};
