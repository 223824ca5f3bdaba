#include "VerifyController.h"

VerifyController::VerifyController(ZitadelClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{ }

QString VerifyController::keyOf(const QString& userId, ResendChannel channel)
{
    return userId + (channel == ResendChannel::Email ? QLatin1String("/email") : QLatin1String("/phone"));
}

bool VerifyController::isInFlight(const QString& userId, ResendChannel channel) const
{
    return m_inFlight.contains(keyOf(userId, channel));
}

bool VerifyController::start(const QString& userId, ResendChannel channel, const QString& code)
{
    const QString key = keyOf(userId, channel);
    if (!m_client || m_inFlight.contains(key))
        return false;
    // Marked before the call: the client may answer a refused input on the next event-loop
    // turn, and a click in between must still find the attempt in flight.
    m_inFlight.insert(key, nullptr);
    QPointer<VerifyController> self(this);
    auto done = [self, key, userId, channel](const Result<VerifyResult>& result) {
        if (!self)
            return;
        self->m_inFlight.remove(key);
        VerifyOutcome outcome;
        outcome.userId = userId;
        outcome.channel = channel;
        outcome.ok = result.ok();
        outcome.exchangeId = result.exchange && result.exchange->sent ? result.exchange->id : 0;
        if (result.ok())
            outcome.text = channel == ResendChannel::Email ? tr("Code accepted: the email address is now verified.")
                                                           : tr("Code accepted: the phone number is now verified.");
        else
            outcome.text = result.error.summary();
        emit self->finished(outcome);
    };
    ApiCall* call = channel == ResendChannel::Email ? m_client->verifyEmail(userId, code, done)
                                                    : m_client->verifyPhone(userId, code, done);
    if (m_inFlight.contains(key))
        m_inFlight[key] = call;
    emit started(userId, channel);
    return true;
}
