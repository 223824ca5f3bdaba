#include "ConfirmResend.h"

#include "UiLogging.h"

#include <QMessageBox>
#include <QPushButton>
#include <QQueue>

namespace
{
// Process-wide, like the dialog it replaces; only touched from the GUI thread.
struct State
{
    QQueue<bool> nextAnswers;
    int askCount = 0;
    QString lastQuestion;
};

State& state()
{
    static State s;
    return s;
}
} // namespace

QString ConfirmResend::question(
    const QString& userName, const QString& maskedDestination, Channel channel, bool nothingIsSent)
{
    Q_UNUSED(channel) // the destination already reads as an email address or a phone number
    if (nothingIsSent)
        return tr("Generate a new verification code for %1 (%2)? Nothing is sent, but the code they have now stops "
                  "working.")
            .arg(userName, maskedDestination);
    return tr("Send a verification code to %1 at %2? This reaches a real person.").arg(userName, maskedDestination);
}

void ConfirmResend::ask(QWidget* parent,
    const QString& userName,
    const QString& maskedDestination,
    Channel channel,
    bool nothingIsSent,
    std::function<void(bool send)> answered)
{
    State& s = state();
    ++s.askCount;
    s.lastQuestion = question(userName, maskedDestination, channel, nothingIsSent);
    if (!s.nextAnswers.isEmpty()) {
        answered(s.nextAnswers.dequeue());
        return;
    }

    // Window-modal and opened with open(), not exec(): no nested event loop (DESIGN.md). The
    // caller gets the answer later and must re-check its state then.
    auto* box = new QMessageBox(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("confirmResendBox"));
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(channel == Channel::Email ? tr("Resend email code") : tr("Resend phone verification"));
    box->setText(s.lastQuestion);
    QPushButton* send = box->addButton(nothingIsSent ? tr("Generate") : tr("Send"), QMessageBox::AcceptRole);
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box, [box, send, answered = std::move(answered)] {
        const bool yes = box->clickedButton() == send;
        qCDebug(lcUi) << "live resend confirmed:" << yes;
        answered(yes);
    });
    box->open();
}

void ConfirmResend::setNextAnswer(bool send)
{
    state().nextAnswers.enqueue(send);
}

int ConfirmResend::askCount()
{
    return state().askCount;
}

QString ConfirmResend::lastQuestion()
{
    return state().lastQuestion;
}

void ConfirmResend::resetAskCount()
{
    state() = State();
}
