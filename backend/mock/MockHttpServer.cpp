#include "MockHttpServer.h"

#include "MockAdminApi.h"
#include "MockHttpLogFilter.h"
#include "MockLog.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace
{
QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN"); // 6.4 reports TRACE and exotic methods as Unknown
    }
}

// IPv4 clients of a dual-stack listener show up as "::ffff:127.0.0.1"; the log shows them
// as people know them.
QString peerText(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

QUrl loopbackUrl(quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    return url;
}

// Writes the answer, or for close-mid-body the status line, the headers with the full
// Content-Length and half the body, then ends the connection.
void write(QHttpServerResponder& responder, const MockResponse& response)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    for (const auto& header : response.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    if (response.transport != MockResponse::Transport::CloseMidBody) {
        responder.writeBody(response.body);
        return;
    }
    responder.writeBody(response.body.left(response.body.size() / 2));
    // disconnectFromHost, not abort(): abort drops what is still buffered, and the client must
    // get the head and half the body before the connection ends. The server deletes the
    // socket once it is disconnected.
    responder.socket()->disconnectFromHost();
}
} // namespace

MockHttpServer::MockHttpServer(MockZitadel* zitadel, QObject* parent)
    : QObject(parent)
    , m_router(zitadel)
    , m_server(new QHttpServer(this))
{
    MockHttpLogFilter::install(); // QHttpServer's own debug lines would print Authorization headers
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        serve(request, std::move(responder));
    });
}

// Held no-answer responders go first, while their sockets still exist; they never write.
MockHttpServer::~MockHttpServer()
{
    m_held.clear();
}

quint16 MockHttpServer::listen(const QHostAddress& address, quint16 port, bool allowNonLoopback)
{
    if (!address.isLoopback() && !allowNonLoopback) {
        m_error = tr("Refusing to listen on %1: the mock only serves the loopback interface unless explicitly allowed.")
                      .arg(address.toString());
        return 0;
    }
    auto* tcp = new QTcpServer(m_server);
    if (!tcp->listen(address, port)) {
        m_error = tr("Cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        return 0;
    }
    m_server->bind(tcp); // QHttpServer takes the server over (and re-parents it)
    m_address = address;
    m_port = tcp->serverPort();
    m_error.clear();
    qCDebug(lcMock).noquote() << "listening on" << baseUrl().toString();
    return m_port;
}

quint16 MockHttpServer::listenAlso(quint16 port)
{
    if (m_extra && port != 0 && m_extra->serverPort() == port)
        return port;
    auto* tcp = new QTcpServer(m_server);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        switch (tcp->serverError()) {
        case QAbstractSocket::AddressInUseError:
            m_error = tr("Port %1 on 127.0.0.1 is already in use by another program; choose another port.").arg(port);
            break;
        case QAbstractSocket::SocketAccessError:
            m_error = tr("This system does not let the mock use port %1; choose a port above 1023.").arg(port);
            break;
        default:
            m_error = tr("Cannot listen on 127.0.0.1 port %1: %2.").arg(port).arg(tcp->errorString());
        }
        delete tcp;
        return 0;
    }
    stopListeningAlso();
    m_server->bind(tcp);
    m_extra = tcp;
    m_error.clear();
    qCDebug(lcMock).noquote() << "also listening on" << extraUrl().toString();
    return tcp->serverPort();
}

void MockHttpServer::stopListeningAlso()
{
    if (!m_extra)
        return;
    QTcpServer* tcp = m_extra;
    m_extra = nullptr;
    qCDebug(lcMock) << "no longer listening on port" << tcp->serverPort();
    tcp->close();
    // QTcpServer parents the sockets it accepts. Aborting them ends kept-alive connections
    // too, so the port really stops answering; QHttpServer deletes each socket (and its
    // request) on the disconnect, and a delayed answer sees the socket gone (serve()).
    const QList<QTcpSocket*> sockets = tcp->findChildren<QTcpSocket*>(Qt::FindDirectChildrenOnly);
    for (QTcpSocket* socket : sockets)
        socket->abort();
    tcp->setParent(nullptr); // out of QHttpServer::servers() at once
    tcp->deleteLater();
}

QUrl MockHttpServer::extraUrl() const
{
    return m_extra ? loopbackUrl(m_extra->serverPort()) : QUrl();
}

QUrl MockHttpServer::baseUrl() const
{
    if (m_port == 0)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    // An "any" address is reachable locally through the loopback interface.
    const bool any =
        m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4 || m_address == QHostAddress::AnyIPv6;
    url.setHost(any ? QStringLiteral("127.0.0.1") : m_address.toString());
    url.setPort(m_port);
    return url;
}

void MockHttpServer::setLatency(int milliseconds)
{
    m_latency = qMax(0, milliseconds);
}

void MockHttpServer::serve(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    MockRequest mock;
    mock.method = methodName(request.method());
    const QUrl url = request.url();
    mock.path = url.path(QUrl::FullyEncoded).toUtf8();
    mock.query = url.query(QUrl::FullyEncoded).toUtf8();
    mock.headers = request.headers();
    mock.body = request.body();
    mock.peer = peerText(request.remoteAddress());
    const MockResponse response = m_router.handle(mock);
    emit requestHandled(MockAdminApi::handles(mock.path));

    if (response.transport == MockResponse::Transport::NoAnswer) {
        hold(std::move(responder), mock.method, mock.path);
        return;
    }
    const int delay = m_latency + response.delayMs;
    if (delay <= 0) {
        write(responder, response);
        return;
    }
    // Delayed answer. QHttpServer 6.4 crashes when a responder writes after its client went
    // away (the responder keeps a raw socket pointer; qt-6.4-notes.md §2.5), so the timer
    // writes only while the socket still exists and is connected.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket(held->socket());
    auto* timer = new QTimer(m_server);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early; timeout tests need "at least"
    connect(
        timer, &QTimer::timeout, this, [this, held, socket, response, timer, method = mock.method, path = mock.path] {
            timer->deleteLater();
            if (socket && socket->state() == QAbstractSocket::ConnectedState) {
                write(*held, response);
                return;
            }
            qCDebug(lcMock).noquote() << "client left before the delayed answer to" << method << path << "- dropped";
            emit responseDropped(method, path);
        });
    timer->start(delay);
}

// No answer: the responder is kept, unwritten, until the client gives up. Letting it go when the
// socket disconnects keeps nothing alive per abandoned request, and since it never writes, the
// 6.4 late-write crash cannot happen.
void MockHttpServer::hold(QHttpServerResponder&& responder, const QByteArray& method, const QByteArray& path)
{
    auto held = std::make_unique<QHttpServerResponder>(std::move(responder));
    QTcpSocket* socket = held->socket();
    m_held.push_back(Held {std::move(held), socket, method, path});
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { release(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { release(socket); });
    qCDebug(lcMock).noquote() << "holding" << method << path << "without an answer";
}

void MockHttpServer::release(QTcpSocket* socket)
{
    for (auto it = m_held.begin(); it != m_held.end();) {
        if (it->socket != socket) {
            ++it;
            continue;
        }
        const QByteArray method = it->method;
        const QByteArray path = it->path;
        it = m_held.erase(it);
        qCDebug(lcMock).noquote() << "client left; released the held" << method << path;
        emit heldAnswerReleased(method, path);
    }
}
