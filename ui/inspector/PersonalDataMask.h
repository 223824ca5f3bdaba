#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// Finds email addresses and phone numbers in what the inspector shows (bodies, headers, URLs,
// error texts) and masks each one the way the rest of the app masks a destination
// (DestinationMask): "donald@example.com" -> "d•••@example.com", "+41791234567" ->
// "+41 •• ••• •• 67". Everything else is left exactly as it was, so ids, timestamps, codes and
// the layout of the JSON stay readable.
//
// What counts as a phone number is deliberately narrow, because ZITADEL's 18-digit ids, its
// sequences, timestamps and codes must never be taken for one:
//   "+" and 7-15 digits (E.164, spaces, dashes, dots and brackets allowed): +41 79 123 45 67
//   "00", a non-zero digit, 10-15 digits in all: 0041 79 123 45 67
//   a bracketed area code, 8-12 digits: (415) 555-0100, (030) 1234567
//   a trunk "0" and an area digit, 9-12 digits, one kind of separator: 079 123 45 67, 0791234567
//   North American 3-3-4 with "-" or ".": 415-555-0100, 1-415-555-0100
// and only when no letter, digit or one of "_ . + - @" touches it on either side.
//
// Every function runs in one pass over its input (no regular expressions, no recursion), so a
// 10 MB body or 100 000 nested brackets cost linear time.
namespace PersonalDataMask
{
// Every email address and phone number in free text, masked.
QString maskText(const QString& text);

// A JSON string value; `field` says which member it belongs to (array items take their
// array's). Values of "email" and "phone" members are masked whatever they look like; any
// other value is masked as text.
enum class Field
{
    Other,
    Email, // "email": v1 and v2 human.email.email, the v3alpha contact email
    Phone, // "phone": v1 and v2 human.phone.phone
};
Field fieldOf(QStringView memberName);
QString maskJsonString(Field field, const QString& value);

// JSON text with its string values masked. Keys, numbers, literals, whitespace and the order of
// members stay byte for byte, and the result stays valid JSON (a changed string is re-escaped).
// Input that is not valid JSON is masked on a best-effort basis and never made longer than needed.
QByteArray maskJson(const QByteArray& json);

// A message body: maskJson when it starts like JSON ('{', '[' or '"'), else maskText on its
// UTF-8 text. The very same bytes come back when nothing was found.
QByteArray maskBody(const QByteArray& body);

// The URL with email addresses and phone numbers in its path, query and fragment masked.
QUrl maskUrl(const QUrl& url);
} // namespace PersonalDataMask
