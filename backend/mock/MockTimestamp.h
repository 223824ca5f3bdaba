#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// google.protobuf.Timestamp in JSON: RFC 3339 in UTC with "Z", the fraction trimmed to
// 0, 3, 6 or 9 digits as protojson does. QDateTime carries milliseconds, so 0 or 3 here.
// Formatting is hand-written because it runs for every timestamp of every list page.
class MockTimestamp
{
public:
    static void append(QByteArray& out, const QDateTime& time);
    // Accepts what protojson accepts (any offset, optional fraction); invalid QDateTime otherwise.
    static QDateTime parse(const QString& text);
};
