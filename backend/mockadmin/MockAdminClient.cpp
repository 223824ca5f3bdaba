#include "MockAdminClient.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace
{
// The admin API answers errors as {"error": "<sentence>"}; anything else is described.
QString errorSentence(QNetworkReply* reply, int status, const QJsonObject& json)
{
    const QString serverSentence = json.value(QLatin1String("error")).toString();
    if (!serverSentence.isEmpty())
        return serverSentence;
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return MockAdminClient::tr("The mock is not running (connection refused).");
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return MockAdminClient::tr("The mock did not answer in time.");
    default:
        break;
    }
    if (status != 0)
        return MockAdminClient::tr("The mock answered HTTP %1.").arg(status);
    return MockAdminClient::tr("The mock could not be reached: %1").arg(reply->errorString());
}
} // namespace

MockAdminClient::MockAdminClient(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    // The mock is always on loopback; a system proxy must not see the admin token.
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

MockAdminClient::~MockAdminClient()
{
    cancelAll();
}

void MockAdminClient::setEndpoint(const QUrl& baseUrl, const QString& adminToken)
{
    cancelAll();
    m_baseUrl = baseUrl;
    m_token = adminToken;
}

void MockAdminClient::cancelAll()
{
    ++m_generation;
    const auto replies = m_nam->findChildren<QNetworkReply*>();
    for (QNetworkReply* reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void MockAdminClient::get(const QString& path, const QUrlQuery& query, MockAdminCallback done)
{
    send("GET", path, query, {}, std::move(done));
}

void MockAdminClient::post(const QString& path, const QJsonObject& body, MockAdminCallback done)
{
    send("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(done));
}

void MockAdminClient::put(const QString& path, const QByteArray& jsonBody, MockAdminCallback done)
{
    send("PUT", path, {}, jsonBody, std::move(done));
}

void MockAdminClient::remove(const QString& path, MockAdminCallback done)
{
    send("DELETE", path, {}, {}, std::move(done));
}

void MockAdminClient::send(const QByteArray& method,
    const QString& path,
    const QUrlQuery& query,
    const QByteArray& body,
    MockAdminCallback done)
{
    if (!hasEndpoint()) {
        MockAdminReply reply;
        reply.error = tr("The embedded mock is not running.");
        // Queued so that callers always get their answer after the call returned.
        QMetaObject::invokeMethod(
            this, [done = std::move(done), reply] { done(reply); }, Qt::QueuedConnection);
        return;
    }
    QUrl url = m_baseUrl;
    url.setPath(path.isEmpty() ? QStringLiteral("/_mock") : QStringLiteral("/_mock/") + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(m_timeoutMs);
    // The admin API never redirects; following one could carry the token elsewhere.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    QNetworkReply* reply = method == "GET" ? m_nam->get(request) : m_nam->sendCustomRequest(request, method, body);
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, done = std::move(done)] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        finish(reply, done);
    });
}

void MockAdminClient::finish(QNetworkReply* reply, const MockAdminCallback& done)
{
    MockAdminReply answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject())
        answer.json = document.object();
    if (answer.status < 200 || answer.status > 299)
        answer.error = errorSentence(reply, answer.status, answer.json);
    done(answer);
}
