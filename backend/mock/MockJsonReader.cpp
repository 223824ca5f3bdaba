#include "MockJsonReader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace
{
const QLatin1String DecodePrefix("proto: ");

QString rawText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String:
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Array:
        return QStringLiteral("[");
    case QJsonValue::Object:
        return QStringLiteral("{");
    default:
        return QStringLiteral("null");
    }
}

MockError invalidValue(const char* kind, const char* field, const QJsonValue& v)
{
    return MockJsonReader::decodeError(
        QStringLiteral("invalid value for %1 field %2: %3").arg(QLatin1String(kind), QLatin1String(field), rawText(v)));
}

bool unsignedFrom(const QJsonValue& v, quint64 max, quint64* out)
{
    if (v.isString()) {
        bool ok = false;
        const quint64 n = v.toString().toULongLong(&ok);
        if (!ok || n > max)
            return false;
        *out = n;
        return true;
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d < 0 || d != std::floor(d) || d > double(max))
            return false;
        *out = quint64(d);
        return true;
    }
    return false;
}

// protojson reports line:column; QJsonParseError gives a byte offset.
QString position(const QByteArray& body, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < body.size(); ++i) {
        if (body.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("(line %1:%2)").arg(line).arg(column);
}
} // namespace

bool MockJsonReader::parseBody(const QByteArray& body, bool emptyIsEmptyMessage, QJsonObject* out, MockError* error)
{
    if (body.trimmed().isEmpty()) {
        if (emptyIsEmptyMessage) {
            *out = QJsonObject();
            return true;
        }
        // connect-go's JSON codec says this before protojson gets to see anything.
        *error = MockError::plain(
            MockError::Code::InvalidArgument, QStringLiteral("zero-length payload is not a valid JSON object"));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = decodeError(
            QStringLiteral("syntax error %1: %2").arg(position(body, parseError.offset), parseError.errorString()));
        return false;
    }
    if (!doc.isObject()) {
        *error = decodeError(QStringLiteral("syntax error (line 1:1): unexpected token, expected {"));
        return false;
    }
    *out = doc.object();
    return true;
}

QJsonValue MockJsonReader::member(const QJsonObject& o, const char* jsonName, const char* protoName)
{
    const auto it = o.constFind(QLatin1String(jsonName));
    if (it != o.constEnd())
        return *it;
    if (protoName)
        return o.value(QLatin1String(protoName));
    return QJsonValue(QJsonValue::Undefined);
}

bool MockJsonReader::string(const QJsonValue& v, const char* field, QString* out, MockError* error)
{
    if (!isSet(v))
        return true;
    if (!v.isString()) {
        *error = invalidValue("string", field, v);
        return false;
    }
    *out = v.toString();
    return true;
}

bool MockJsonReader::uint64(const QJsonValue& v, const char* field, quint64* out, MockError* error)
{
    if (!isSet(v))
        return true;
    if (!unsignedFrom(v, std::numeric_limits<quint64>::max(), out)) {
        *error = invalidValue("uint64", field, v);
        return false;
    }
    return true;
}

bool MockJsonReader::uint32(const QJsonValue& v, const char* field, quint32* out, MockError* error)
{
    if (!isSet(v))
        return true;
    quint64 n = 0;
    if (!unsignedFrom(v, std::numeric_limits<quint32>::max(), &n)) {
        *error = invalidValue("uint32", field, v);
        return false;
    }
    *out = quint32(n);
    return true;
}

bool MockJsonReader::boolean(const QJsonValue& v, const char* field, bool* out, MockError* error)
{
    if (!isSet(v))
        return true;
    if (!v.isBool()) {
        *error = invalidValue("bool", field, v);
        return false;
    }
    *out = v.toBool();
    return true;
}

bool MockJsonReader::object(const QJsonValue& v, const char* field, QJsonObject* out, MockError* error)
{
    if (!isSet(v))
        return true;
    if (!v.isObject()) {
        *error = invalidValue("message", field, v);
        return false;
    }
    *out = v.toObject();
    return true;
}

bool MockJsonReader::array(const QJsonValue& v, const char* field, QJsonArray* out, MockError* error)
{
    if (!isSet(v))
        return true;
    if (!v.isArray()) {
        *error = invalidValue("list", field, v);
        return false;
    }
    *out = v.toArray();
    return true;
}

bool MockJsonReader::enumeration(
    const QJsonValue& v, const char* field, const char* const* names, int count, int* out, MockError* error)
{
    if (!isSet(v))
        return true;
    if (v.isString()) {
        const QString name = v.toString();
        for (int i = 0; i < count; ++i) {
            if (names[i] && name == QLatin1String(names[i])) {
                *out = i;
                return true;
            }
        }
    } else if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == std::floor(d) && d >= -2147483648.0 && d <= 2147483647.0) {
            *out = int(d);
            return true;
        }
    }
    *error = invalidValue("enum", field, v);
    return false;
}

MockError MockJsonReader::oneofTwice(const char* member, const char* oneofFullName)
{
    return decodeError(QStringLiteral("error parsing \"%1\", oneof %2 is already set")
                           .arg(QLatin1String(member), QLatin1String(oneofFullName)));
}

MockError MockJsonReader::decodeError(const QString& text)
{
    return MockError::plain(MockError::Code::InvalidArgument, DecodePrefix + text);
}

bool MockJsonReader::isDecodeError(const MockError& e)
{
    return e.code() == MockError::Code::InvalidArgument && e.id().isEmpty() && e.text().startsWith(DecodePrefix);
}
