#pragma once

#include <QString>
#include <QStringList>

// ZITADEL renders a verification link's url_template with Go's text/template against
// domain.ConfirmURLData{UserID, Code, OrgID}. The client checks a template before sending
// it, the mock checks and renders it on receipt, and the UI renders an example link; all
// three must agree, so this is the one implementation.
//
// Understood: literal text; field actions {{.UserID}}, {{.Code}}, {{.OrgID}}; whitespace
// trim markers ({{- and -}}); comments {{/* ... */}}; the escaping functions urlquery,
// html and js, piped ({{.Code | urlquery}}) or called ({{urlquery .Code}}). Any other Go
// template construct (if, range, variables, literals) is reported as Unsupported: a link
// template has no use for them, and we would rather say so than guess at Go's semantics.
class UrlTemplate
{
public:
    enum class Problem
    {
        None,
        Empty,
        TooLong, // more than MaxLength Unicode code points ("runes"), as ZITADEL's validator counts
        Syntax, // Go's parser would fail (unclosed action, empty action): ZITADEL answers DOMAIN-oGh5e
        UnknownPlaceholder, // parses, but names a field ConfirmURLData lacks: ZITADEL answers DOMAIN-ieYa7
        Unsupported, // valid Go, but outside the subset described above
    };

    struct Check
    {
        Problem problem = Problem::None;
        QString detail; // the offending placeholder or action, for messages
        int position = -1; // UTF-16 offset of the offending action, -1 when not applicable
        bool ok() const { return problem == Problem::None; }
    };

    struct Values
    {
        QString userId;
        QString code;
        QString orgId;
    };

    static constexpr int MaxLength = 200;

    static QStringList placeholders()
    {
        return {QStringLiteral("UserID"), QStringLiteral("Code"), QStringLiteral("OrgID")};
    }

    // Checks the template as ZITADEL would, in the order ZITADEL does: length, then parse,
    // then execution against ConfirmURLData.
    static Check check(const QString& tmpl);

    // Renders a template that passed check(); returns an empty string otherwise.
    static QString render(const QString& tmpl, const Values& values);

    // One plain sentence describing a failed check, for people.
    static QString describe(const Check& check);
};
