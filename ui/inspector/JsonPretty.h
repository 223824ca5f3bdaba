#pragma once

#include <QByteArray>
#include <QString>

// Re-indents JSON text token by token instead of parsing it into a QJsonDocument, so the
// pretty view keeps the server's key order and number spelling exactly (QJsonObject would
// sort keys and turn 64-bit numbers into doubles).
namespace JsonPretty
{
// Pretty text cap: big enough for any real ZITADEL response, small enough that laying out and
// highlighting it never freezes the GUI.
constexpr qsizetype DefaultLimitBytes = 256 * 1024;

struct Result
{
    QString text;
    bool truncated = false; // text holds only the first limitBytes of the output
};

// Indents json (assumed valid; invalid input is formatted on a best-effort basis, never lost)
// with two spaces. Empty objects and arrays stay on one line as {} and [].
Result format(const QByteArray& json, qsizetype limitBytes = DefaultLimitBytes);

// The first limitBytes of text, cut on a UTF-8 character boundary.
Result truncated(const QByteArray& text, qsizetype limitBytes = DefaultLimitBytes);
} // namespace JsonPretty
