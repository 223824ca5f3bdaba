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
#include <vector>

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
};

struct MockResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

struct MockRequestLogEntry
{
    QDateTime time;
    QByteArray method;
    QByteArray path;
    int status = 0;
};

// Pure: HTTP in, HTTP out, no sockets. Matches the route (REST as the grpc-gateway does,
// Connect as connect-go's generated handlers do), decodes the body, authenticates, calls
// the API family and wraps the answer or error in the protocol's envelope.
class MockRouter
{
public:
    static constexpr qsizetype LogCapacity = 10'000;

    explicit MockRouter(MockZitadel* zitadel);
    Q_DISABLE_COPY_MOVE(MockRouter) // the route table points into this object

    MockResponse handle(const MockRequest& request); // also appends to the request log
    QList<MockRequestLogEntry> requestLog() const { return m_log.toList(); } // capped, newest 10'000
    quint64 requestCount() const { return m_log.total(); } // every request ever handled

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
    std::vector<RestRoute> m_rest;
    std::vector<ConnectMethod> m_connect;
    MockRingBuffer<MockRequestLogEntry> m_log {LogCapacity};
};
