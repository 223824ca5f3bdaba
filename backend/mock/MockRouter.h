#pragma once

#include "MockFaultEngine.h"
#include "MockManagementApi.h"
#include "MockOperations.h"
#include "MockOrganizationApi.h"
#include "MockResourcesUserApi.h"
#include "MockRingBuffer.h"
#include "MockUserServiceApi.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QVarLengthArray>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class MockAdminApi;
class MockOidcEndpoints;
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
    // How the HTTP adapter delivers the answer; transport faults need the socket.
    enum class Transport
    {
        Answer, // status line, headers, the whole body
        CloseMidBody, // status line, headers with the full Content-Length, half the body, then close
        NoAnswer, // nothing is written; the connection stays open until the client leaves
    };

    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Transport transport = Transport::Answer;
    int delayMs = 0; // a fault's latency, on top of the adapter's global latency
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
    int status = 0; // 0 when nothing was answered (no-answer fault)
    QString operation; // e.g. "user.ResendEmailCode"; empty when no route matched
    QString faultId; // the fault rule that applied, if any
    qint64 durationMs = 0; // routing and handling, without MockHttpServer's added latency
    QString peer;
    bool admin = false; // a /_mock/... request
    QByteArray requestBody; // the first LogBodyCap bytes
    QByteArray responseBody;
};

// Pure: HTTP in, HTTP out, no sockets. Matches the route (REST as the grpc-gateway does,
// Connect as connect-go's generated handlers do), asks the fault engine, decodes the body,
// authenticates, calls the API family and wraps the answer or error in the protocol's envelope.
//
// Faults act like the infrastructure in front of ZITADEL: the engine is asked once the route
// (and so the operation) is known, before the body is decoded and the token checked. Error
// presets, html-error-page and no-answer answer in ZITADEL's place, so nothing changes;
// malformed-json and close-mid-body break ZITADEL's real answer on its way back, so the call
// has happened (a resend did send its code); delivery faults and latency let the call run.
class MockRouter
{
public:
    static constexpr qsizetype LogCapacity = 10'000;
    static constexpr qsizetype LogBodyCap = 4096; // bytes of each body the log keeps

    explicit MockRouter(MockZitadel* zitadel);
    ~MockRouter();
    Q_DISABLE_COPY_MOVE(MockRouter) // the route table points into this object

    // Paths under /_mock go to MockAdminApi, the OpenID provider's paths (discovery,
    // /oauth/v2/..., /oidc/v1/userinfo, the sign-in page) to MockOidcEndpoints, everything else
    // to the ZITADEL routes. Every request, admin ones included, is appended to the request
    // log; for the OIDC paths with the secrets (codes, verifiers, tokens) replaced.
    MockResponse handle(const MockRequest& request);
    QList<MockRequestLogEntry> requestLog() const { return m_log.toList(); } // capped, newest 10'000
    const MockRingBuffer<MockRequestLogEntry>& requestLogBuffer() const { return m_log; }
    quint64 requestCount() const { return m_log.total(); } // every request ever handled
    qsizetype clearRequestLog() { return m_log.clear(); } // returns how many entries it held

    // The fault rules; the default seed is MockOptions::randomSeed, or a random one.
    MockFaultEngine& faults() { return m_faults; }
    const MockFaultEngine& faults() const { return m_faults; }

    // The names fault rules and the request log use (docs/mock-workbench.md), and the groups.
    static QStringList operations();
    static QStringList operationGroups();

private:
    using Handler = std::function<MockApiReply(const MockApiCall&)>;

    enum class Protocol
    {
        Rest,
        Connect,
    };
    // What dispatch learnt beyond the answer: the operation and the fault decision.
    struct Outcome
    {
        const MockOperation* operation = nullptr;
        MockFaultDecision fault;
        bool oidc = false; // an OpenID provider path: the log keeps redacted bodies
        const char* oidcOperation = nullptr; // e.g. "oidc.Token", for the log
    };

    struct RestRoute
    {
        const MockOperation* operation;
        QByteArray method;
        std::vector<QByteArray> pattern; // "{}" marks the one path parameter
        QString cause;
        Handler handler;
    };
    struct ConnectMethod
    {
        const MockOperation* operation;
        QByteArray service;
        QByteArray method;
        const char* goType; // for decode errors, as connect-go names the message
        Handler handler;
    };

    MockResponse dispatch(const MockRequest& request, Outcome* outcome);
    MockResponse rest(const MockRequest& request, const MockPathSegments& segments, Outcome* outcome);
    MockResponse connect(const MockRequest& request, const MockPathSegments& segments, Outcome* outcome);
    // Asks the engine for the matched operation; an answer when the fault replaces ZITADEL's.
    std::optional<MockResponse> faultFirst(const MockOperation& operation, Protocol protocol, Outcome* outcome);
    // `operation` is a name from MockOperations; REST and Connect routes of one RPC share it.
    void addRest(const char* operation, const char* method, const char* path, Handler handler);
    void addConnect(
        const char* operation, const char* service, const char* method, const char* goType, Handler handler);

    MockZitadel* m_zitadel;
    MockManagementApi m_management;
    MockUserServiceApi m_users;
    MockOrganizationApi m_orgs;
    MockResourcesUserApi m_resources;
    std::unique_ptr<MockAdminApi> m_admin;
    std::unique_ptr<MockOidcEndpoints> m_oidc;
    std::vector<RestRoute> m_rest;
    std::vector<ConnectMethod> m_connect;
    MockRingBuffer<MockRequestLogEntry> m_log {LogCapacity};
    MockFaultEngine m_faults;
};
