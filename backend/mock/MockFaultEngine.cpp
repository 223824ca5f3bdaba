#include "MockFaultEngine.h"

#include "MockJsonWriter.h"
#include "MockOperations.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>

namespace
{
// Random seeds stay below 2^53, so a seed read back from toJson() can be sent as a JSON number
// in PUT /_mock/faults without losing digits.
constexpr quint64 JsonSafeMask = (quint64(1) << 53) - 1;

quint64 randomSeed()
{
    quint64 seed = 0;
    while (seed == 0)
        seed = QRandomGenerator::global()->generate64() & JsonSafeMask;
    return seed;
}

// A seed as PUT sends it: a whole JSON number (exact up to 2^53) or a decimal string.
std::optional<quint64> readSeed(const QJsonValue& v)
{
    if (v.isString()) {
        // Digits only: QString::toULongLong would also take " 5" and "+5".
        const QString text = v.toString();
        if (text.isEmpty() || text.size() > 20
            || !std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
            return std::nullopt;
        bool ok = false;
        const quint64 seed = text.toULongLong(&ok);
        return ok ? std::optional<quint64>(seed) : std::nullopt;
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= 0 && d <= double(JsonSafeMask) && quint64(d) == d)
            return quint64(d);
    }
    return std::nullopt;
}
} // namespace

MockFaultEngine::MockFaultEngine(quint64 seed, QObject* parent)
    : QObject(parent)
{
    reseed(seed);
}

void MockFaultEngine::reseed(quint64 seed)
{
    m_seed = seed != 0 ? seed : randomSeed();
    m_random.seed(m_seed);
}

// The mapping from the generator's 64-bit output is written out here instead of using
// std::uniform_*_distribution, whose algorithms differ between standard libraries: the same
// seed must give the same faults everywhere.
double MockFaultEngine::drawUnit()
{
    return double(m_random() >> 11) * (1.0 / double(quint64(1) << 53));
}

int MockFaultEngine::drawInclusive(int low, int high)
{
    const quint64 span = quint64(high - low) + 1; // at most 600'001: the modulo bias is negligible
    return low + int(m_random() % span);
}

std::optional<MockFaultRule> MockFaultEngine::rule(const QString& id) const
{
    for (const MockFaultRule& r : m_rules) {
        if (r.id == id)
            return r;
    }
    return std::nullopt;
}

std::optional<MockFaultRule> MockFaultEngine::add(MockFaultRule rule, QString* error)
{
    const QString problem = rule.problem();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    rule.id = QString::number(m_nextId++);
    rule.remaining = rule.times;
    rule.hits = 0;
    m_rules.append(rule);
    emit changed();
    return rule;
}

std::optional<MockFaultRule> MockFaultEngine::add(const QJsonObject& json, QString* error)
{
    const std::optional<MockFaultRule> rule = MockFaultRule::fromJson(json, error);
    if (!rule)
        return std::nullopt;
    return add(*rule, error);
}

bool MockFaultEngine::replace(quint64 seed, const QList<MockFaultRule>& rules, QString* error)
{
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString problem = rules.at(i).problem();
        if (!problem.isEmpty()) {
            if (error)
                *error = QStringLiteral("Rule %1: %2").arg(i + 1).arg(problem);
            return false;
        }
    }
    m_rules.clear();
    m_nextId = 1;
    for (MockFaultRule rule : rules) {
        rule.id = QString::number(m_nextId++);
        rule.remaining = rule.times;
        rule.hits = 0;
        m_rules.append(rule);
    }
    reseed(seed);
    emit changed();
    return true;
}

bool MockFaultEngine::replace(const QJsonObject& json, QString* error)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != QLatin1String("seed") && it.key() != QLatin1String("rules")) {
            *error =
                QStringLiteral("\"%1\" does not belong here; send {\"seed\": 42, \"rules\": [...]}.").arg(it.key());
            return false;
        }
    }
    quint64 seed = m_seed;
    const QJsonValue seedValue = json.value(QLatin1String("seed"));
    if (!seedValue.isUndefined()) {
        const std::optional<quint64> read = readSeed(seedValue);
        if (!read) {
            *error = QStringLiteral("\"seed\" must be a whole number from 0 to 9007199254740991, or a decimal string "
                                    "for larger ones; 0 picks a random seed.");
            return false;
        }
        seed = *read;
    }
    const QJsonValue rulesValue = json.value(QLatin1String("rules"));
    if (!rulesValue.isUndefined() && !rulesValue.isArray()) {
        *error = QStringLiteral("\"rules\" must be a list of fault rules.");
        return false;
    }
    QList<MockFaultRule> rules;
    const QJsonArray array = rulesValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString problem;
        std::optional<MockFaultRule> rule;
        if (array.at(i).isObject())
            rule = MockFaultRule::fromJson(array.at(i).toObject(), &problem);
        else
            problem = QStringLiteral("A fault rule must be a JSON object.");
        if (!rule) {
            *error = QStringLiteral("Rule %1: %2").arg(i + 1).arg(problem);
            return false;
        }
        rules.append(*rule);
    }
    return replace(seed, rules, error);
}

bool MockFaultEngine::remove(const QString& id)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        if (m_rules.at(i).id == id) {
            m_rules.removeAt(i);
            emit changed();
            return true;
        }
    }
    return false;
}

void MockFaultEngine::clear()
{
    if (m_rules.isEmpty())
        return;
    m_rules.clear();
    emit changed();
}

MockFaultDecision MockFaultEngine::decide(QStringView operation)
{
    const MockOperation* op = MockOperations::find(operation);
    return op ? decide(*op) : MockFaultDecision();
}

MockFaultDecision MockFaultEngine::decide(const MockOperation& op)
{
    for (MockFaultRule& rule : m_rules) {
        if (rule.isUsedUp() || !rule.appliesTo(op))
            continue;
        // Only rules that could apply draw, so a rule for another endpoint never shifts the
        // sequence this one sees; a certain rule (probability 1) draws nothing.
        if (rule.probability < 1.0 && drawUnit() >= rule.probability)
            continue;
        ++rule.hits;
        if (rule.times > 0)
            --rule.remaining;
        MockFaultDecision d;
        d.ruleId = rule.id;
        d.latencyMs =
            rule.latencyMaxMs > rule.latencyMs ? drawInclusive(rule.latencyMs, rule.latencyMaxMs) : rule.latencyMs;
        d.error = rule.error;
        d.retryAfterSeconds = rule.error == MockFaultRule::Error::RateLimited ? rule.retryAfterSeconds : 0;
        d.transport = rule.transport;
        d.delivery = rule.delivery;
        emit changed();
        return d;
    }
    return {};
}

QByteArray MockFaultEngine::toJson() const
{
    MockJsonWriter w(256 + 200 * m_rules.size());
    w.beginObject();
    w.field("seed", QString::number(m_seed));
    w.key("rules");
    w.beginArray();
    for (const MockFaultRule& rule : m_rules)
        rule.write(w);
    w.endArray();
    w.endObject();
    return w.take();
}
