#include "ScriptedHttpServer.h"

#include <QSslServer>
#include <QTcpSocket>
#include <QTimer>

namespace
{
constexpr qint64 StreamChunkBytes = 64 * 1024;
}

QByteArray ScriptedHttpServer::Request::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(QObject* parent)
    : QObject(parent)
{ }

ScriptedHttpServer::~ScriptedHttpServer() = default;

bool ScriptedHttpServer::listen()
{
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::newConnection, this, &ScriptedHttpServer::onNewConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool ScriptedHttpServer::listenTls(const QSslConfiguration& configuration)
{
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(configuration);
    m_server = std::move(server);
    m_tls = true;
    // QSslServer offers a connection only once its handshake succeeded.
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &ScriptedHttpServer::onNewConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedHttpServer::baseUrl(const QString& host) const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(host);
    url.setPort(m_server ? m_server->serverPort() : 0);
    return url;
}

void ScriptedHttpServer::enqueue(
    int status, const QByteArray& contentType, const QByteArray& body, const QList<QByteArray>& headers)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
    if (!contentType.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    for (const QByteArray& h : headers)
        raw += h + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    m_script.push_back(Reply {raw, false, true});
}

void ScriptedHttpServer::enqueueTruncated(int status, const QByteArray& body, int promisedLength)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + QByteArray::number(promisedLength) + "\r\nConnection: close\r\n\r\n" + body;
    m_script.push_back(Reply {raw, false, true});
}

void ScriptedHttpServer::enqueueTrickle(int intervalMs)
{
    Reply reply;
    reply.raw = "HTTP/1.1 200 Scripted\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
    reply.closeAfterWrite = false;
    reply.trickleIntervalMs = intervalMs;
    m_script.push_back(reply);
}

void ScriptedHttpServer::enqueueStream(qint64 bytes, Framing framing)
{
    Reply reply;
    reply.raw = "HTTP/1.1 200 Scripted\r\nContent-Type: application/json\r\nConnection: close\r\n";
    if (framing == Framing::ContentLength)
        reply.raw += "Content-Length: " + QByteArray::number(bytes) + "\r\n";
    else if (framing == Framing::Chunked)
        reply.raw += "Transfer-Encoding: chunked\r\n";
    reply.raw += "\r\n";
    reply.closeAfterWrite = false;
    reply.streamBytes = bytes;
    reply.framing = framing;
    m_script.push_back(reply);
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        ++m_connections;
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void ScriptedHttpServer::onReadyRead(QTcpSocket* socket)
{
    // A reply that closes the connection (or streams until it closes) ends the conversation:
    // like a real server, read nothing more on it, though a client may already have sent
    // its next request there.
    if (socket->property("answered").toBool()) {
        socket->readAll();
        return;
    }
    // Accumulate until the head and the announced body are complete.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const int headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    int contentLength = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines.at(i).indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            contentLength = value.toInt();
    }
    if (buffer.size() < headEnd + 4 + contentLength)
        return;
    request.body = buffer.mid(headEnd + 4, contentLength);
    socket->setProperty("buffer", buffer.mid(headEnd + 4 + contentLength));
    m_requests.append(request);

    if (m_script.empty()) {
        socket->setProperty("answered", true);
        socket->write("HTTP/1.1 500 No Script\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    const Reply reply = m_script.front();
    m_script.pop_front();
    socket->setProperty("answered", reply.closeAfterWrite || reply.trickleIntervalMs > 0 || reply.streamBytes != 0);
    if (reply.hang)
        return;
    socket->write(reply.raw);
    if (reply.trickleIntervalMs > 0)
        startTrickle(socket, reply.trickleIntervalMs);
    else if (reply.streamBytes != 0)
        startStream(socket, reply);
    else if (reply.closeAfterWrite)
        socket->disconnectFromHost();
}

void ScriptedHttpServer::startTrickle(QTcpSocket* socket, int intervalMs)
{
    ++m_openStreams;
    connect(socket, &QObject::destroyed, this, [this] { --m_openStreams; });
    auto* timer = new QTimer(socket); // goes away with the socket
    connect(timer, &QTimer::timeout, socket, [this, socket] {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
        socket->write(" ");
        ++m_streamed;
    });
    timer->start(intervalMs);
}

void ScriptedHttpServer::startStream(QTcpSocket* socket, const Reply& reply)
{
    ++m_openStreams;
    connect(socket, &QObject::destroyed, this, [this] { --m_openStreams; });
    auto remaining = std::make_shared<qint64>(reply.streamBytes); // -1: endless
    const Framing framing = reply.framing;
    auto writeMore = [this, socket, remaining, framing] {
        // Top up only when what we wrote before has gone to the kernel: the client's reading
        // speed decides how fast this goes, and memory here stays at about one chunk.
        while (socket->state() == QAbstractSocket::ConnectedState && *remaining != 0
            && socket->bytesToWrite() < StreamChunkBytes) {
            const qint64 size = *remaining < 0 ? StreamChunkBytes : qMin(*remaining, StreamChunkBytes);
            const QByteArray filler(int(size), ' ');
            if (framing == Framing::Chunked)
                socket->write(QByteArray::number(size, 16) + "\r\n" + filler + "\r\n");
            else
                socket->write(filler);
            m_streamed += size;
            if (*remaining > 0)
                *remaining -= size;
            if (*remaining == 0) {
                if (framing == Framing::Chunked)
                    socket->write("0\r\n\r\n");
                socket->disconnectFromHost();
            }
        }
    };
    connect(socket, &QIODevice::bytesWritten, socket, writeMore);
    writeMore();
}
