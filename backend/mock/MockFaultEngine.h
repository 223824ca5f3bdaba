#pragma once

#include "MockFaultRule.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringView>

#include <optional>
#include <random>

struct MockOperation;

// What the engine decided for one call: which rule applied (none when ruleId is empty), the
// latency it drew and the one effect to carry out.
struct MockFaultDecision
{
    QString ruleId;
    int latencyMs = 0;
    MockFaultRule::Error error = MockFaultRule::Error::None;
    int retryAfterSeconds = 0; // with Error::RateLimited
    MockFaultRule::Transport transport = MockFaultRule::Transport::None;
    MockDeliveryFault delivery = MockDeliveryFault::None;

    bool applies() const { return !ruleId.isEmpty(); }
};

// The fault rules of one mock and the one random generator they draw from. Socket-free: the
// router asks decide() once per matched ZITADEL call. Rules are checked in the order they were
// added; the first rule that covers the operation, is not used up and passes its probability
// draw applies. The generator is seeded with the fault seed, so the same seed, rules and
// sequence of requests give the same faults on every run and machine.
class MockFaultEngine : public QObject
{
    Q_OBJECT

public:
    // seed 0 = a random seed, reported by seed() and toJson() so a run can be repeated.
    explicit MockFaultEngine(quint64 seed = 0, QObject* parent = nullptr);

    quint64 seed() const { return m_seed; }
    QList<MockFaultRule> rules() const { return m_rules; }
    std::optional<MockFaultRule> rule(const QString& id) const;

    // Validates the rule, gives it the next id, resets its counters and appends it. Returns the
    // stored rule, or nullopt with the reason in *error.
    std::optional<MockFaultRule> add(MockFaultRule rule, QString* error = nullptr);
    std::optional<MockFaultRule> add(const QJsonObject& json, QString* error);

    // Replaces every rule and re-seeds (0 = a new random seed): a fresh start, so ids count
    // from 1 again and the same call repeats the same faults. All or nothing: on a refusal
    // nothing changes and *error names the rule.
    bool replace(quint64 seed, const QList<MockFaultRule>& rules, QString* error = nullptr);
    // {"seed":42,"rules":[...]} as PUT /_mock/faults takes it. The seed may be a number or a
    // decimal string; without one the current seed is used again.
    bool replace(const QJsonObject& json, QString* error);

    bool remove(const QString& id); // false when there is no such rule
    void clear(); // every rule; the seed and the generator's position stay

    // Asked once per matched call; an unknown operation name gets no fault.
    MockFaultDecision decide(QStringView operation);
    MockFaultDecision decide(const MockOperation& operation);

    // {"seed":"42","rules":[...]}: the seed as a string (64 bits), the rules in order.
    QByteArray toJson() const;

Q_SIGNALS:
    // Rules were added, removed or replaced, or a rule applied (its hits and remaining moved).
    void changed();

private:
    void reseed(quint64 seed);
    double drawUnit(); // [0, 1)
    int drawInclusive(int low, int high);

    quint64 m_seed = 0;
    std::mt19937_64 m_random;
    QList<MockFaultRule> m_rules;
    quint64 m_nextId = 1;
};
