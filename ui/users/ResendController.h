#pragma once

#include "ResendOutcome.h"
#include "ResendSettings.h"
#include "ResendTypes.h"
#include "ZitadelClient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

class ApiCall;

// Sends one resend at a time per user and channel, and makes sure a code goes out exactly
// once per intent: a second start() for the same user and channel is refused while the first
// is in flight and, after a success, during a cooldown. Double clicks, key autorepeat and a
// repeated shortcut all end here, so the guard does not depend on any widget's state.
// Nothing is ever retried: a resend that failed or was cancelled stays so. When the server
// said how long to wait (Retry-After on 429/503), that user and channel are held back as long,
// with the same countdown as after a success, so the person sees when trying again is of use.
class ResendController : public QObject
{
    Q_OBJECT

public:
    using Channel = ResendChannel;
    static constexpr int DefaultCooldownSeconds = 30;
    // A Retry-After beyond this is a misconfigured server or a misread date, not advice.
    static constexpr int MaxRetryAfterSeconds = 3600;

    explicit ResendController(ZitadelClient* client, QObject* parent = nullptr);

    // Starts a resend; returns false and sends nothing when refusal() names a reason.
    bool start(const User& user, Channel channel, const ResendSettings& settings);
    // Why start() would refuse right now (empty when it would send): what we know about the
    // user, invalid settings, the same resend in flight, or a cooldown.
    QString refusal(const User& user, Channel channel, const ResendSettings& settings) const;

    // Cancels every call in flight. Each reports a cancel; the server may already have acted.
    void cancel();
    bool isBusy() const { return !m_inFlight.isEmpty(); }
    bool isInFlight(const QString& userId, Channel channel) const;

    // Seconds a user and channel stay blocked after a successful resend (0 = no cooldown).
    // Applies to running cooldowns too: they are measured from the time of sending.
    void setCooldownSeconds(int seconds);
    int cooldownSeconds() const { return int(m_cooldownMs / 1000); }
    // Whole seconds left, rounded up; 0 when none. The longer of the cooldown after a success
    // and the wait the server asked for.
    int cooldownRemaining(const QString& userId, Channel channel) const;
    // Whole seconds since the success that started the cooldown; -1 when none runs.
    int secondsSinceSent(const QString& userId, Channel channel) const;
    // Whole seconds left of the wait the server asked for (Retry-After), rounded up; 0 when none.
    int retryAfterRemaining(const QString& userId, Channel channel) const;

    // Tests: pretend that this much monotonic time has passed.
    void advanceClock(qint64 milliseconds);

Q_SIGNALS:
    void started(const QString& userId, ResendChannel channel);
    void finished(const ResendOutcome& outcome);
    // Once per second while any cooldown runs, and when one starts or ends.
    void cooldownChanged();

private:
    struct Request
    {
        QString key;
        QString userId;
        Channel channel;
        ResendOptions::Delivery delivery;
        QString maskedDestination;
    };

    static QString keyOf(const QString& userId, Channel channel);
    ApiCall* dispatch(const User& user, Channel channel, const ResendSettings& settings, Callback<ResendResult> done);
    void onFinished(const Request& request, const Result<ResendResult>& result);
    ResendOutcome outcomeOf(const Request& request, const Result<ResendResult>& result) const;
    qint64 now() const { return m_clock.elapsed() + m_clockOffsetMs; }
    qint64 remainingMs(const QString& key) const; // the longer of the two waits
    qint64 cooldownRemainingMs(const QString& key) const;
    qint64 retryRemainingMs(const QString& key) const;
    void rearmTick();

    QPointer<ZitadelClient> m_client;
    QHash<QString, QPointer<ApiCall>> m_inFlight; // key -> call (null until the client returned it)
    QHash<QString, qint64> m_sentAt; // key -> now() of the success that started a cooldown
    QHash<QString, qint64> m_retryAt; // key -> now() from which the server will listen again
    qint64 m_cooldownMs = DefaultCooldownSeconds * 1000;
    QElapsedTimer m_clock; // monotonic: wall-clock changes must not shorten or stretch a cooldown
    qint64 m_clockOffsetMs = 0;
    QTimer m_tick; // one timer for every cooldown, armed for the next change of a displayed second
};
