#pragma once

#include "ErrorDecoder.h"
#include "Exchange.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

// One request in flight. It owns its reply, has one deadline, finishes exactly once, and
// deletes itself after finishing. Callers keep a QPointer<ApiCall> if they want to cancel.
// Nothing here ever retries: a resend that failed stays failed.
class ApiCall : public QObject
{
    Q_OBJECT

public:
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
    void complete();

    ApiOperation m_operation;
    Completion m_completion;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    std::shared_ptr<Exchange> m_exchange;
    int m_timeoutMs = 0;
    bool m_cancelled = false;
    bool m_timedOut = false;
    bool m_finished = false;
    bool m_sent = false;
};
