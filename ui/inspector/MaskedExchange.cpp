#include "MaskedExchange.h"

#include "ExchangeFormat.h"
#include "PersonalDataMask.h"

namespace
{
HeaderList maskedHeaders(const HeaderList& headers)
{
    HeaderList masked = headers;
    for (auto& [name, value] : masked) {
        if (ExchangeFormat::isAuthorization(name))
            continue; // shown as its mask anyway, and never holds an address
        const QString text = QString::fromUtf8(value);
        const QString maskedText = PersonalDataMask::maskText(text);
        if (maskedText != text)
            value = maskedText.toUtf8();
    }
    return masked;
}
} // namespace

Exchange maskedExchange(const Exchange& exchange)
{
    using namespace PersonalDataMask;
    Exchange masked = exchange;
    masked.url = maskUrl(exchange.url);
    masked.requestHeaders = maskedHeaders(exchange.requestHeaders);
    masked.requestBody = maskBody(exchange.requestBody);
    masked.responseHeaders = maskedHeaders(exchange.responseHeaders);
    masked.responseBody = maskBody(exchange.responseBody);
    // Masked JSON stays JSON; parse again only when something changed (a large body with no
    // personal data in it costs nothing more).
    if (!exchange.responseJson.isNull() && masked.responseBody != exchange.responseBody)
        masked.responseJson = QJsonDocument::fromJson(masked.responseBody);
    masked.error.message = maskText(exchange.error.message);
    masked.error.technical = maskText(exchange.error.technical);
    masked.error.sentence = maskText(exchange.error.sentence);
    return masked;
}
