#include "MockRouter.h"

#include "MockAdminApi.h"
#include "MockFaultPresets.h"
#include "MockJsonReader.h"
#include "MockLog.h"
#include "MockOidcEndpoints.h"
#include "MockZitadel.h"

#include <QElapsedTimer>

namespace
{
const QByteArray JsonType("application/json");

const QByteArray* findHeader(const MockRequest& request, const char* name)
{
    const QByteArrayView wanted(name);
    for (const auto& h : request.headers) {
        if (QByteArrayView(h.first).compare(wanted, Qt::CaseInsensitive) == 0)
            return &h.second;
    }
    return nullptr;
}

MockResponse json(int status, QByteArray body)
{
    return MockResponse {status, {{QByteArrayLiteral("Content-Type"), JsonType}}, std::move(body)};
}

MockResponse restError(const MockError& e)
{
    return json(e.restStatus(), e.restBody());
}

MockResponse connectError(const MockError& e, const char* goType)
{
    if (MockJsonReader::isDecodeError(e)) {
        const MockError wrapped =
            MockError::plain(e.code(), QStringLiteral("unmarshal into %1: %2").arg(QLatin1String(goType), e.text()));
        return json(wrapped.connectStatus(), wrapped.connectBody());
    }
    return json(e.connectStatus(), e.connectBody());
}

// Connect unary requests must be JSON; connect-go answers anything else with 415.
bool isJsonContentType(const QByteArray* value)
{
    if (!value)
        return false;
    const QByteArray v = value->trimmed().toLower();
    return v == "application/json" || v == "application/json; charset=utf-8" || v == "application/json;charset=utf-8";
}

// The part of a fault that happens after ZITADEL answered: the latency, and the transport
// faults that break the real answer on its way back.
void breakOnTheWayBack(MockResponse& response, const MockFaultDecision& fault)
{
    response.delayMs = fault.latencyMs;
    if (fault.transport == MockFaultRule::Transport::MalformedJson)
        response.body.truncate(response.body.size() / 2); // half a JSON document never parses
    else if (fault.transport == MockFaultRule::Transport::CloseMidBody)
        response.transport = MockResponse::Transport::CloseMidBody;
}

MockPathSegments splitPath(const QByteArray& path)
{
    MockPathSegments segments;
    if (!path.startsWith('/'))
        return segments;
    qsizetype start = 1;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        segments.append(QByteArrayView(path.constData() + start, end - start));
        start = end + 1;
    }
    return segments;
}

// Bodies under the cap are kept by sharing the request's or response's buffer (no copy on the
// benchmarked resend path). Longer ones are cut at a UTF-8 character boundary so the log
// shows text, not a broken character.
QByteArray capped(const QByteArray& body)
{
    if (body.size() <= MockRouter::LogBodyCap)
        return body;
    qsizetype n = MockRouter::LogBodyCap;
    while (n > 0 && (uchar(body.at(n)) & 0xC0) == 0x80)
        --n;
    return body.left(n);
}
} // namespace

const QByteArray* MockApiCall::header(const char* name) const
{
    return findHeader(*request, name);
}

MockRouter::MockRouter(MockZitadel* zitadel)
    : m_zitadel(zitadel)
    , m_management(*zitadel)
    , m_users(*zitadel)
    , m_orgs(*zitadel)
    , m_resources(*zitadel)
    , m_admin(std::make_unique<MockAdminApi>(*zitadel, *this))
    , m_oidc(std::make_unique<MockOidcEndpoints>(*zitadel))
    , m_faults(zitadel->randomSeed())
{
    auto bind = [](auto* api, MockApiReply (std::remove_pointer_t<decltype(api)>::*fn)(const MockApiCall&)) {
        return [api, fn](const MockApiCall& call) { return (api->*fn)(call); };
    };
    addRest("management.GetUserByID",
        "GET",
        "/management/v1/users/{id}",
        bind(&m_management, &MockManagementApi::getUserById));
    addRest("management.ListUsers",
        "POST",
        "/management/v1/users/_search",
        bind(&m_management, &MockManagementApi::listUsers));
    addRest("management.ResendHumanEmailVerification",
        "POST",
        "/management/v1/users/{id}/email/_resend_verification",
        bind(&m_management, &MockManagementApi::resendEmailVerification));
    addRest("management.ResendHumanPhoneVerification",
        "POST",
        "/management/v1/users/{id}/phone/_resend_verification",
        bind(&m_management, &MockManagementApi::resendPhoneVerification));
    addRest("management.GetMyOrg", "GET", "/management/v1/orgs/me", bind(&m_management, &MockManagementApi::getMyOrg));
    addRest("user.GetUserByID", "GET", "/v2/users/{id}", bind(&m_users, &MockUserServiceApi::getUserById));
    addRest("user.ListUsers", "POST", "/v2/users", bind(&m_users, &MockUserServiceApi::listUsers));
    addRest("user.ResendEmailCode",
        "POST",
        "/v2/users/{id}/email/resend",
        bind(&m_users, &MockUserServiceApi::resendEmailCode));
    addRest("user.ResendPhoneCode",
        "POST",
        "/v2/users/{id}/phone/resend",
        bind(&m_users, &MockUserServiceApi::resendPhoneCode));
    addRest(
        "user.VerifyEmail", "POST", "/v2/users/{id}/email/verify", bind(&m_users, &MockUserServiceApi::verifyEmail));
    addRest(
        "user.VerifyPhone", "POST", "/v2/users/{id}/phone/verify", bind(&m_users, &MockUserServiceApi::verifyPhone));
    addRest("org.ListOrganizations",
        "POST",
        "/v2/organizations/_search",
        bind(&m_orgs, &MockOrganizationApi::listOrganizations));
    addRest("resources.ResendContactEmailCode",
        "POST",
        "/resources/v3alpha/users/{id}/email/_resend",
        bind(&m_resources, &MockResourcesUserApi::resendContactEmailCode));
    addRest("resources.ResendContactPhoneCode",
        "POST",
        "/resources/v3alpha/users/{id}/phone/_resend",
        bind(&m_resources, &MockResourcesUserApi::resendContactPhoneCode));

    const char* users = "zitadel.user.v2.UserService";
    addConnect(
        "user.ListUsers", users, "ListUsers", "*user.ListUsersRequest", bind(&m_users, &MockUserServiceApi::listUsers));
    addConnect("user.GetUserByID",
        users,
        "GetUserByID",
        "*user.GetUserByIDRequest",
        bind(&m_users, &MockUserServiceApi::getUserById));
    addConnect("user.ResendEmailCode",
        users,
        "ResendEmailCode",
        "*user.ResendEmailCodeRequest",
        bind(&m_users, &MockUserServiceApi::resendEmailCode));
    addConnect("user.ResendPhoneCode",
        users,
        "ResendPhoneCode",
        "*user.ResendPhoneCodeRequest",
        bind(&m_users, &MockUserServiceApi::resendPhoneCode));
    addConnect("user.VerifyEmail",
        users,
        "VerifyEmail",
        "*user.VerifyEmailRequest",
        bind(&m_users, &MockUserServiceApi::verifyEmail));
    addConnect("user.VerifyPhone",
        users,
        "VerifyPhone",
        "*user.VerifyPhoneRequest",
        bind(&m_users, &MockUserServiceApi::verifyPhone));
    addConnect("org.ListOrganizations",
        "zitadel.org.v2.OrganizationService",
        "ListOrganizations",
        "*org.ListOrganizationsRequest",
        bind(&m_orgs, &MockOrganizationApi::listOrganizations));
}

QStringList MockRouter::operations()
{
    return MockOperations::names();
}

QStringList MockRouter::operationGroups()
{
    return MockOperations::groups();
}

MockRouter::~MockRouter() = default;

void MockRouter::addRest(const char* operation, const char* method, const char* path, Handler handler)
{
    RestRoute route;
    route.operation = MockOperations::find(operation);
    Q_ASSERT_X(route.operation, "MockRouter::addRest", operation);
    route.method = method;
    const QByteArray pathBytes(path); // the views below point into it
    for (const QByteArrayView s : splitPath(pathBytes))
        route.pattern.push_back(s.startsWith('{') ? QByteArrayLiteral("{}") : s.toByteArray());
    route.cause = QLatin1String(method) + QLatin1Char(' ') + QLatin1String(path);
    route.handler = std::move(handler);
    m_rest.push_back(std::move(route));
}

void MockRouter::addConnect(
    const char* operation, const char* service, const char* method, const char* goType, Handler handler)
{
    const MockOperation* op = MockOperations::find(operation);
    Q_ASSERT_X(op, "MockRouter::addConnect", operation);
    m_connect.push_back(ConnectMethod {op, service, method, goType, std::move(handler)});
}

MockResponse MockRouter::handle(const MockRequest& request)
{
    QElapsedTimer timer;
    timer.start();
    const bool admin = MockAdminApi::handles(request.path);
    Outcome outcome;
    MockResponse response = admin ? m_admin->handle(request) : dispatch(request, &outcome);
    if (!admin)
        breakOnTheWayBack(response, outcome.fault);
    const int status = response.transport == MockResponse::Transport::NoAnswer ? 0 : response.status;

    MockRequestLogEntry entry;
    entry.id = m_log.total() + 1;
    entry.time = m_zitadel->now();
    entry.method = request.method;
    entry.path = request.path;
    entry.query = outcome.oidc ? MockOidcEndpoints::redactForm(request.query) : request.query;
    entry.status = status;
    entry.operation = outcome.operation ? outcome.operation->nameString()
                                        : QString::fromLatin1(outcome.oidcOperation ? outcome.oidcOperation : "");
    entry.faultId = outcome.fault.ruleId;
    entry.durationMs = timer.elapsed();
    entry.peer = request.peer;
    entry.admin = admin;
    entry.requestBody = capped(outcome.oidc ? MockOidcEndpoints::redactForm(request.body) : request.body);
    entry.responseBody = capped(outcome.oidc ? MockOidcEndpoints::redactJson(response.body) : response.body);
    m_log.push(std::move(entry));
    qCDebug(lcMock).noquote() << request.method << request.path << "->" << status
                              << (outcome.fault.applies() ? QStringLiteral("(fault %1)").arg(outcome.fault.ruleId)
                                                          : QString());
    return response;
}

MockResponse MockRouter::dispatch(const MockRequest& request, Outcome* outcome)
{
    if (MockOidcEndpoints::handles(request.path)) {
        outcome->oidc = true;
        outcome->oidcOperation = MockOidcEndpoints::operation(request.path);
        return m_oidc->handle(request);
    }
    const MockPathSegments segments = splitPath(request.path);
    if (!segments.isEmpty()) {
        for (const ConnectMethod& m : m_connect) {
            if (segments.first() == m.service)
                return connect(request, segments, outcome);
        }
    }
    return rest(request, segments, outcome);
}

std::optional<MockResponse> MockRouter::faultFirst(const MockOperation& operation, Protocol protocol, Outcome* outcome)
{
    outcome->operation = &operation;
    outcome->fault = m_faults.decide(operation);
    const MockFaultDecision& fault = outcome->fault;
    if (fault.error != MockFaultRule::Error::None) {
        const MockError e = MockFaultPresets::error(fault.error, operation);
        MockResponse r =
            protocol == Protocol::Rest ? json(e.restStatus(), e.restBody()) : json(e.connectStatus(), e.connectBody());
        if (fault.error == MockFaultRule::Error::RateLimited)
            r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(fault.retryAfterSeconds)});
        return r;
    }
    switch (fault.transport) {
    case MockFaultRule::Transport::HtmlErrorPage:
        return MockResponse {MockFaultPresets::HtmlErrorStatus,
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html")}},
            MockFaultPresets::htmlErrorPage()};
    case MockFaultRule::Transport::NoAnswer: {
        MockResponse r;
        r.transport = MockResponse::Transport::NoAnswer;
        return r;
    }
    case MockFaultRule::Transport::None:
    case MockFaultRule::Transport::MalformedJson: // ZITADEL answers; breakOnTheWayBack cuts it
    case MockFaultRule::Transport::CloseMidBody:
        break;
    }
    return std::nullopt;
}

MockResponse MockRouter::rest(const MockRequest& request, const MockPathSegments& segments, Outcome* outcome)
{
    const RestRoute* match = nullptr;
    bool pathKnown = false;
    QByteArrayView param;
    for (const RestRoute& route : m_rest) {
        if (route.pattern.size() != size_t(segments.size()))
            continue;
        QByteArrayView candidate;
        bool fits = true;
        for (size_t i = 0; i < route.pattern.size() && fits; ++i) {
            const QByteArrayView s = segments.at(qsizetype(i));
            if (route.pattern[i] == "{}") {
                fits = !s.isEmpty();
                candidate = s;
            } else {
                fits = s == route.pattern[i];
            }
        }
        if (!fits)
            continue;
        pathKnown = true;
        if (route.method == request.method) {
            match = &route;
            param = candidate;
            break;
        }
    }
    if (!match) {
        if (pathKnown)
            return json(
                405, MockError::plain(MockError::Code::Unimplemented, QStringLiteral("Method Not Allowed")).restBody());
        return json(404, MockError::plain(MockError::Code::NotFound, QStringLiteral("Not Found")).restBody());
    }

    if (std::optional<MockResponse> answer = faultFirst(*match->operation, Protocol::Rest, outcome))
        return std::move(*answer);

    MockApiCall call;
    call.request = &request;
    call.cause = match->cause;
    call.delivery = outcome->fault.delivery;
    if (!param.isNull()) {
        call.pathParam = QString::fromUtf8(QByteArray::fromPercentEncoding(param.toByteArray()));
        call.hasPathParam = true;
    }
    MockError error;
    // The gateway decodes the body before the call reaches the interceptors.
    if (request.method == "POST" && !MockJsonReader::parseBody(request.body, true, &call.body, &error))
        return restError(error);
    call.caller = m_zitadel->access().authenticate(findHeader(request, "authorization"), &error);
    if (!call.caller)
        return restError(error);
    const MockApiReply reply = match->handler(call);
    if (reply.error.isError())
        return restError(reply.error);
    return json(200, reply.json);
}

MockResponse MockRouter::connect(const MockRequest& request, const MockPathSegments& segments, Outcome* outcome)
{
    const ConnectMethod* match = nullptr;
    if (segments.size() == 2) {
        for (const ConnectMethod& m : m_connect) {
            if (segments.at(0) == m.service && segments.at(1) == m.method)
                match = &m;
        }
    }
    // What connect-go's generated service handler does for an unknown procedure.
    if (!match)
        return MockResponse {404,
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")}},
            QByteArrayLiteral("404 page not found\n")};
    if (std::optional<MockResponse> answer = faultFirst(*match->operation, Protocol::Connect, outcome))
        return std::move(*answer);
    if (request.method != "POST")
        return MockResponse {405, {{QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")}}, {}};
    if (!isJsonContentType(findHeader(request, "content-type")))
        return MockResponse {
            415, {{QByteArrayLiteral("Accept-Post"), QByteArrayLiteral("application/json, application/proto")}}, {}};

    MockApiCall call;
    call.request = &request;
    call.cause = QStringLiteral("POST /%1/%2").arg(QLatin1String(match->service), QLatin1String(match->method));
    call.delivery = outcome->fault.delivery;
    MockError error;
    if (!MockJsonReader::parseBody(request.body, false, &call.body, &error))
        return connectError(error, match->goType);
    call.caller = m_zitadel->access().authenticate(findHeader(request, "authorization"), &error);
    if (!call.caller)
        return connectError(error, match->goType);
    const MockApiReply reply = match->handler(call);
    if (reply.error.isError())
        return connectError(reply.error, match->goType);
    return json(200, reply.json);
}
