// The mock on a second, fixed loopback port over real sockets: MockHttpServer::listenAlso
// serves the very same state, says plainly when the port is taken, and really stops
// answering when closed; EmbeddedMock::expose does the same from the GUI thread, and hands
// out the admin token it needs.

#include "EmbeddedMock.h"
#include "MockAdminToken.h"
#include "MockFixture.h"
#include "SeedIds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace
{
struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

Reply send(QNetworkAccessManager& nam,
    const QUrl& base,
    const QString& path,
    const QString& token,
    const QByteArray& method = "GET",
    const QByteArray& body = {})
{
    QUrl url = base;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(10000);
    std::unique_ptr<QNetworkReply> reply(
        method == "GET" ? nam.get(request) : nam.sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return {};
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.body = reply->readAll();
    return out;
}

// A port nobody listens on right now: the system picks it, we let go of it.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Whether a fresh TCP connection to 127.0.0.1:port is accepted.
bool accepts(quint16 port)
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 10000))
        return false;
    return !connected.isEmpty();
}

const QString Zitadel = QString::fromLatin1(SeedIds::AdminToken);
} // namespace

class TestMockExpose : public QObject
{
    Q_OBJECT

private slots:
    void servesTheSameStateOnBothPorts();
    void portInUseIsASentence();
    void failedMoveKeepsTheOldPort();
    void stopsAnsweringWhenClosed();
    void closingDuringADelayedAnswer();
    void embeddedExposeAndUnexpose();
    void embeddedExposeFailures();
    void embeddedAdminToken();

private:
    QNetworkAccessManager m_nam;
};

void TestMockExpose::servesTheSameStateOnBothPorts()
{
    MockFixture f;
    QVERIFY2(f.ok(), qPrintable(f.error()));
    const QString admin = f.zitadel().adminToken();
    const quint16 port = freePort();
    QCOMPARE(f.server().listenAlso(port), port);
    const QUrl extra = f.server().extraUrl();
    QCOMPARE(extra, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    QVERIFY(f.server().baseUrl() != extra);
    QCOMPARE(f.server().listenAlso(port), port); // asking again for the same port is fine

    // A change through one port shows through the other.
    const QString resend = QStringLiteral("/v2/users/%1/email/resend").arg(SeedIds::Donald);
    QCOMPARE(send(m_nam, f.baseUrl(), resend, Zitadel, "POST", "{}").status, 200);
    const Reply outbox = send(m_nam, extra, QStringLiteral("/_mock/outbox"), admin);
    QCOMPARE(outbox.status, 200);
    const QJsonArray messages = outbox.json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("code")).toString(),
        f.zitadel().pendingEmailCode(SeedIds::Donald));
    const QString user = QStringLiteral("/v2/users/%1").arg(SeedIds::Donald);
    QCOMPARE(send(m_nam, extra, user, Zitadel).body, send(m_nam, f.baseUrl(), user, Zitadel).body);

    // One request log for both, with the peer the socket saw.
    const Reply log = send(m_nam, extra, QStringLiteral("/_mock/requests"), admin);
    const QJsonArray requests = log.json().value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 4);
    for (const QJsonValue& v : requests)
        QCOMPARE(v.toObject().value(QStringLiteral("peer")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(requests.at(3).toObject().value(QStringLiteral("path")).toString(), resend);
    QCOMPARE(requests.at(2).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/_mock/outbox"));
    QCOMPARE(requests.at(2).toObject().value(QStringLiteral("admin")), QJsonValue(true));
}

void TestMockExpose::portInUseIsASentence()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    const quint16 port = blocker.serverPort();
    MockFixture f;
    QVERIFY(f.ok());
    QCOMPARE(f.server().listenAlso(port), quint16(0));
    const QString error = f.server().errorString();
    QVERIFY2(
        error.contains(QString::number(port)) && error.contains(QLatin1String("already in use")), qPrintable(error));
    QVERIFY(error.endsWith(QLatin1Char('.')));
    QVERIFY(f.server().extraUrl().isEmpty());
    QCOMPARE(send(m_nam, f.baseUrl(), QStringLiteral("/management/v1/orgs/me"), Zitadel).status, 200);
}

void TestMockExpose::failedMoveKeepsTheOldPort()
{
    MockFixture f;
    QVERIFY(f.ok());
    const quint16 first = freePort();
    QCOMPARE(f.server().listenAlso(first), first);
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    QCOMPARE(f.server().listenAlso(blocker.serverPort()), quint16(0));
    QCOMPARE(f.server().extraUrl().port(), int(first));
    QCOMPARE(send(m_nam, f.server().extraUrl(), QStringLiteral("/management/v1/orgs/me"), Zitadel).status, 200);

    // A successful move closes the old port.
    const quint16 second = freePort();
    QCOMPARE(f.server().listenAlso(second), second);
    QVERIFY(!accepts(first));
    QCOMPARE(send(m_nam, f.server().extraUrl(), QStringLiteral("/management/v1/orgs/me"), Zitadel).status, 200);
}

void TestMockExpose::stopsAnsweringWhenClosed()
{
    MockFixture f;
    QVERIFY(f.ok());
    const quint16 port = freePort();
    QCOMPARE(f.server().listenAlso(port), port);
    const QUrl extra = f.server().extraUrl();
    // Leaves a kept-alive connection behind in the QNAM.
    QCOMPARE(send(m_nam, extra, QStringLiteral("/management/v1/orgs/me"), Zitadel).status, 200);

    f.server().stopListeningAlso();
    QVERIFY(f.server().extraUrl().isEmpty());
    QVERIFY(!accepts(port));
    QVERIFY(send(m_nam, extra, QStringLiteral("/management/v1/orgs/me"), Zitadel).error != QNetworkReply::NoError);
    QCOMPARE(send(m_nam, f.baseUrl(), QStringLiteral("/management/v1/orgs/me"), Zitadel).status, 200);
    QTcpServer again; // the port is free for others
    QVERIFY(again.listen(QHostAddress::LocalHost, port));
    f.server().stopListeningAlso(); // closing twice is harmless
}

// QHttpServer 6.4 crashes when a responder writes to a socket that is gone (qt-6.4-notes.md
// §2.5); closing the port aborts its sockets, so a delayed answer must see that and drop.
void TestMockExpose::closingDuringADelayedAnswer()
{
    MockFixture f;
    QVERIFY(f.ok());
    f.server().setLatency(300);
    const quint16 port = freePort();
    QCOMPARE(f.server().listenAlso(port), port);
    QSignalSpy dropped(&f.server(), &MockHttpServer::responseDropped);
    QUrl url = f.server().extraUrl();
    url.setPath(QStringLiteral("/management/v1/orgs/me"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + SeedIds::AdminToken);
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QTRY_COMPARE(f.router().requestCount(), quint64(1)); // handled, answer waiting
    f.server().stopListeningAlso();
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(10000));
    QVERIFY(reply->error() != QNetworkReply::NoError);
    QVERIFY(dropped.wait(10000));
    QCOMPARE(dropped.at(0).at(1).toByteArray(), QByteArray("/management/v1/orgs/me"));
}

void TestMockExpose::embeddedExposeAndUnexpose()
{
    EmbeddedMock mock;
    QSignalSpy ready(&mock, &EmbeddedMock::ready);
    QSignalSpy exposed(&mock, &EmbeddedMock::exposed);
    QSignalSpy unexposed(&mock, &EmbeddedMock::unexposed);
    MockOptions options;
    options.randomSeed = 3;
    mock.start(options);
    const quint16 port = freePort();
    mock.expose(port); // while starting: queued behind the start
    QVERIFY(ready.wait(10000));
    QTRY_COMPARE(exposed.count(), 1);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
    QCOMPARE(exposed.at(0).at(0).toUrl(), url);
    QCOMPARE(mock.exposedUrl(), url);

    const QString admin = mock.adminToken();
    const QString resend = QStringLiteral("/v2/users/%1/phone/resend").arg(SeedIds::Minnie);
    QCOMPARE(send(m_nam, mock.baseUrl(), resend, Zitadel, "POST", "{}").status, 200);
    const Reply outbox = send(m_nam, url, QStringLiteral("/_mock/outbox?channel=sms"), admin);
    QCOMPARE(outbox.status, 200);
    QCOMPARE(outbox.json().value(QStringLiteral("total")).toString(), QStringLiteral("1"));
    QCOMPARE(send(m_nam, url, QStringLiteral("/_mock/settings"), admin).body,
        send(m_nam, mock.baseUrl(), QStringLiteral("/_mock/settings"), admin).body);

    mock.unexpose();
    QVERIFY(mock.exposedUrl().isEmpty());
    QVERIFY(unexposed.wait(10000));
    QVERIFY(!accepts(port));
    QCOMPARE(send(m_nam, mock.baseUrl(), QStringLiteral("/_mock/settings"), admin).status, 200);

    // Exposed again, then stopped: stop() closes it too.
    mock.expose(port);
    QVERIFY(exposed.wait(10000));
    mock.stop();
    QVERIFY(mock.exposedUrl().isEmpty());
    QVERIFY(!accepts(port));
}

void TestMockExpose::embeddedExposeFailures()
{
    EmbeddedMock mock;
    QSignalSpy failed(&mock, &EmbeddedMock::exposeFailed);
    mock.expose(freePort());
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("not running")),
        qPrintable(failed.at(0).at(0).toString()));

    QSignalSpy ready(&mock, &EmbeddedMock::ready);
    QSignalSpy exposed(&mock, &EmbeddedMock::exposed);
    mock.start({});
    QVERIFY(ready.wait(10000));
    const quint16 port = freePort();
    mock.expose(port);
    QVERIFY(exposed.wait(10000));

    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    mock.expose(blocker.serverPort());
    QVERIFY(failed.wait(10000));
    const QString sentence = failed.at(1).at(0).toString();
    QVERIFY2(
        sentence.contains(QLatin1String("already in use")) && sentence.contains(QString::number(blocker.serverPort())),
        qPrintable(sentence));
    // Still where it was.
    QCOMPARE(mock.exposedUrl().port(), int(port));
    QCOMPARE(send(m_nam, mock.exposedUrl(), QStringLiteral("/_mock"), mock.adminToken()).status, 200);
}

void TestMockExpose::embeddedAdminToken()
{
    EmbeddedMock mock;
    QVERIFY(mock.adminToken().isEmpty());
    QSignalSpy ready(&mock, &EmbeddedMock::ready);
    MockOptions options;
    options.adminToken = QStringLiteral("qa-fixed-token-for-the-panel");
    mock.start(options);
    QVERIFY(ready.wait(10000));
    QCOMPARE(mock.adminToken(), options.adminToken);
    QString inside;
    mock.withMock([&inside](MockZitadel& z, MockHttpServer&) { inside = z.adminToken(); });
    QCOMPARE(inside, options.adminToken);
    QCOMPARE(send(m_nam, mock.baseUrl(), QStringLiteral("/_mock"), options.adminToken).status, 200);

    mock.start({}); // a new start makes a new token
    QVERIFY(mock.adminToken().isEmpty());
    QVERIFY(ready.wait(10000));
    QVERIFY(MockAdminToken::problem(mock.adminToken()).isEmpty());
    QVERIFY(mock.adminToken() != options.adminToken);
    mock.stop();
    QVERIFY(mock.adminToken().isEmpty());
}

QTEST_GUILESS_MAIN(TestMockExpose)
#include "TestMockExpose.moc"
