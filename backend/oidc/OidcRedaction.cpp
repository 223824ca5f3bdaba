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
    if (!exchange.responseJson.isNull())
        exchange.responseJson = QJsonDocument::fromJson(exchange.responseBody);
    exchange.url.setQuery(QString()); // sign-in endpoints take nothing in the query; be sure
}
} // namespace OidcRedaction
