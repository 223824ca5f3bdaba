#pragma once

#include "MockError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Reads request messages the way protojson does: a field may be spelled with its JSON name
// (lowerCamelCase) or its proto name (snake_case); 64-bit numbers come as strings or
// numbers; enums as names or numbers; null means "not set"; unknown fields are ignored.
// Type mismatches become InvalidArgument "proto: ..." errors marked as decode errors,
// which the Connect envelope words as connect-go does.
class MockJsonReader
{
public:
    // Body bytes to a JSON object. An empty REST body is an empty message (grpc-gateway
    // ignores EOF); Connect refuses an empty body, as connect-go does.
    static bool parseBody(const QByteArray& body, bool emptyIsEmptyMessage, QJsonObject* out, MockError* error);

    static QJsonValue member(const QJsonObject& o, const char* jsonName, const char* protoName);
    static bool isSet(const QJsonValue& v) { return !v.isUndefined() && !v.isNull(); }

    static bool string(const QJsonValue& v, const char* field, QString* out, MockError* error);
    static bool uint64(const QJsonValue& v, const char* field, quint64* out, MockError* error);
    static bool uint32(const QJsonValue& v, const char* field, quint32* out, MockError* error);
    static bool boolean(const QJsonValue& v, const char* field, bool* out, MockError* error);
    static bool object(const QJsonValue& v, const char* field, QJsonObject* out, MockError* error);
    static bool array(const QJsonValue& v, const char* field, QJsonArray* out, MockError* error);
    // Enum by name (must be one of `names`, index = number) or by number (any int32; the
    // caller's validation decides whether it is defined). Unset leaves *out alone.
    static bool enumeration(
        const QJsonValue& v, const char* field, const char* const* names, int count, int* out, MockError* error);

    // "two members of the same oneof" is a protojson decode error.
    static MockError oneofTwice(const char* member, const char* oneofFullName);
    static MockError decodeError(const QString& text);
    static bool isDecodeError(const MockError& e);
};
