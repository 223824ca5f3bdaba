#include "FaultCatalog.h"

#include <QCoreApplication>

namespace
{
QString tr(const char* text)
{
    return QCoreApplication::translate("FaultCatalog", text);
}

QString labelIn(const QList<FaultCatalog::Choice>& choices, const QString& value)
{
    for (const FaultCatalog::Choice& c : choices) {
        if (c.value == value)
            return c.label;
    }
    return value;
}

QString latencyText(const QJsonObject& rule)
{
    const int from = rule.value(QLatin1String("latencyMs")).toInt();
    const int to = rule.value(QLatin1String("latencyMaxMs")).toInt();
    if (from <= 0 && to <= 0)
        return {};
    if (to > from)
        return tr("%1–%2 ms delay").arg(from).arg(to);
    return tr("%1 ms delay").arg(from);
}
} // namespace

namespace FaultCatalog
{
QList<Choice> endpoints()
{
    return {
        {QStringLiteral("*"), tr("Every ZITADEL endpoint")},
        {QStringLiteral("email-resend"), tr("Email resend (v1, v2, v3alpha)")},
        {QStringLiteral("phone-resend"), tr("Phone resend (v1, v2, v3alpha)")},
        {QStringLiteral("resend"), tr("Every resend")},
        {QStringLiteral("verify"), tr("Verify email or phone")},
        {QStringLiteral("user.ResendEmailCode"), tr("v2 ResendEmailCode")},
        {QStringLiteral("user.ResendPhoneCode"), tr("v2 ResendPhoneCode")},
        {QStringLiteral("user.VerifyEmail"), tr("v2 VerifyEmail")},
        {QStringLiteral("user.VerifyPhone"), tr("v2 VerifyPhone")},
        {QStringLiteral("user.ListUsers"), tr("v2 ListUsers")},
        {QStringLiteral("user.GetUserByID"), tr("v2 GetUserByID")},
        {QStringLiteral("org.ListOrganizations"), tr("v2 ListOrganizations")},
        {QStringLiteral("management.ResendHumanEmailVerification"), tr("v1 ResendHumanEmailVerification")},
        {QStringLiteral("management.ResendHumanPhoneVerification"), tr("v1 ResendHumanPhoneVerification")},
        {QStringLiteral("management.GetUserByID"), tr("v1 GetUserByID")},
        {QStringLiteral("management.ListUsers"), tr("v1 ListUsers")},
        {QStringLiteral("management.GetMyOrg"), tr("v1 GetMyOrg")},
        {QStringLiteral("resources.ResendContactEmailCode"), tr("v3alpha ResendContactEmailCode")},
        {QStringLiteral("resources.ResendContactPhoneCode"), tr("v3alpha ResendContactPhoneCode")},
    };
}

QList<Choice> effects()
{
    return {
        {QString(), tr("Delay only")},
        {QStringLiteral("error:rate-limited"), tr("Error: 429 too many requests (Retry-After)")},
        {QStringLiteral("error:already-verified"), tr("Error: already verified")},
        {QStringLiteral("error:code-empty"), tr("Error: code is empty (no pending code)")},
        {QStringLiteral("error:user-not-found"), tr("Error: user not found")},
        {QStringLiteral("error:permission-denied"), tr("Error: permission denied")},
        {QStringLiteral("error:token-invalid"), tr("Error: token invalid (401)")},
        {QStringLiteral("error:unavailable"), tr("Error: 503 service unavailable")},
        {QStringLiteral("error:quota-exhausted"), tr("Error: quota exhausted")},
        {QStringLiteral("transport:malformed-json"), tr("Transport: malformed JSON")},
        {QStringLiteral("transport:html-error-page"), tr("Transport: HTML error page (502)")},
        {QStringLiteral("transport:close-mid-body"), tr("Transport: connection closed mid-body")},
        {QStringLiteral("transport:no-answer"), tr("Transport: no answer (client times out)")},
        {QStringLiteral("delivery:never-delivered"), tr("Delivery: queued but never delivered")},
        {QStringLiteral("delivery:double-code"), tr("Delivery: two codes issued, the first one mailed")},
        {QStringLiteral("delivery:provider-not-configured"), tr("Delivery: provider not configured")},
    };
}

QString endpointLabel(const QString& endpoint)
{
    return labelIn(endpoints(), endpoint);
}

QString describeEffect(const QJsonObject& rule)
{
    QString effect;
    for (const char* field : {"error", "transport", "delivery"}) {
        const QString name = rule.value(QLatin1String(field)).toString();
        if (!name.isEmpty())
            effect = labelIn(effects(), QLatin1String(field) + QLatin1Char(':') + name);
    }
    if (rule.value(QLatin1String("error")).toString() == QLatin1String("rate-limited")) {
        const int seconds = rule.value(QLatin1String("retryAfterSeconds")).toInt(30);
        effect = tr("Error: 429 too many requests (Retry-After %1 s)").arg(seconds);
    }
    const QString latency = latencyText(rule);
    if (effect.isEmpty())
        return latency.isEmpty() ? tr("Nothing") : latency;
    return latency.isEmpty() ? effect : tr("%1, after a %2").arg(effect, latency);
}

QString describeWhen(const QJsonObject& rule)
{
    const double probability = rule.value(QLatin1String("probability")).toDouble(1.0);
    QString when;
    if (rule.contains(QLatin1String("times"))) {
        const int times = rule.value(QLatin1String("times")).toInt();
        const int remaining = rule.value(QLatin1String("remaining")).toInt(times);
        when = times == 1 ? tr("next call") : tr("next %1 calls").arg(times);
        when += remaining == 0 ? tr(" (used up)") : tr(" (%1 left)").arg(remaining);
    } else {
        when = tr("always");
    }
    if (probability < 1.0)
        when = tr("%1 % of calls, %2").arg(qRound(probability * 100)).arg(when);
    return when;
}
} // namespace FaultCatalog
