#include "MockFixture.h"

MockFixture::MockFixture(const MockOptions& options)
{
    m_zitadel = MockZitadel::create(options, &m_error);
    if (!m_zitadel)
        return;
    m_server = std::make_unique<MockHttpServer>(m_zitadel.get());
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    if (m_port == 0)
        m_error = m_server->errorString();
}

// The server goes first: it holds a router that points into the mock.
MockFixture::~MockFixture()
{
    m_server.reset();
    m_zitadel.reset();
}

QUrl MockFixture::baseUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}
