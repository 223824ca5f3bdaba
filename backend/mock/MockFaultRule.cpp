#include "MockFaultRule.h"

#include "MockFaultPresets.h"
#include "MockJsonWriter.h"
#include "MockOperations.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <limits>

namespace
{
using Error = MockFaultRule::Error;
using Transport = MockFaultRule::Transport;

template <typename E>
struct Name
{
    E value;
    const char* name;
};

const Name<Error> ErrorNames[] = {
    {Error::AlreadyVerified, "already-verified"},
    {Error::CodeEmpty, "code-empty"},
    {Error::UserNotFound, "user-not-found"},
    {Error::PermissionDenied, "permission-denied"},
    {Error::TokenInvalid, "token-invalid"},
    {Error::RateLimited, "rate-limited"},
    {Error::Unavailable, "unavailable"},
    {Error::QuotaExhausted, "quota-exhausted"},
};

const Name<Transport> TransportNames[] = {
    {Transport::MalformedJson, "malformed-json"},
    {Transport::HtmlErrorPage, "html-error-page"},
    {Transport::CloseMidBody, "close-mid-body"},
    {Transport::NoAnswer, "no-answer"},
};

const Name<MockDeliveryFault> DeliveryNames[] = {
    {MockDeliveryFault::NeverDelivered, "never-delivered"},
    {MockDeliveryFault::DoubleCode, "double-code"},
    {MockDeliveryFault::ProviderNotConfigured, "provider-not-configured"},
};

// Every field a rule may carry; the last three are read-only and ignored on input.
const char* const Fields[] = {"endpoint",
    "latencyMs",
    "latencyMaxMs",
    "error",
    "retryAfterSeconds",
    "transport",
    "delivery",
    "probability",
    "times",
    "id",
    "remaining",
    "hits"};

template <typename E, size_t N>
QString nameOf(const Name<E> (&table)[N], E value)
{
    for (const auto& entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

template <typename E, size_t N>
QStringList namesOf(const Name<E> (&table)[N])
{
    QStringList out;
    for (const auto& entry : table)
        out.append(QString::fromLatin1(entry.name));
    return out;
}

template <typename E, size_t N>
std::optional<E> valueOf(const Name<E> (&table)[N], const QString& name)
{
    for (const auto& entry : table) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

// "a, b or c" (or "a, b and c"): how the sentences list things.
QString listed(const QStringList& names, const QString& conjunction = QStringLiteral("or"))
{
    if (names.size() < 2)
        return names.join(QString());
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QLatin1Char(' ') + conjunction + QLatin1Char(' ')
        + names.last();
}

QString groupList()
{
    return listed(MockOperations::groups());
}

// A JSON number that is a whole number within [min, max].
std::optional<int> wholeNumber(const QJsonValue& v, int min, int max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (std::floor(d) != d || d < min || d > max)
        return std::nullopt;
    return int(d);
}

// Reads one of the three effect fields; an unknown name is refused with the list of names.
template <typename E, size_t N>
bool readPreset(
    const QJsonObject& json, const char* key, const Name<E> (&table)[N], const char* what, E* out, QString* error)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    if (!v.isString()) {
        *error = QStringLiteral("\"%1\" must be the name of %2: %3.")
                     .arg(QLatin1String(key), QLatin1String(what), listed(namesOf(table)));
        return false;
    }
    const std::optional<E> value = valueOf(table, v.toString());
    if (!value) {
        *error =
            QStringLiteral("\"%1\" is not %2; use %3.").arg(v.toString(), QLatin1String(what), listed(namesOf(table)));
        return false;
    }
    *out = *value;
    return true;
}

QString endpointWords(const QString& endpoint)
{
    if (MockOperations::isGroup(endpoint))
        return QStringLiteral("any operation of the group \"%1\"").arg(endpoint);
    return endpoint;
}
} // namespace

bool MockFaultRule::appliesTo(const MockOperation& operation) const
{
    if (!MockOperations::covers(endpoint, operation))
        return false;
    return error == Error::None || MockFaultPresets::fits(error, operation);
}

QString MockFaultRule::problem() const
{
    if (endpoint.isEmpty())
        return QStringLiteral("A fault rule needs an \"endpoint\": an operation name such as user.ResendEmailCode, "
                              "or a group (%1).")
            .arg(groupList());
    const QList<const MockOperation*> ops = MockOperations::covered(endpoint);
    if (ops.isEmpty())
        return QStringLiteral("\"%1\" is neither an operation nor a group; use an operation name such as "
                              "user.ResendEmailCode, or %2.")
            .arg(endpoint, groupList());
    if (latencyMs < 0 || latencyMs > MaxLatencyMs)
        return QStringLiteral("\"latencyMs\" must be a whole number of milliseconds from 0 to %1.").arg(MaxLatencyMs);
    if (latencyMaxMs > MaxLatencyMs || latencyMaxMs < -1)
        return QStringLiteral("\"latencyMaxMs\" must be a whole number of milliseconds from 0 to %1.")
            .arg(MaxLatencyMs);
    if (latencyMaxMs >= 0 && latencyMaxMs < latencyMs)
        return QStringLiteral("\"latencyMaxMs\" (%1) must not be smaller than \"latencyMs\" (%2).")
            .arg(latencyMaxMs)
            .arg(latencyMs);

    QStringList effects;
    if (error != Error::None)
        effects.append(QStringLiteral("an error (%1)").arg(errorName(error)));
    if (transport != Transport::None)
        effects.append(QStringLiteral("a transport fault (%1)").arg(transportName(transport)));
    if (delivery != MockDeliveryFault::None)
        effects.append(QStringLiteral("a delivery fault (%1)").arg(deliveryName(delivery)));
    if (effects.size() > 1)
        return QStringLiteral("A fault rule has at most one effect, but this one has %1; split it into one rule per "
                              "effect.")
            .arg(listed(effects, QStringLiteral("and")));
    if (effects.isEmpty() && !hasLatency())
        return QStringLiteral("This fault rule would do nothing: give it a latency (\"latencyMs\") or an effect "
                              "(\"error\", \"transport\" or \"delivery\").");

    if (error != Error::RateLimited && retryAfterSeconds != DefaultRetryAfterSeconds)
        return QStringLiteral("\"retryAfterSeconds\" only goes with \"error\": \"rate-limited\".");
    if (retryAfterSeconds < 0 || retryAfterSeconds > MaxRetryAfterSeconds)
        return QStringLiteral("\"retryAfterSeconds\" must be a whole number of seconds from 0 to %1.")
            .arg(MaxRetryAfterSeconds);
    if (!(probability > 0.0 && probability <= 1.0))
        return QStringLiteral("\"probability\" must be a number greater than 0 and at most 1.");
    if (times < 0)
        return QStringLiteral("\"times\" must be a whole number of at least 1; leave it out for no limit.");

    if (delivery != MockDeliveryFault::None) {
        const bool allResend =
            std::all_of(ops.begin(), ops.end(), [](const MockOperation* op) { return op->isResend(); });
        if (!allResend && MockOperations::isGroup(endpoint))
            return QStringLiteral("Delivery faults only happen on resend operations, but the group \"%1\" covers "
                                  "other operations too; use a resend operation or the group email-resend, "
                                  "phone-resend or resend.")
                .arg(endpoint);
        if (!allResend)
            return QStringLiteral("Delivery faults only happen on resend operations, and %1 is not one; use a resend "
                                  "operation or the group email-resend, phone-resend or resend.")
                .arg(endpoint);
    }
    if (error != Error::None) {
        // A group is fine when the error can happen on at least one of its operations; the rule
        // then acts only there (appliesTo).
        QString why;
        for (const MockOperation* op : ops) {
            why = MockFaultPresets::misfit(error, *op);
            if (why.isEmpty())
                return {};
        }
        return QStringLiteral("The %1 error cannot happen on %2, because %3.")
            .arg(errorName(error), endpointWords(endpoint), why);
    }
    return {};
}

std::optional<MockFaultRule> MockFaultRule::fromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("The fault rule is not valid JSON: %1 at byte %2.")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("A fault rule must be a JSON object, such as {\"endpoint\":\"user.ResendEmailCode\","
                                "\"error\":\"unavailable\"}.");
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

std::optional<MockFaultRule> MockFaultRule::fromJson(const QJsonObject& json, QString* error)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        bool known = false;
        for (const char* field : Fields)
            known = known || it.key() == QLatin1String(field);
        if (!known) {
            *error = QStringLiteral("\"%1\" is not a fault rule field; a rule has endpoint, latencyMs, latencyMaxMs, "
                                    "error, retryAfterSeconds, transport, delivery, probability and times.")
                         .arg(it.key());
            return std::nullopt;
        }
    }

    MockFaultRule rule;
    const QJsonValue endpoint = json.value(QLatin1String("endpoint"));
    if (!endpoint.isString() || endpoint.toString().isEmpty()) {
        rule.endpoint.clear();
        *error = rule.problem();
        return std::nullopt;
    }
    rule.endpoint = endpoint.toString();

    const QJsonValue latency = json.value(QLatin1String("latencyMs"));
    if (!latency.isUndefined()) {
        const auto v = wholeNumber(latency, 0, MaxLatencyMs);
        if (!v) {
            *error =
                QStringLiteral("\"latencyMs\" must be a whole number of milliseconds from 0 to %1.").arg(MaxLatencyMs);
            return std::nullopt;
        }
        rule.latencyMs = *v;
    }
    const QJsonValue latencyMax = json.value(QLatin1String("latencyMaxMs"));
    if (!latencyMax.isUndefined()) {
        const auto v = wholeNumber(latencyMax, 0, MaxLatencyMs);
        if (!v) {
            *error = QStringLiteral("\"latencyMaxMs\" must be a whole number of milliseconds from 0 to %1.")
                         .arg(MaxLatencyMs);
            return std::nullopt;
        }
        rule.latencyMaxMs = *v;
    }

    if (!readPreset(json, "error", ErrorNames, "an error preset", &rule.error, error)
        || !readPreset(json, "transport", TransportNames, "a transport fault", &rule.transport, error)
        || !readPreset(json, "delivery", DeliveryNames, "a delivery fault", &rule.delivery, error))
        return std::nullopt;

    const QJsonValue retryAfter = json.value(QLatin1String("retryAfterSeconds"));
    if (!retryAfter.isUndefined()) {
        if (rule.error != Error::RateLimited) {
            *error = QStringLiteral("\"retryAfterSeconds\" only goes with \"error\": \"rate-limited\".");
            return std::nullopt;
        }
        const auto v = wholeNumber(retryAfter, 0, MaxRetryAfterSeconds);
        if (!v) {
            *error = QStringLiteral("\"retryAfterSeconds\" must be a whole number of seconds from 0 to %1.")
                         .arg(MaxRetryAfterSeconds);
            return std::nullopt;
        }
        rule.retryAfterSeconds = *v;
    }

    const QJsonValue probability = json.value(QLatin1String("probability"));
    if (!probability.isUndefined()) {
        if (!probability.isDouble() || !(probability.toDouble() > 0.0 && probability.toDouble() <= 1.0)) {
            *error = QStringLiteral("\"probability\" must be a number greater than 0 and at most 1.");
            return std::nullopt;
        }
        rule.probability = probability.toDouble();
    }

    const QJsonValue times = json.value(QLatin1String("times"));
    if (!times.isUndefined()) {
        const auto v = wholeNumber(times, 1, std::numeric_limits<int>::max());
        if (!v) {
            *error = QStringLiteral("\"times\" must be a whole number of at least 1; leave it out for no limit.");
            return std::nullopt;
        }
        rule.times = *v;
        rule.remaining = *v;
    }

    const QString problem = rule.problem();
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return rule;
}

void MockFaultRule::write(MockJsonWriter& w) const
{
    w.beginObject();
    w.field("id", id);
    w.field("endpoint", endpoint);
    if (hasLatency()) {
        w.field("latencyMs", qint64(latencyMs));
        if (latencyMaxMs >= 0)
            w.field("latencyMaxMs", qint64(latencyMaxMs));
    }
    if (error != Error::None) {
        w.field("error", errorName(error));
        if (error == Error::RateLimited)
            w.field("retryAfterSeconds", qint64(retryAfterSeconds));
    }
    if (transport != Transport::None)
        w.field("transport", transportName(transport));
    if (delivery != MockDeliveryFault::None)
        w.field("delivery", deliveryName(delivery));
    w.key("probability");
    w.value(probability);
    if (times > 0) {
        w.field("times", qint64(times));
        w.field("remaining", qint64(remaining));
    }
    w.field("hits", hits);
    w.endObject();
}

QByteArray MockFaultRule::toJson() const
{
    MockJsonWriter w;
    write(w);
    return w.take();
}

QString MockFaultRule::errorName(Error error)
{
    return nameOf(ErrorNames, error);
}

QString MockFaultRule::transportName(Transport transport)
{
    return nameOf(TransportNames, transport);
}

QString MockFaultRule::deliveryName(MockDeliveryFault delivery)
{
    return nameOf(DeliveryNames, delivery);
}

QStringList MockFaultRule::errorNames()
{
    return namesOf(ErrorNames);
}

QStringList MockFaultRule::transportNames()
{
    return namesOf(TransportNames);
}

QStringList MockFaultRule::deliveryNames()
{
    return namesOf(DeliveryNames);
}
