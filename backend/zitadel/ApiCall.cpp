#include "ApiCall.h"

#include "ClientLogging.h"
#include "OneShotBody.h"
#include "RedirectCheck.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
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

    m_nam = nam;
    m_request = request;
    m_method = method;
    m_requestBody = body;
    m_origin = request.url();
    m_current = m_origin;
    m_clock.start();
    m_sent = true;
    // One deadline for the whole call, redirects included.
    m_deadline.start(timeoutMs);
    sendTo(m_origin);
}

void ApiCall::sendTo(const QUrl& url)
{
    QNetworkRequest hop(m_request);
    hop.setUrl(url);
    // Inactivity timeout inside Qt, plus our own whole-request deadline: a server that
    // trickles a byte now and then would otherwise never time out.
    hop.setTransferTimeout(m_timeoutMs);
    // Redirects are followed here, hop by hop, not by Qt: Qt 6.4.2 sent one request several
    // times after the second redirect with UserVerifiedRedirectPolicy, and now and then one
    // too many with its default policy, which must never happen to a resend.
    hop.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_method == "GET") {
        m_reply = m_nam->get(hop);
    } else {
        // Sent once, never again by Qt (see OneShotBody). Qt must not buffer a rewindable copy
        // first: it is told not to, and the announced length lets it stream the body as is.
        hop.setHeader(QNetworkRequest::ContentLengthHeader, m_requestBody.size());
        hop.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* body = new OneShotBody(m_requestBody, nullptr);
        m_reply = m_nam->sendCustomRequest(hop, m_method, body);
        body->setParent(m_reply); // lives as long as the reply that reads it
    }
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    // Recorded only: nothing anywhere calls ignoreSslErrors(), so the handshake fails.
    connect(m_reply, &QNetworkReply::sslErrors, this, &ApiCall::onSslErrors);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ApiCall::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { takeBody(m_reply); });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > MaxResponseBytes)
            stopAsTooLarge();
    });
    qCDebug(lcClient) << "->" << m_method << url.path();
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

void ApiCall::onSslErrors(const QList<QSslError>& errors)
{
    m_sslErrors += errors;
    if (m_reply)
        m_peerCertificate = m_reply->sslConfiguration().peerCertificate();
    for (const QSslError& e : errors)
        qCWarning(lcClient) << "certificate refused for" << m_current.host() << ":" << e.errorString();
}

bool ApiCall::followRedirect(QNetworkReply* reply, int status)
{
    // 301/302/307/308 repeat the request at the new address; 303 means "the result is over
    // there", to be fetched with GET (the server has acted, so nothing is sent again).
    static const QList<int> followed {301, 302, 303, 307, 308};
    const QByteArray location = reply->rawHeader("Location");
    if (!followed.contains(status) || location.isEmpty() || m_cancelled || m_timedOut || m_tooLarge)
        return false;
    const QUrl next = m_current.resolved(QUrl(QString::fromUtf8(location)));
    ++m_redirects;
    const std::optional<QString> refusal = m_redirects > RedirectCheck::MaxRedirects
        ? std::optional<QString>(RedirectCheck::tooManyRedirects(next))
        : RedirectCheck::refusal(m_origin, m_current, next);
    if (refusal) {
        qCWarning(lcClient) << "redirect not followed:" << RedirectCheck::shown(m_current) << "->"
                            << RedirectCheck::shown(next);
        m_refusedRedirect = *refusal;
        return false;
    }
    qCDebug(lcClient) << "redirect" << status << "followed:" << RedirectCheck::shown(m_current) << "->"
                      << RedirectCheck::shown(next);
    reply->deleteLater();
    m_exchange->redirects.append(next);
    m_current = next;
    m_body.clear(); // whatever the 3xx carried is not the answer
    m_sslErrors.clear();
    if (status == 303 && m_method != "GET") {
        m_method = "GET";
        m_requestBody.clear();
        m_request.setRawHeader("Content-Type", QByteArray());
    }
    sendTo(next);
    return true;
}

void ApiCall::onMetaDataChanged()
{
    if (!m_reply)
        return;
    // Refuse a too-large answer before its first byte is read, when it says how large it is.
    bool known = false;
    const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    if (known && announced > MaxResponseBytes)
        stopAsTooLarge();
    else if (known && announced > 0 && m_body.isEmpty())
        m_body.reserve(int(announced));
}

void ApiCall::takeBody(QNetworkReply* reply)
{
    if (!reply || m_tooLarge || !reply->isOpen()) // an aborted reply is closed; reading it only warns
        return;
    m_body += reply->read(MaxResponseBytes + 1 - m_body.size());
    if (m_body.size() > MaxResponseBytes)
        stopAsTooLarge(); // chunked or without a length: cut off once the limit is passed
}

void ApiCall::stopAsTooLarge()
{
    if (m_tooLarge || !m_reply || m_finished)
        return;
    m_tooLarge = true;
    qCWarning(lcClient) << "answer over" << MaxResponseBytes << "bytes from" << m_current.host() << "- stopped reading";
    m_body.truncate(KeptBytesOfTooLargeAnswer);
    m_body.squeeze();
    m_reply->abort();
}

void ApiCall::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (m_finished || !reply)
        return;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400 && followRedirect(reply, status))
        return;
    m_deadline.stop();

    Exchange& ex = *m_exchange;
    ex.durationMs = double(m_clock.nsecsElapsed()) / 1e6;
    ex.status = status;
    ex.responseHeaders = reply->rawHeaderPairs();
    takeBody(reply); // what arrived after the last readyRead
    ex.responseBody = m_body;
    m_body.clear();
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
    in.answerStarted = ex.status > 0 || !ex.responseBody.isEmpty();
    in.host = m_current.host();
    if (in.httpStatus == 0 && in.networkError != QNetworkReply::NoError)
        in.proxy = proxyFor(m_current); // a failure to connect may be the proxy's
    in.sslErrors = m_sslErrors;
    in.peerCertificate = m_peerCertificate;
    in.refusedRedirect = m_refusedRedirect;
    in.location = reply->rawHeader("Location");
    in.bodyTooLarge = m_tooLarge;
    in.bodyLimit = MaxResponseBytes;
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

QString ApiCall::proxyFor(const QUrl& url) const
{
    const QNetworkProxyQuery query(url);
    QNetworkProxyFactory* factory = m_nam->proxyFactory();
    // The same order QNetworkAccessManager follows: its own proxy, its factory, the global one.
    const QList<QNetworkProxy> proxies = m_nam->proxy().type() != QNetworkProxy::DefaultProxy
        ? QList<QNetworkProxy> {m_nam->proxy()}
        : factory ? factory->queryProxy(query)
                  : QNetworkProxyFactory::proxyForQuery(query);
    if (proxies.isEmpty() || proxies.first().type() == QNetworkProxy::NoProxy
        || proxies.first().type() == QNetworkProxy::DefaultProxy)
        return {};
    return QStringLiteral("%1:%2").arg(proxies.first().hostName()).arg(proxies.first().port());
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
