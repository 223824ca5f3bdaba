#pragma once

#include <QString>

// The wording of protoc-gen-validate failures, which ZITADEL passes through unchanged as an
// InvalidArgument without ErrorDetail ("invalid <Message>.<Field>: <reason>", nested
// messages chained with " | caused by: ").
class MockPgvText
{
public:
    static QString lengthBetween(const char* message, const char* field, int min, int max)
    {
        return prefix(message, field)
            + QStringLiteral("value length must be between %1 and %2 runes, inclusive").arg(min).arg(max);
    }
    static QString maxLength(const char* message, const char* field, int max)
    {
        return prefix(message, field) + QStringLiteral("value length must be at most %1 runes").arg(max);
    }
    static QString required(const char* message, const char* field)
    {
        return prefix(message, field) + QStringLiteral("value is required");
    }
    static QString definedEnum(const char* message, const char* field)
    {
        return prefix(message, field) + QStringLiteral("value must be one of the defined enum values");
    }
    static QString embedded(const char* message, const char* field, const QString& cause)
    {
        return prefix(message, field) + QStringLiteral("embedded message failed validation | caused by: ") + cause;
    }
    static QString embeddedAt(const char* message, const char* field, int index, const QString& cause)
    {
        return QStringLiteral("invalid %1.%2[%3]: embedded message failed validation | caused by: ")
                   .arg(QLatin1String(message), QLatin1String(field))
                   .arg(index)
            + cause;
    }

private:
    static QString prefix(const char* message, const char* field)
    {
        return QStringLiteral("invalid %1.%2: ").arg(QLatin1String(message), QLatin1String(field));
    }
};
