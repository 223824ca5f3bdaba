// The admin API (/_mock/...) at router level: the admin token, routing (404, 405 with Allow),
// the index, the outbox and the request log with their filters, caps, order and contract
// fields, the fault rules (every endpoint, every refusal, a rule acting on a ZITADEL route),
// settings, and the rule that no Authorization value ever shows up in what the API answers.
// Saving, loading, reset and generate are in TestMockState.

#include "MockAdminApi.h"
#include "MockAdminToken.h"
#include "MockFaultEngine.h"
#include "MockVerificationMessage.h"
#include "RouterHarness.h"
#include "SeedIds.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace
{
const QByteArray Admin(SeedIds::AdminToken);
using Headers = QList<QPair<QByteArray, QByteArray>>;

QJsonArray array(const MockResponse& r, const char* key)
{
    return RouterHarness::json(r).value(QLatin1String(key)).toArray();
}

QString errorOf(const MockResponse& r)
{
    return RouterHarness::json(r).value(QStringLiteral("error")).toString();
}

// A sentence for people: starts upper-case, ends with a full stop, is the only field.
bool isSentence(const MockResponse& r)
{
    const QJsonObject o = RouterHarness::json(r);
    const QString e = o.value(QStringLiteral("error")).toString();
    return o.size() == 1 && e.size() > 10 && e.at(0).isUpper() && e.endsWith(QLatin1Char('.'));
}

MockResponse resendEmail(RouterHarness& h, const char* userId)
{
    return h.send("POST", QByteArray("/v2/users/") + userId + "/email/resend", Admin, "{}");
}

MockResponse resendPhone(RouterHarness& h, const char* userId)
{
    return h.send("POST", QByteArray("/v2/users/") + userId + "/phone/resend", Admin, "{}");
}

// The keys of the JSON object that starts at `start` ('{'), at its top level, in the order
// they were written: QJsonObject sorts them, and the contract fixes the order.
QStringList keysInOrder(const QByteArray& json, qsizetype start)
{
    QStringList keys;
    int depth = 0;
    for (qsizetype i = start; i >= 0 && i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            qsizetype end = i + 1;
            while (end < json.size() && json.at(end) != '"')
                end += json.at(end) == '\\' ? 2 : 1;
            if (depth == 1 && end + 1 < json.size() && json.at(end + 1) == ':')
                keys.append(QString::fromUtf8(json.mid(i + 1, end - i - 1)));
            i = end;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            break;
        }
    }
    return keys;
}

// The keys of the first element of the array `key` in an answer.
QStringList firstElementKeys(const MockResponse& r, const QByteArray& key)
{
    const QByteArray opening = '"' + key + "\":[";
    const qsizetype at = r.body.indexOf(opening);
    return at < 0 ? QStringList() : keysInOrder(r.body, at + opening.size());
}

const QStringList OutboxKeys {"id",
    "time",
    "channel",
    "to",
    "userId",
    "orgId",
    "code",
    "link",
    "subject",
    "text",
    "delivery",
    "failure",
    "cause"};
const QStringList RequestKeys {"id",
    "time",
    "method",
    "path",
    "query",
    "operation",
    "status",
    "durationMs",
    "fault",
    "peer",
    "admin",
    "requestBody",
    "responseBody"};

QByteArray faultsOf(RouterHarness& h)
{
    return h.router().faults().toJson();
}

QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

Q_DECLARE_METATYPE(MockDeliveryFault)

class TestMockAdmin : public QObject
{
    Q_OBJECT

private slots:
    void handlesOnlyMockPaths_data();
    void handlesOnlyMockPaths();
    void authentication_data();
    void authentication();
    void generatedAdminToken();
    void adminTokenRules_data();
    void adminTokenRules();
    void tokenComparisonNeedsTheWholeToken();
    void routing_data();
    void routing();
    void indexListsEveryEndpoint();
    void everyEndpointAnswers_data();
    void everyEndpointAnswers();
    void outboxNewestFirstWithFilters_data();
    void outboxNewestFirstWithFilters();
    void outboxMessageFields();
    void outboxBadQueries_data();
    void outboxBadQueries();
    void deleteOutbox();
    void requestLogFields();
    void requestLogCapsBodies();
    void requestLogSharesSmallBodies();
    void requestLogLimitAndDelete();
    void noAuthorizationValueIsEverShown();
    void outboxDeliveryFaults_data();
    void outboxDeliveryFaults();
    void faults();
    void faultsReplaceSeeds_data();
    void faultsReplaceSeeds();
    void badFaultRules_data();
    void badFaultRules();
    void badFaultReplacements_data();
    void badFaultReplacements();
    void unknownFaultIds_data();
    void unknownFaultIds();
    void faultsNeedTheAdminToken_data();
    void faultsNeedTheAdminToken();
    void faultRuleActsOnZitadelRoute_data();
    void faultRuleActsOnZitadelRoute();
    void settings();
    void settingsRandomSeedRepeatsCodes();
    void settingsCodeLifetime_data();
    void settingsCodeLifetime();
    void codeLifetimeSettingExpiresCodes();
    void badSettings_data();
    void badSettings();
};

void TestMockAdmin::handlesOnlyMockPaths_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("admin");
    QTest::newRow("index") << QByteArray("/_mock") << true;
    QTest::newRow("index slash") << QByteArray("/_mock/") << true;
    QTest::newRow("endpoint") << QByteArray("/_mock/outbox") << true;
    QTest::newRow("unknown below") << QByteArray("/_mock/nope/deeper") << true;
    QTest::newRow("longer word") << QByteArray("/_mockery") << false;
    QTest::newRow("shorter") << QByteArray("/_moc") << false;
    QTest::newRow("nested") << QByteArray("/v2/_mock") << false;
    QTest::newRow("zitadel") << QByteArray("/v2/users") << false;
}

void TestMockAdmin::handlesOnlyMockPaths()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, admin);
    QCOMPARE(MockAdminApi::handles(path), admin);
    // And the router sends it there: ZITADEL's 404 is a gRPC body, the admin API's is not.
    RouterHarness h;
    const MockResponse r = h.admin("GET", path);
    QCOMPARE(RouterHarness::json(r).contains(QStringLiteral("code")), !admin); // ZITADEL's error bodies have one
    QCOMPARE(h.router().requestLog().last().admin, admin);
}

void TestMockAdmin::authentication_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions");
    const QByteArray token = "vdmock_Fixed-Admin-Token_0123456789abcdef";
    QTest::newRow("no header") << Headers {} << 401 << QStringLiteral("no Authorization header");
    QTest::newRow("empty header") << Headers {{"Authorization", ""}} << 401
                                  << QStringLiteral("no Authorization header");
    QTest::newRow("basic scheme") << Headers {{"Authorization", "Basic " + token.toBase64()}} << 401
                                  << QStringLiteral("not of the form");
    QTest::newRow("bearer alone") << Headers {{"Authorization", "Bearer "}} << 401 << QStringLiteral("not of the form");
    QTest::newRow("wrong token") << Headers {{"Authorization", "Bearer vdmock_not-the-right-one-at-all"}} << 401
                                 << QStringLiteral("not this mock's admin token");
    QTest::newRow("prefix of the token") << Headers {{"Authorization", "Bearer " + token.left(20)}} << 401
                                         << QStringLiteral("not this mock's admin token");
    QTest::newRow("token plus more") << Headers {{"Authorization", "Bearer " + token + "x"}} << 401
                                     << QStringLiteral("not this mock's admin token");
    for (const char* zitadel : {SeedIds::AdminToken, SeedIds::SupportToken, SeedIds::ReadonlyToken})
        QTest::addRow("ZITADEL token %s", zitadel) << Headers {{"Authorization", QByteArray("Bearer ") + zitadel}}
                                                   << 401 << QStringLiteral("ZITADEL tokens do not open the admin API");
    QTest::newRow("right token") << Headers {{"Authorization", "Bearer " + token}} << 200 << QString();
    QTest::newRow("scheme in lower case") << Headers {{"authorization", "bearer " + token}} << 200 << QString();
}

void TestMockAdmin::authentication()
{
    QFETCH(Headers, headers);
    QFETCH(int, status);
    QFETCH(QString, mentions);
    MockOptions options = RouterHarness::defaultOptions();
    options.adminToken = QStringLiteral("vdmock_Fixed-Admin-Token_0123456789abcdef");
    RouterHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    for (const QByteArray& path : {QByteArray("/_mock/settings"), QByteArray("/_mock/nope")}) {
        const MockResponse r = h.send("GET", path, QByteArray(), {}, headers);
        if (status == 200) {
            QCOMPARE(r.status, path.endsWith("nope") ? 404 : 200);
            continue;
        }
        // Refused before routing: an unknown path tells a stranger nothing either.
        QCOMPARE(r.status, 401);
        QVERIFY2(isSentence(r), r.body.constData());
        QVERIFY2(errorOf(r).contains(mentions), qPrintable(errorOf(r)));
        QVERIFY2(errorOf(r).contains(QLatin1String("Mock panel")), qPrintable(errorOf(r))); // where to find it
        QCOMPARE(RouterHarness::header(r, "WWW-Authenticate"), QByteArray("Bearer realm=\"_mock\""));
        for (const auto& header : headers) {
            const QByteArray presented = header.second.mid(header.second.indexOf(' ') + 1);
            QVERIFY(presented.isEmpty() || !r.body.contains(presented));
        }
    }
}

void TestMockAdmin::generatedAdminToken()
{
    RouterHarness a;
    RouterHarness b;
    static const QRegularExpression shape(QStringLiteral("^vdmock_[A-Za-z0-9_-]{32}$"));
    QVERIFY2(shape.match(a.zitadel().adminToken()).hasMatch(), qPrintable(a.zitadel().adminToken()));
    QVERIFY(MockAdminToken::problem(a.zitadel().adminToken()).isEmpty());
    QVERIFY(a.zitadel().adminToken() != b.zitadel().adminToken()); // not derived from the random seed
    QCOMPARE(a.admin("GET", "/_mock").status, 200);
    QCOMPARE(a.send("GET", "/_mock", b.zitadel().adminToken().toUtf8()).status, 401);
    // ZITADEL routes do not take the admin token.
    QCOMPARE(a.get("/management/v1/orgs/me", a.zitadel().adminToken().toUtf8()).status, 401);
}

void TestMockAdmin::adminTokenRules_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("usable");
    QTest::newRow("15 characters") << QString(15, QLatin1Char('a')) << false;
    QTest::newRow("16 characters") << QString(16, QLatin1Char('a')) << true;
    QTest::newRow("128 characters") << QString(128, QLatin1Char('Z')) << true;
    QTest::newRow("129 characters") << QString(129, QLatin1Char('Z')) << false;
    QTest::newRow("url-safe punctuation") << QStringLiteral("ab-cd_ef.gh~ij0123") << true;
    QTest::newRow("space") << QStringLiteral("abcdefgh ijklmnopq") << false;
    QTest::newRow("slash") << QStringLiteral("abcdefgh/ijklmnopq") << false;
    QTest::newRow("plus") << QStringLiteral("abcdefgh+ijklmnopq") << false;
    QTest::newRow("non-ASCII") << QStringLiteral("abcdefghijklmnopqä") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestMockAdmin::adminTokenRules()
{
    QFETCH(QString, token);
    QFETCH(bool, usable);
    const QString problem = MockAdminToken::problem(token);
    QCOMPARE(problem.isEmpty(), usable);
    if (!usable)
        QVERIFY2(problem.contains(QLatin1String("16 to 128")), qPrintable(problem));

    MockOptions options = RouterHarness::defaultOptions();
    options.adminToken = token;
    QString error;
    const auto mock = MockZitadel::create(options, &error);
    if (token.isEmpty()) { // empty means "make one"
        QVERIFY(mock);
        return;
    }
    QCOMPARE(bool(mock), usable);
    if (usable)
        QCOMPARE(mock->adminToken(), token);
    else
        QCOMPARE(error, problem);
}

void TestMockAdmin::tokenComparisonNeedsTheWholeToken()
{
    const QByteArray token("vdmock_abcdefghijklmnop");
    QVERIFY(MockAdminToken::matches(token, token));
    QVERIFY(!MockAdminToken::matches(token, token.chopped(1)));
    QVERIFY(!MockAdminToken::matches(token, token + 'q'));
    QVERIFY(!MockAdminToken::matches(token, QByteArrayView()));
    QVERIFY(!MockAdminToken::matches(token, QByteArray(token).replace('p', 'P')));
    QVERIFY(!MockAdminToken::matches(QByteArray(), QByteArrayView())); // no token opens nothing
}

void TestMockAdmin::routing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allow");
    QTest::newRow("unknown") << QByteArray("GET") << QByteArray("/_mock/nope") << 404 << QByteArray();
    QTest::newRow("trailing slash") << QByteArray("GET") << QByteArray("/_mock/outbox/") << 404 << QByteArray();
    QTest::newRow("double slash") << QByteArray("GET") << QByteArray("/_mock//outbox") << 404 << QByteArray();
    QTest::newRow("below an endpoint") << QByteArray("GET") << QByteArray("/_mock/state/x") << 404 << QByteArray();
    QTest::newRow("POST outbox") << QByteArray("POST") << QByteArray("/_mock/outbox") << 405
                                 << QByteArray("GET, DELETE");
    QTest::newRow("PUT requests") << QByteArray("PUT") << QByteArray("/_mock/requests") << 405
                                  << QByteArray("GET, DELETE");
    QTest::newRow("PUT index") << QByteArray("PUT") << QByteArray("/_mock") << 405 << QByteArray("GET");
    QTest::newRow("GET reset") << QByteArray("GET") << QByteArray("/_mock/reset") << 405 << QByteArray("POST");
    QTest::newRow("GET generate") << QByteArray("GET") << QByteArray("/_mock/generate") << 405 << QByteArray("POST");
    QTest::newRow("PATCH state") << QByteArray("PATCH") << QByteArray("/_mock/state") << 405 << QByteArray("GET, PUT");
    QTest::newRow("DELETE settings") << QByteArray("DELETE") << QByteArray("/_mock/settings") << 405
                                     << QByteArray("GET, PUT");
    QTest::newRow("PATCH faults") << QByteArray("PATCH") << QByteArray("/_mock/faults") << 405
                                  << QByteArray("GET, POST, PUT, DELETE");
    QTest::newRow("GET one fault") << QByteArray("GET") << QByteArray("/_mock/faults/1") << 405 << QByteArray("DELETE");
    QTest::newRow("PUT one fault") << QByteArray("PUT") << QByteArray("/_mock/faults/1") << 405 << QByteArray("DELETE");
    QTest::newRow("faults, trailing slash")
        << QByteArray("DELETE") << QByteArray("/_mock/faults/") << 404 << QByteArray();
    QTest::newRow("below one fault") << QByteArray("DELETE") << QByteArray("/_mock/faults/1/x") << 404 << QByteArray();
    QTest::newRow("fault, singular") << QByteArray("GET") << QByteArray("/_mock/fault") << 404 << QByteArray();
}

void TestMockAdmin::routing()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(QByteArray, allow);
    RouterHarness h;
    const MockResponse r = h.admin(method, path);
    QCOMPARE(r.status, status);
    QVERIFY2(isSentence(r), r.body.constData());
    QCOMPARE(RouterHarness::header(r, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(RouterHarness::header(r, "Allow"), allow);
    if (status == 404)
        QVERIFY2(errorOf(r).contains(QLatin1String("GET /_mock lists them")), qPrintable(errorOf(r)));
    else
        QVERIFY2(errorOf(r).contains(QString::fromLatin1(method)), qPrintable(errorOf(r)));
}

void TestMockAdmin::indexListsEveryEndpoint()
{
    RouterHarness h;
    const MockResponse r = h.admin("GET", "/_mock");
    QCOMPARE(r.status, 200);
    QCOMPARE(h.admin("GET", "/_mock/").body, r.body);
    QStringList listed;
    for (const QJsonValue& v : array(r, "endpoints")) {
        const QJsonObject e = v.toObject();
        QVERIFY(!e.value(QStringLiteral("does")).toString().isEmpty());
        listed.append(e.value(QStringLiteral("method")).toString() + QLatin1Char(' ')
            + e.value(QStringLiteral("path")).toString());
    }
    const QStringList expected {"GET /_mock",
        "GET /_mock/outbox",
        "DELETE /_mock/outbox",
        "GET /_mock/requests",
        "DELETE /_mock/requests",
        "GET /_mock/faults",
        "POST /_mock/faults",
        "PUT /_mock/faults",
        "DELETE /_mock/faults",
        "DELETE /_mock/faults/{id}",
        "GET /_mock/state",
        "PUT /_mock/state",
        "POST /_mock/reset",
        "POST /_mock/generate",
        "GET /_mock/settings",
        "PUT /_mock/settings",
        "GET /_mock/oidc",
        "PUT /_mock/oidc/lifetimes",
        "POST /_mock/oidc/_expire-access-tokens"};
    for (const QString& e : expected)
        QVERIFY2(listed.contains(e), qPrintable(e));
    QCOMPARE(listed.size(), expected.size());

    // What a fault rule may name, written out from the contract rather than read from the mock.
    const QJsonObject o = RouterHarness::json(r);
    const QJsonObject operations = o.value(QStringLiteral("operations")).toObject();
    QCOMPARE(operations.value(QStringLiteral("names")).toVariant().toStringList(),
        QStringList({"management.GetUserByID",
            "management.ListUsers",
            "management.ResendHumanEmailVerification",
            "management.ResendHumanPhoneVerification",
            "management.GetMyOrg",
            "user.GetUserByID",
            "user.ListUsers",
            "user.ResendEmailCode",
            "user.ResendPhoneCode",
            "user.VerifyEmail",
            "user.VerifyPhone",
            "org.ListOrganizations",
            "resources.ResendContactEmailCode",
            "resources.ResendContactPhoneCode"}));
    QMap<QString, QStringList> groups;
    for (const QJsonValue& g : operations.value(QStringLiteral("groups")).toArray())
        groups.insert(g.toObject().value(QStringLiteral("name")).toString(),
            g.toObject().value(QStringLiteral("covers")).toVariant().toStringList());
    QCOMPARE(groups.keys(), QStringList({"*", "email-resend", "phone-resend", "resend", "verify"}));
    QCOMPARE(groups.value(QStringLiteral("*")).size(), 14);
    QCOMPARE(groups.value(QStringLiteral("email-resend")),
        QStringList(
            {"management.ResendHumanEmailVerification", "user.ResendEmailCode", "resources.ResendContactEmailCode"}));
    QCOMPARE(groups.value(QStringLiteral("phone-resend")),
        QStringList(
            {"management.ResendHumanPhoneVerification", "user.ResendPhoneCode", "resources.ResendContactPhoneCode"}));
    QCOMPARE(groups.value(QStringLiteral("resend")).size(), 6);
    QCOMPARE(groups.value(QStringLiteral("verify")), QStringList({"user.VerifyEmail", "user.VerifyPhone"}));

    const QJsonObject presets = o.value(QStringLiteral("presets")).toObject();
    QCOMPARE(presets.value(QStringLiteral("error")).toVariant().toStringList(),
        QStringList({"already-verified",
            "code-empty",
            "user-not-found",
            "permission-denied",
            "token-invalid",
            "rate-limited",
            "unavailable",
            "quota-exhausted"}));
    QCOMPARE(presets.value(QStringLiteral("transport")).toVariant().toStringList(),
        QStringList({"malformed-json", "html-error-page", "close-mid-body", "no-answer"}));
    QCOMPARE(presets.value(QStringLiteral("delivery")).toVariant().toStringList(),
        QStringList({"never-delivered", "double-code", "provider-not-configured"}));
    QCOMPARE(keysInOrder(r.body, 0), QStringList({"name", "contract", "endpoints", "operations", "presets"}));
}

void TestMockAdmin::everyEndpointAnswers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("index") << QByteArray("GET") << QByteArray("/_mock") << QByteArray() << QStringList {"endpoints"};
    QTest::newRow("outbox") << QByteArray("GET") << QByteArray("/_mock/outbox") << QByteArray()
                            << QStringList {"messages", "total"};
    QTest::newRow("delete outbox") << QByteArray("DELETE") << QByteArray("/_mock/outbox") << QByteArray()
                                   << QStringList {"deleted"};
    QTest::newRow("requests") << QByteArray("GET") << QByteArray("/_mock/requests") << QByteArray()
                              << QStringList {"requests", "total"};
    QTest::newRow("delete requests") << QByteArray("DELETE") << QByteArray("/_mock/requests") << QByteArray()
                                     << QStringList {"deleted"};
    QTest::newRow("state") << QByteArray("GET") << QByteArray("/_mock/state") << QByteArray()
                           << QStringList {"format", "instance", "organizations", "users", "tokens"};
    QTest::newRow("load state") << QByteArray("PUT") << QByteArray("/_mock/state") << QByteArray("SAVED")
                                << QStringList {"organizations", "users", "usersPerOrg"};
    QTest::newRow("reset") << QByteArray("POST") << QByteArray("/_mock/reset") << QByteArray()
                           << QStringList {"organizations", "users", "usersPerOrg"};
    QTest::newRow("generate") << QByteArray("POST") << QByteArray("/_mock/generate")
                              << QByteArray(R"({"usersPerOrg":3})")
                              << QStringList {"organizations", "users", "usersPerOrg"};
    QTest::newRow("settings") << QByteArray("GET") << QByteArray("/_mock/settings") << QByteArray()
                              << QStringList {"codeLifetimeSeconds", "usersPerOrg", "randomSeed"};
    QTest::newRow("change settings") << QByteArray("PUT") << QByteArray("/_mock/settings")
                                     << QByteArray(R"({"randomSeed":5})")
                                     << QStringList {"codeLifetimeSeconds", "usersPerOrg", "randomSeed"};
    QTest::newRow("faults") << QByteArray("GET") << QByteArray("/_mock/faults") << QByteArray()
                            << QStringList {"seed", "rules"};
    QTest::newRow("add fault") << QByteArray("POST") << QByteArray("/_mock/faults")
                               << QByteArray(R"({"endpoint":"*","latencyMs":5})")
                               << QStringList {"id", "endpoint", "latencyMs", "probability", "hits"};
    QTest::newRow("replace faults") << QByteArray("PUT") << QByteArray("/_mock/faults")
                                    << QByteArray(R"({"seed":3,"rules":[]})") << QStringList {"seed", "rules"};
    QTest::newRow("delete faults") << QByteArray("DELETE") << QByteArray("/_mock/faults") << QByteArray()
                                   << QStringList {"deleted"};
    // RULE: a rule is added first, so there is one to delete.
    QTest::newRow("delete one fault") << QByteArray("DELETE") << QByteArray("/_mock/faults/1") << QByteArray("RULE")
                                      << QStringList {"deleted"};
}

void TestMockAdmin::everyEndpointAnswers()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, keys);
    RouterHarness h;
    if (body == "SAVED")
        body = h.admin("GET", "/_mock/state").body;
    if (body == "RULE") {
        QCOMPARE(h.admin("POST", "/_mock/faults", R"({"endpoint":"*","latencyMs":5})").status, 200);
        body.clear();
    }
    const MockResponse r = h.admin(method, path, body);
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(RouterHarness::header(r, "Content-Type"), QByteArray("application/json"));
    const QJsonObject o = RouterHarness::json(r);
    for (const QString& key : keys)
        QVERIFY2(o.contains(key), qPrintable(key));
    // And an unknown query parameter is named rather than ignored.
    const MockResponse typo = h.admin(method, path + "?colour=blue", body);
    QCOMPARE(typo.status, 400);
    QVERIFY2(isSentence(typo) && errorOf(typo).contains(QLatin1String("\"colour\"")), typo.body.constData());
}

void TestMockAdmin::outboxNewestFirstWithFilters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QStringList>("expected"); // "userId channel", newest first
    QTest::addColumn<QString>("total");
    const QString donald = QString::fromLatin1(SeedIds::Donald);
    const QString minnie = QString::fromLatin1(SeedIds::Minnie);
    const QString goofy = QString::fromLatin1(SeedIds::Goofy);
    const QString email = QStringLiteral(" email");
    const QString sms = QStringLiteral(" sms");
    QTest::newRow("all") << QByteArray() << QStringList {donald + email, goofy + email, minnie + sms, donald + email}
                         << QStringLiteral("4");
    QTest::newRow("one user") << "?userId=" + QByteArray(SeedIds::Donald)
                              << QStringList {donald + email, donald + email} << QStringLiteral("2");
    QTest::newRow("sms") << QByteArray("?channel=sms") << QStringList {minnie + sms} << QStringLiteral("1");
    QTest::newRow("email, newest only") << QByteArray("?channel=email&limit=1") << QStringList {donald + email}
                                        << QStringLiteral("3");
    QTest::newRow("user and channel, nothing")
        << "?channel=sms&userId=" + QByteArray(SeedIds::Donald) << QStringList {} << QStringLiteral("0");
    QTest::newRow("limit 0 counts only") << QByteArray("?limit=0") << QStringList {} << QStringLiteral("4");
    QTest::newRow("limit above count") << QByteArray("?limit=10000")
                                       << QStringList {donald + email, goofy + email, minnie + sms, donald + email}
                                       << QStringLiteral("4");
    QTest::newRow("unknown user") << QByteArray("?userId=nobody") << QStringList {} << QStringLiteral("0");
    QTest::newRow("empty filters") << QByteArray("?userId=&channel=&limit=3")
                                   << QStringList {donald + email, goofy + email, minnie + sms} << QStringLiteral("4");
}

void TestMockAdmin::outboxNewestFirstWithFilters()
{
    QFETCH(QByteArray, query);
    QFETCH(QStringList, expected);
    QFETCH(QString, total);
    RouterHarness h;
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    h.advance(1000);
    QCOMPARE(resendPhone(h, SeedIds::Minnie).status, 200);
    h.advance(1000);
    QCOMPARE(
        h.send(
             "POST", QByteArray("/management/v1/users/") + SeedIds::Goofy + "/email/_resend_verification", Admin, "{}")
            .status,
        200);
    h.advance(1000);
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);

    const MockResponse r = h.admin("GET", "/_mock/outbox" + query);
    QCOMPARE(r.status, 200);
    QStringList got;
    QDateTime previous;
    for (const QJsonValue& v : array(r, "messages")) {
        const QJsonObject m = v.toObject();
        got.append(m.value(QStringLiteral("userId")).toString() + QLatin1Char(' ')
            + m.value(QStringLiteral("channel")).toString());
        const QDateTime time = QDateTime::fromString(m.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        QVERIFY(!previous.isValid() || time < previous); // newest first
        previous = time;
    }
    QCOMPARE(got, expected);
    QCOMPARE(RouterHarness::json(r).value(QStringLiteral("total")).toString(), total);
}

void TestMockAdmin::outboxMessageFields()
{
    RouterHarness h;
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    h.advance(2000);
    QCOMPARE(resendPhone(h, SeedIds::Minnie).status, 200);
    const MockResponse r = h.admin("GET", "/_mock/outbox");
    QCOMPARE(firstElementKeys(r, "messages"), OutboxKeys); // every field, always, in the contract's order
    const QJsonArray messages = array(r, "messages");
    QCOMPARE(messages.size(), 2);

    const QJsonObject sms = messages.at(0).toObject();
    QCOMPARE(sms.value(QStringLiteral("id")).toString(), QStringLiteral("2"));
    QCOMPARE(sms.value(QStringLiteral("time")).toString(), QStringLiteral("2026-03-02T14:20:03.733Z"));
    QCOMPARE(sms.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
    QCOMPARE(sms.value(QStringLiteral("to")).toString(), h.zitadel().user(SeedIds::Minnie)->phone);
    QCOMPARE(sms.value(QStringLiteral("userId")).toString(), QString(SeedIds::Minnie));
    QCOMPARE(sms.value(QStringLiteral("orgId")).toString(), QString(SeedIds::AcmeOrg));
    QCOMPARE(sms.value(QStringLiteral("code")).toString(), h.zitadel().pendingPhoneCode(SeedIds::Minnie));
    QCOMPARE(sms.value(QStringLiteral("link")).toString(), QString());
    QCOMPARE(sms.value(QStringLiteral("subject")).toString(), QString()); // an SMS has none
    QCOMPARE(sms.value(QStringLiteral("text")).toString(),
        QStringLiteral("A new phone number has been added. Please use the following code to verify it %1.")
            .arg(h.zitadel().pendingPhoneCode(SeedIds::Minnie)));
    QCOMPARE(sms.value(QStringLiteral("delivery")).toString(), QStringLiteral("sent"));
    QCOMPARE(sms.value(QStringLiteral("failure")).toString(), QString());
    QCOMPARE(sms.value(QStringLiteral("cause")).toString(), QStringLiteral("POST /v2/users/{id}/phone/resend"));

    const QJsonObject email = messages.at(1).toObject();
    QCOMPARE(email.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    QCOMPARE(email.value(QStringLiteral("time")).toString(), QStringLiteral("2026-03-02T14:20:01.733Z"));
    QCOMPARE(email.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(email.value(QStringLiteral("to")).toString(), h.zitadel().user(SeedIds::Donald)->email);
    const QString code = h.zitadel().pendingEmailCode(SeedIds::Donald);
    QCOMPARE(email.value(QStringLiteral("code")).toString(), code);
    const QString link = h.zitadel().defaultVerificationLink(SeedIds::Donald, code, SeedIds::AcmeOrg);
    QCOMPARE(email.value(QStringLiteral("link")).toString(), link);
    QCOMPARE(email.value(QStringLiteral("subject")).toString(), QStringLiteral("Verify email"));
    const QString text = email.value(QStringLiteral("text")).toString();
    QVERIFY2(text.startsWith(QStringLiteral("Hello %1,").arg(h.zitadel().user(SeedIds::Donald)->displayName)),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("(Code %1)").arg(code)) && text.endsWith(link), qPrintable(text));
    QCOMPARE(email.value(QStringLiteral("delivery")).toString(), QStringLiteral("sent"));
    QCOMPARE(email.value(QStringLiteral("failure")).toString(), QString());
    QCOMPARE(email.value(QStringLiteral("cause")).toString(), QStringLiteral("POST /v2/users/{id}/email/resend"));

    // Emptying the outbox does not restart the ids.
    QCOMPARE(h.admin("DELETE", "/_mock/outbox").status, 200);
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    QCOMPARE(array(h.admin("GET", "/_mock/outbox"), "messages").at(0).toObject().value(QStringLiteral("id")).toString(),
        QStringLiteral("3"));
}

void TestMockAdmin::outboxDeliveryFaults_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<bool>("email");
    QTest::addColumn<QString>("delivery");
    QTest::addColumn<MockDeliveryFault>("fault");
    QTest::newRow("never-delivered email") << QByteArray(R"({"endpoint":"email-resend","delivery":"never-delivered"})")
                                           << true << QStringLiteral("lost") << MockDeliveryFault::NeverDelivered;
    QTest::newRow("never-delivered sms") << QByteArray(R"({"endpoint":"phone-resend","delivery":"never-delivered"})")
                                         << false << QStringLiteral("lost") << MockDeliveryFault::NeverDelivered;
    QTest::newRow("no mail provider") << QByteArray(
        R"({"endpoint":"user.ResendEmailCode","delivery":"provider-not-configured"})")
                                      << true << QStringLiteral("failed") << MockDeliveryFault::ProviderNotConfigured;
    QTest::newRow("no SMS provider") << QByteArray(R"({"endpoint":"resend","delivery":"provider-not-configured"})")
                                     << false << QStringLiteral("failed") << MockDeliveryFault::ProviderNotConfigured;
    QTest::newRow("double code") << QByteArray(R"({"endpoint":"resend","delivery":"double-code"})") << true
                                 << QStringLiteral("sent") << MockDeliveryFault::DoubleCode;
    QTest::newRow("latency only") << QByteArray(R"({"endpoint":"resend","latencyMs":10})") << false
                                  << QStringLiteral("sent") << MockDeliveryFault::None;
}

// A real resend through a rule added over the admin API: the API answers success, and the
// outbox says how delivery ended, in MockVerificationMessage's words.
void TestMockAdmin::outboxDeliveryFaults()
{
    QFETCH(QByteArray, rule);
    QFETCH(bool, email);
    QFETCH(QString, delivery);
    QFETCH(MockDeliveryFault, fault);
    RouterHarness h;
    QCOMPARE(h.admin("POST", "/_mock/faults", rule).status, 200);
    const char* user = email ? SeedIds::Donald : SeedIds::Minnie;
    QCOMPARE((email ? resendEmail(h, user) : resendPhone(h, user)).status, 200);

    const MockResponse r = h.admin("GET", "/_mock/outbox");
    QCOMPARE(firstElementKeys(r, "messages"), OutboxKeys);
    const QJsonArray messages = array(r, "messages");
    QCOMPARE(messages.size(), 1);
    const QJsonObject m = messages.at(0).toObject();
    QCOMPARE(m.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    QCOMPARE(m.value(QStringLiteral("channel")).toString(), email ? QStringLiteral("email") : QStringLiteral("sms"));
    QCOMPARE(m.value(QStringLiteral("delivery")).toString(), delivery);
    QCOMPARE(m.value(QStringLiteral("failure")).toString().isEmpty(), delivery == QLatin1String("sent"));
    const QString pending = email ? h.zitadel().pendingEmailCode(user) : h.zitadel().pendingPhoneCode(user);
    // double-code: the outbox holds the first code, already replaced by the second.
    QCOMPARE(m.value(QStringLiteral("code")).toString() == pending, fault != MockDeliveryFault::DoubleCode);

    // The words are MockVerificationMessage's, copied, not reworded.
    MockOutboxMessage expected;
    expected.channel = m.value(QStringLiteral("channel")).toString();
    expected.code = m.value(QStringLiteral("code")).toString();
    expected.link = m.value(QStringLiteral("link")).toString();
    MockVerificationMessage::render(expected, h.zitadel().user(user)->displayName, fault);
    QCOMPARE(m.value(QStringLiteral("subject")).toString(), expected.subject);
    QCOMPARE(m.value(QStringLiteral("text")).toString(), expected.text);
    QCOMPARE(m.value(QStringLiteral("delivery")).toString(), expected.delivery);
    QCOMPARE(m.value(QStringLiteral("failure")).toString(), expected.failure);
}

void TestMockAdmin::faults()
{
    RouterHarness h;
    QSignalSpy changed(&h.router().faults(), &MockFaultEngine::changed);
    // The engine starts with the mock's random seed and no rules.
    MockResponse r = h.admin("GET", "/_mock/faults");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"({"seed":"42","rules":[]})"));

    // POST answers the stored rule: its id, its counters, the contract's field order.
    r = h.admin("POST",
        "/_mock/faults",
        R"({"endpoint":"email-resend","error":"rate-limited","retryAfterSeconds":12,"times":2})");
    QCOMPARE(r.status, 200);
    QCOMPARE(RouterHarness::header(r, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.body,
        QByteArray(R"({"id":"1","endpoint":"email-resend","error":"rate-limited","retryAfterSeconds":12,)"
                   R"("probability":1,"times":2,"remaining":2,"hits":0})"));
    // A rule read back may be sent again: id, remaining and hits are ignored.
    r = h.admin("POST",
        "/_mock/faults",
        R"({"id":"9","endpoint":"user.VerifyEmail","latencyMs":100,"latencyMaxMs":200,"probability":0.5,)"
        R"("remaining":0,"hits":7})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body,
        QByteArray(R"({"id":"2","endpoint":"user.VerifyEmail","latencyMs":100,"latencyMaxMs":200,)"
                   R"("probability":0.5,"hits":0})"));
    QCOMPARE(changed.count(), 2);

    // GET lists them in the order they are checked, as the engine writes them.
    r = h.admin("GET", "/_mock/faults");
    QCOMPARE(r.body, faultsOf(h));
    QJsonArray rules = array(r, "rules");
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    QCOMPARE(rules.at(1).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("2"));

    // DELETE one by id; the other stays, and ids are not reused.
    r = h.admin("DELETE", "/_mock/faults/1");
    QCOMPARE(r.status, 200);
    QCOMPARE(RouterHarness::json(r), (QJsonObject {{QStringLiteral("deleted"), QStringLiteral("1")}}));
    rules = array(h.admin("GET", "/_mock/faults"), "rules");
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("2"));
    r = h.admin("DELETE", "/_mock/faults/1");
    QCOMPARE(r.status, 404);
    QVERIFY2(isSentence(r), r.body.constData());
    QCOMPARE(RouterHarness::json(h.admin("POST", "/_mock/faults", R"({"endpoint":"*","latencyMs":1})"))
                 .value(QStringLiteral("id"))
                 .toString(),
        QStringLiteral("3"));

    // DELETE all: counts them, keeps the seed.
    r = h.admin("DELETE", "/_mock/faults");
    QCOMPARE(r.status, 200);
    QCOMPARE(RouterHarness::json(r), (QJsonObject {{QStringLiteral("deleted"), QStringLiteral("2")}}));
    QCOMPARE(h.admin("GET", "/_mock/faults").body, QByteArray(R"({"seed":"42","rules":[]})"));
    QCOMPARE(RouterHarness::json(h.admin("DELETE", "/_mock/faults")).value(QStringLiteral("deleted")).toString(),
        QStringLiteral("0"));

    // PUT replaces everything, re-seeds, restarts ids at 1 and answers what GET would.
    QCOMPARE(h.admin("POST", "/_mock/faults", R"({"endpoint":"*","latencyMs":1})").status, 200);
    r = h.admin("PUT",
        "/_mock/faults",
        R"({"seed":7,"rules":[{"endpoint":"verify","error":"code-empty"},)"
        R"({"id":"5","endpoint":"phone-resend","transport":"no-answer","times":1,"remaining":0,"hits":3}]})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, faultsOf(h));
    QCOMPARE(r.body,
        QByteArray(R"({"seed":"7","rules":[{"id":"1","endpoint":"verify","error":"code-empty","probability":1,)"
                   R"("hits":0},{"id":"2","endpoint":"phone-resend","transport":"no-answer","probability":1,)"
                   R"("times":1,"remaining":1,"hits":0}]})"));
    // What GET answers can be PUT back as it is (the seed as a string).
    const QByteArray saved = h.admin("GET", "/_mock/faults").body;
    QCOMPARE(h.admin("PUT", "/_mock/faults", R"({"rules":[]})").status, 200);
    QCOMPARE(h.admin("PUT", "/_mock/faults", saved).body, saved);
    // Nothing here ever touched the mock's state.
    QVERIFY(h.zitadel().outbox().isEmpty());
}

void TestMockAdmin::faultsReplaceSeeds_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("seed"); // empty: a new random one
    QTest::newRow("number") << QByteArray(R"({"seed":1234,"rules":[]})") << QStringLiteral("1234");
    QTest::newRow("largest exact number")
        << QByteArray(R"({"seed":9007199254740991})") << QStringLiteral("9007199254740991");
    QTest::newRow("decimal string") << QByteArray(R"({"seed":"99"})") << QStringLiteral("99");
    QTest::newRow("64-bit string") << QByteArray(R"({"seed":"18446744073709551615","rules":[]})")
                                   << QStringLiteral("18446744073709551615");
    QTest::newRow("no seed keeps the current one") << QByteArray(R"({"rules":[]})") << QStringLiteral("42");
    QTest::newRow("0 draws one") << QByteArray(R"({"seed":0})") << QString();
    QTest::newRow("\"0\" draws one") << QByteArray(R"({"seed":"0"})") << QString();
}

void TestMockAdmin::faultsReplaceSeeds()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, seed);
    RouterHarness h;
    const MockResponse r = h.admin("PUT", "/_mock/faults", body);
    QVERIFY2(r.status == 200, r.body.constData());
    const QString reported = RouterHarness::json(r).value(QStringLiteral("seed")).toString();
    QCOMPARE(reported, QString::number(h.router().faults().seed()));
    if (seed.isEmpty())
        QVERIFY(reported != QLatin1String("0") && reported != QLatin1String("42"));
    else
        QCOMPARE(reported, seed);
}

void TestMockAdmin::badFaultRules_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("mentions"); // for bodies that are no JSON object; else the engine's sentence
    QTest::newRow("empty") << QByteArray() << QByteArray() << QStringLiteral("The body is empty");
    QTest::newRow("not JSON") << QByteArray("{endpoint}") << QByteArray() << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray(R"([{"endpoint":"*"}])") << QByteArray() << QStringLiteral("JSON object");
    QTest::newRow("query parameter") << QByteArray(R"({"endpoint":"*","latencyMs":1})") << QByteArray("?id=1")
                                     << QStringLiteral("\"id\"");
    const QString engine;
    QTest::newRow("no endpoint") << QByteArray(R"({"error":"unavailable"})") << QByteArray() << engine;
    QTest::newRow("unknown endpoint") << QByteArray(R"({"endpoint":"user.Nope","error":"unavailable"})") << QByteArray()
                                      << engine;
    QTest::newRow("unknown field") << QByteArray(R"({"endpoint":"*","latency":5})") << QByteArray() << engine;
    QTest::newRow("does nothing") << QByteArray(R"({"endpoint":"*"})") << QByteArray() << engine;
    QTest::newRow("two effects") << QByteArray(R"({"endpoint":"*","error":"unavailable","transport":"no-answer"})")
                                 << QByteArray() << engine;
    QTest::newRow("unknown preset") << QByteArray(R"({"endpoint":"*","error":"teapot"})") << QByteArray() << engine;
    QTest::newRow("delivery on a read") << QByteArray(R"({"endpoint":"user.GetUserByID","delivery":"double-code"})")
                                        << QByteArray() << engine;
    QTest::newRow("error that cannot happen there")
        << QByteArray(R"({"endpoint":"management.ResendHumanEmailVerification","error":"code-empty"})") << QByteArray()
        << engine;
    QTest::newRow("latency range upside down")
        << QByteArray(R"({"endpoint":"*","latencyMs":9,"latencyMaxMs":3})") << QByteArray() << engine;
    QTest::newRow("probability 0") << QByteArray(R"({"endpoint":"*","latencyMs":1,"probability":0})") << QByteArray()
                                   << engine;
    QTest::newRow("times 0") << QByteArray(R"({"endpoint":"*","latencyMs":1,"times":0})") << QByteArray() << engine;
    QTest::newRow("retryAfter without rate-limited")
        << QByteArray(R"({"endpoint":"*","error":"unavailable","retryAfterSeconds":3})") << QByteArray() << engine;
}

void TestMockAdmin::badFaultRules()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, query);
    QFETCH(QString, mentions);
    RouterHarness h;
    QCOMPARE(h.admin("POST", "/_mock/faults", R"({"endpoint":"*","latencyMs":1})").status, 200);
    const QByteArray before = faultsOf(h);

    const MockResponse r = h.admin("POST", "/_mock/faults" + query, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(RouterHarness::json(r).keys(), QStringList {"error"});
    if (mentions.isEmpty()) {
        // The engine's own sentence, unchanged.
        QString expected;
        MockFaultEngine engine;
        QVERIFY(!engine.add(object(body), &expected));
        QCOMPARE(errorOf(r), expected);
    } else {
        QVERIFY2(isSentence(r) && errorOf(r).contains(mentions), qPrintable(errorOf(r)));
    }
    QVERIFY2(errorOf(r).endsWith(QLatin1Char('.')), qPrintable(errorOf(r)));
    QCOMPARE(faultsOf(h), before); // nothing added
}

void TestMockAdmin::badFaultReplacements_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    const QString seedRange = QStringLiteral("from 0 to 9007199254740991");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("The body is empty");
    QTest::newRow("not JSON") << QByteArray("{\"seed\":") << QStringLiteral("not valid JSON");
    QTest::newRow("a list of rules") << QByteArray(R"([{"endpoint":"*","latencyMs":1}])")
                                     << QStringLiteral("JSON object");
    QTest::newRow("negative seed") << QByteArray(R"({"seed":-1,"rules":[]})") << seedRange;
    QTest::newRow("fractional seed") << QByteArray(R"({"seed":1.5})") << seedRange;
    QTest::newRow("seed beyond 2^53 as a number") << QByteArray(R"({"seed":9007199254740993})") << seedRange;
    QTest::newRow("seed as a word") << QByteArray(R"({"seed":"forty-two"})") << seedRange;
    QTest::newRow("seed with a plus") << QByteArray(R"({"seed":"+5"})") << seedRange;
    QTest::newRow("seed with a space") << QByteArray(R"({"seed":" 5"})") << seedRange;
    QTest::newRow("seed beyond 64 bits") << QByteArray(R"({"seed":"18446744073709551616"})") << seedRange;
    QTest::newRow("seed true") << QByteArray(R"({"seed":true})") << seedRange;
    QTest::newRow("rules not a list") << QByteArray(R"({"rules":{"endpoint":"*","latencyMs":1}})")
                                      << QStringLiteral("\"rules\" must be a list");
    QTest::newRow("second rule refused") << QByteArray(
        R"({"seed":1,"rules":[{"endpoint":"*","latencyMs":1},{"endpoint":"*"}]})")
                                         << QStringLiteral("Rule 2: This fault rule would do nothing");
    QTest::newRow("rule not an object") << QByteArray(R"({"rules":["user.ListUsers"]})")
                                        << QStringLiteral("Rule 1: A fault rule must be a JSON object");
    QTest::newRow("unknown key") << QByteArray(R"({"seed":1,"faults":[]})")
                                 << QStringLiteral("\"faults\" does not belong here");
}

// All or nothing: a refused PUT leaves the rules, their counters and the seed as they were.
void TestMockAdmin::badFaultReplacements()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    RouterHarness h;
    QCOMPARE(h.admin("POST", "/_mock/faults", R"({"endpoint":"user.ListUsers","latencyMs":1})").status, 200);
    QCOMPARE(h.send("POST", "/v2/users", Admin, "{}").status, 200); // hits 1
    const QByteArray before = faultsOf(h);

    const MockResponse r = h.admin("PUT", "/_mock/faults", body);
    QCOMPARE(r.status, 400);
    QCOMPARE(RouterHarness::json(r).keys(), QStringList {"error"});
    QVERIFY2(errorOf(r).contains(mentions), qPrintable(errorOf(r)));
    QVERIFY2(errorOf(r).endsWith(QLatin1Char('.')), qPrintable(errorOf(r)));
    QCOMPARE(faultsOf(h), before);
    QCOMPARE(h.router().faults().seed(), quint64(42));
}

void TestMockAdmin::unknownFaultIds_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("shown");
    QTest::newRow("never given") << QByteArray("/_mock/faults/99") << QStringLiteral("\"99\"");
    QTest::newRow("not a number") << QByteArray("/_mock/faults/abc") << QStringLiteral("\"abc\"");
    QTest::newRow("leading zero") << QByteArray("/_mock/faults/01") << QStringLiteral("\"01\"");
    QTest::newRow("percent-encoded") << QByteArray("/_mock/faults/%E2%9C%93") << QString(QChar(0x2713));
}

void TestMockAdmin::unknownFaultIds()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, shown);
    RouterHarness h;
    QCOMPARE(h.admin("POST", "/_mock/faults", R"({"endpoint":"*","latencyMs":1})").status, 200);
    const QByteArray before = faultsOf(h);
    const MockResponse r = h.admin("DELETE", path);
    QCOMPARE(r.status, 404);
    QVERIFY2(isSentence(r), r.body.constData());
    QVERIFY2(
        errorOf(r).contains(shown) && errorOf(r).contains(QLatin1String("GET /_mock/faults")), qPrintable(errorOf(r)));
    QCOMPARE(faultsOf(h), before);
    // A query parameter is refused before the id is looked up.
    QCOMPARE(h.admin("DELETE", "/_mock/faults/1?force=1").status, 400);
    QCOMPARE(faultsOf(h), before);
}

void TestMockAdmin::faultsNeedTheAdminToken_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("token"); // null: no Authorization header
    const struct
    {
        const char* name;
        QByteArray token;
    } callers[] = {{"no token", QByteArray()},
        {"ZITADEL token", Admin},
        {"wrong admin token", QByteArray("vdmock_not-the-right-one-at-all")}};
    for (const auto& caller : callers) {
        QTest::addRow("GET, %s", caller.name) << QByteArray("GET") << QByteArray("/_mock/faults") << caller.token;
        QTest::addRow("POST, %s", caller.name) << QByteArray("POST") << QByteArray("/_mock/faults") << caller.token;
        QTest::addRow("PUT, %s", caller.name) << QByteArray("PUT") << QByteArray("/_mock/faults") << caller.token;
        QTest::addRow("DELETE, %s", caller.name) << QByteArray("DELETE") << QByteArray("/_mock/faults") << caller.token;
        QTest::addRow("DELETE one, %s", caller.name)
            << QByteArray("DELETE") << QByteArray("/_mock/faults/1") << caller.token;
    }
}

void TestMockAdmin::faultsNeedTheAdminToken()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, token);
    RouterHarness h;
    QCOMPARE(h.admin("POST", "/_mock/faults", R"({"endpoint":"user.ListUsers","latencyMs":1})").status, 200);
    const QByteArray before = faultsOf(h);
    const QByteArray payload = method == "PUT" ? QByteArray(R"({"seed":1,"rules":[]})")
        : method == "POST"                     ? QByteArray(R"({"endpoint":"*","error":"unavailable"})")
                                               : QByteArray();
    const MockResponse r = h.send(method, path, token, payload);
    QCOMPARE(r.status, 401);
    QVERIFY2(isSentence(r), r.body.constData());
    QCOMPARE(RouterHarness::header(r, "WWW-Authenticate"), QByteArray("Bearer realm=\"_mock\""));
    QVERIFY(!r.body.contains("\"rules\"") && !r.body.contains("\"seed\""));
    QCOMPARE(faultsOf(h), before);
    // ZITADEL routes run on as before: no rule was added.
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
}

void TestMockAdmin::faultRuleActsOnZitadelRoute_data()
{
    QTest::addColumn<QByteArray>("path"); // a Connect procedure when it has no leading '/'
    QTest::addColumn<QString>("operation");
    const QByteArray donald(SeedIds::Donald);
    QTest::newRow("v2 REST") << "/v2/users/" + donald + "/email/resend" << QStringLiteral("user.ResendEmailCode");
    QTest::newRow("v2 Connect") << QByteArray("zitadel.user.v2.UserService/ResendEmailCode")
                                << QStringLiteral("user.ResendEmailCode");
    QTest::newRow("v1") << "/management/v1/users/" + donald + "/email/_resend_verification"
                        << QStringLiteral("management.ResendHumanEmailVerification");
    QTest::newRow("v3alpha") << "/resources/v3alpha/users/" + donald + "/email/_resend"
                             << QStringLiteral("resources.ResendContactEmailCode");
}

// The whole loop a QA engineer runs: a rule added over /_mock/faults hits the next email resend
// (429 with Retry-After, nothing sent), is used up, lets the one after through, and the request
// log names the operation and the rule.
void TestMockAdmin::faultRuleActsOnZitadelRoute()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, operation);
    RouterHarness h;
    const MockResponse added = h.admin("POST",
        "/_mock/faults",
        R"({"endpoint":"email-resend","error":"rate-limited","retryAfterSeconds":12,"times":1})");
    QCOMPARE(added.status, 200);
    const QString id = RouterHarness::json(added).value(QStringLiteral("id")).toString();
    QCOMPARE(id, QStringLiteral("1"));
    const QString code = h.zitadel().pendingEmailCode(SeedIds::Donald);
    const auto resend = [&] {
        if (path.startsWith('/'))
            return h.send("POST", path, Admin, "{}");
        return h.connect(path, Admin, {{QStringLiteral("userId"), QString::fromLatin1(SeedIds::Donald)}});
    };
    // Rules for other operations do not fire here.
    QCOMPARE(h.admin("POST", "/_mock/faults", R"({"endpoint":"phone-resend","error":"unavailable"})").status, 200);

    const MockResponse limited = resend();
    QCOMPARE(limited.status, 429);
    QCOMPARE(RouterHarness::header(limited, "Retry-After"), QByteArray("12"));
    const QJsonObject body = RouterHarness::json(limited);
    QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("Too Many Requests"));
    QVERIFY(h.zitadel().outbox().isEmpty()); // ZITADEL never saw the call
    QCOMPARE(h.zitadel().pendingEmailCode(SeedIds::Donald), code);

    const MockResponse passed = resend();
    QVERIFY2(passed.status == 200, passed.body.constData());
    QVERIFY(RouterHarness::header(passed, "Retry-After").isEmpty());
    QCOMPARE(h.zitadel().outbox().size(), 1);

    // The rule is used up and stays listed.
    const QJsonObject rule = array(h.admin("GET", "/_mock/faults"), "rules").at(0).toObject();
    QCOMPARE(rule.value(QStringLiteral("remaining")), QJsonValue(0));
    QCOMPARE(rule.value(QStringLiteral("hits")), QJsonValue(1));

    const MockResponse log = h.admin("GET", "/_mock/requests?limit=3");
    QCOMPARE(firstElementKeys(log, "requests"), RequestKeys);
    const QJsonArray requests = array(log, "requests");
    const QJsonObject after = requests.at(1).toObject(); // newest first; [0] is the GET /_mock/faults
    const QJsonObject hit = requests.at(2).toObject();
    QCOMPARE(hit.value(QStringLiteral("status")), QJsonValue(429));
    QCOMPARE(hit.value(QStringLiteral("operation")).toString(), operation);
    QCOMPARE(hit.value(QStringLiteral("fault")).toString(), id);
    QCOMPARE(hit.value(QStringLiteral("responseBody")).toString().toUtf8(), limited.body);
    QCOMPARE(after.value(QStringLiteral("status")), QJsonValue(200));
    QCOMPARE(after.value(QStringLiteral("operation")).toString(), operation);
    QCOMPARE(after.value(QStringLiteral("fault")).toString(), QString());
    const QJsonObject admin = requests.at(0).toObject();
    QCOMPARE(admin.value(QStringLiteral("path")).toString(), QStringLiteral("/_mock/faults"));
    QCOMPARE(admin.value(QStringLiteral("operation")).toString(), QString()); // /_mock never has one
    QCOMPARE(admin.value(QStringLiteral("fault")).toString(), QString());
}

void TestMockAdmin::outboxBadQueries_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown channel") << QByteArray("?channel=phone") << QStringLiteral("\"phone\"");
    QTest::newRow("negative limit") << QByteArray("?limit=-1") << QStringLiteral("limit");
    QTest::newRow("limit not a number") << QByteArray("?limit=ten") << QStringLiteral("\"ten\"");
    QTest::newRow("limit too big") << QByteArray("?limit=10001") << QStringLiteral("10000");
    QTest::newRow("snake case") << QByteArray("?user_id=1") << QStringLiteral("userId, channel and limit");
    QTest::newRow("given twice") << QByteArray("?limit=1&limit=2") << QStringLiteral("twice");
}

void TestMockAdmin::outboxBadQueries()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, mentions);
    RouterHarness h;
    const MockResponse r = h.admin("GET", "/_mock/outbox" + query);
    QCOMPARE(r.status, 400);
    QVERIFY2(isSentence(r), r.body.constData());
    QVERIFY2(errorOf(r).contains(mentions), qPrintable(errorOf(r)));
}

void TestMockAdmin::deleteOutbox()
{
    RouterHarness h;
    QSignalSpy cleared(&h.zitadel(), &MockZitadel::outboxCleared);
    for (const char* user : {SeedIds::Donald, SeedIds::Goofy, SeedIds::Zoe})
        QCOMPARE(resendEmail(h, user).status, 200);
    const QString pending = h.zitadel().pendingEmailCode(SeedIds::Goofy);

    MockResponse r = h.admin("DELETE", "/_mock/outbox");
    QCOMPARE(r.status, 200);
    QCOMPARE(RouterHarness::json(r), (QJsonObject {{QStringLiteral("deleted"), QStringLiteral("3")}}));
    QCOMPARE(cleared.count(), 1);
    r = h.admin("GET", "/_mock/outbox");
    QVERIFY(array(r, "messages").isEmpty());
    QCOMPARE(RouterHarness::json(r).value(QStringLiteral("total")).toString(), QStringLiteral("0"));
    QCOMPARE(h.zitadel().pendingEmailCode(SeedIds::Goofy), pending); // only the messages go
    QCOMPARE(h.zitadel().outboxTotal(), quint64(3)); // the count of everything ever sent stays

    QCOMPARE(RouterHarness::json(h.admin("DELETE", "/_mock/outbox")).value(QStringLiteral("deleted")).toString(),
        QStringLiteral("0"));
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    QCOMPARE(array(h.admin("GET", "/_mock/outbox"), "messages").size(), 1);
}

void TestMockAdmin::requestLogFields()
{
    RouterHarness h;
    const MockResponse get = h.get(QByteArray("/v2/users/") + SeedIds::Minnie + "?view=full&x=%20", Admin);
    h.advance(1500);
    const MockResponse resend = resendEmail(h, SeedIds::Donald);
    h.advance(500);

    const MockResponse r = h.admin("GET", "/_mock/requests");
    QCOMPARE(r.status, 200);
    QCOMPARE(firstElementKeys(r, "requests"), RequestKeys); // every field, always, in the contract's order
    QJsonArray requests = array(r, "requests");
    QCOMPARE(requests.size(), 2);
    QCOMPARE(RouterHarness::json(r).value(QStringLiteral("total")).toString(), QStringLiteral("2"));

    const QJsonObject second = requests.at(0).toObject(); // newest first
    QCOMPARE(second.value(QStringLiteral("id")).toString(), QStringLiteral("2"));
    QCOMPARE(second.value(QStringLiteral("time")).toString(), QStringLiteral("2026-03-02T14:20:03.233Z"));
    QCOMPARE(second.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(second.value(QStringLiteral("path")).toString(),
        QStringLiteral("/v2/users/%1/email/resend").arg(SeedIds::Donald));
    QCOMPARE(second.value(QStringLiteral("query")).toString(), QString());
    QCOMPARE(second.value(QStringLiteral("operation")).toString(), QStringLiteral("user.ResendEmailCode"));
    QCOMPARE(second.value(QStringLiteral("fault")).toString(), QString()); // no rule applied
    QCOMPARE(second.value(QStringLiteral("status")), QJsonValue(200));
    QVERIFY(second.value(QStringLiteral("durationMs")).isDouble());
    QVERIFY(second.value(QStringLiteral("durationMs")).toDouble() >= 0);
    QCOMPARE(second.value(QStringLiteral("peer")).toString(), QString()); // no socket at router level
    QCOMPARE(second.value(QStringLiteral("admin")), QJsonValue(false));
    QCOMPARE(second.value(QStringLiteral("requestBody")).toString(), QStringLiteral("{}"));
    QCOMPARE(second.value(QStringLiteral("responseBody")).toString().toUtf8(), resend.body);

    const QJsonObject first = requests.at(1).toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    QCOMPARE(first.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    QCOMPARE(first.value(QStringLiteral("operation")).toString(), QStringLiteral("user.GetUserByID"));
    QCOMPARE(first.value(QStringLiteral("query")).toString(), QStringLiteral("view=full&x=%20")); // as sent
    QCOMPARE(first.value(QStringLiteral("requestBody")).toString(), QString());
    QCOMPARE(first.value(QStringLiteral("responseBody")).toString().toUtf8(), get.body);

    // Admin requests are logged too, marked, with what they answered.
    requests = array(h.admin("GET", "/_mock/requests?limit=1"), "requests");
    QCOMPARE(requests.size(), 1);
    const QJsonObject admin = requests.at(0).toObject();
    QCOMPARE(admin.value(QStringLiteral("id")).toString(), QStringLiteral("3"));
    QCOMPARE(admin.value(QStringLiteral("path")).toString(), QStringLiteral("/_mock/requests"));
    QCOMPARE(admin.value(QStringLiteral("admin")), QJsonValue(true));
    QCOMPARE(admin.value(QStringLiteral("operation")).toString(), QString());
    QCOMPARE(admin.value(QStringLiteral("fault")).toString(), QString());
    QCOMPARE(admin.value(QStringLiteral("responseBody")).toString().toUtf8(), r.body);

    // Refused admin requests too.
    h.send("GET", "/_mock/outbox", Admin);
    const QJsonObject refused = array(h.admin("GET", "/_mock/requests?limit=1"), "requests").at(0).toObject();
    QCOMPARE(refused.value(QStringLiteral("status")), QJsonValue(401));
    QCOMPARE(refused.value(QStringLiteral("admin")), QJsonValue(true));
}

void TestMockAdmin::requestLogCapsBodies()
{
    RouterHarness h;
    // 'x' then two-byte characters: byte 4096 is the second half of one, so the cut backs off.
    const QByteArray big = "x" + QString(5000, QChar(0xE9)).toUtf8();
    h.send("POST", "/v2/users", Admin, big);
    const MockResponse state = h.admin("GET", "/_mock/state");
    QVERIFY(state.body.size() > MockRouter::LogBodyCap);

    const QList<MockRequestLogEntry> log = h.router().requestLog();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).requestBody.size(), MockRouter::LogBodyCap - 1);
    QVERIFY(big.startsWith(log.at(0).requestBody));
    QCOMPARE(QString::fromUtf8(log.at(0).requestBody).toUtf8(), log.at(0).requestBody); // whole characters
    QVERIFY(log.at(1).responseBody.size() <= MockRouter::LogBodyCap);
    QVERIFY(log.at(1).responseBody.size() > MockRouter::LogBodyCap - 4);
    QVERIFY(state.body.startsWith(log.at(1).responseBody));

    const QJsonArray requests = array(h.admin("GET", "/_mock/requests"), "requests");
    QCOMPARE(
        requests.at(0).toObject().value(QStringLiteral("responseBody")).toString().toUtf8(), log.at(1).responseBody);
    QCOMPARE(requests.at(1).toObject().value(QStringLiteral("requestBody")).toString(),
        QStringLiteral("x") + QString(2047, QChar(0xE9)));
}

void TestMockAdmin::requestLogSharesSmallBodies()
{
    RouterHarness h;
    MockRequest request;
    request.method = "POST";
    request.path = QByteArray("/v2/users/") + SeedIds::Donald + "/email/resend";
    request.headers.append({"Authorization", "Bearer " + Admin});
    request.body = "{}";
    const MockResponse response = h.router().handle(request);
    QCOMPARE(response.status, 200);
    const MockRequestLogEntry entry = h.router().requestLog().last();
    // The log keeps the very buffers (implicit sharing), not copies.
    QVERIFY(entry.requestBody.constData() == request.body.constData());
    QVERIFY(entry.responseBody.constData() == response.body.constData());
}

void TestMockAdmin::requestLogLimitAndDelete()
{
    RouterHarness h;
    for (int i = 0; i < 5; ++i)
        h.get("/v2/users/" + QByteArray::number(i), Admin);
    MockResponse r = h.admin("GET", "/_mock/requests?limit=2");
    QJsonArray requests = array(r, "requests");
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/v2/users/4"));
    QCOMPARE(requests.at(1).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/v2/users/3"));
    QCOMPARE(RouterHarness::json(r).value(QStringLiteral("total")).toString(), QStringLiteral("5"));
    QCOMPARE(array(h.admin("GET", "/_mock/requests?limit=0"), "requests").size(), 0);

    r = h.admin("DELETE", "/_mock/requests");
    QCOMPARE(RouterHarness::json(r), (QJsonObject {{QStringLiteral("deleted"), QStringLiteral("7")}}));
    requests = array(h.admin("GET", "/_mock/requests"), "requests");
    QCOMPARE(requests.size(), 1); // the DELETE itself
    QCOMPARE(requests.at(0).toObject().value(QStringLiteral("method")).toString(), QStringLiteral("DELETE"));
    QCOMPARE(requests.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("8")); // not reused
    QCOMPARE(h.router().requestCount(), quint64(9));
}

void TestMockAdmin::noAuthorizationValueIsEverShown()
{
    // Realistic lengths: a long admin token and a ZITADEL personal access token.
    const QString adminToken =
        QStringLiteral("vdmock_") + QStringLiteral("Zk3-p_Q9xLr2VbT8mWc4nYs7Hd1Jf6Ga0eUo5Ki").repeated(2);
    const QByteArray pat = "dEnGtMt1N0fXk1Lh3d8Zq2Rw9Yp4Vb7Cs5Nm6Ja0Tu3Ge8Hi1Ko2Lx4Qz7Wv9By5Ar6Ds3Fe0Gt1Hu2Iv3Jw4";
    MockOptions options = RouterHarness::defaultOptions();
    options.adminToken = adminToken;
    RouterHarness h(options);
    QVERIFY(h.ok());
    const QByteArray admin = adminToken.toUtf8();

    QList<MockResponse> answers;
    answers << h.get("/management/v1/orgs/me", pat) << h.get("/management/v1/orgs/me", admin)
            << h.send("POST", QByteArray("/v2/users/") + SeedIds::Donald + "/email/resend", pat, "{}")
            << h.connect("zitadel.user.v2.UserService/GetUserByID",
                   admin,
                   {{QStringLiteral("userId"), QString::fromLatin1(SeedIds::Minnie)}})
            << h.send("GET", "/_mock/outbox", pat) << h.send("GET", "/_mock/outbox", admin.left(30))
            << h.send("GET", "/_mock/requests", QByteArray(), {}, {{"Authorization", "Basic " + admin.toBase64()}})
            << h.admin("GET", "/_mock") << h.admin("GET", "/_mock/state") << h.admin("GET", "/_mock/settings")
            << h.admin("GET", "/_mock/outbox") << h.admin("POST", "/_mock/generate", "{\"usersPerOrg\":1}")
            << h.admin("GET", "/_mock/nope") << h.admin("POST", "/_mock/outbox");
    answers << h.admin("GET", "/_mock/requests");
    QCOMPARE(array(answers.last(), "requests").size(), answers.size() - 1);
    for (const MockResponse& r : answers) {
        for (const QByteArray& secret : {admin, pat, admin.left(30), admin.toBase64()}) {
            QVERIFY2(!r.body.contains(secret), r.body.left(200).constData());
            for (const auto& header : r.headers)
                QVERIFY(!header.second.contains(secret));
        }
    }
    for (const MockRequestLogEntry& e : h.router().requestLog()) {
        for (const QByteArray& secret : {admin, pat}) {
            QVERIFY(!e.requestBody.contains(secret) && !e.responseBody.contains(secret));
            QVERIFY(!e.path.contains(secret) && !e.query.contains(secret));
        }
    }
}

void TestMockAdmin::settings()
{
    RouterHarness h;
    MockResponse r = h.admin("GET", "/_mock/settings");
    QCOMPARE(r.status, 200);
    QCOMPARE(keysInOrder(r.body, 0), QStringList({"codeLifetimeSeconds", "usersPerOrg", "randomSeed"}));
    QJsonObject o = RouterHarness::json(r);
    QCOMPARE(o.value(QStringLiteral("codeLifetimeSeconds")), QJsonValue(3600)); // ZITADEL's 1h
    QCOMPARE(o.value(QStringLiteral("usersPerOrg")), QJsonValue(0));
    QCOMPARE(o.value(QStringLiteral("randomSeed")), QJsonValue(QStringLiteral("42")));

    r = h.admin("PUT", "/_mock/settings", R"({"randomSeed":"18446744073709551615"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(
        RouterHarness::json(r).value(QStringLiteral("randomSeed")).toString(), QStringLiteral("18446744073709551615"));
    QCOMPARE(h.zitadel().randomSeed(), std::numeric_limits<quint64>::max());

    // 0 asks for a new random seed and reports the one drawn, so a run can be repeated.
    r = h.admin("PUT", "/_mock/settings", R"({"randomSeed":0})");
    QCOMPARE(r.status, 200);
    const QString drawn = RouterHarness::json(r).value(QStringLiteral("randomSeed")).toString();
    QVERIFY(drawn != QLatin1String("0") && drawn.toULongLong() == h.zitadel().randomSeed());

    // Read-only usersPerOrg: sending back what GET said is fine.
    r = h.admin("PUT", "/_mock/settings", R"({"usersPerOrg":0,"randomSeed":9})");
    QCOMPARE(r.status, 200);
    QCOMPARE(RouterHarness::json(h.admin("GET", "/_mock/settings")).value(QStringLiteral("randomSeed")).toString(),
        QStringLiteral("9"));
    // A refused PUT changes nothing, not even the valid part.
    QCOMPARE(h.admin("PUT", "/_mock/settings", R"({"randomSeed":11,"usersPerOrg":5})").status, 400);
    QCOMPARE(h.zitadel().randomSeed(), quint64(9));

    // And a mock started with randomSeed 0 reports the seed it drew.
    MockOptions options = RouterHarness::defaultOptions();
    options.randomSeed = 0;
    RouterHarness random(options);
    QVERIFY(random.zitadel().randomSeed() != 0);
}

void TestMockAdmin::settingsRandomSeedRepeatsCodes()
{
    RouterHarness h;
    QCOMPARE(h.admin("PUT", "/_mock/settings", R"({"randomSeed":7})").status, 200);
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    QCOMPARE(resendPhone(h, SeedIds::Minnie).status, 200);

    MockOptions options = RouterHarness::defaultOptions();
    options.randomSeed = 7;
    RouterHarness fresh(options);
    QCOMPARE(resendEmail(fresh, SeedIds::Donald).status, 200);
    QCOMPARE(resendPhone(fresh, SeedIds::Minnie).status, 200);
    QCOMPARE(h.zitadel().pendingEmailCode(SeedIds::Donald), fresh.zitadel().pendingEmailCode(SeedIds::Donald));
    QCOMPARE(h.zitadel().pendingPhoneCode(SeedIds::Minnie), fresh.zitadel().pendingPhoneCode(SeedIds::Minnie));
}

void TestMockAdmin::settingsCodeLifetime_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("lifetime"); // 0: refused
    QTest::newRow("a minute") << QByteArray(R"({"codeLifetimeSeconds":60})") << 60;
    QTest::newRow("as a string") << QByteArray(R"({"codeLifetimeSeconds":"120"})") << 120;
    QTest::newRow("lowest") << QByteArray(R"({"codeLifetimeSeconds":1})") << 1;
    QTest::newRow("highest, 30 days") << QByteArray(R"({"codeLifetimeSeconds":2592000})") << 2'592'000;
    QTest::newRow("with the other settings")
        << QByteArray(R"({"codeLifetimeSeconds":600,"usersPerOrg":0,"randomSeed":"42"})") << 600;
    QTest::newRow("zero") << QByteArray(R"({"codeLifetimeSeconds":0})") << 0;
    QTest::newRow("above 30 days") << QByteArray(R"({"codeLifetimeSeconds":2592001})") << 0;
    QTest::newRow("beyond int") << QByteArray(R"({"codeLifetimeSeconds":4294967356})") << 0;
    QTest::newRow("negative") << QByteArray(R"({"codeLifetimeSeconds":-60})") << 0;
    QTest::newRow("fraction") << QByteArray(R"({"codeLifetimeSeconds":1.5})") << 0;
    QTest::newRow("word") << QByteArray(R"({"codeLifetimeSeconds":"1h"})") << 0;
    QTest::newRow("null") << QByteArray(R"({"codeLifetimeSeconds":null})") << 0;
    QTest::newRow("valid, with a bad seed") << QByteArray(R"({"codeLifetimeSeconds":60,"randomSeed":-1})") << 0;
    QTest::newRow("bad, with a valid seed") << QByteArray(R"({"codeLifetimeSeconds":0,"randomSeed":7})") << 0;
}

void TestMockAdmin::settingsCodeLifetime()
{
    QFETCH(QByteArray, body);
    QFETCH(int, lifetime);
    RouterHarness h;
    const MockResponse r = h.admin("PUT", "/_mock/settings", body);
    if (lifetime == 0) {
        QCOMPARE(r.status, 400);
        QVERIFY2(isSentence(r), r.body.constData());
        if (!body.contains("randomSeed\":-1"))
            QVERIFY2(errorOf(r).contains(QLatin1String("\"codeLifetimeSeconds\""))
                    && errorOf(r).contains(QLatin1String("from 1 to 2592000")),
                qPrintable(errorOf(r)));
        // All or nothing: neither the lifetime nor the seed moved.
        QCOMPARE(h.zitadel().codeLifetimeSeconds(), MockZitadel::DefaultCodeLifetimeSeconds);
        QCOMPARE(h.zitadel().randomSeed(), quint64(42));
        return;
    }
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(RouterHarness::json(r).value(QStringLiteral("codeLifetimeSeconds")), QJsonValue(lifetime));
    QCOMPARE(keysInOrder(r.body, 0), QStringList({"codeLifetimeSeconds", "usersPerOrg", "randomSeed"}));
    QCOMPARE(h.zitadel().codeLifetimeSeconds(), lifetime);
    QCOMPARE(h.admin("GET", "/_mock/settings").body, r.body);
}

// The setting acts on codes already pending: shortening it expires them at once.
void TestMockAdmin::codeLifetimeSettingExpiresCodes()
{
    RouterHarness h;
    const auto verify = [&](const char* userId, const QString& code) {
        return h.post(
            QByteArray("/v2/users/") + userId + "/email/verify", Admin, {{QStringLiteral("verificationCode"), code}});
    };
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    QCOMPARE(resendEmail(h, SeedIds::Goofy).status, 200);
    h.advance(61'000);
    QCOMPARE(verify(SeedIds::Goofy, h.zitadel().pendingEmailCode(SeedIds::Goofy)).status, 200); // within 1h
    QCOMPARE(h.admin("PUT", "/_mock/settings", R"({"codeLifetimeSeconds":60})").status, 200);
    const MockResponse r = verify(SeedIds::Donald, h.zitadel().pendingEmailCode(SeedIds::Donald));
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("COMMAND-eis9R"), r.body.constData());
}

void TestMockAdmin::badSettings_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("JSON object");
    QTest::newRow("unknown setting") << QByteArray(R"({"colour":"blue"})") << QStringLiteral("\"colour\"");
    QTest::newRow("negative seed") << QByteArray(R"({"randomSeed":-1})") << QStringLiteral("randomSeed");
    QTest::newRow("fraction") << QByteArray(R"({"randomSeed":1.5})") << QStringLiteral("1.5");
    QTest::newRow("word") << QByteArray(R"({"randomSeed":"abc"})") << QStringLiteral("\"abc\"");
    QTest::newRow("too big") << QByteArray(R"({"randomSeed":"18446744073709551616"})") << QStringLiteral("randomSeed");
    QTest::newRow("boolean") << QByteArray(R"({"randomSeed":true})") << QStringLiteral("true");
    QTest::newRow("changing usersPerOrg")
        << QByteArray(R"({"usersPerOrg":5})") << QStringLiteral("POST /_mock/generate");
    QTest::newRow("snake case lifetime") << QByteArray(R"({"code_lifetime_seconds":60})")
                                         << QStringLiteral("codeLifetimeSeconds, usersPerOrg and randomSeed");
    QTest::newRow("lifetime too long") << QByteArray(R"({"codeLifetimeSeconds":2592001})")
                                       << QStringLiteral("from 1 to 2592000");
}

void TestMockAdmin::badSettings()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    RouterHarness h;
    const MockResponse r = h.admin("PUT", "/_mock/settings", body);
    QCOMPARE(r.status, 400);
    QVERIFY2(isSentence(r), r.body.constData());
    QVERIFY2(errorOf(r).contains(mentions), qPrintable(errorOf(r)));
    QCOMPARE(h.zitadel().randomSeed(), quint64(42));
    QCOMPARE(h.zitadel().codeLifetimeSeconds(), MockZitadel::DefaultCodeLifetimeSeconds);
}

QTEST_GUILESS_MAIN(TestMockAdmin)
#include "TestMockAdmin.moc"
