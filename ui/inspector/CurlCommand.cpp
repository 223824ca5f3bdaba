#include "CurlCommand.h"

#include "ExchangeFormat.h"
#include "MaskedExchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace
{
// Headers curl computes itself, hop-by-hop headers, and compression it would not undo without
// --compressed: copying them would make the replayed request wrong, not more faithful.
bool curlSetsItself(const QByteArray& name)
{
    static const QSet<QByteArray> skipped = {
        "content-length",
        "host",
        "connection",
        "keep-alive",
        "proxy-connection",
        "transfer-encoding",
        "te",
        "upgrade",
        "expect",
        "accept-encoding",
    };
    return skipped.contains(name.toLower());
}

// How deep objects and arrays nest in JSON text (outside strings); one pass, no parsing.
int nestingDepth(const QByteArray& json)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = qMax(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

// QJsonDocument reads at most 1024 levels, and the saved document puts a body two levels down
// (root, then request or response): a deeper body is kept as text so the file still reads back.
constexpr int MaxEmbeddedDepth = 1024 - 2;

QJsonValue bodyValue(const QByteArray& body)
{
    if (nestingDepth(body) > MaxEmbeddedDepth)
        return QString::fromUtf8(body);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        if (doc.isObject())
            return doc.object();
        if (doc.isArray())
            return doc.array();
    }
    return QString::fromUtf8(body);
}

QJsonArray headersJson(const HeaderList& headers)
{
    QJsonArray array;
    for (const auto& [name, value] : headers) {
        array.append(QJsonObject {
            {QStringLiteral("name"), QString::fromLatin1(name)},
            {QStringLiteral("value"), QString::fromUtf8(ExchangeFormat::displayedHeaderValue(name, value))},
        });
    }
    return array;
}
} // namespace

QString shellQuote(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString curlCommand(const Exchange& recorded)
{
    const Exchange exchange = maskedExchange(recorded);
    QStringList parts;
    const QByteArray method = exchange.method.isEmpty() ? QByteArrayLiteral("GET") : exchange.method;
    parts << QStringLiteral("curl -X ") + QString::fromLatin1(method) + QLatin1Char(' ')
            + shellQuote(QString::fromLatin1(exchange.url.toEncoded()));

    bool hasAuthorization = false;
    QStringList headers;
    for (const auto& [name, value] : exchange.requestHeaders) {
        if (ExchangeFormat::isAuthorization(name)) {
            // Proxy credentials have no variable to stand in for them: leave them out.
            hasAuthorization = hasAuthorization || name.compare("authorization", Qt::CaseInsensitive) == 0;
            continue;
        }
        if (curlSetsItself(name))
            continue;
        headers << QStringLiteral("-H ")
                + shellQuote(QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    }
    if (hasAuthorization) {
        // Double quotes so the shell expands the variable; the token never enters the text.
        parts << QStringLiteral("-H \"Authorization: Bearer $ZITADEL_TOKEN\"");
    }
    parts << headers;
    if (!exchange.requestBody.isEmpty())
        parts << QStringLiteral("--data-raw ") + shellQuote(QString::fromUtf8(exchange.requestBody));
    return parts.join(QStringLiteral(" \\\n  "));
}

QByteArray exchangeToJson(const Exchange& recorded)
{
    const Exchange exchange = maskedExchange(recorded);
    QJsonObject request {
        {QStringLiteral("method"), QString::fromLatin1(exchange.method)},
        {QStringLiteral("url"), QString::fromLatin1(exchange.url.toEncoded())},
        {QStringLiteral("headers"), headersJson(exchange.requestHeaders)},
    };
    if (!exchange.requestBody.isEmpty())
        request.insert(QStringLiteral("body"), bodyValue(exchange.requestBody));

    QJsonObject response {
        {QStringLiteral("status"), exchange.status},
        {QStringLiteral("headers"), headersJson(exchange.responseHeaders)},
        {QStringLiteral("durationMs"), exchange.durationMs},
    };
    if (!exchange.responseBody.isEmpty())
        response.insert(QStringLiteral("body"), bodyValue(exchange.responseBody));

    QJsonObject root {
        {QStringLiteral("operation"), exchange.operation},
        {QStringLiteral("id"), QString::number(exchange.id)}, // 64-bit: a string, as protobuf-JSON does
        {QStringLiteral("sent"), exchange.sent},
        {QStringLiteral("started"), exchange.started.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("request"), request},
        {QStringLiteral("response"), response},
    };

    if (exchange.failed()) {
        const ApiError& e = exchange.error;
        QJsonObject error {
            {QStringLiteral("kind"), ApiError::kindName(e.kind)},
            {QStringLiteral("httpStatus"), e.httpStatus},
            {QStringLiteral("errorId"), e.errorId},
            {QStringLiteral("message"), e.message},
            {QStringLiteral("sentence"), e.sentence},
        };
        if (!e.grpcCodeName.isEmpty())
            error.insert(QStringLiteral("grpcCode"), e.grpcCodeName);
        if (!e.technical.isEmpty())
            error.insert(QStringLiteral("technical"), e.technical);
        root.insert(QStringLiteral("error"), error);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
