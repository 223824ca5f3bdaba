#pragma once

#include "ErrorDecoder.h"
#include "Exchange.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// One request in flight. It owns its reply, has one deadline, finishes exactly once, and
// deletes itself after finishing. Callers keep a QPointer<ApiCall> if they want to cancel.
// Nothing here ever retries: a resend that failed stays failed.
//
// It also stands between the reply and a hostile server: certificate errors are recorded and
// never ignored, redirects are followed here (not by Qt) and only within the origin the call
// started at (see RedirectCheck), an answer over MaxResponseBytes is cut off however it is
// framed, and a request with a body goes over the wire at most once (see OneShotBody).
class ApiCall : public QObject
{
    Q_OBJECT

public:
    // No ZITADEL answer comes near this (a page of 1000 users is well under 1 MB); anything
    // larger is a misrouted download or an attack on memory.
    static constexpr qint64 MaxResponseBytes = 10 * 1024 * 1024;
    // What the Exchange keeps of an answer that was cut off, for the inspector.
    static constexpr int KeptBytesOfTooLargeAnswer = 64 * 1024;

    // Called exactly once with the finished exchange. It may still set exchange->error (a 200
    // whose body lacks what the call needs) before sharing it.
    using Completion = std::function<void(const std::shared_ptr<Exchange>& exchange)>;

    ApiCall(ApiOperation operation, Completion completion, QObject* parent);
    ~ApiCall() override;

    // Stops the request. Reported as Cancelled (not as a timeout, not as an error of the server).
    void cancel();
    bool isFinished() const { return m_finished; }
    bool wentOverTheWire() const { return m_sent; }

    void start(QNetworkAccessManager* nam,
        const QNetworkRequest& request,
        const QByteArray& method,
        const QByteArray& body,
        const HeaderList& recordedHeaders,
        int timeoutMs,
        const QString& operationName,
        quint64 exchangeId);
    // Finishes with a client-side error on the next event loop turn; nothing is sent.
    void failBeforeSending(const ApiError& error);

Q_SIGNALS:
    void finished();

private:
    void onReplyFinished();
    void onDeadline();
    void sendTo(const QUrl& url);
    // True when the redirect in `reply` is followed (a new hop is under way).
    bool followRedirect(QNetworkReply* reply, int status);
    void onSslErrors(const QList<QSslError>& errors);
    void onMetaDataChanged();
    void takeBody(QNetworkReply* reply);
    void stopAsTooLarge();
    QString proxyFor(const QUrl& url) const; // "host:port", empty when direct
    void complete();

    ApiOperation m_operation;
    Completion m_completion;
    QPointer<QNetworkReply> m_reply;
    QNetworkAccessManager* m_nam = nullptr;
    QNetworkRequest m_request; // as the client built it; each hop changes only the URL
    QByteArray m_method;
    QByteArray m_requestBody;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    std::shared_ptr<Exchange> m_exchange;
    int m_timeoutMs = 0;
    QByteArray m_body; // read as it arrives, so Qt buffers little and the size is always known
    QList<QSslError> m_sslErrors;
    QSslCertificate m_peerCertificate;
    QUrl m_origin; // the URL the call started at
    QUrl m_current; // the URL asked last (after followed redirects)
    int m_redirects = 0;
    QString m_refusedRedirect; // the sentence, when a redirect was not followed
    bool m_tooLarge = false;
    bool m_cancelled = false;
    bool m_timedOut = false;
    bool m_finished = false;
    bool m_sent = false;
};
