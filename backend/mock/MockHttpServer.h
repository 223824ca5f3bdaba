#pragma once

#include "MockRouter.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>
#include <vector>

class QHttpServer;
class QTcpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;
class MockZitadel;

// The only QHttpServer user: one catch-all handler turns every request into a MockRequest,
// lets MockRouter answer and writes the MockResponse, carrying out its delay and transport
// directive (close mid-body, no answer). QHttpServer is a technical preview in Qt 6.4 with an
// API that changed later, so it stays behind this one class.
class MockHttpServer : public QObject
{
    Q_OBJECT

public:
    explicit MockHttpServer(MockZitadel* zitadel, QObject* parent = nullptr);
    ~MockHttpServer() override;

    // Binds; refuses (returns 0, sets errorString) a non-loopback address unless
    // allowNonLoopback: the mock accepts well-known tokens and must not face a network by
    // accident.
    quint16 listen(
        const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0, bool allowNonLoopback = false);
    QString errorString() const { return m_error; }
    QUrl baseUrl() const; // http://127.0.0.1:PORT

    // A second listener on 127.0.0.1:port serving the very same router and state, so curl,
    // scripts or another app reach an embedded mock on a port people know. Loopback only,
    // whatever listen() was given. Returns the port (port 0 picks a free one), or 0 with
    // errorString() a sentence for people (e.g. the port is in use); a failure leaves an
    // earlier extra listener as it was, a success replaces it.
    quint16 listenAlso(quint16 port);
    // Closes the extra listener and the connections it accepted; the main listener stays.
    void stopListeningAlso();
    QUrl extraUrl() const; // empty without an extra listener
    MockRouter& router() { return m_router; }
    void setLatency(int milliseconds); // every answer is delayed this long (0 = none)
    int latency() const { return m_latency; }
    // Requests a no-answer fault holds open right now.
    int heldAnswers() const { return int(m_held.size()); }

signals:
    // The router has handled a request (its answer may still be delayed). `admin`: a /_mock
    // call, which views of the request log ignore so that reading the log does not change it.
    void requestHandled(bool admin);
    // A delayed answer was not written because its client had gone (timeout or abort).
    void responseDropped(const QByteArray& method, const QByteArray& path);
    // The client of a request held by a no-answer fault left; its responder was let go.
    void heldAnswerReleased(const QByteArray& method, const QByteArray& path);

private:
    struct Held
    {
        std::unique_ptr<QHttpServerResponder> responder;
        QTcpSocket* socket; // identity only: released on its disconnected or destroyed signal
        QByteArray method;
        QByteArray path;
    };

    void serve(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    void hold(QHttpServerResponder&& responder, const QByteArray& method, const QByteArray& path);
    void release(QTcpSocket* socket);

    MockRouter m_router;
    QHttpServer* m_server;
    QPointer<QTcpServer> m_extra;
    QHostAddress m_address;
    quint16 m_port = 0;
    int m_latency = 0;
    QString m_error;
    std::vector<Held> m_held;
};
