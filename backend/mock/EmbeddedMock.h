#pragma once

#include "MockZitadel.h"

#include <QObject>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

class MockHttpServer;

// The mock as the desktop app embeds it: MockZitadel and its HTTP adapter live in a thread of
// their own, so a slow generated list (1M users) never stalls the window, and the GUI talks to
// it over real loopback HTTP exactly as it talks to a live instance.
class EmbeddedMock : public QObject
{
    Q_OBJECT

public:
    explicit EmbeddedMock(QObject* parent = nullptr);
    ~EmbeddedMock() override;

    // Starts the thread, builds the mock there and listens on 127.0.0.1 with an ephemeral
    // port. Asynchronous: ends in ready() or failed(). A running mock is stopped first.
    void start(const MockOptions& options);
    void stop();

    bool isReady() const { return m_baseUrl.isValid(); }
    // start() was called and neither ready() nor failed() has come yet.
    bool isStarting() const { return m_starting; }
    QUrl baseUrl() const { return m_baseUrl; }
    // The bearer token of the mock's admin API (/_mock/...), known from ready() on.
    QString adminToken() const { return m_adminToken; }

    // Also serves the running mock on 127.0.0.1:port (the same state), for curl, scripts or a
    // second app. Asynchronous: ends in exposed(url) or exposeFailed(sentence for people). A
    // mock exposed elsewhere moves to the new port; when that fails it stays where it was.
    void expose(quint16 port);
    // Closes that port again (and its connections). Asynchronous: ends in unexposed().
    void unexpose();
    QUrl exposedUrl() const { return m_exposedUrl; } // empty when not exposed

    // Runs work on the mock's thread and waits for it. For tests and the QA panel only: the
    // work must be short, because the calling thread blocks meanwhile.
    void withMock(const std::function<void(MockZitadel&, MockHttpServer&)>& work);
    quint64 requestCount();
    void setLatency(int milliseconds);

Q_SIGNALS:
    void ready(const QUrl& baseUrl);
    void failed(const QString& error);
    void exposed(const QUrl& url);
    void exposeFailed(const QString& error);
    void unexposed();
    // What changed in the running mock since the last report (MockChangeNotifier::Change
    // flags), at most about ten times a second.
    void changed(int changes);

private:
    struct Parts; // lives on, and is destroyed in, the mock thread
    QThread m_thread;
    QObject* m_context = nullptr; // thread-affine anchor for queued work
    std::shared_ptr<Parts> m_parts;
    QUrl m_baseUrl;
    QString m_adminToken;
    QUrl m_exposedUrl;
    quint64 m_generation = 0; // ignores a ready() from a start that stop() superseded
    bool m_starting = false;
};
