#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <initializer_list>
#include <optional>

struct MockRequest;

// Reads what a QA tool sends the admin API: query parameters and small JSON bodies. Every
// reader either succeeds or sets `problem` to a sentence that names the field and what is
// wrong with it, which MockAdminApi answers with 400. Unknown names are problems too: a typo
// such as "user_id" must not silently show every message.
class MockAdminInput
{
public:
    static bool query(const MockRequest& request,
        std::initializer_list<const char*> allowed,
        QHash<QString, QString>* out,
        QString* problem);
    // A whole number parameter from 0 to `max`; absent leaves `out` empty.
    static bool count(const QHash<QString, QString>& query,
        const char* name,
        quint64 max,
        std::optional<quint64>* out,
        QString* problem);

    // The body as a JSON object; `example` shows a valid body in the sentence.
    static bool object(const QByteArray& body, const char* example, QJsonObject* out, QString* problem);
    static bool onlyKeys(
        const QJsonObject& object, std::initializer_list<const char*> allowed, const QString& where, QString* problem);
    // A whole number from 0 to `max`, as a JSON number or a decimal string (protojson writes
    // 64-bit numbers as strings, so both must work).
    static bool number(const QJsonObject& object, const char* name, quint64 max, quint64* out, QString* problem);
    // The same from `min` to `max`; the sentence names the range.
    static bool number(
        const QJsonObject& object, const char* name, quint64 min, quint64 max, quint64* out, QString* problem);

    static QString list(std::initializer_list<const char*> names); // "a, b and c"
};
