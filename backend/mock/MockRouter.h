#pragma once

#include "MockManagementApi.h"
#include "MockOrganizationApi.h"
#include "MockResourcesUserApi.h"
#include "MockRingBuffer.h"
#include "MockUserServiceApi.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QVarLengthArray>

#include <functional>
#include <memory>
#include <vector>

class MockAdminApi;
class MockZitadel;

// A request path split at '/', without the leading empty segment; views into the path.
// The inline capacity covers every route, so splitting allocates nothing.
using MockPathSegments = QVarLengthArray<QByteArrayView, 8>;

struct MockRequest
{
    QByteArray method;
    QByteArray path; // raw, still percent-encoded
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString peer; // the client's address as MockHttpServer saw it; empty in router-level tests
};

struct MockResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

// One handled request as GET /_mock/requests shows it (MockAdminJson writes it). Headers
// are not kept at all, so the Authorization header can never show up there.
struct MockRequestLogEntry
{
    quint64 id = 0; // 1 for the first request the router handled; never reused
    QDateTime time;
    QByteArray method;
    QByteArray path;
    QByteArray query;
    int status = 0;
    qint64 durationMs = 0; // routing and handling, without MockHttpServer's added latency
    QString peer;
    bool admin = false; // a /_mock/... request
    QByteArray requestBody; // the first LogBodyCap bytes
    QByteArray responseBody;
};

// Pure: HTTP in, HTTP out, no sockets. Matches the route (REST as the grpc-gateway does,
// Connect as connect-go's generated handlers do), decodes the body, authenticates, calls
// the API family and wraps the answer or error in the protocol's envelope.
class MockRouter
{
public:
    static constexpr qsizetype LogCapacity = 10'000;
    static constexpr qsizetype LogBodyCap = 4096; // bytes of each body the log keeps

    explicit MockRouter(MockZitadel* zitadel);
    ~MockRouter();
    Q_DISABLE_COPY_MOVE(MockRouter) // the route table points into this object

    // Paths under /_mock go to MockAdminApi, everything else to the ZITADEL routes. Every
    // request, admin ones included, is appended to the request log.
    MockResponse handle(const MockRequest& request);
    QList<MockRequestLogEntry> requestLog() const { return m_log.toList(); } // capped, newest 10'000
    const MockRingBuffer<MockRequestLogEntry>& requestLogBuffer() const { return m_log; }
    quint64 requestCount() const { return m_log.total(); } // every request ever handled
    qsizetype clearRequestLog() { return m_log.clear(); } // returns how many entries it held

private:
    using Handler = std::function<MockApiReply(const MockApiCall&)>;

    struct RestRoute
    {
        QByteArray method;
        std::vector<QByteArray> pattern; // "{}" marks the one path parameter
        QString cause;
        Handler handler;
    };
    struct ConnectMethod
    {
        QByteArray service;
        QByteArray method;
        const char* goType; // for decode errors, as connect-go names the message
        Handler handler;
    };

    MockResponse dispatch(const MockRequest& request);
    MockResponse rest(const MockRequest& request, const MockPathSegments& segments);
    MockResponse connect(const MockRequest& request, const MockPathSegments& segments);
    void addRest(const char* method, const char* path, Handler handler);
    void addConnect(const char* service, const char* method, const char* goType, Handler handler);

    MockZitadel* m_zitadel;
    MockManagementApi m_management;
    MockUserServiceApi m_users;
    MockOrganizationApi m_orgs;
    MockResourcesUserApi m_resources;
    std::unique_ptr<MockAdminApi> m_admin;
    std::vector<RestRoute> m_rest;
    std::vector<ConnectMethod> m_connect;
    MockRingBuffer<MockRequestLogEntry> m_log {LogCapacity};
};
