#include "ApiCall.h"

#include "ClientLogging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

ApiCall::ApiCall(ApiOperation operation, Completion completion, QObject* parent)
    : QObject(parent)
    , m_operation(operation)
    , m_completion(std::move(completion))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ApiCall::onDeadline);
}

ApiCall::~ApiCall()
{
    // Destroyed with the client while still in flight: drop the reply without reporting.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::start(QNetworkAccessManager* nam,
    const QNetworkRequest& request,
    const QByteArray& method,
    const QByteArray& body,
    const HeaderList& recordedHeaders,
    int timeoutMs,
    const QString& operationName,
    quint64 exchangeId)
{
    m_exchange = std::make_shared<Exchange>();
    m_exchange->id = exchangeId;
    m_exchange->sent = true;
    m_exchange->operation = operationName;
    m_exchange->method = method;
    m_exchange->url = request.url();
    m_exchange->requestHeaders = recordedHeaders;
    m_exchange->requestBody = body;
    m_exchange->started = QDateTime::currentDateTimeUtc();
    m_timeoutMs = timeoutMs;

    QNetworkRequest timed(request);
    // Inactivity timeout inside Qt, plus our own whole-request deadline: a server that
    // trickles a byte now and then would otherwise never time out.
    timed.setTransferTimeout(timeoutMs);
    m_clock.start();
    m_sent = true;
    if (method == "GET")
        m_reply = nam->get(timed);
    else
        m_reply = nam->sendCustomRequest(timed, method, body);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    m_deadline.start(timeoutMs);
    qCDebug(lcClient) << "->" << method << request.url().path();
}

void ApiCall::failBeforeSending(const ApiError& error)
{
    m_exchange = std::make_shared<Exchange>();
    m_exchange->error = error;
    m_exchange->started = QDateTime::currentDateTimeUtc();
    qCDebug(lcClient) << "refused before sending:" << error.sentence;
    // Queued so that callers always get their answer after the call returned, never inside it.
    QMetaObject::invokeMethod(this, &ApiCall::complete, Qt::QueuedConnection);
}

void ApiCall::cancel()
{
    if (m_finished || !m_reply)
        return;
    m_cancelled = true;
    m_reply->abort(); // emits finished synchronously; onReplyFinished reports the cancel
}

void ApiCall::onDeadline()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void ApiCall::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (m_finished || !reply)
        return;
    m_reply = nullptr;
    m_deadline.stop();

    Exchange& ex = *m_exchange;
    ex.durationMs = double(m_clock.nsecsElapsed()) / 1e6;
    ex.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    ex.responseHeaders = reply->rawHeaderPairs();
    if (reply->isOpen()) // an aborted reply is closed; reading it only warns
        ex.responseBody = reply->readAll();
    QJsonParseError parseError;
    ex.responseJson = QJsonDocument::fromJson(ex.responseBody, &parseError);

    ErrorDecoder::Input in;
    in.operation = m_operation;
    in.httpStatus = ex.status;
    in.networkError = reply->error();
    in.networkErrorString = reply->errorString();
    in.body = ex.responseBody;
    in.retryAfter = reply->rawHeader("Retry-After");
    in.contentType = reply->rawHeader("Content-Type");
    in.cancelledByUser = m_cancelled;
    in.timedOut = m_timedOut;
    in.timeoutMs = m_timeoutMs;
    ex.error = ErrorDecoder::decode(in);
    if (!ex.error.isError() && !ex.responseJson.isObject())
        ex.error = ErrorDecoder::malformed(m_operation,
            ex.status,
            parseError.error != QJsonParseError::NoError ? QStringLiteral("the body is not valid JSON (%1 at byte %2)")
                                                               .arg(parseError.errorString())
                                                               .arg(parseError.offset)
                                                         : QStringLiteral("the body is not a JSON object"));
    reply->deleteLater();

    qCDebug(lcClient).nospace() << "<- " << ex.status << " " << ex.url.path() << " " << ex.durationMs << " ms "
                                << ApiError::kindName(ex.error.kind) << " " << ex.error.errorId;
    complete();
}

void ApiCall::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_completion)
        m_completion(m_exchange);
    Q_EMIT finished();
    deleteLater();
}
