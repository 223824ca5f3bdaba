#include "DestinationMask.h"

#include <QList>

namespace
{
const QChar Bullet(0x2022);
const QString Hidden = QString(3, Bullet); // a fixed width: the mask must not reveal the length

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// E.164 country codes are 1, 2 or 3 digits and prefix-free, so the leading digits decide
// the length: "1" (NANP) and "7" are one digit, the list below two, everything else three.
int countryCodeLength(const QString& digits)
{
    if (digits.startsWith(QLatin1Char('1')) || digits.startsWith(QLatin1Char('7')))
        return 1;
    static const QList<int> twoDigit = {20,
        27,
        30,
        31,
        32,
        33,
        34,
        36,
        39,
        40,
        41,
        43,
        44,
        45,
        46,
        47,
        48,
        49,
        51,
        52,
        53,
        54,
        55,
        56,
        57,
        58,
        60,
        61,
        62,
        63,
        64,
        65,
        66,
        81,
        82,
        84,
        86,
        90,
        91,
        92,
        93,
        94,
        95,
        98};
    if (digits.size() >= 2 && twoDigit.contains(digits.left(2).toInt()))
        return 2;
    return 3;
}

// Group sizes for the national part, front to back, so that it reads like the way numbers
// are usually spoken: a 2-digit last group (the visible one), another pair before it, and
// threes in front, with a leading pair or two where the count does not divide by three.
// 9 digits -> 2 3 2 2 ("79 123 45 67"), 10 -> 3 3 2 2, 11 -> 2 2 3 2 2; 3 -> 1 2, 5 -> 3 2.
QList<int> groupSizes(int n)
{
    if (n <= 2)
        return {n};
    if (n == 3)
        return {1, 2};
    if (n == 5)
        return {3, 2};
    QList<int> sizes;
    int q = n - 4; // before the last two pairs
    if (q % 3 == 2) {
        sizes.append(2);
        q -= 2;
    } else if (q % 3 == 1) {
        sizes.append(2); // q >= 4 here: n == 5 was handled above
        sizes.append(2);
        q -= 4;
    }
    for (; q > 0; q -= 3)
        sizes.append(3);
    sizes.append(2);
    sizes.append(2);
    return sizes;
}

// Replaces every digit but the last two with bullets (all of them for 1-2 digit numbers, so
// a short number is never shown whole) and groups the result.
QString maskedGroups(const QString& digits)
{
    const int n = int(digits.size());
    const int visibleFrom = n > 2 ? n - 2 : n;
    QString out;
    int index = 0;
    for (int size : groupSizes(n)) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        for (int i = 0; i < size; ++i, ++index)
            out += index >= visibleFrom ? digits.at(index) : Bullet;
    }
    return out;
}
} // namespace

namespace DestinationMask
{
QString maskEmail(const QString& email)
{
    const QString address = email.trimmed();
    if (address.isEmpty())
        return {};
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const QString local = at < 0 ? address : address.left(at);
    const QString domain = at < 0 ? QString() : address.mid(at); // keeps the '@'
    QString first;
    if (!local.isEmpty()) // one code point, not half a surrogate pair
        first = local.left(local.at(0).isHighSurrogate() && local.size() > 1 ? 2 : 1);
    return first + Hidden + domain;
}

QString maskPhone(const QString& phone)
{
    const QString trimmed = phone.trimmed();
    if (trimmed.isEmpty())
        return {};
    QString digits;
    for (QChar c : trimmed) {
        if (isAsciiDigit(c))
            digits += c;
    }
    if (digits.isEmpty())
        return Hidden; // something was on file, but not a number: never echo it
    if (!trimmed.startsWith(QLatin1Char('+')))
        return maskedGroups(digits); // no "+": we cannot tell a country code from the number

    const int ccLength = countryCodeLength(digits);
    if (digits.size() <= ccLength)
        return QLatin1Char('+') + digits;
    return QLatin1Char('+') + digits.left(ccLength) + QLatin1Char(' ') + maskedGroups(digits.mid(ccLength));
}
} // namespace DestinationMask
