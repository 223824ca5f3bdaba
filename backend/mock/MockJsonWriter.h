#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QLatin1String>
#include <QStringView>

// Append-only JSON writer producing protobuf-JSON the way ZITADEL does: fields in proto
// order (QJsonObject would sort them), uint64 as strings, and the opt* helpers leave out
// zero values (false, 0, "", invalid timestamps) as protojson does. Writing bytes directly
// keeps the hot path (one resend answer) free of QJsonDocument round trips.
class MockJsonWriter
{
public:
    explicit MockJsonWriter(qsizetype reserve = 256) { m_out.reserve(reserve); }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(const char* latin1Key);

    void value(QStringView text);
    void value(QLatin1String text);
    void value(qint64 number);
    void value(bool flag);
    void value(double number); // shortest form that reads back exactly, e.g. 0.25

    void field(const char* k, QStringView text)
    {
        key(k);
        value(text);
    }
    void field(const char* k, QLatin1String text)
    {
        key(k);
        value(text);
    }
    void field(const char* k, qint64 number)
    {
        key(k);
        value(number);
    }
    void field(const char* k, bool flag)
    {
        key(k);
        value(flag);
    }

    void optString(const char* k, QStringView text);
    void optBool(const char* k, bool flag);
    void optUint64(const char* k, quint64 number); // as a JSON string, protojson's 64-bit rule
    void optTimestamp(const char* k, const QDateTime& time);
    void optEnum(const char* k, const char* name); // nullptr = the zero value, omitted

    QByteArray take() { return std::move(m_out); }

    static void appendEscaped(QByteArray& out, QStringView text);

private:
    void beforeValue();

    QByteArray m_out;
    bool m_needComma = false;
    bool m_afterKey = false;
};
