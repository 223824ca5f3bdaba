#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

#include <deque>

class QTcpSocket;

// A deliberately crude HTTP/1.1 server on 127.0.0.1 that answers each request with the next
// scripted reply, byte for byte. It exists for what a well-behaved server cannot do: HTML
// error pages, truncated JSON, closing the connection mid-body, never answering.
class ScriptedHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Reply
    {
        QByteArray raw; // written as is (status line, headers, body)
        bool hang = false; // read the request, then never answer
        bool closeAfterWrite = true;
    };

    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray& name) const;
    };

    explicit ScriptedHttpServer(QObject* parent = nullptr);
    bool listen();
    QUrl baseUrl() const;

    void enqueue(const Reply& reply) { m_script.push_back(reply); }
    // A complete response with Content-Length and the given extra header lines ("Name: value").
    void enqueue(
        int status, const QByteArray& contentType, const QByteArray& body, const QList<QByteArray>& headers = {});
    // A response whose Content-Length promises more than is sent before the connection closes.
    void enqueueTruncated(int status, const QByteArray& body, int promisedLength);
    void enqueueHang() { m_script.push_back(Reply {{}, true, false}); }

    const QList<Request>& requests() const { return m_requests; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);

    QTcpServer m_server;
    std::deque<Reply> m_script;
    QList<Request> m_requests;
};
