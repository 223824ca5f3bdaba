#include "ResendController.h"

#include "ResendAvailability.h"
#include "UiLogging.h"

namespace
{
int toSeconds(qint64 milliseconds) // rounded up: "1 s" until the wait is really over
{
    return int((milliseconds + 999) / 1000);
}
} // namespace

ResendController::ResendController(ZitadelClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    m_clock.start();
    m_tick.setSingleShot(true); // re-armed after every tick for the next second boundary
    m_tick.setTimerType(Qt::PreciseTimer); // a coarse timer may fire early and show a stale second
    connect(&m_tick, &QTimer::timeout, this, [this] {
        rearmTick();
        Q_EMIT cooldownChanged();
    });
}

QString ResendController::keyOf(const QString& userId, Channel channel)
{
    return userId + (channel == Channel::Email ? QLatin1String("/email") : QLatin1String("/phone"));
}

bool ResendController::isInFlight(const QString& userId, Channel channel) const
{
    return m_inFlight.contains(keyOf(userId, channel));
}

QString ResendController::refusal(const User& user, Channel channel, const ResendSettings& settings) const
{
    const auto availability = ResendAvailability::check(user, channel, settings.api);
    if (!availability.enabled)
        return availability.reason;
    if (const auto problem = settings.problem(channel))
        return *problem;
    if (!m_client)
        return tr("There is no connection to send through.");
    if (isInFlight(user.id, channel))
        return tr("A code for this user is already on its way; wait for the answer.");
    const QString key = keyOf(user.id, channel);
    const qint64 retryMs = retryRemainingMs(key);
    if (retryMs > 0 && retryMs >= cooldownRemainingMs(key))
        return tr("The server asked to wait before the next try; try again in %1 s.").arg(toSeconds(retryMs));
    const int remaining = cooldownRemaining(user.id, channel);
    if (remaining > 0)
        return tr("Sent %1 s ago; wait %2 s to avoid a resend storm.")
            .arg(secondsSinceSent(user.id, channel))
            .arg(remaining);
    return {};
}

bool ResendController::start(const User& user, Channel channel, const ResendSettings& settings)
{
    const QString why = refusal(user, channel, settings);
    if (!why.isEmpty()) {
        qCDebug(lcUi) << "resend refused:" << why;
        return false;
    }

    Request request {keyOf(user.id, channel),
        user.id,
        channel,
        settings.effectiveDelivery(),
        ResendAvailability::maskedDestination(user, channel)};
    // Claim the key before the client sees the request: from here on a second start() for the
    // same user and channel is refused, whatever happens in between.
    m_inFlight.insert(request.key, nullptr);
    QPointer<ResendController> self(this);
    ApiCall* call = dispatch(user, channel, settings, [self, request](const Result<ResendResult>& result) {
        if (self) // the client outlives us when the panel closes mid-flight
            self->onFinished(request, result);
    });
    // The client answers asynchronously, even a refusal, so the claim is still ours here.
    if (m_inFlight.contains(request.key))
        m_inFlight.insert(request.key, call);
    qCInfo(lcUi).noquote() << "resend" << (channel == Channel::Email ? "email" : "phone") << "for" << user.id << "to"
                           << request.maskedDestination;
    Q_EMIT started(user.id, channel);
    return true;
}

ApiCall* ResendController::dispatch(
    const User& user, Channel channel, const ResendSettings& settings, Callback<ResendResult> done)
{
    const bool email = channel == Channel::Email;
    switch (settings.api) {
    case ResendApi::V2:
        return email ? m_client->resendEmailCode(user.id, settings.options(channel, {}), std::move(done))
                     : m_client->resendPhoneCode(user.id, settings.options(channel, {}), std::move(done));
    case ResendApi::V1:
        // v1 looks the user up in the organization sent as x-zitadel-orgid: the user's own.
        return email ? m_client->resendHumanEmailVerification(user.id, user.organizationId(), std::move(done))
                     : m_client->resendHumanPhoneVerification(user.id, user.organizationId(), std::move(done));
    case ResendApi::V3Alpha:
        Q_ASSERT(email); // refusal() rules out v3alpha phone
        return m_client->resendContactEmailCode(
            user.id, settings.options(channel, user.organizationId()), std::move(done));
    }
    return nullptr;
}

ResendOutcome ResendController::outcomeOf(const Request& request, const Result<ResendResult>& result) const
{
    ResendOutcome o;
    o.userId = request.userId;
    o.channel = request.channel;
    o.exchangeId = result.exchange ? result.exchange->id : 0;
    if (!result.ok()) {
        o.error = result.error;
        o.text = result.error.kind == ApiError::Kind::Cancelled
            ? tr("Cancelled — the server may still have sent the code.")
            : result.error.summary();
        return o;
    }

    o.sequence = result.value->details.sequence;
    if (request.delivery == ResendOptions::Delivery::Send) {
        // "Queued": ZITADEL accepts the request and delivers the message later, on its own.
        o.ok = true;
        o.text = o.sequence != 0
            ? tr("Code queued for delivery to %1 (sequence %2)").arg(request.maskedDestination).arg(o.sequence)
            : tr("Code queued for delivery to %1").arg(request.maskedDestination);
        return o;
    }
    o.code = result.value->verificationCode;
    if (o.code.isEmpty()) {
        // The server replaced the pending code but did not hand it over: the caller's old code
        // no longer works and we have no new one to read out. Say so rather than claim success.
        o.error.kind = ApiError::Kind::MalformedResponse;
        o.error.sentence = tr("ZITADEL generated a new code but did not return it; nothing was sent.");
        o.text = o.error.summary();
        return o;
    }
    o.ok = true;
    o.text = o.sequence != 0 ? tr("Code generated (sequence %1); nothing was sent.").arg(o.sequence)
                             : tr("Code generated; nothing was sent.");
    return o;
}

void ResendController::onFinished(const Request& request, const Result<ResendResult>& result)
{
    m_inFlight.remove(request.key);
    const ResendOutcome outcome = outcomeOf(request, result);
    if (outcome.ok && m_cooldownMs > 0) {
        m_sentAt.insert(request.key, now());
        rearmTick();
    }
    // Only a wait the server named: without Retry-After the person decides when to try again.
    const int retryAfter = qMin(outcome.error.retryAfterSeconds, MaxRetryAfterSeconds);
    const bool mustWait = !outcome.ok && retryAfter > 0;
    if (mustWait) {
        m_retryAt.insert(request.key, now() + qint64(retryAfter) * 1000);
        rearmTick();
    }
    // Never the code, never the whole address: logs end up in tickets.
    if (outcome.ok)
        qCInfo(lcUi).noquote() << "resend for" << request.userId << "succeeded, exchange" << outcome.exchangeId;
    else
        qCInfo(lcUi).noquote() << "resend for" << request.userId << "failed:" << ApiError::kindName(outcome.error.kind)
                               << outcome.error.errorId << "exchange" << outcome.exchangeId;
    Q_EMIT finished(outcome);
    if ((outcome.ok && m_cooldownMs > 0) || mustWait)
        Q_EMIT cooldownChanged();
}

void ResendController::cancel()
{
    // ApiCall::cancel() reports synchronously, which edits m_inFlight: work on a copy.
    const QList<QPointer<ApiCall>> calls = m_inFlight.values();
    for (const QPointer<ApiCall>& call : calls) {
        if (call)
            call->cancel();
    }
}

void ResendController::setCooldownSeconds(int seconds)
{
    m_cooldownMs = qint64(qMax(0, seconds)) * 1000;
    rearmTick();
    Q_EMIT cooldownChanged();
}

qint64 ResendController::cooldownRemainingMs(const QString& key) const
{
    const auto it = m_sentAt.constFind(key);
    if (it == m_sentAt.constEnd())
        return 0;
    return qMax<qint64>(0, *it + m_cooldownMs - now());
}

qint64 ResendController::retryRemainingMs(const QString& key) const
{
    const auto it = m_retryAt.constFind(key);
    if (it == m_retryAt.constEnd())
        return 0;
    return qMax<qint64>(0, *it - now());
}

qint64 ResendController::remainingMs(const QString& key) const
{
    return qMax(cooldownRemainingMs(key), retryRemainingMs(key));
}

int ResendController::cooldownRemaining(const QString& userId, Channel channel) const
{
    return toSeconds(remainingMs(keyOf(userId, channel)));
}

int ResendController::retryAfterRemaining(const QString& userId, Channel channel) const
{
    return toSeconds(retryRemainingMs(keyOf(userId, channel)));
}

int ResendController::secondsSinceSent(const QString& userId, Channel channel) const
{
    const QString key = keyOf(userId, channel);
    if (cooldownRemainingMs(key) <= 0)
        return -1;
    return int((now() - m_sentAt.value(key)) / 1000);
}

void ResendController::advanceClock(qint64 milliseconds)
{
    m_clockOffsetMs += milliseconds;
    rearmTick();
    Q_EMIT cooldownChanged();
}

void ResendController::rearmTick()
{
    qint64 next = -1;
    auto visit = [&](QHash<QString, qint64>& deadlines, qint64 (ResendController::*remainingOf)(const QString&) const) {
        for (auto it = deadlines.begin(); it != deadlines.end();) {
            const qint64 remaining = (this->*remainingOf)(it.key());
            if (remaining <= 0) {
                it = deadlines.erase(it);
                continue;
            }
            // The displayed number (remaining, rounded up) changes when remaining crosses the
            // next whole second.
            const qint64 untilChange = (remaining - 1) % 1000 + 1;
            next = next < 0 ? untilChange : qMin(next, untilChange);
            ++it;
        }
    };
    visit(m_sentAt, &ResendController::cooldownRemainingMs);
    visit(m_retryAt, &ResendController::retryRemainingMs);
    if (next < 0)
        m_tick.stop();
    else
        m_tick.start(int(next));
}
