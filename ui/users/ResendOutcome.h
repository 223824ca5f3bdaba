#pragma once

#include "ApiError.h"
#include "ResendTypes.h"

#include <QMetaType>
#include <QString>

// What became of one resend, ready to show: the sentence for the result line, the returned
// code (returnCode only) and the exchange to open in the inspector.
struct ResendOutcome
{
    QString userId;
    ResendChannel channel = ResendChannel::Email;
    bool ok = false;
    QString text; // success sentence, or ApiError::summary(), or the cancel sentence
    QString code; // the verification code when it was asked to be returned
    quint64 exchangeId = 0; // 0 when nothing went over the wire
    ApiError error; // kind None on success
    quint64 sequence = 0; // the user's sequence after the change; 0 when the API sends none (v3alpha)
};

Q_DECLARE_METATYPE(ResendOutcome)
