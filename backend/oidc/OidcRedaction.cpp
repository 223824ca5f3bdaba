#include "OidcRedaction.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace
{
const char* const formSecrets[] = {"code", "code_verifier", "refresh_token", "token", "client_secret"};
const char* const answerSecrets[] = {"access_token", "refresh_token", "id_token"};

// Replaces every occurrence of each value (raw and percent-encoded) by the mask.
void replaceAll(QByteArray& body, const QList<QByteArray>& values)
{
    for (const QByteArray& value : values) {
        if (value.isEmpty())
            continue;
        body.replace(value, OidcRedaction::mask());
        const QByteArray encoded = value.toPercentEncoding();
        if (encoded != value)
            body.replace(encoded, OidcRedaction::mask());
    }
}
} // namespace

namespace OidcRedaction
{
QByteArray mask()
{
    return QByteArrayLiteral("\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2");
}

void redact(Exchange& exchange)
{
    QList<QByteArray> secrets;
    if (!exchange.requestBody.isEmpty()) {
        // Form bodies use '+' for spaces; none of the secrets holds one, but read it right.
        const QUrlQuery form(QString::fromUtf8(QByteArray(exchange.requestBody).replace('+', ' ')));
        for (const char* key : formSecrets) {
            const QString value = form.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
            if (!value.isEmpty())
                secrets.append(value.toUtf8());
        }
    }
    const QJsonObject answer = exchange.responseJson.object();
    for (const char* key : answerSecrets) {
        const QString value = answer.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            secrets.append(value.toUtf8());
    }
    if (secrets.isEmpty())
        return;
    replaceAll(exchange.requestBody, secrets);
    replaceAll(exchange.responseBody, secrets);
    // The server's words travel on in the error (message, sentence): they may quote a value.
    for (QString* text : {&exchange.error.message, &exchange.error.sentence, &exchange.error.technical}) {
        QByteArray bytes = text->toUtf8();
        replaceAll(bytes, secrets);
        *text = QString::fromUtf8(bytes);
    }
    if (!exchange.responseJson.isNull()) {
        QJsonObject redacted = QJsonDocument::fromJson(exchange.responseBody).object();
        // A value the text replacement missed (written with JSON escapes such as \/ or \u002b)
        // is still plain after parsing: then the body is rewritten from the parsed object.
        bool missed = false;
        for (const char* key : answerSecrets) {
            const QJsonValue value = redacted.value(QLatin1String(key));
            if (value.isString() && value.toString().toUtf8() != mask()) {
                redacted.insert(QLatin1String(key), QString::fromUtf8(mask()));
                missed = true;
            }
        }
        if (missed)
            exchange.responseBody = QJsonDocument(redacted).toJson(QJsonDocument::Compact);
        exchange.responseJson = QJsonDocument(redacted);
    }
    exchange.url.setQuery(QString()); // sign-in endpoints take nothing in the query; be sure
}
} // namespace OidcRedaction
