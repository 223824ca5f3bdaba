#pragma once

#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

class QTcpSocket;

// Receives the browser's redirect at the end of a sign-in (RFC 8252 §7.3): listens on
// 127.0.0.1 only (never on all interfaces, so nobody on the network can answer in the
// browser's place), on a port the system picks, for one GET /callback. The browser gets a
// small page telling the person to return to the app.
//
// Written on QTcpServer rather than QOAuthHttpServerReplyHandler: that one listens on every
// interface unless told otherwise and cannot say what went wrong in the browser page.
class LoopbackRedirectListener : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxRequestBytes = 16 * 1024;
    static constexpr int ConnectionTimeoutMs = 10'000;

    explicit LoopbackRedirectListener(QObject* parent = nullptr);
    ~LoopbackRedirectListener() override;

    // Returns false (and a sentence in `problem`) when no port could be opened.
    bool listen(QString* problem);
    // Only a callback carrying this `state` is taken. Any other (a page in the browser or a
    // local process calling the port) gets a 400 page and changes nothing: the real answer
    // can still come. Set it before the browser is sent off.
    void setExpectedState(const QByteArray& state) { m_expectedState = state; }
    void close();
    bool isListening() const { return m_server.isListening(); }
    // http://127.0.0.1:<port>/callback; registered in ZITADEL as http://127.0.0.1/callback.
    QUrl redirectUri() const;
    QHostAddress listenAddress() const { return m_server.serverAddress(); } // 127.0.0.1

    // The page the browser shows after the redirect. It is answered at once, before the code
    // is exchanged, so it can only say whether ZITADEL sent a code or an error; the app says
    // the rest.
    static QByteArray pageFor(const QUrlQuery& query);

Q_SIGNALS:
    // Exactly once per listen(): the query of the first GET /callback with the expected state.
    void callbackReceived(const QUrlQuery& query);
    // A GET /callback with another state (or none) was turned away.
    void foreignCallbackRefused();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void answer(QTcpSocket* socket, int status, const QByteArray& reason, const QByteArray& html);

    QTcpServer m_server;
    bool m_received = false;
    QByteArray m_expectedState;
};
