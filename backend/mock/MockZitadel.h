#pragma once

#include "MockAccessControl.h"
#include "MockModel.h"
#include "MockRingBuffer.h"
#include "MockUserStore.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

struct MockSeed;

struct MockOptions
{
    QString seedFile; // empty = the built-in :/mock/seed.json
    quint64 usersPerOrg = 0; // generated users added to EVERY seed organization, 0..1'000'000
    quint64 randomSeed = 0; // 0 = random per run; else codes are repeatable
};

// A verification message ZITADEL would have sent. The mock sends nothing; QA reads these.
struct MockOutboxMessage
{
    QDateTime time;
    QString channel; // "email" | "sms"
    QString to;
    QString userId;
    QString orgId;
    QString code;
    QString link; // empty for sms
    QString cause; // e.g. "POST /v2/users/{id}/email/resend"
};

// The state of one mock ZITADEL instance and the rules that change it. Knows nothing about
// HTTP: MockRouter translates requests into calls on this object and its parts.
class MockZitadel : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype OutboxCapacity = 10'000;

    static std::unique_ptr<MockZitadel> create(const MockOptions& options, QString* error);
    ~MockZitadel() override;

    const MockOptions& options() const { return m_options; } // as started

    QList<MockOutboxMessage> outbox() const { return m_outbox.toList(); } // oldest first, newest 10'000
    quint64 outboxTotal() const { return m_outbox.total(); }

    void setClock(std::function<QDateTime()> now); // tests make time deterministic; default = current UTC
    QDateTime now() const { return m_clock(); }

    const MockInstance& instance() const { return m_instance; }
    QList<MockOrg> organizations() const;
    const QList<MockToken>& tokens() const { return m_access.tokens(); }
    const MockAccessControl& access() const { return m_access; }
    MockUserStore& users() { return m_users; }
    const MockUserStore& users() const { return m_users; }

    // Test and QA conveniences.
    std::optional<MockUser> user(const QString& userId) const;
    QString pendingEmailCode(const QString& userId) const;
    QString pendingPhoneCode(const QString& userId) const;
    quint64 userSequence(const QString& userId) const;
    static QString generatedUserId(int orgIndex, quint64 userIndex);

    // ListDetails.processedSequence: the instance's event count, raised by every change.
    quint64 processedSequence() const { return m_instance.processedSequence; }

    // Used by MockResendCommand.
    QString newEmailCode();
    QString newPhoneCode();
    void recordChange() { ++m_instance.processedSequence; }
    void deliver(const MockOutboxMessage& message);
    QString defaultVerificationLink(const QString& userId, const QString& code, const QString& orgId) const;

signals:
    void messageSent(const MockOutboxMessage& message);
    void userChanged(const QString& userId);

private:
    MockZitadel(MockSeed* seed, const MockOptions& options);

    MockOptions m_options;
    MockInstance m_instance;
    MockAccessControl m_access;
    MockUserStore m_users;
    MockRingBuffer<MockOutboxMessage> m_outbox {OutboxCapacity};
    std::function<QDateTime()> m_clock;
    QRandomGenerator m_random;
};
