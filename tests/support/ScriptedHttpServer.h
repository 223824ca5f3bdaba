#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QUrl>

#include <deque>
#include <memory>

class QTcpSocket;

// A deliberately crude HTTP/1.1 server on 127.0.0.1 that answers each request with the next
// scripted reply, byte for byte. It exists for what a well-behaved server cannot do: HTML
// error pages, truncated JSON, closing the connection mid-body, never answering, trickling
// a byte at a time, streaming without end, presenting a bad certificate, or standing in for
// an HTTP proxy (it records the request target as sent, absolute-form included).
class ScriptedHttpServer : public QObject
{
    Q_OBJECT

public:
    // How a streamed body tells the client where it ends.
    enum class Framing
    {
        ContentLength, // the head announces the full length
        Chunked, // Transfer-Encoding: chunked, one chunk per write
        UntilClose, // no length at all: the body ends when the connection does
    };

    struct Reply
    {
        QByteArray raw; // written as is (status line, headers, body)
        bool hang = false; // read the request, then never answer
        bool closeAfterWrite = true;
        // After raw, one space every trickleIntervalMs until the client goes away (slow loris).
        int trickleIntervalMs = 0;
        // After raw, this many body bytes, written only as fast as the client takes them, so the
        // server itself never holds more than one chunk; -1 streams until the client goes away.
        qint64 streamBytes = 0;
        Framing framing = Framing::ContentLength; // of the streamed body
    };

    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, or the absolute URL a proxy receives, as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray& name) const;
    };

    explicit ScriptedHttpServer(QObject* parent = nullptr);
    ~ScriptedHttpServer() override;
    bool listen();
    // Serves TLS with the certificate and key in `configuration` (a QSslServer).
    bool listenTls(const QSslConfiguration& configuration);
    // http(s)://<host>:<port>; the host only changes the URL, the server is on 127.0.0.1.
    QUrl baseUrl(const QString& host = QStringLiteral("127.0.0.1")) const;
    quint16 port() const { return m_server->serverPort(); }

    void enqueue(const Reply& reply) { m_script.push_back(reply); }
    // A complete response with Content-Length and the given extra header lines ("Name: value").
    void enqueue(
        int status, const QByteArray& contentType, const QByteArray& body, const QList<QByteArray>& headers = {});
    // A response whose Content-Length promises more than is sent before the connection closes.
    void enqueueTruncated(int status, const QByteArray& body, int promisedLength);
    void enqueueHang() { m_script.push_back(Reply {{}, true, false}); }
    // A 200 head, then one byte every intervalMs, forever.
    void enqueueTrickle(int intervalMs);
    // A 200 with a JSON content type and `bytes` of body (-1: endless), framed as asked.
    void enqueueStream(qint64 bytes, Framing framing);

    const QList<Request>& requests() const { return m_requests; }
    // Connections accepted (for TLS: handshakes completed), whether or not a request followed.
    int connectionCount() const { return m_connections; }
    // Body bytes written by trickled and streamed replies, across all connections.
    qint64 streamedBytes() const { return m_streamed; }
    // Sockets of trickled or streamed replies that are still open.
    int openStreams() const { return m_openStreams; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void startTrickle(QTcpSocket* socket, int intervalMs);
    void startStream(QTcpSocket* socket, const Reply& reply);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    std::deque<Reply> m_script;
    QList<Request> m_requests;
    int m_connections = 0;
    qint64 m_streamed = 0;
    int m_openStreams = 0;
};
