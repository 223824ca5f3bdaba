#include "MockTimestamp.h"

namespace
{
// Days since 1970-01-01 to a proleptic Gregorian civil date (Howard Hinnant's algorithm).
void civilFromDays(qint64 days, qint64* year, int* month, int* day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    *day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    *month = int(mp < 10 ? mp + 3 : mp - 9);
    *year = yearOfEra + era * 400 + (*month <= 2 ? 1 : 0);
}

void appendDigits(QByteArray& out, qint64 value, int width)
{
    char buffer[20];
    int n = 0;
    do {
        buffer[n++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0 && n < 20);
    while (n < width)
        buffer[n++] = '0';
    while (n > 0)
        out.append(buffer[--n]);
}
} // namespace

void MockTimestamp::append(QByteArray& out, const QDateTime& time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    qint64 days = ms / 86400000;
    qint64 msOfDay = ms % 86400000;
    if (msOfDay < 0) {
        msOfDay += 86400000;
        --days;
    }
    qint64 year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, &year, &month, &day);
    appendDigits(out, year, 4);
    out.append('-');
    appendDigits(out, month, 2);
    out.append('-');
    appendDigits(out, day, 2);
    out.append('T');
    appendDigits(out, msOfDay / 3600000, 2);
    out.append(':');
    appendDigits(out, msOfDay / 60000 % 60, 2);
    out.append(':');
    appendDigits(out, msOfDay / 1000 % 60, 2);
    if (msOfDay % 1000 != 0) {
        out.append('.');
        appendDigits(out, msOfDay % 1000, 3);
    }
    out.append('Z');
}

QDateTime MockTimestamp::parse(const QString& text)
{
    // RFC 3339 requires the "T" and an offset; Qt::ISODateWithMs also takes fractions.
    if (text.size() < 20 || text.at(10) != QLatin1Char('T'))
        return {};
    const bool hasOffset = text.endsWith(QLatin1Char('Z')) || text.at(text.size() - 6) == QLatin1Char('+')
        || text.at(text.size() - 6) == QLatin1Char('-');
    if (!hasOffset)
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC();
}
