#pragma once

#include "ResendTypes.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

// The question asked before a resend in live mode, where a code reaches a real person.
// Tests (and anything else that must not block on a modal dialog) queue answers with
// setNextAnswer(); each queued answer is used once, in order, instead of showing the box.
class ConfirmResend
{
    Q_DECLARE_TR_FUNCTIONS(ConfirmResend)

public:
    using Channel = ResendChannel;

    // Asks "Send a verification code to <name> at <destination>? This reaches a real person."
    // with Send / Cancel (Cancel is the default, so Enter does not send) and calls answered
    // with true only for Send. With nothingIsSent (a returned code) the question says that no
    // message goes out but the person's current code stops working. A queued test answer is
    // given at once; a person's answer arrives later (the box is window-modal, not exec()).
    static void ask(QWidget* parent,
        const QString& userName,
        const QString& maskedDestination,
        Channel channel,
        bool nothingIsSent,
        std::function<void(bool send)> answered);

    // The sentence ask() shows, without asking.
    static QString question(
        const QString& userName, const QString& maskedDestination, Channel channel, bool nothingIsSent = false);

    static void setNextAnswer(bool send);
    static int askCount(); // questions asked (answered from the queue or by a person)
    static QString lastQuestion();
    // Forgets the count, the last question and every queued answer: call it in a test's init().
    static void resetAskCount();
};
