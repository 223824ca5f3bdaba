#include "UrlTemplate.h"

#include "Runes.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

#include <optional>

namespace
{
enum class Escape
{
    None,
    UrlQuery,
    Html,
    Js
};

struct Action
{
    QString field; // without the leading dot
    Escape escape = Escape::None;
};

struct Segment
{
    bool isAction = false;
    QString text; // literal text, or the raw action source for messages
    Action action;
    int position = 0;
};

std::optional<Escape> escapeFunction(const QString& name)
{
    if (name == QLatin1String("urlquery"))
        return Escape::UrlQuery;
    if (name == QLatin1String("html"))
        return Escape::Html;
    if (name == QLatin1String("js"))
        return Escape::Js;
    return std::nullopt;
}

// Parses the inside of one {{ }} (already stripped of trim markers and whitespace).
// Returns nullopt with problem set when the action is not understood.
std::optional<Action> parseAction(const QString& body, UrlTemplate::Problem* problem)
{
    static const QRegularExpression field(QStringLiteral("^\\.([A-Za-z_][A-Za-z0-9_]*)$"));
    static const QRegularExpression piped(
        QStringLiteral("^\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\|\\s*([A-Za-z_][A-Za-z0-9_]*)$"));
    static const QRegularExpression called(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)\\s+\\.([A-Za-z_][A-Za-z0-9_]*)$"));

    if (body.isEmpty()) {
        *problem = UrlTemplate::Problem::Syntax; // Go: "missing value for command"
        return std::nullopt;
    }
    if (auto m = field.match(body); m.hasMatch())
        return Action {m.captured(1), Escape::None};
    if (auto m = piped.match(body); m.hasMatch()) {
        if (auto e = escapeFunction(m.captured(2)))
            return Action {m.captured(1), *e};
    }
    if (auto m = called.match(body); m.hasMatch()) {
        if (auto e = escapeFunction(m.captured(1)))
            return Action {m.captured(2), *e};
    }
    *problem = UrlTemplate::Problem::Unsupported;
    return std::nullopt;
}

// Splits a template into text and actions, applying trim markers to the text.
// On failure fills check and returns an empty list.
QList<Segment> parse(const QString& tmpl, UrlTemplate::Check* check)
{
    QList<Segment> segments;
    int pos = 0;
    bool trimNextText = false;
    while (pos < tmpl.size()) {
        const int open = tmpl.indexOf(QLatin1String("{{"), pos);
        QString text = tmpl.mid(pos, open < 0 ? -1 : open - pos);
        if (trimNextText) {
            int i = 0;
            while (i < text.size() && text.at(i).isSpace())
                ++i;
            text.remove(0, i);
            trimNextText = false;
        }
        if (open < 0) {
            if (!text.isEmpty())
                segments.append(Segment {false, text, {}, pos});
            break;
        }
        const int close = tmpl.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0) {
            *check = {UrlTemplate::Problem::Syntax, tmpl.mid(open), open};
            return {};
        }
        QString body = tmpl.mid(open + 2, close - open - 2);
        const QString source = tmpl.mid(open, close + 2 - open);
        // Go treats "{{- " and " -}}" (dash next to whitespace) as trim markers.
        if (body.size() >= 2 && body.at(0) == QLatin1Char('-') && body.at(1).isSpace()) {
            body.remove(0, 1);
            while (!text.isEmpty() && text.back().isSpace())
                text.chop(1);
        }
        if (body.size() >= 2 && body.back() == QLatin1Char('-') && body.at(body.size() - 2).isSpace()) {
            body.chop(1);
            trimNextText = true;
        }
        if (!text.isEmpty())
            segments.append(Segment {false, text, {}, pos});
        body = body.trimmed();
        if (body.startsWith(QLatin1String("/*"))) {
            if (!body.endsWith(QLatin1String("*/")) || body.size() < 4) {
                *check = {UrlTemplate::Problem::Syntax, source, open};
                return {};
            }
        } else {
            UrlTemplate::Problem problem = UrlTemplate::Problem::None;
            const auto action = parseAction(body, &problem);
            if (!action) {
                *check = {problem, source, open};
                return {};
            }
            segments.append(Segment {true, source, *action, open});
        }
        pos = close + 2;
    }
    return segments;
}

QString escaped(const QString& value, Escape escape)
{
    switch (escape) {
    case Escape::None:
        return value;
    case Escape::UrlQuery: {
        // Go's url.QueryEscape: space becomes '+', everything but unreserved is %XX.
        QString out = QString::fromLatin1(QUrl::toPercentEncoding(value, " "));
        out.replace(QLatin1Char(' '), QLatin1Char('+'));
        return out;
    }
    case Escape::Html:
        return value.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
    case Escape::Js: {
        QString out;
        for (const QChar c : value) {
            if (c == QLatin1Char('\\') || c == QLatin1Char('\'') || c == QLatin1Char('"'))
                out += QLatin1Char('\\') + QString(c);
            else if (c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('&') || c == QLatin1Char('='))
                out += QLatin1String("\\u")
                    + QString::number(c.unicode(), 16).rightJustified(4, QLatin1Char('0')).toUpper();
            else
                out += c;
        }
        return out;
    }
    }
    return value;
}
} // namespace

UrlTemplate::Check UrlTemplate::check(const QString& tmpl)
{
    if (tmpl.isEmpty())
        return {Problem::Empty, {}, -1};
    if (runeCount(tmpl) > MaxLength)
        return {Problem::TooLong, QString::number(runeCount(tmpl)), -1};
    Check result;
    const auto segments = parse(tmpl, &result);
    if (!result.ok())
        return result;
    const QStringList known = placeholders();
    for (const auto& s : segments) {
        if (s.isAction && !known.contains(s.action.field))
            return {Problem::UnknownPlaceholder, s.action.field, s.position};
    }
    return {};
}

QString UrlTemplate::render(const QString& tmpl, const Values& values)
{
    if (!check(tmpl).ok())
        return {};
    Check unused;
    QString out;
    for (const auto& s : parse(tmpl, &unused)) {
        if (!s.isAction) {
            out += s.text;
            continue;
        }
        const QString& f = s.action.field;
        const QString& value = f == QLatin1String("UserID") ? values.userId
            : f == QLatin1String("Code")                    ? values.code
                                                            : values.orgId; // check() admitted only the three
        out += escaped(value, s.action.escape);
    }
    return out;
}

QString UrlTemplate::describe(const Check& check)
{
    const char* ctx = "UrlTemplate";
    switch (check.problem) {
    case Problem::None:
        return {};
    case Problem::Empty:
        return QCoreApplication::translate(
            ctx, "The URL template is empty; leave it out to use ZITADEL's default link.");
    case Problem::TooLong:
        return QCoreApplication::translate(ctx, "The URL template is %1 characters long; ZITADEL accepts at most %2.")
            .arg(check.detail)
            .arg(MaxLength);
    case Problem::Syntax:
        return QCoreApplication::translate(
            ctx, "The URL template does not parse near \"%1\": every {{ needs a matching }}.")
            .arg(check.detail);
    case Problem::UnknownPlaceholder:
        return QCoreApplication::translate(
            ctx, "The URL template uses {{.%1}}, but only {{.UserID}}, {{.Code}} and {{.OrgID}} exist.")
            .arg(check.detail);
    case Problem::Unsupported:
        return QCoreApplication::translate(ctx,
            "The URL template uses \"%1\"; only placeholders like {{.Code}} (optionally | urlquery) are supported.")
            .arg(check.detail);
    }
    return {};
}
