// The admin API (/_mock/...) at router level: the admin token, routing (404, 405 with Allow),
// the index, the outbox and the request log with their filters, caps and order, settings,
// and the rule that no Authorization value ever shows up in what the API answers.
// Saving, loading, reset and generate are in TestMockState.

#include "MockAdminApi.h"
#include "MockAdminToken.h"
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
} // namespace

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
    void settings();
    void settingsRandomSeedRepeatsCodes();
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
        "GET /_mock/state",
        "PUT /_mock/state",
        "POST /_mock/reset",
        "POST /_mock/generate",
        "GET /_mock/settings",
        "PUT /_mock/settings"};
    for (const QString& e : expected)
        QVERIFY2(listed.contains(e), qPrintable(e));
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
                              << QStringList {"usersPerOrg", "randomSeed"};
    QTest::newRow("change settings") << QByteArray("PUT") << QByteArray("/_mock/settings")
                                     << QByteArray(R"({"randomSeed":5})") << QStringList {"usersPerOrg", "randomSeed"};
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
    const QJsonArray messages = array(h.admin("GET", "/_mock/outbox"), "messages");
    QCOMPARE(messages.size(), 2);

    const QJsonObject sms = messages.at(0).toObject();
    QCOMPARE(sms.value(QStringLiteral("time")).toString(), QStringLiteral("2026-03-02T14:20:03.733Z"));
    QCOMPARE(sms.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
    QCOMPARE(sms.value(QStringLiteral("to")).toString(), h.zitadel().user(SeedIds::Minnie)->phone);
    QCOMPARE(sms.value(QStringLiteral("userId")).toString(), QString(SeedIds::Minnie));
    QCOMPARE(sms.value(QStringLiteral("orgId")).toString(), QString(SeedIds::AcmeOrg));
    QCOMPARE(sms.value(QStringLiteral("code")).toString(), h.zitadel().pendingPhoneCode(SeedIds::Minnie));
    QCOMPARE(sms.value(QStringLiteral("link")).toString(), QString());
    QCOMPARE(sms.value(QStringLiteral("cause")).toString(), QStringLiteral("POST /v2/users/{id}/phone/resend"));

    const QJsonObject email = messages.at(1).toObject();
    QCOMPARE(email.value(QStringLiteral("time")).toString(), QStringLiteral("2026-03-02T14:20:01.733Z"));
    QCOMPARE(email.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(email.value(QStringLiteral("to")).toString(), h.zitadel().user(SeedIds::Donald)->email);
    const QString code = h.zitadel().pendingEmailCode(SeedIds::Donald);
    QCOMPARE(email.value(QStringLiteral("code")).toString(), code);
    QCOMPARE(email.value(QStringLiteral("link")).toString(),
        h.zitadel().defaultVerificationLink(SeedIds::Donald, code, SeedIds::AcmeOrg));
    QCOMPARE(email.value(QStringLiteral("cause")).toString(), QStringLiteral("POST /v2/users/{id}/email/resend"));
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
    QVERIFY(second.value(QStringLiteral("operation")).isString()); // MERGE(faults): "user.ResendEmailCode"
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
    QJsonObject o = RouterHarness::json(r);
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
}

QTEST_GUILESS_MAIN(TestMockAdmin)
#include "TestMockAdmin.moc"
