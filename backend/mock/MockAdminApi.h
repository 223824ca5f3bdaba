#pragma once

#include "MockRouter.h"

#include <QByteArray>
#include <QString>

#include <vector>

class MockZitadel;

// The mock's own HTTP API under /_mock (docs/mock-workbench.md, "Admin API"): outbox,
// request log, fault rules, state save/load/reset/generate and settings, for QA tools and the
// app's Mock panel. Pure like MockRouter, which sends it every /_mock request before the ZITADEL routes.
//
// Every request needs "Authorization: Bearer <admin token>" (MockZitadel::adminToken()).
// Errors are {"error": "<plain sentence>"} with 400, 401, 404 or 405, written for the QA
// engineer who reads them in a terminal.
class MockAdminApi
{
public:
    MockAdminApi(MockZitadel& zitadel, MockRouter& router);
    Q_DISABLE_COPY_MOVE(MockAdminApi)

    // True for "/_mock" and "/_mock/..." (not "/_mockery").
    static bool handles(const QByteArray& path);
    MockResponse handle(const MockRequest& request);

private:
    using Handler = MockResponse (MockAdminApi::*)(const MockRequest&);
    struct Endpoint
    {
        QByteArray method;
        QByteArray path; // exact, or ending in "/{id}": one more segment, which the handler reads
        QByteArray parameters; // what the index shows as query or body, e.g. "?limit=N"
        const char* description;
        Handler handler;
    };

    QString authProblem(const MockRequest& request, bool* zitadelToken) const;
    static bool matches(const Endpoint& endpoint, const QByteArray& path);

    MockResponse index(const MockRequest& request);
    MockResponse getOutbox(const MockRequest& request);
    MockResponse deleteOutbox(const MockRequest& request);
    MockResponse getRequests(const MockRequest& request);
    MockResponse deleteRequests(const MockRequest& request);
    MockResponse getFaults(const MockRequest& request);
    MockResponse postFault(const MockRequest& request);
    MockResponse putFaults(const MockRequest& request);
    MockResponse deleteFaults(const MockRequest& request);
    MockResponse deleteFault(const MockRequest& request);
    MockResponse getState(const MockRequest& request);
    MockResponse putState(const MockRequest& request);
    MockResponse postReset(const MockRequest& request);
    MockResponse postGenerate(const MockRequest& request);
    MockResponse getSettings(const MockRequest& request);
    MockResponse putSettings(const MockRequest& request);
    MockResponse getOidc(const MockRequest& request);
    MockResponse putOidcLifetimes(const MockRequest& request);
    MockResponse postExpireAccessTokens(const MockRequest& request);

    QByteArray stateSummary() const;
    QByteArray settings() const;

    MockZitadel& m_zitadel;
    MockRouter& m_router;
    std::vector<Endpoint> m_endpoints;
};
