#pragma once

#include "Exchange.h"

#include <QCoreApplication>
#include <QString>

// The short texts the inspector shows for an exchange, in one place so the history table, the
// summary line and the raw view never disagree about what "timeout" or "12 ms" looks like.
class ExchangeFormat
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeFormat)

public:
    // "404", or why there is no status: "not sent", "timeout", "cancelled", "—".
    static QString statusText(const Exchange& exchange);
    // Status, gRPC code, ZITADEL error id and message, one per line, for tooltips.
    static QString statusToolTip(const Exchange& exchange);
    // "12 ms", "<1 ms", or "—" when nothing was sent.
    static QString durationText(const Exchange& exchange);
    // "ResendEmailCode (v2) · 404 · 12 ms · The user does not exist. (COMMAND-xyz)"
    static QString summary(const Exchange& exchange);

    // The header value to show or save. Authorization is recorded masked by the client; this
    // masks it again if anything else ever slips through, so no view or file can carry a token.
    static QByteArray displayedHeaderValue(const QByteArray& name, const QByteArray& value);
    static bool isAuthorization(const QByteArray& name);
    static QByteArray maskedAuthorization(const QByteArray& value);

    // Start line, headers, blank line, body: the message roughly as it went over the wire.
    static QString rawRequest(const Exchange& exchange);
    static QString rawResponse(const Exchange& exchange);

    // Text laid out as one line costs Qt's text layout about half a second per megabyte, and
    // compact JSON is one line. For display only, lines longer than maxLine characters are
    // broken every maxLine characters (never inside a surrogate pair) and the whole text is
    // cut after maxChars. Copy body and Save… always use the recorded bytes.
    struct Display
    {
        QString text;
        bool linesBroken = false;
        bool truncated = false;
    };
    static constexpr int RawMaxLine = 16 * 1024;
    static constexpr qsizetype RawMaxChars = 8 * 1024 * 1024;
    static Display forDisplay(const QString& text, int maxLine = RawMaxLine, qsizetype maxChars = RawMaxChars);
};
