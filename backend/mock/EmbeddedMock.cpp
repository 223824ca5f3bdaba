#include "EmbeddedMock.h"

#include "MockChangeNotifier.h"
#include "MockHttpServer.h"

#include <QMetaObject>
#include <QPointer>

struct EmbeddedMock::Parts
{
    std::unique_ptr<MockZitadel> zitadel;
    std::unique_ptr<MockHttpServer> server;
    std::unique_ptr<MockChangeNotifier> notifier;
};

EmbeddedMock::EmbeddedMock(QObject* parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("embedded-mock"));
}

EmbeddedMock::~EmbeddedMock()
{
    stop();
}

void EmbeddedMock::start(const MockOptions& options)
{
    stop();
    const quint64 generation = ++m_generation;
    m_starting = true;
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    auto parts = std::make_shared<Parts>();
    m_parts = parts;

    QPointer<EmbeddedMock> self(this);
    QMetaObject::invokeMethod(m_context, [self, parts, options, generation] {
        QString error;
        parts->zitadel = MockZitadel::create(options, &error);
        QUrl url;
        QString adminToken;
        if (parts->zitadel) {
            adminToken = parts->zitadel->adminToken();
            parts->server = std::make_unique<MockHttpServer>(parts->zitadel.get());
            if (parts->server->listen() != 0)
                url = parts->server->baseUrl();
            else
                error = parts->server->errorString();
            parts->notifier = std::make_unique<MockChangeNotifier>(parts->zitadel.get(), parts->server.get());
            QObject::connect(parts->notifier.get(), &MockChangeNotifier::changed, [self, generation](int changes) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, generation, changes] {
                        if (self && generation == self->m_generation)
                            Q_EMIT self->changed(changes);
                    },
                    Qt::QueuedConnection);
            });
        }
        // Report back on the owner's thread; a stop() in between makes the answer stale.
        QMetaObject::invokeMethod(
            self.data(),
            [self, url, error, adminToken, generation] {
                if (!self || generation != self->m_generation)
                    return;
                self->m_starting = false;
                if (url.isValid()) {
                    self->m_baseUrl = url;
                    self->m_adminToken = adminToken;
                    Q_EMIT self->ready(url);
                } else {
                    Q_EMIT self->failed(error);
                }
            },
            Qt::QueuedConnection);
    });
}

void EmbeddedMock::stop()
{
    if (!m_thread.isRunning())
        return;
    ++m_generation;
    m_starting = false;
    m_baseUrl = QUrl();
    m_adminToken.clear();
    m_exposedUrl = QUrl();
    // The server and the mock were created in the mock thread and must die there.
    auto parts = std::move(m_parts);
    QMetaObject::invokeMethod(
        m_context,
        [parts] {
            parts->notifier.reset();
            parts->server.reset();
            parts->zitadel.reset();
        },
        Qt::BlockingQueuedConnection);
    m_context->deleteLater();
    m_context = nullptr;
    m_thread.quit();
    m_thread.wait();
}

void EmbeddedMock::withMock(const std::function<void(MockZitadel&, MockHttpServer&)>& work)
{
    if (!m_thread.isRunning() || !m_parts)
        return;
    auto parts = m_parts;
    QMetaObject::invokeMethod(
        m_context,
        [parts, &work] {
            if (parts->zitadel && parts->server)
                work(*parts->zitadel, *parts->server);
        },
        Qt::BlockingQueuedConnection);
}

quint64 EmbeddedMock::requestCount()
{
    quint64 count = 0;
    withMock([&count](MockZitadel&, MockHttpServer& server) { count = server.router().requestCount(); });
    return count;
}

void EmbeddedMock::setLatency(int milliseconds)
{
    withMock([milliseconds](MockZitadel&, MockHttpServer& server) { server.setLatency(milliseconds); });
}

void EmbeddedMock::expose(quint16 port)
{
    QPointer<EmbeddedMock> self(this);
    if (!m_thread.isRunning() || !m_parts) {
        QMetaObject::invokeMethod(
            this,
            [self] {
                if (self)
                    Q_EMIT self->exposeFailed(tr("The embedded mock is not running, so there is nothing to expose."));
            },
            Qt::QueuedConnection);
        return;
    }
    // Queued behind start(), so a mock that is still starting is exposed once it listens.
    auto parts = m_parts;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(m_context, [self, parts, port, generation] {
        QUrl url;
        QString error = tr("The embedded mock did not start, so there is nothing to expose.");
        if (parts->server && parts->server->listenAlso(port) != 0)
            url = parts->server->extraUrl();
        else if (parts->server)
            error = parts->server->errorString();
        QMetaObject::invokeMethod(
            self.data(),
            [self, url, error, generation] {
                if (!self || generation != self->m_generation)
                    return;
                if (url.isValid()) {
                    self->m_exposedUrl = url;
                    Q_EMIT self->exposed(url);
                } else {
                    Q_EMIT self->exposeFailed(error);
                }
            },
            Qt::QueuedConnection);
    });
}

void EmbeddedMock::unexpose()
{
    QPointer<EmbeddedMock> self(this);
    const auto done = [self] {
        if (self)
            Q_EMIT self->unexposed();
    };
    m_exposedUrl = QUrl();
    if (!m_thread.isRunning() || !m_parts) {
        QMetaObject::invokeMethod(this, done, Qt::QueuedConnection);
        return;
    }
    auto parts = m_parts;
    QMetaObject::invokeMethod(m_context, [self, parts, done] {
        if (parts->server)
            parts->server->stopListeningAlso();
        QMetaObject::invokeMethod(self.data(), done, Qt::QueuedConnection);
    });
}
