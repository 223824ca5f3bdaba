#pragma once

#include "Exchange.h"

#include <QByteArray>
#include <QString>

// Turning a recorded exchange into something people can take elsewhere: a curl command to
// replay it from a shell, and the JSON document "Save…" writes. Pure functions, no widgets.
//
// Both end up in tickets and chats, so both always mask personal data (MaskedExchange: email
// addresses and phone numbers in the URL, headers, bodies and error texts), whatever the
// inspector's "Mask personal data" shows. Pass the exchange as recorded, not an already masked
// copy.
//
// Neither can leak a token: the exchange only holds the masked Authorization header, curl gets
// "$ZITADEL_TOKEN" (expanded by the shell, hence double quotes) and the saved document gets the
// mask. Any other Authorization value is masked again on the way out.

// POSIX single-quoting: abc -> 'abc', it's -> 'it'\''s'.
QString shellQuote(const QString& text);

/* curl -X POST 'https://host/v2/users/1/email/resend' \
     -H "Authorization: Bearer $ZITADEL_TOKEN" \
     -H 'Content-Type: application/json' \
     --data-raw '{"returnCode":{}}'
   Headers curl sets or negotiates itself (Content-Length, Host, Connection, Accept-Encoding, ...)
   are left out; everything else appears in recorded order after Authorization. */
QString curlCommand(const Exchange& exchange);

// The document "Save…" writes (indented JSON, UTF-8):
// { operation, id, sent, started (ISO 8601 UTC),
//   request  { method, url, headers [{name, value}], body },
//   response { status, headers, body, durationMs },
//   error    { kind, httpStatus, grpcCode, errorId, message, sentence, technical }   (failed only) }
// A body is embedded as JSON when it parses (and nests no deeper than QJsonDocument can read
// back inside this document), else as a string, and left out when empty.
QByteArray exchangeToJson(const Exchange& exchange);
