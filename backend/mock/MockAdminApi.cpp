#include "MockAdminApi.h"

#include "MockAdminInput.h"
#include "MockAdminJson.h"
#include "MockAdminToken.h"
#include "MockJsonWriter.h"
#include "MockLog.h"
#include "MockSeedWriter.h"
#include "MockZitadel.h"

#include <limits>

namespace
{
const QByteArray Root("/_mock");
const QByteArray JsonType("application/json");

MockResponse json(int status, QByteArray body)
{
    return MockResponse {status, {{QByteArrayLiteral("Content-Type"), JsonType}}, std::move(body)};
}

MockResponse error(int status, const QString& sentence)
{
    MockJsonWriter w;
    w.beginObject();
    w.field("error", sentence);
    w.endObject();
    return json(status, w.take());
}

MockResponse badRequest(const QString& sentence)
{
    return error(400, sentence);
}

const QByteArray* findHeader(const MockRequest& request, const char* name)
{
    for (const auto& h : request.headers) {
        if (QByteArrayView(h.first).compare(QByteArrayView(name), Qt::CaseInsensitive) == 0)
            return &h.second;
    }
    return nullptr;
}

// "/_mock/" names the index as "/_mock" does; every other path must match exactly.
QByteArray normalised(const QByteArray& path)
{
    return path == "/_mock/" ? Root : path;
}

QString fromWhere()
{
    return QStringLiteral("verifydesk-mock prints the admin token when it starts, and the app shows it in its Mock "
                          "panel.");
}
} // namespace

MockAdminApi::MockAdminApi(MockZitadel& zitadel, MockRouter& router)
    : m_zitadel(zitadel)
    , m_router(router)
{
    // Routing, 405's Allow header and the index all read this one table.
    m_endpoints = {
        {"GET", "/_mock", "", "this index", &MockAdminApi::index},
        {"GET",
            "/_mock/outbox",
            "?userId=&channel=email|sms&limit=N",
            "verification messages the mock sent, newest first",
            &MockAdminApi::getOutbox},
        {"DELETE", "/_mock/outbox", "", "empties the outbox", &MockAdminApi::deleteOutbox},
        {"GET", "/_mock/requests", "?limit=N", "requests the mock handled, newest first", &MockAdminApi::getRequests},
        {"DELETE", "/_mock/requests", "", "empties the request log", &MockAdminApi::deleteRequests},
        {"GET",
            "/_mock/faults",
            "",
            "the fault seed and the fault rules, in the order they are checked",
            &MockAdminApi::getFaults},
        {"POST",
            "/_mock/faults",
            "one fault rule",
            "adds a fault rule; answers it with its id",
            &MockAdminApi::postFault},
        {"PUT",
            "/_mock/faults",
            "{\"seed\":N,\"rules\":[...]}",
            "replaces every fault rule and re-seeds; ids count from 1 again",
            &MockAdminApi::putFaults},
        {"DELETE", "/_mock/faults", "", "removes every fault rule; the seed stays", &MockAdminApi::deleteFaults},
        {"DELETE", "/_mock/faults/{id}", "", "removes one fault rule", &MockAdminApi::deleteFault},
        {"GET", "/_mock/state", "", "the current state as a seed file", &MockAdminApi::getState},
        {"PUT", "/_mock/state", "a seed file", "loads a seed file; empties the outbox", &MockAdminApi::putState},
        {"POST",
            "/_mock/reset",
            "",
            "back to the seed the mock started with; empties the outbox, keeps the request log, the fault rules "
            "and the settings",
            &MockAdminApi::postReset},
        {"POST",
            "/_mock/generate",
            "{\"usersPerOrg\":N}",
            "reset plus N generated users in every organization",
            &MockAdminApi::postGenerate},
        {"GET", "/_mock/settings", "", "the settings", &MockAdminApi::getSettings},
        {"PUT",
            "/_mock/settings",
            "{\"codeLifetimeSeconds\":N,\"randomSeed\":N}",
            "changes settings",
            &MockAdminApi::putSettings},
        {"GET",
            "/_mock/oidc",
            "",
            "sign-in: applications, people, lifetimes and active sessions (tokens masked)",
            &MockAdminApi::getOidc},
        {"PUT",
            "/_mock/oidc/lifetimes",
            "{\"accessTokenLifetimeSeconds\":N,\"idTokenLifetimeSeconds\":N,\"refreshTokenIdleSeconds\":N,"
            "\"refreshTokenAbsoluteSeconds\":N,\"codeLifetimeSeconds\":N}",
            "changes sign-in lifetimes (any of them) for what is issued from now on",
            &MockAdminApi::putOidcLifetimes},
        {"POST",
            "/_mock/oidc/_expire-access-tokens",
            "",
            "every issued access token expires now; refresh tokens stay valid",
            &MockAdminApi::postExpireAccessTokens},
    };
}

bool MockAdminApi::handles(const QByteArray& path)
{
    return path.startsWith(Root) && (path.size() == Root.size() || path.at(Root.size()) == '/');
}

MockResponse MockAdminApi::handle(const MockRequest& request)
{
    bool zitadelToken = false;
    const QString problem = authProblem(request, &zitadelToken);
    if (!problem.isEmpty()) {
        qCDebug(lcMock).noquote() << "admin API refused" << request.method << request.path
                                  << (zitadelToken ? "(a ZITADEL token)" : "");
        MockResponse response = error(401, problem);
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"_mock\"")});
        return response;
    }

    const QByteArray path = normalised(request.path);
    QByteArrayList allowed;
    for (const Endpoint& e : m_endpoints) {
        if (!matches(e, path))
            continue;
        if (e.method == request.method)
            return (this->*e.handler)(request);
        allowed.append(e.method);
    }
    if (allowed.isEmpty())
        return error(404,
            QStringLiteral("There is no admin endpoint %1; GET /_mock lists them.")
                .arg(QString::fromUtf8(request.path)));
    MockResponse response = error(405,
        QStringLiteral("The admin endpoint %1 does not take %2; it takes %3.")
            .arg(QString::fromUtf8(path),
                QString::fromUtf8(request.method),
                QString::fromLatin1(allowed.join(" and "))));
    response.headers.append({QByteArrayLiteral("Allow"), allowed.join(", ")});
    return response;
}

bool MockAdminApi::matches(const Endpoint& endpoint, const QByteArray& path)
{
    static const QByteArray parameter("/{id}");
    if (!endpoint.path.endsWith(parameter))
        return endpoint.path == path;
    // "/_mock/faults/{id}" takes "/_mock/faults/3", but neither "/_mock/faults/" nor "/_mock/faults/3/x".
    const qsizetype prefix = endpoint.path.size() - parameter.size() + 1; // up to and with the '/'
    return path.size() > prefix && path.startsWith(QByteArrayView(endpoint.path).first(prefix))
        && path.indexOf('/', prefix) < 0;
}

// Sentences never repeat the presented token: they end up in terminals and screenshots.
QString MockAdminApi::authProblem(const MockRequest& request, bool* zitadelToken) const
{
    const QByteArray* header = findHeader(request, "authorization");
    if (!header || header->trimmed().isEmpty())
        return QStringLiteral("This request has no Authorization header. The admin API needs \"Authorization: Bearer "
                              "<admin token>\"; ")
            + fromWhere();
    static const QByteArray scheme("bearer ");
    if (header->size() <= scheme.size()
        || QByteArrayView(*header).first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return QStringLiteral("The Authorization header is not of the form \"Bearer <admin token>\"; ") + fromWhere();
    const QByteArrayView presented = QByteArrayView(*header).sliced(scheme.size()).trimmed();
    if (MockAdminToken::matches(m_zitadel.adminToken().toUtf8(), presented))
        return {};
    MockError ignored;
    const QByteArray asZitadel = QByteArrayLiteral("Bearer ") + presented.toByteArray();
    if (m_zitadel.access().authenticate(&asZitadel, &ignored)) {
        *zitadelToken = true;
        return QStringLiteral("The bearer token is one of the mock's ZITADEL API tokens, and ZITADEL tokens do not "
                              "open the admin API. Use the admin token instead; ")
            + fromWhere();
    }
    return QStringLiteral("The bearer token is not this mock's admin token. Each start of the mock makes a new one "
                          "unless it was fixed with --admin-token; ")
        + fromWhere();
}

MockResponse MockAdminApi::index(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    MockJsonWriter w(2048);
    w.beginObject();
    w.field("name", QLatin1String("verifydesk-mock admin API"));
    w.field("contract", QLatin1String("docs/mock-workbench.md"));
    w.key("endpoints");
    w.beginArray();
    for (const Endpoint& e : m_endpoints) {
        w.beginObject();
        w.field("method", QLatin1String(e.method));
        w.field("path", QLatin1String(e.path));
        w.optString("takes", QString::fromLatin1(e.parameters));
        w.field("does", QLatin1String(e.description));
        w.endObject();
    }
    w.endArray();
    // What a fault rule may name, from the tables the rules are checked against.
    w.key("operations");
    w.beginObject();
    w.key("names");
    w.beginArray();
    for (const QString& name : MockRouter::operations())
        w.value(name);
    w.endArray();
    w.key("groups");
    w.beginArray();
    for (const QString& group : MockRouter::operationGroups()) {
        w.beginObject();
        w.field("name", group);
        w.key("covers");
        w.beginArray();
        for (const MockOperation* op : MockOperations::covered(group))
            w.value(QLatin1String(op->name));
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    w.key("presets");
    w.beginObject();
    const auto names = [&w](const char* key, const QStringList& list) {
        w.key(key);
        w.beginArray();
        for (const QString& name : list)
            w.value(name);
        w.endArray();
    };
    names("error", MockFaultRule::errorNames());
    names("transport", MockFaultRule::transportNames());
    names("delivery", MockFaultRule::deliveryNames());
    w.endObject();
    w.endObject();
    return json(200, w.take());
}

MockResponse MockAdminApi::getOutbox(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    std::optional<quint64> limit;
    if (!MockAdminInput::query(request, {"userId", "channel", "limit"}, &query, &problem)
        || !MockAdminInput::count(query, "limit", MockZitadel::OutboxCapacity, &limit, &problem))
        return badRequest(problem);
    const QString userId = query.value(QStringLiteral("userId"));
    const QString channel = query.value(QStringLiteral("channel"));
    // Empty values filter nothing, so a form or URL builder may always send every parameter.
    if (!channel.isEmpty() && channel != QLatin1String("email") && channel != QLatin1String("sms"))
        return badRequest(QStringLiteral("The channel must be \"email\" or \"sms\", not \"%1\".").arg(channel));

    MockJsonWriter w(4096);
    w.beginObject();
    w.key("messages");
    w.beginArray();
    quint64 matching = 0;
    m_zitadel.outboxBuffer().visitNewestFirst([&](const MockOutboxMessage& m) {
        if ((!userId.isEmpty() && m.userId != userId) || (!channel.isEmpty() && m.channel != channel))
            return true;
        if (!limit || matching < *limit)
            MockAdminJson::outboxMessage(w, m);
        ++matching;
        return true;
    });
    w.endArray();
    w.field("total", QString::number(matching)); // every matching message the outbox holds, before the limit
    w.endObject();
    return json(200, w.take());
}

MockResponse MockAdminApi::deleteOutbox(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    const qsizetype deleted = m_zitadel.clearOutbox();
    return json(200, QByteArrayLiteral("{\"deleted\":\"") + QByteArray::number(deleted) + "\"}");
}

MockResponse MockAdminApi::getRequests(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    std::optional<quint64> limit;
    if (!MockAdminInput::query(request, {"limit"}, &query, &problem)
        || !MockAdminInput::count(query, "limit", MockRouter::LogCapacity, &limit, &problem))
        return badRequest(problem);
    const MockRingBuffer<MockRequestLogEntry>& log = m_router.requestLogBuffer();
    MockJsonWriter w(4096);
    w.beginObject();
    w.key("requests");
    w.beginArray();
    quint64 written = 0;
    log.visitNewestFirst([&](const MockRequestLogEntry& e) {
        if (limit && written >= *limit)
            return false;
        MockAdminJson::requestLogEntry(w, e);
        ++written;
        return true;
    });
    w.endArray();
    w.field("total", QString::number(log.size())); // what the log holds, before the limit
    w.endObject();
    return json(200, w.take());
}

MockResponse MockAdminApi::deleteRequests(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    const qsizetype deleted = m_router.clearRequestLog();
    return json(200, QByteArrayLiteral("{\"deleted\":\"") + QByteArray::number(deleted) + "\"}");
}

MockResponse MockAdminApi::getFaults(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    return json(200, m_router.faults().toJson());
}

// Refusals answer the engine's own sentence: it names the field and the fix.
MockResponse MockAdminApi::postFault(const MockRequest& request)
{
    QHash<QString, QString> query;
    QJsonObject body;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem)
        || !MockAdminInput::object(
            request.body, "{\"endpoint\": \"email-resend\", \"error\": \"rate-limited\"}", &body, &problem))
        return badRequest(problem);
    const std::optional<MockFaultRule> stored = m_router.faults().add(body, &problem);
    if (!stored)
        return badRequest(problem);
    return json(200, stored->toJson());
}

// The seed may be a JSON number (exact up to 2^53) or a decimal string (any 64-bit seed); the
// engine reads both. All or nothing: a refused PUT leaves the rules and the seed as they were.
MockResponse MockAdminApi::putFaults(const MockRequest& request)
{
    QHash<QString, QString> query;
    QJsonObject body;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem)
        || !MockAdminInput::object(request.body, "{\"seed\": 42, \"rules\": []}", &body, &problem))
        return badRequest(problem);
    if (!m_router.faults().replace(body, &problem))
        return badRequest(problem);
    return json(200, m_router.faults().toJson());
}

MockResponse MockAdminApi::deleteFaults(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    const qsizetype deleted = m_router.faults().rules().size();
    m_router.faults().clear();
    return json(200, QByteArrayLiteral("{\"deleted\":\"") + QByteArray::number(deleted) + "\"}");
}

MockResponse MockAdminApi::deleteFault(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    const QByteArray encoded = request.path.mid(request.path.lastIndexOf('/') + 1);
    const QString id = QString::fromUtf8(QByteArray::fromPercentEncoding(encoded));
    if (!m_router.faults().remove(id))
        return error(404,
            QStringLiteral(
                "There is no fault rule with the id \"%1\"; GET /_mock/faults lists the rules and their ids.")
                .arg(id));
    return json(200, QByteArrayLiteral("{\"deleted\":\"1\"}"));
}

MockResponse MockAdminApi::getState(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    return json(200, MockSeedWriter::write(m_zitadel.snapshot()));
}

MockResponse MockAdminApi::putState(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    if (request.body.trimmed().isEmpty())
        return badRequest(QStringLiteral("The body is empty; send a seed file, such as one GET /_mock/state saved."));
    QString loadError;
    if (!m_zitadel.load(request.body, &loadError))
        return badRequest(QStringLiteral("The seed was not loaded and the mock is unchanged: %1.").arg(loadError));
    return json(200, stateSummary());
}

MockResponse MockAdminApi::postReset(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    m_zitadel.reset();
    return json(200, stateSummary());
}

MockResponse MockAdminApi::postGenerate(const MockRequest& request)
{
    QHash<QString, QString> query;
    QJsonObject body;
    QString problem;
    quint64 usersPerOrg = 0;
    if (!MockAdminInput::query(request, {}, &query, &problem)
        || !MockAdminInput::object(request.body, "{\"usersPerOrg\": 1000}", &body, &problem)
        || !MockAdminInput::onlyKeys(body, {"usersPerOrg"}, QStringLiteral("POST /_mock/generate"), &problem)
        || !MockAdminInput::number(body, "usersPerOrg", MockUserGenerator::MaxPerOrg, &usersPerOrg, &problem))
        return badRequest(problem);
    QString generateError;
    if (!m_zitadel.generate(usersPerOrg, &generateError))
        return badRequest(QStringLiteral("No users were generated: %1.").arg(generateError));
    return json(200, stateSummary());
}

MockResponse MockAdminApi::getSettings(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    return json(200, settings());
}

MockResponse MockAdminApi::putSettings(const MockRequest& request)
{
    QHash<QString, QString> query;
    QJsonObject body;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem)
        || !MockAdminInput::object(request.body, "{\"codeLifetimeSeconds\": 60}", &body, &problem)
        || !MockAdminInput::onlyKeys(
            body, {"codeLifetimeSeconds", "usersPerOrg", "randomSeed"}, QStringLiteral("The settings"), &problem))
        return badRequest(problem);
    // Read-only, but a tool that PUTs back what it got must not fail on it.
    if (body.contains(QStringLiteral("usersPerOrg"))) {
        quint64 usersPerOrg = 0;
        if (!MockAdminInput::number(body, "usersPerOrg", MockUserGenerator::MaxPerOrg, &usersPerOrg, &problem))
            return badRequest(problem);
        if (usersPerOrg != m_zitadel.usersPerOrg())
            return badRequest(QStringLiteral("The setting usersPerOrg cannot be changed here; POST /_mock/generate "
                                             "{\"usersPerOrg\": N} replaces the generated users."));
    }
    // Checked in full before anything changes: a refused PUT leaves every setting as it was.
    quint64 randomSeed = 0;
    const bool hasSeed = body.contains(QStringLiteral("randomSeed"));
    if (hasSeed
        && !MockAdminInput::number(body, "randomSeed", std::numeric_limits<quint64>::max(), &randomSeed, &problem))
        return badRequest(problem);
    quint64 lifetime = 0;
    const bool hasLifetime = body.contains(QStringLiteral("codeLifetimeSeconds"));
    if (hasLifetime
        && !MockAdminInput::number(body,
            "codeLifetimeSeconds",
            MockZitadel::MinCodeLifetimeSeconds,
            MockZitadel::MaxCodeLifetimeSeconds,
            &lifetime,
            &problem))
        return badRequest(problem);
    // MockZitadel has the last word on the range; it is asked before the seed changes.
    if (hasLifetime && !m_zitadel.setCodeLifetimeSeconds(int(lifetime)))
        return badRequest(QStringLiteral("The field \"codeLifetimeSeconds\" must be a whole number from %1 to %2.")
                              .arg(MockZitadel::MinCodeLifetimeSeconds)
                              .arg(MockZitadel::MaxCodeLifetimeSeconds));
    if (hasSeed)
        m_zitadel.setRandomSeed(randomSeed);
    return json(200, settings());
}

QByteArray MockAdminApi::stateSummary() const
{
    MockJsonWriter w;
    w.beginObject();
    w.field("organizations", QString::number(m_zitadel.users().orgCount()));
    w.field("users", QString::number(m_zitadel.users().userCount()));
    w.field("usersPerOrg", qint64(m_zitadel.usersPerOrg()));
    w.endObject();
    return w.take();
}

QByteArray MockAdminApi::settings() const
{
    MockJsonWriter w;
    w.beginObject();
    w.field("codeLifetimeSeconds", qint64(m_zitadel.codeLifetimeSeconds())); // applies to every pending code
    w.field("usersPerOrg", qint64(m_zitadel.usersPerOrg())); // read-only: POST /_mock/generate changes it
    w.field("randomSeed", QString::number(m_zitadel.randomSeed())); // 64-bit, so a string; 0 in a PUT draws one
    w.endObject();
    return w.take();
}

MockResponse MockAdminApi::getOidc(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    MockJsonWriter w(4096);
    MockAdminJson::oidcState(w, m_zitadel);
    return json(200, w.take());
}

// All or nothing: every given lifetime is checked before any changes.
MockResponse MockAdminApi::putOidcLifetimes(const MockRequest& request)
{
    QHash<QString, QString> query;
    QJsonObject body;
    QString problem;
    const std::pair<const char*, int MockOidcLifetimes::*> fields[] = {
        {"accessTokenLifetimeSeconds", &MockOidcLifetimes::accessTokenSeconds},
        {"idTokenLifetimeSeconds", &MockOidcLifetimes::idTokenSeconds},
        {"refreshTokenIdleSeconds", &MockOidcLifetimes::refreshTokenIdleSeconds},
        {"refreshTokenAbsoluteSeconds", &MockOidcLifetimes::refreshTokenAbsoluteSeconds},
        {"codeLifetimeSeconds", &MockOidcLifetimes::codeSeconds},
    };
    if (!MockAdminInput::query(request, {}, &query, &problem)
        || !MockAdminInput::object(request.body, "{\"accessTokenLifetimeSeconds\": 60}", &body, &problem)
        || !MockAdminInput::onlyKeys(body,
            {"accessTokenLifetimeSeconds",
                "idTokenLifetimeSeconds",
                "refreshTokenIdleSeconds",
                "refreshTokenAbsoluteSeconds",
                "codeLifetimeSeconds"},
            QStringLiteral("The sign-in lifetimes"),
            &problem))
        return badRequest(problem);
    MockOidcLifetimes lifetimes = m_zitadel.oidc().lifetimes();
    for (const auto& [name, member] : fields) {
        if (!body.contains(QLatin1String(name)))
            continue;
        quint64 seconds = 0;
        if (!MockAdminInput::number(
                body, name, MockOidcLifetimes::MinSeconds, MockOidcLifetimes::MaxSeconds, &seconds, &problem))
            return badRequest(problem);
        lifetimes.*member = int(seconds);
    }
    if (!m_zitadel.oidc().setLifetimes(lifetimes, &problem))
        return badRequest(problem);
    MockJsonWriter w;
    MockAdminJson::oidcLifetimes(w, m_zitadel.oidc().lifetimes());
    return json(200, w.take());
}

MockResponse MockAdminApi::postExpireAccessTokens(const MockRequest& request)
{
    QHash<QString, QString> query;
    QString problem;
    if (!MockAdminInput::query(request, {}, &query, &problem))
        return badRequest(problem);
    const int expired = m_zitadel.oidc().expireAccessTokens();
    return json(200, QByteArrayLiteral("{\"expired\":\"") + QByteArray::number(expired) + "\"}");
}
