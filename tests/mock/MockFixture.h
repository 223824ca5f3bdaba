#pragma once

#include "MockHttpServer.h"
#include "MockZitadel.h"

#include <QString>
#include <QUrl>

#include <memory>

// A ready mock for tests: the seed (built-in unless options say otherwise) behind a
// MockHttpServer on 127.0.0.1 with an ephemeral port, living in the calling thread. Tests
// must wait with QTRY_* / QSignalSpy::wait so the server's event processing can run.
class MockFixture
{
public:
    explicit MockFixture(const MockOptions& options = {});
    ~MockFixture();

    bool ok() const { return m_server != nullptr && m_port != 0; }
    QString error() const { return m_error; }

    QUrl baseUrl() const;
    MockZitadel& zitadel() { return *m_zitadel; }
    MockHttpServer& server() { return *m_server; }
    MockRouter& router() { return m_server->router(); }

private:
    std::unique_ptr<MockZitadel> m_zitadel;
    std::unique_ptr<MockHttpServer> m_server;
    quint16 m_port = 0;
    QString m_error;
};
