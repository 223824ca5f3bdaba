#include "PersonalDataMask.h"

#include "DestinationMask.h"

#include <QUrlQuery>
#include <QVarLengthArray>

#include <vector>

namespace
{
const QChar Bullet(0x2022);

// E.164 allows at most 15 digits; anything longer is an id or a count, never a phone number.
constexpr int MaxPhoneDigits = 15;

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// ---- email addresses -----------------------------------------------------------------------

// The local-part characters real addresses use (a subset of RFC 5322 atext).
bool isLocalChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('%')
        || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('\'');
}

bool isDomainChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-');
}

struct Span
{
    qsizetype start = -1;
    qsizetype end = -1; // one past the last character
    bool found() const { return start >= 0; }
};

// The address around the '@' at `at`, not reaching back before `floor` (text already replaced).
Span emailAt(const QString& text, qsizetype at, qsizetype floor)
{
    const qsizetype n = text.size();
    qsizetype start = at;
    while (start > floor && isLocalChar(text.at(start - 1)))
        --start;
    // A local part starts with a letter or digit: quotes, dots and dashes in front are text.
    while (start < at && !text.at(start).isLetterOrNumber())
        ++start;
    if (start == at)
        return {};

    // Labels of letters, digits and dashes joined by single dots; at least two, and a top-level
    // label of two or more characters with a letter in it ("example.com", not "1.2").
    qsizetype end = at + 1;
    int labels = 0;
    qsizetype lastLabelStart = end;
    while (true) {
        const qsizetype labelStart = end;
        while (end < n && isDomainChar(text.at(end)))
            ++end;
        if (end == labelStart)
            break;
        ++labels;
        lastLabelStart = labelStart;
        if (end + 1 < n && text.at(end) == QLatin1Char('.') && isDomainChar(text.at(end + 1)))
            ++end;
        else
            break;
    }
    if (labels < 2)
        return {};
    // A trailing dash belongs to the text, not the domain.
    while (end > lastLabelStart && text.at(end - 1) == QLatin1Char('-'))
        --end;
    const QStringView tld = QStringView(text).mid(lastLabelStart, end - lastLabelStart);
    if (tld.size() < 2 || std::none_of(tld.begin(), tld.end(), [](QChar c) { return c.isLetter(); }))
        return {};
    return {start, end};
}

// ---- phone numbers -------------------------------------------------------------------------

enum Separator : unsigned
{
    Space = 1,
    Dash = 2,
    Dot = 4,
    Slash = 8,
};

unsigned separatorKind(QChar c)
{
    switch (c.unicode()) {
    case ' ':
    case 0x00A0: // no-break space
    case 0x202F: // narrow no-break space, as some locales group digits
        return Space;
    case '-':
        return Dash;
    case '.':
        return Dot;
    case '/':
        return Slash;
    default:
        return 0;
    }
}

int bitCount(unsigned bits)
{
    int count = 0;
    for (; bits; bits &= bits - 1)
        ++count;
    return count;
}

// Characters that make a run of digits part of something else: a word, an email's local part,
// a decimal number, an identifier like "ID-0791234567", or an already masked number.
bool gluesToNumber(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('+')
        || c == QLatin1Char('-') || c == QLatin1Char('@') || c == Bullet;
}

// A candidate read by phoneAt, up to one of its group boundaries (views into phoneAt's arrays,
// so trying every boundary costs no copies).
struct PhoneShape
{
    const char* digits;
    int digitCount;
    const int* groups; // digits per group, in order
    int groupCount;
    unsigned separators; // Separator bits seen between the groups
    bool plus;
    bool startsWithBracket;
    bool hasBracket;
};

// "+" 2024-05-17 is a date with a sign, not a phone number.
bool isDateShape(const PhoneShape& s)
{
    return s.groupCount == 3 && s.groups[0] == 4 && s.groups[1] == 2 && s.groups[2] == 2;
}

bool isPhone(const PhoneShape& s)
{
    const int n = s.digitCount;
    if (n == 0)
        return false;
    if (s.plus)
        return n >= 7 && !isDateShape(s);
    if (n >= 3 && s.digits[0] == '0' && s.digits[1] == '0') // international "00" prefix
        return s.digits[2] != '0' && n >= 10;
    if (s.startsWithBracket) // (415) 555-0100, (030) 1234567
        return s.groups[0] >= 2 && s.groups[0] <= 5 && n >= 8 && n <= 12;
    if (s.hasBracket)
        return false;
    if (s.digits[0] == '0') { // a national number with its trunk prefix
        if (n < 9 || n > 12)
            return false;
        if (s.groupCount == 1)
            return true;
        if (bitCount(s.separators) != 1 || s.groups[0] < 2)
            return false;
        return std::all_of(s.groups, s.groups + s.groupCount, [](int g) { return g >= 2 && g <= 8; });
    }
    // North American numbers are written 415-555-0100 or 415.555.0100; with spaces, "200 300
    // 4000" is as likely a list of numbers, so spaces do not count here.
    if (s.separators != Dash && s.separators != Dot)
        return false;
    const int* g = s.groups;
    if (s.groupCount == 3 && g[0] == 3 && g[1] == 3 && g[2] == 4)
        return s.digits[0] >= '2';
    if (s.groupCount == 4 && g[0] == 1 && g[1] == 3 && g[2] == 3 && g[3] == 4)
        return s.digits[0] == '1';
    return false;
}

// One run of digits read by phoneAt, with what was seen up to its end.
struct DigitGroup
{
    qsizetype end; // one past its last digit
    int digitsSoFar; // in this and the groups before it
    unsigned separators; // Separator bits between the groups so far
    bool bracketed; // inside "(...)"
    bool hasBracket; // this or an earlier group was bracketed
};

// The phone number starting at `start` ('+', '(' or a digit), or nothing. Reads at most
// MaxPhoneDigits digits and their separators, so a long run of digits costs constant time here.
// Two numbers written one after the other ("079 123 45 67 044 668 18 00") are two numbers: the
// longest run of whole groups that reads as a phone number wins.
Span phoneAt(const QString& text, qsizetype start)
{
    const qsizetype n = text.size();
    if (start > 0 && gluesToNumber(text.at(start - 1)))
        return {};
    qsizetype i = start;
    const bool plus = text.at(i) == QLatin1Char('+');
    if (plus)
        ++i;
    const bool startsWithBracket = i < n && text.at(i) == QLatin1Char('(');

    QVarLengthArray<char, MaxPhoneDigits> digits;
    QVarLengthArray<int, MaxPhoneDigits> sizes;
    QVarLengthArray<DigitGroup, MaxPhoneDigits> groups;
    unsigned separators = 0;
    bool inBracket = false;
    bool hasBracket = false;
    while (i < n) {
        if (text.at(i) == QLatin1Char('(') && !inBracket && i + 1 < n && isDigit(text.at(i + 1))) {
            inBracket = hasBracket = true;
            ++i;
        }
        qsizetype runEnd = i;
        while (runEnd < n && isDigit(text.at(runEnd)) && runEnd - i <= MaxPhoneDigits)
            ++runEnd;
        const int length = int(runEnd - i);
        if (length == 0 || digits.size() + length > MaxPhoneDigits)
            break; // no digits here, or a group that does not fit: the number ended before it
        for (qsizetype k = i; k < runEnd; ++k)
            digits.append(char(text.at(k).unicode()));
        i = runEnd;
        sizes.append(length);
        groups.append({runEnd, int(digits.size()), separators, inBracket, hasBracket});
        if (inBracket) {
            if (i >= n || text.at(i) != QLatin1Char(')'))
                break;
            inBracket = false;
            ++i; // "(0)79": digits may follow the bracket directly
            if (i < n && isDigit(text.at(i)))
                continue;
        }
        // One separator between groups, and only when more digits follow it.
        if (i + 1 < n && separatorKind(text.at(i)) != 0
            && (isDigit(text.at(i + 1)) || text.at(i + 1) == QLatin1Char('('))) {
            separators |= separatorKind(text.at(i));
            ++i;
            continue;
        }
        if (i < n && text.at(i) == QLatin1Char('('))
            continue; // "+41(0)79..."
        break;
    }

    for (qsizetype k = groups.size() - 1; k >= 0; --k) {
        const DigitGroup& last = groups[k];
        if (last.bracketed)
            continue; // a number does not end inside or with a bracket
        const qsizetype end = last.end;
        if (end < n) {
            const QChar after = text.at(end);
            // A dot after the number ends a sentence, unless a digit follows (a decimal).
            if (after == QLatin1Char('.') ? end + 1 < n && isDigit(text.at(end + 1)) : gluesToNumber(after))
                continue;
        }
        const PhoneShape shape {digits.constData(),
            last.digitsSoFar,
            sizes.constData(),
            int(k + 1),
            last.separators,
            plus,
            startsWithBracket,
            last.hasBracket};
        if (isPhone(shape))
            return {start, end};
    }
    return {};
}

// ---- JSON ----------------------------------------------------------------------------------

// Index of the closing quote of the string literal opening at `open`, or n when it never closes.
qsizetype stringEnd(const char* d, qsizetype n, qsizetype open)
{
    qsizetype i = open + 1;
    while (i < n) {
        if (d[i] == '\\') {
            i += 2;
            continue;
        }
        if (d[i] == '"')
            return i;
        ++i;
    }
    return n;
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool followedByColon(const char* d, qsizetype n, qsizetype i)
{
    while (i < n && isJsonSpace(d[i]))
        ++i;
    return i < n && d[i] == ':';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The text of a string literal's content (between the quotes), escapes resolved. Malformed
// escapes are kept as they stand: the result only decides what to mask.
QString decodeJsonString(const char* d, qsizetype length)
{
    QString out;
    qsizetype runStart = 0;
    qsizetype i = 0;
    auto flush = [&](qsizetype upTo) {
        if (upTo > runStart)
            out += QString::fromUtf8(d + runStart, upTo - runStart);
    };
    while (i < length) {
        if (d[i] != '\\') {
            ++i;
            continue;
        }
        flush(i);
        const char e = i + 1 < length ? d[i + 1] : '\\';
        qsizetype consumed = 2;
        switch (e) {
        case 'n':
            out += QLatin1Char('\n');
            break;
        case 'r':
            out += QLatin1Char('\r');
            break;
        case 't':
            out += QLatin1Char('\t');
            break;
        case 'b':
            out += QLatin1Char('\b');
            break;
        case 'f':
            out += QLatin1Char('\f');
            break;
        case 'u': {
            int code = 0;
            bool ok = i + 6 <= length;
            for (qsizetype k = i + 2; ok && k < i + 6; ++k) {
                const int h = hexValue(d[k]);
                ok = h >= 0;
                code = code * 16 + h;
            }
            if (ok) {
                out += QChar(char16_t(code)); // surrogate halves pair up in the QString
                consumed = 6;
            } else {
                out += QLatin1Char('\\');
                consumed = 1;
            }
            break;
        }
        default: // \" \\ \/ and anything unknown: the character itself
            out += QLatin1Char(e);
            break;
        }
        i += consumed;
        runStart = i;
    }
    flush(length);
    return out;
}

QByteArray encodeJsonString(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<uchar>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(static_cast<uchar>(c) >> 4) & 0xF];
                out += hex[static_cast<uchar>(c) & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

// Only strings that hold an '@' or a digit can hold an address or a number; skipping the rest
// keeps the pass over a large body cheap.
bool mayHoldPersonalData(const char* d, qsizetype length)
{
    for (qsizetype i = 0; i < length; ++i) {
        if (d[i] == '@' || (d[i] >= '0' && d[i] <= '9'))
            return true;
    }
    return false;
}

struct Level
{
    bool object;
    PersonalDataMask::Field inherited; // the member this container is the value of
    PersonalDataMask::Field member; // objects: the member whose value comes next
};

PersonalDataMask::Field fieldOfValueAt(const std::vector<Level>& levels)
{
    if (levels.empty())
        return PersonalDataMask::Field::Other;
    const Level& top = levels.back();
    return top.object ? top.member : top.inherited;
}

QString maskQueryPart(const QString& part)
{
    return PersonalDataMask::maskText(part);
}
} // namespace

namespace PersonalDataMask
{
QString maskText(const QString& text)
{
    const qsizetype n = text.size();
    QString out;
    qsizetype copied = 0; // text before this index is in `out` (or masked there)
    auto replace = [&](Span span, const QString& masked) {
        out.append(QStringView(text).mid(copied, span.start - copied));
        out += masked;
        copied = span.end;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('@')) {
            const Span email = emailAt(text, i, copied);
            if (email.found()) {
                if (out.isNull())
                    out.reserve(n);
                replace(email, DestinationMask::maskEmail(text.mid(email.start, email.end - email.start)));
                i = email.end - 1;
            }
        } else if (isDigit(c) || c == QLatin1Char('+') || c == QLatin1Char('(')) {
            const Span phone = phoneAt(text, i);
            if (phone.found()) {
                if (out.isNull())
                    out.reserve(n);
                replace(phone, DestinationMask::maskPhone(text.mid(phone.start, phone.end - phone.start)));
                i = phone.end - 1;
            }
        }
    }
    if (copied == 0)
        return text;
    out.append(QStringView(text).mid(copied));
    return out;
}

Field fieldOf(QStringView memberName)
{
    if (memberName == u"email")
        return Field::Email;
    if (memberName == u"phone")
        return Field::Phone;
    return Field::Other;
}

QString maskJsonString(Field field, const QString& value)
{
    if (value.isEmpty())
        return value;
    switch (field) {
    case Field::Email:
        return DestinationMask::maskEmail(value);
    case Field::Phone:
        return DestinationMask::maskPhone(value);
    case Field::Other:
        break;
    }
    return maskText(value);
}

QByteArray maskJson(const QByteArray& json)
{
    const char* d = json.constData();
    const qsizetype n = json.size();
    // One entry per open object or array: a vector, not recursion, so depth costs memory only.
    std::vector<Level> levels;
    QByteArray out;
    qsizetype copied = 0;
    for (qsizetype i = 0; i < n; ++i) {
        switch (d[i]) {
        case '{':
        case '[':
            levels.push_back({d[i] == '{', fieldOfValueAt(levels), Field::Other});
            break;
        case '}':
        case ']':
            if (!levels.empty())
                levels.pop_back();
            break;
        case '"': {
            const qsizetype end = stringEnd(d, n, i);
            const char* content = d + i + 1;
            const qsizetype length = qMax<qsizetype>(0, qMin(end, n) - i - 1);
            const bool isKey = !levels.empty() && levels.back().object && followedByColon(d, n, end + 1);
            // Members are named in plain ASCII; "email" and "phone" both have five letters.
            Field field = Field::Other;
            if (isKey)
                levels.back().member = length == 5 ? fieldOf(QString::fromLatin1(content, 5)) : Field::Other;
            else
                field = fieldOfValueAt(levels);
            // A key is masked as text too: an object keyed by address would show it otherwise.
            if (field != Field::Other || mayHoldPersonalData(content, length)) {
                const QString value = decodeJsonString(content, length);
                const QString masked = maskJsonString(field, value);
                if (masked != value) {
                    out.append(d + copied, i - copied);
                    QByteArray encoded = encodeJsonString(masked);
                    if (end >= n)
                        encoded.chop(1); // the input never closed this string: neither do we
                    out += encoded;
                    copied = qMin(end + 1, n);
                }
            }
            i = end;
            break;
        }
        default:
            break;
        }
    }
    if (copied == 0)
        return json;
    out.append(d + copied, n - copied);
    return out;
}

QByteArray maskBody(const QByteArray& body)
{
    qsizetype first = 0;
    while (first < body.size() && isJsonSpace(body.at(first)))
        ++first;
    if (first == body.size())
        return body;
    const char c = body.at(first);
    if (c == '{' || c == '[' || c == '"')
        return maskJson(body);
    const QString text = QString::fromUtf8(body);
    const QString masked = maskText(text);
    return masked == text ? body : masked.toUtf8();
}

QUrl maskUrl(const QUrl& url)
{
    QUrl masked = url;
    const QString path = url.path(QUrl::FullyDecoded);
    const QString maskedPath = maskText(path);
    if (maskedPath != path)
        masked.setPath(maskedPath, QUrl::DecodedMode);

    if (url.hasQuery()) {
        // Each key and value is masked decoded ("%2B41..." is "+41...") and encoded again.
        const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        QStringList parts;
        bool changed = false;
        for (const auto& [key, value] : items) {
            const QString k = maskQueryPart(key);
            const QString v = maskQueryPart(value);
            changed = changed || k != key || v != value;
            // '@' may stand unencoded in a query (RFC 3986 pchar), so a masked address reads as one.
            parts << QString::fromLatin1(QUrl::toPercentEncoding(k, "@") + '=' + QUrl::toPercentEncoding(v, "@"));
        }
        if (changed)
            masked.setQuery(parts.join(QLatin1Char('&')), QUrl::StrictMode);
    }

    if (url.hasFragment()) {
        const QString fragment = url.fragment(QUrl::FullyDecoded);
        const QString maskedFragment = maskText(fragment);
        if (maskedFragment != fragment)
            masked.setFragment(maskedFragment, QUrl::DecodedMode);
    }
    return masked;
}
} // namespace PersonalDataMask
