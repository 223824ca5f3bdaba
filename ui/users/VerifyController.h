#pragma once

#include "ResendTypes.h"
#include "ZitadelClient.h"

#include <QHash>
#include <QObject>
#include <QPointer>

// What became of one verification attempt, ready to show.
struct VerifyOutcome
{
    QString userId;
    ResendChannel channel = ResendChannel::Email;
    bool ok = false;
    QString text; // success sentence or ApiError::summary()
    quint64 exchangeId = 0; // 0 when nothing went over the wire
};

// Checks a verification code with ZITADEL (v2 VerifyEmail / VerifyPhone), one attempt at a
// time per user and channel: a second start() while the first is in flight is refused, so a
// double click cannot burn two attempts. Nothing is retried.
class VerifyController : public QObject
{
    Q_OBJECT

public:
    explicit VerifyController(ZitadelClient* client, QObject* parent = nullptr);

    // Returns false (and sends nothing) while the same user and channel is in flight.
    bool start(const QString& userId, ResendChannel channel, const QString& code);
    bool isInFlight(const QString& userId, ResendChannel channel) const;

Q_SIGNALS:
    void started(const QString& userId, ResendChannel channel);
    void finished(const VerifyOutcome& outcome);

private:
    static QString keyOf(const QString& userId, ResendChannel channel);

    QPointer<ZitadelClient> m_client;
    QHash<QString, QPointer<ApiCall>> m_inFlight;
};
