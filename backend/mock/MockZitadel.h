#pragma once

#include "MockAccessControl.h"
#include "MockModel.h"
#include "MockOidcProvider.h"
#include "MockRingBuffer.h"
#include "MockSeedLoader.h"
#include "MockUserStore.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

struct MockOptions
{
    QString seedFile; // empty = the built-in :/mock/seed.json
    // Generated users added to EVERY seed organization, 0..1'000'000. 0 = as many as the seed
    // says (a saved state records them); a different non-zero count than the seed's is refused.
    quint64 usersPerOrg = 0;
    quint64 randomSeed = 0; // 0 = random per run; else codes are repeatable
    QString adminToken; // opens /_mock/...; empty = a new random one (MockAdminToken)
};

// A verification message ZITADEL would have sent. The mock sends nothing; QA reads these.
// Subject, text, delivery and failure are worded by MockVerificationMessage, in one place.
struct MockOutboxMessage
{
    quint64 id = 0; // 1, 2, 3, ... per mock, in the order the messages were recorded
    QDateTime time;
    QString channel; // "email" | "sms"
    QString to;
    QString userId;
    QString orgId;
    QString code;
    QString link; // empty for sms
    QString subject; // empty for sms, which has none
    QString text; // what the recipient reads: the mail body, or the whole SMS
    QString delivery = QStringLiteral("sent"); // "sent" | "lost" | "failed"
    QString failure; // why it was lost or failed; empty when sent
    QString cause; // e.g. "POST /v2/users/{id}/email/resend"
};

// The state of one mock ZITADEL instance and the rules that change it. Knows nothing about
// HTTP: MockRouter translates requests into calls on this object and its parts.
class MockZitadel : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype OutboxCapacity = 10'000;
    // How long a verification code stays valid. ZITADEL's default secret generators give email
    // and phone verification codes an expiry of 1h (cmd/defaults.yaml,
    // DefaultInstance.SecretGenerators.EmailVerificationCode / PhoneVerificationCode).
    static constexpr int DefaultCodeLifetimeSeconds = 3600;
    static constexpr int MinCodeLifetimeSeconds = 1;
    static constexpr int MaxCodeLifetimeSeconds = 86400 * 30;

    static std::unique_ptr<MockZitadel> create(const MockOptions& options, QString* error);
    ~MockZitadel() override;

    QList<MockOutboxMessage> outbox() const { return m_outbox.toList(); } // oldest first, newest 10'000
    const MockRingBuffer<MockOutboxMessage>& outboxBuffer() const { return m_outbox; }
    quint64 outboxTotal() const { return m_outbox.total(); }
    qsizetype clearOutbox(); // returns how many messages it held; emits outboxCleared()

    // The bearer token of the admin API (/_mock/...). Never log it.
    const QString& adminToken() const { return m_adminToken; }

    // Saving and replacing the whole state, for the admin API. Replacing keeps this object,
    // because MockRouter's API objects hold references to it; it empties the outbox, restarts
    // the code sequence from randomSeed() (so a reset run repeats its codes) and emits
    // stateReset(). The request log is the router's and stays.
    MockSeed snapshot() const; // the state now, as MockSeedWriter writes it
    bool load(const QByteArray& seedJson, QString* error); // on error the state is unchanged
    void load(const MockSeed& seed); // a seed MockSeedLoader accepted
    void reset(); // the seed this mock was created from, with its generated users
    // The seed this mock was created from with `usersPerOrg` fresh generated users in every
    // organization (changes to generated users are dropped). On error the state is unchanged.
    bool generate(quint64 usersPerOrg, QString* error);
    quint64 usersPerOrg() const { return m_users.generatedPerOrg(); }

    // The seed verification codes are drawn from; never 0 (a random run reports the seed it
    // drew, so QA can repeat it). Setting it restarts the code sequence; 0 draws a new one.
    quint64 randomSeed() const { return m_randomSeed; }
    void setRandomSeed(quint64 seed);

    void setClock(std::function<QDateTime()> now); // tests make time deterministic; default = current UTC
    QDateTime now() const { return m_clock(); }

    int codeLifetimeSeconds() const { return m_codeLifetimeSeconds; }
    // Outside MinCodeLifetimeSeconds..MaxCodeLifetimeSeconds: refused, the lifetime is kept.
    bool setCodeLifetimeSeconds(int seconds);
    // Whether a code issued at `issued` is too old to verify at now().
    bool isCodeExpired(const QDateTime& issued) const;

    const MockInstance& instance() const { return m_instance; }
    QList<MockOrg> organizations() const;
    const QList<MockToken>& tokens() const { return m_access.tokens(); }
    const MockAccessControl& access() const { return m_access; }
    // The OpenID provider (sign-in for desktop clients): its applications, people, lifetimes
    // and the sessions it started. Tests and the admin API set lifetimes and expire tokens here.
    MockOidcProvider& oidc() { return *m_oidc; }
    const MockOidcProvider& oidc() const { return *m_oidc; }
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
    void deliver(MockOutboxMessage message); // gives the message its id
    QString defaultVerificationLink(const QString& userId, const QString& code, const QString& orgId) const;

signals:
    void messageSent(const MockOutboxMessage& message);
    void userChanged(const QString& userId);
    void outboxCleared();
    // load(), reset() or generate() replaced everything: views of the mock reload.
    void stateReset();

private:
    MockZitadel(MockSeed seed, quint64 randomSeed, QString adminToken);
    void apply(const MockSeed& seed);
    void replace(const MockSeed& seed);

    MockInstance m_instance;
    MockAccessControl m_access;
    std::unique_ptr<MockOidcProvider> m_oidc;
    MockUserStore m_users;
    MockRingBuffer<MockOutboxMessage> m_outbox {OutboxCapacity};
    std::function<QDateTime()> m_clock;
    quint64 m_randomSeed;
    QRandomGenerator m_random;
    int m_codeLifetimeSeconds = DefaultCodeLifetimeSeconds;
    quint64 m_lastOutboxId = 0; // never reset, so an id is never given twice
    MockSeed m_startSeed; // what reset() goes back to
    QString m_adminToken;
};
