#include "LoopbackRedirectListener.h"

#include "ClientLogging.h"

#include <QTcpSocket>
#include <QTimer>

namespace
{
QByteArray page(const QString& title, const QString& text)
{
    return QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                          "<style>body{font-family:sans-serif;margin:4em auto;max-width:34em;color:#222}"
                          "h1{font-size:1.4em}</style></head><body><h1>%1</h1><p>%2</p></body></html>")
        .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
        .toUtf8();
}
} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onNewConnection);
}

LoopbackRedirectListener::~LoopbackRedirectListener() = default;

bool LoopbackRedirectListener::listen(QString* problem)
{
    close();
    m_received = false;
    m_expectedState.clear();
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        *problem =
            tr("Verify Desk could not open a port on 127.0.0.1 to receive the sign-in: %1").arg(m_server.errorString());
        return false;
    }
    return true;
}

void LoopbackRedirectListener::close()
{
    m_server.close();
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    url.setPath(QStringLiteral("/callback"));
    return url;
}

QByteArray LoopbackRedirectListener::pageFor(const QUrlQuery& query)
{
    if (query.hasQueryItem(QStringLiteral("error")))
        return page(tr("Sign-in did not finish"),
            tr("ZITADEL reported a problem; Verify Desk shows what it was. You can close this tab."));
    return page(tr("Return to Verify Desk"),
        tr("Verify Desk received the answer and finishes the sign-in. You can close this tab and return to it."));
}

void LoopbackRedirectListener::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // A connection that never sends its request (a port scanner, a stuck tab) is dropped.
        QTimer::singleShot(ConnectionTimeoutMs, socket, [socket] { socket->abort(); });
    }
}

void LoopbackRedirectListener::onReadyRead(QTcpSocket* socket)
{
    if (socket->bytesAvailable() > MaxRequestBytes) {
        answer(socket, 431, "Request Header Fields Too Large", QByteArray());
        return;
    }
    if (!socket->canReadLine())
        return;
    // Only the request line matters; the headers are not read (no cookies, nothing to trust).
    const QList<QByteArray> requestLine = socket->readLine(MaxRequestBytes).trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0) != "GET") {
        answer(socket, 405, "Method Not Allowed", QByteArray());
        return;
    }
    const QUrl target(QString::fromLatin1(requestLine.at(1)));
    if (target.path() != QLatin1String("/callback")) {
        answer(socket, 404, "Not Found", QByteArray()); // e.g. /favicon.ico
        return;
    }
    const QUrlQuery query(target);
    if (query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8() != m_expectedState) {
        answer(socket,
            400,
            "Bad Request",
            page(tr("Not this sign-in"),
                tr("This answer does not belong to the sign-in Verify Desk is waiting for, so it was ignored. You "
                   "can close this tab.")));
        qCInfo(lcClient) << "a sign-in callback with another state was turned away";
        Q_EMIT foreignCallbackRefused();
        return;
    }
    if (m_received) {
        answer(socket,
            409,
            "Conflict",
            page(tr("Already signed in"), tr("This sign-in has already finished. You can close this tab.")));
        return;
    }
    m_received = true;
    answer(socket, 200, "OK", pageFor(query));
    qCDebug(lcClient) << "sign-in callback received on port" << m_server.serverPort(); // never the query
    Q_EMIT callbackReceived(query);
}

void LoopbackRedirectListener::answer(QTcpSocket* socket, int status, const QByteArray& reason, const QByteArray& html)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(html.size()) + "\r\n";
    response += "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n";
    response += html;
    socket->write(response);
    socket->disconnectFromHost();
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
}
