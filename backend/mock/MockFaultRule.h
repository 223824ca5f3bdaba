#pragma once

#include "MockDeliveryFault.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

class MockJsonWriter;
struct MockOperation;

// One fault rule of the QA workbench (docs/mock-workbench.md, "Fault rule"): which endpoint it
// hits, an optional latency, at most one effect, and when it applies. Plain data plus the JSON
// reader (with a plain-language sentence for every refusal) and the writer; the engine keeps
// the rules, draws the randomness and counts hits.
struct MockFaultRule
{
    enum class Error
    {
        None,
        AlreadyVerified,
        CodeEmpty,
        UserNotFound,
        PermissionDenied,
        TokenInvalid,
        RateLimited,
        Unavailable,
        QuotaExhausted,
    };
    enum class Transport
    {
        None,
        MalformedJson,
        HtmlErrorPage,
        CloseMidBody,
        NoAnswer,
    };

    static constexpr int MaxLatencyMs = 600'000;
    static constexpr int DefaultRetryAfterSeconds = 30;
    static constexpr int MaxRetryAfterSeconds = 86'400;

    QString id; // assigned by the engine
    QString endpoint; // an operation name or a group
    int latencyMs = 0;
    int latencyMaxMs = -1; // -1: no range, the latency is exactly latencyMs
    Error error = Error::None;
    int retryAfterSeconds = DefaultRetryAfterSeconds; // only with Error::RateLimited
    Transport transport = Transport::None;
    MockDeliveryFault delivery = MockDeliveryFault::None;
    double probability = 1.0;
    int times = 0; // 0: no limit
    int remaining = 0; // with times: matching calls left; read-only in JSON
    qint64 hits = 0; // read-only in JSON

    bool hasLatency() const { return latencyMs > 0 || latencyMaxMs > 0; }
    bool isUsedUp() const { return times > 0 && remaining <= 0; }
    // Whether the rule can act on this operation: its endpoint covers it and its error preset,
    // if any, can happen there (a group may cover operations where it cannot).
    bool appliesTo(const MockOperation& operation) const;

    // Empty when the rule is valid, otherwise the first problem as one sentence.
    QString problem() const;

    // Reads a rule as POST /_mock/faults takes it. "id", "remaining" and "hits" are accepted
    // (so a rule read back can be sent again) and ignored. nullopt and *error on refusal.
    static std::optional<MockFaultRule> fromJson(const QJsonObject& json, QString* error);
    static std::optional<MockFaultRule> fromJson(const QByteArray& json, QString* error);

    // In the contract's field order; absent values are left out.
    QByteArray toJson() const;
    void write(MockJsonWriter& writer) const;

    static QString errorName(Error error);
    static QString transportName(Transport transport);
    static QString deliveryName(MockDeliveryFault delivery);
    static QStringList errorNames();
    static QStringList transportNames();
    static QStringList deliveryNames();
};
