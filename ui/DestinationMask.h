#pragma once

#include <QString>

// Addresses as they may appear in result lines, confirmations and logs: enough to tell the
// caller "we sent it to m•••@example.com" without the whole address ending up in a
// screenshot or a ticket. The one masking rule of the app: the user panel masks the address it
// sends to, the JSON inspector every address and number it finds (PersonalDataMask).
namespace DestinationMask
{
// "minnie@example.com" -> "m•••@example.com": the first character of the local part and
// the whole domain stay (callers recognise their provider); empty stays empty.
QString maskEmail(const QString& email);

// "+41791234567" -> "+41 •• ••• •• 67": the "+" and the country code stay, the rest is
// grouped for reading aloud and only the last two digits are shown. Spaces, dashes and
// brackets in the input are ignored; empty stays empty.
QString maskPhone(const QString& phone);
} // namespace DestinationMask
