// What each fault makes the router answer, without sockets: every error preset's status, code,
// id and Retry-After in REST and Connect form; the proxy page; which faults let the call
// happen; the latency and transport directives for the HTTP adapter; the request log.

#include "RouterHarness.h"
#include "SeedIds.h"

#include <QTest>

namespace
{
const QByteArray Admin(SeedIds::AdminToken);
const QByteArray Json("application/json");

QByteArray id(const char* userId)
{
    return QByteArray(userId);
}

// REST paths start with '/', Connect procedures are given without it.
MockResponse send(RouterHarness& h, const QByteArray& method, const QByteArray& target, const QByteArray& body)
{
    if (!target.startsWith('/'))
        return h.send("POST", '/' + target, Admin, body, {{QByteArrayLiteral("Content-Type"), Json}});
    return h.send(method, target, Admin, body);
}

void addRule(RouterHarness& h, const QByteArray& rule)
{
    QString error;
    const auto stored = h.router().faults().add(QJsonDocument::fromJson(rule).object(), &error);
    QVERIFY2(stored, qPrintable(error));
}

const QString NoPermission = QStringLiteral("No matching permissions found");
const QString CodeEmpty = QStringLiteral("Code is empty");
const QString Unreachable =
    QStringLiteral("connection error: desc = \"transport: Error while dialing: dial tcp 127.0.0.1:8080: connect: "
                   "connection refused\"");
const QString Quota = QStringLiteral("The quota for authenticated requests is exhausted");
} // namespace

class TestMockFaultAnswers : public QObject
{
    Q_OBJECT

private slots:
    void routerListsTheContractNames();
    void routesNameTheirOperation_data();
    void routesNameTheirOperation();
    void errorPresets_data();
    void errorPresets();
    void errorsComeBeforeTheTokenTheBodyAndTheCall();
    void htmlErrorPage();
    void noAnswerHoldsTheCallBack();
    void malformedJsonCutsTheRealAnswer_data();
    void malformedJsonCutsTheRealAnswer();
    void closeMidBodyAfterTheCallRan();
    void latencyTravelsWithTheAnswer();
    void deliveryFaultsLetTheCallRun();
    void requestLogNamesOperationAndRule();
    void seedComesFromTheOptions();
};

void TestMockFaultAnswers::routerListsTheContractNames()
{
    QCOMPARE(MockRouter::operations().size(), 14);
    QCOMPARE(MockRouter::operations().first(), QStringLiteral("management.GetUserByID"));
    QVERIFY(MockRouter::operations().contains(QStringLiteral("user.VerifyEmail")));
    QCOMPARE(MockRouter::operationGroups(),
        QStringList({QStringLiteral("*"),
            QStringLiteral("email-resend"),
            QStringLiteral("phone-resend"),
            QStringLiteral("resend"),
            QStringLiteral("verify")}));
}

void TestMockFaultAnswers::routesNameTheirOperation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("operation");

    const QByteArray minnie = id(SeedIds::Minnie);
    QTest::newRow("v1 get user") << QByteArray("GET") << "/management/v1/users/" + minnie
                                 << QStringLiteral("management.GetUserByID");
    QTest::newRow("v1 list users") << QByteArray("POST") << QByteArray("/management/v1/users/_search")
                                   << QStringLiteral("management.ListUsers");
    QTest::newRow("v1 email resend") << QByteArray("POST")
                                     << "/management/v1/users/" + minnie + "/email/_resend_verification"
                                     << QStringLiteral("management.ResendHumanEmailVerification");
    QTest::newRow("v1 phone resend") << QByteArray("POST")
                                     << "/management/v1/users/" + minnie + "/phone/_resend_verification"
                                     << QStringLiteral("management.ResendHumanPhoneVerification");
    QTest::newRow("v1 my org") << QByteArray("GET") << QByteArray("/management/v1/orgs/me")
                               << QStringLiteral("management.GetMyOrg");
    QTest::newRow("v2 get user") << QByteArray("GET") << "/v2/users/" + minnie << QStringLiteral("user.GetUserByID");
    QTest::newRow("v2 list users") << QByteArray("POST") << QByteArray("/v2/users") << QStringLiteral("user.ListUsers");
    QTest::newRow("v2 email resend") << QByteArray("POST") << "/v2/users/" + minnie + "/email/resend"
                                     << QStringLiteral("user.ResendEmailCode");
    QTest::newRow("v2 phone resend") << QByteArray("POST") << "/v2/users/" + minnie + "/phone/resend"
                                     << QStringLiteral("user.ResendPhoneCode");
    QTest::newRow("v2 organizations") << QByteArray("POST") << QByteArray("/v2/organizations/_search")
                                      << QStringLiteral("org.ListOrganizations");
    QTest::newRow("v3alpha email") << QByteArray("POST") << "/resources/v3alpha/users/" + minnie + "/email/_resend"
                                   << QStringLiteral("resources.ResendContactEmailCode");
    QTest::newRow("v3alpha phone") << QByteArray("POST") << "/resources/v3alpha/users/" + minnie + "/phone/_resend"
                                   << QStringLiteral("resources.ResendContactPhoneCode");
    QTest::newRow("Connect get user") << QByteArray("POST") << QByteArray("zitadel.user.v2.UserService/GetUserByID")
                                      << QStringLiteral("user.GetUserByID");
    QTest::newRow("Connect list users") << QByteArray("POST") << QByteArray("zitadel.user.v2.UserService/ListUsers")
                                        << QStringLiteral("user.ListUsers");
    QTest::newRow("Connect email resend")
        << QByteArray("POST") << QByteArray("zitadel.user.v2.UserService/ResendEmailCode")
        << QStringLiteral("user.ResendEmailCode");
    QTest::newRow("Connect phone resend")
        << QByteArray("POST") << QByteArray("zitadel.user.v2.UserService/ResendPhoneCode")
        << QStringLiteral("user.ResendPhoneCode");
    QTest::newRow("Connect organizations")
        << QByteArray("POST") << QByteArray("zitadel.org.v2.OrganizationService/ListOrganizations")
        << QStringLiteral("org.ListOrganizations");
    QTest::newRow("unknown path") << QByteArray("GET") << QByteArray("/v2/nothing") << QString();
    QTest::newRow("known path, wrong method") << QByteArray("GET") << QByteArray("/v2/users") << QString();
    QTest::newRow("unknown Connect method")
        << QByteArray("POST") << QByteArray("zitadel.user.v2.UserService/DeleteUser") << QString();
}

// A rule on "*" applies exactly where a route names an operation, never to 404s or 405s.
void TestMockFaultAnswers::routesNameTheirOperation()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QString, operation);
    RouterHarness h;
    QVERIFY(h.ok());
    addRule(h, R"({"endpoint":"*","latencyMs":1})");
    const MockResponse r = send(h, method, target, "{}");
    const MockRequestLogEntry entry = h.router().requestLog().last();
    QCOMPARE(entry.operation, operation);
    QCOMPARE(entry.faultId, operation.isEmpty() ? QString() : QStringLiteral("1"));
    QCOMPARE(r.delayMs, operation.isEmpty() ? 0 : 1);
}

void TestMockFaultAnswers::errorPresets_data()
{
    QTest::addColumn<QByteArray>("target"); // "GET /path", "/path" (POST) or a Connect procedure
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<int>("status");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QByteArray>("retryAfter");

    using H = RouterHarness;
    const QByteArray donald = id(SeedIds::Donald);
    const QByteArray v1Email = "/management/v1/users/" + donald + "/email/_resend_verification";
    const QByteArray v1Phone = "/management/v1/users/" + donald + "/phone/_resend_verification";
    const QByteArray v2Email = "/v2/users/" + donald + "/email/resend";
    const QByteArray v2Phone = "/v2/users/" + donald + "/phone/resend";
    const QByteArray v3Email = "/resources/v3alpha/users/" + donald + "/email/_resend";
    const QByteArray v3Phone = "/resources/v3alpha/users/" + donald + "/phone/_resend";
    const QByteArray connectEmail = "zitadel.user.v2.UserService/ResendEmailCode";
    const QByteArray connectPhone = "zitadel.user.v2.UserService/ResendPhoneCode";

    // already-verified: v1 says so; v2 and v3alpha only know "no pending code"; verify has no
    // route yet (see TestMockFaultRules for its table).
    QTest::newRow("already-verified, v1 email")
        << v1Email << QByteArray(R"({"endpoint":"email-resend","error":"already-verified"})") << 400
        << H::restError(9, QStringLiteral("COMMAND-3M9ds"), QStringLiteral("Email is already verified"))
        << QByteArray();
    QTest::newRow("already-verified, v1 phone")
        << v1Phone << QByteArray(R"({"endpoint":"resend","error":"already-verified"})") << 400
        << H::restError(9, QStringLiteral("COMMAND-2M9sf"), QStringLiteral("Phone already verified")) << QByteArray();
    QTest::newRow("already-verified, v2 email REST")
        << v2Email << QByteArray(R"({"endpoint":"user.ResendEmailCode","error":"already-verified"})") << 400
        << H::restError(9, QStringLiteral("EMAIL-5w5ilin4yt"), CodeEmpty) << QByteArray();
    QTest::newRow("already-verified, v2 email Connect")
        << connectEmail << QByteArray(R"({"endpoint":"user.ResendEmailCode","error":"already-verified"})") << 400
        << H::connectError(QStringLiteral("failed_precondition"), QStringLiteral("EMAIL-5w5ilin4yt"), CodeEmpty)
        << QByteArray();
    QTest::newRow("already-verified, v3alpha phone")
        << v3Phone << QByteArray(R"({"endpoint":"*","error":"already-verified"})") << 400
        << H::restError(9, QStringLiteral("PHONE-5xrra88eq8"), CodeEmpty) << QByteArray();
    QTest::newRow("code-empty, v2 phone Connect")
        << connectPhone << QByteArray(R"({"endpoint":"phone-resend","error":"code-empty"})") << 400
        << H::connectError(QStringLiteral("failed_precondition"), QStringLiteral("PHONE-5xrra88eq8"), CodeEmpty)
        << QByteArray();
    QTest::newRow("code-empty, v3alpha email")
        << v3Email << QByteArray(R"({"endpoint":"*","error":"code-empty"})") << 400
        << H::restError(9, QStringLiteral("EMAIL-5w5ilin4yt"), CodeEmpty) << QByteArray();

    const QString notFound = QStringLiteral("User could not be found");
    const QByteArray userNotFound = R"({"endpoint":"*","error":"user-not-found"})";
    QTest::newRow("user-not-found, v1 get user")
        << "GET /management/v1/users/" + donald << userNotFound << 404
        << H::restError(5, QStringLiteral("QUERY-Dfbg2"), notFound) << QByteArray();
    QTest::newRow("user-not-found, v2 get user Connect")
        << QByteArray("zitadel.user.v2.UserService/GetUserByID") << userNotFound << 404
        << H::connectError(QStringLiteral("not_found"), QStringLiteral("QUERY-Dfbg2"), notFound) << QByteArray();
    QTest::newRow("user-not-found, v1 email")
        << v1Email << userNotFound << 404
        << H::restError(5, QStringLiteral("COMMAND-0Pe4r"), QStringLiteral("Email not found")) << QByteArray();
    QTest::newRow("user-not-found, v1 phone is a precondition")
        << v1Phone << userNotFound << 400 << H::restError(9, QStringLiteral("COMMAND-2M0fs"), notFound) << QByteArray();
    QTest::newRow("user-not-found, v2 phone REST")
        << v2Phone << userNotFound << 404
        << H::restError(5, QStringLiteral("COMMAND-ieJ2e"), QStringLiteral("Phone not found")) << QByteArray();
    QTest::newRow("user-not-found, v2 email Connect")
        << connectEmail << userNotFound << 404
        << H::connectError(
               QStringLiteral("not_found"), QStringLiteral("COMMAND-ieJ2e"), QStringLiteral("Email not found"))
        << QByteArray();
    QTest::newRow("user-not-found, v3alpha email")
        << v3Email << userNotFound << 404
        << H::restError(5, QStringLiteral("COMMAND-ieJ2e"), QStringLiteral("Email not found")) << QByteArray();

    const QByteArray denied = R"({"endpoint":"*","error":"permission-denied"})";
    QTest::newRow("permission-denied, v1 list")
        << QByteArray("/management/v1/users/_search") << denied << 403
        << H::restError(7, QStringLiteral("AUTH-5mWD2"), NoPermission) << QByteArray();
    QTest::newRow("permission-denied, v2 list Connect")
        << QByteArray("zitadel.user.v2.UserService/ListUsers") << denied << 403
        << H::connectError(QStringLiteral("permission_denied"), QStringLiteral("AUTH-AWfge"), NoPermission)
        << QByteArray();
    QTest::newRow("permission-denied, v2 organizations REST")
        << QByteArray("/v2/organizations/_search") << denied << 403
        << H::restError(7, QStringLiteral("AUTH-AWfge"), NoPermission) << QByteArray();
    QTest::newRow("permission-denied, v3alpha resend")
        << v3Phone << denied << 403 << H::restError(7, QStringLiteral("AUTH-AWfge"), NoPermission) << QByteArray();

    const QByteArray tokenInvalid = R"({"endpoint":"*","error":"token-invalid"})";
    QTest::newRow("token-invalid, v1 my org")
        << QByteArray("GET /management/v1/orgs/me") << tokenInvalid << 401
        << H::restError(16, QStringLiteral("AUTH-7fs1e"), QStringLiteral("Token is invalid")) << QByteArray();
    QTest::newRow("token-invalid, Connect organizations")
        << QByteArray("zitadel.org.v2.OrganizationService/ListOrganizations") << tokenInvalid << 401
        << H::connectError(
               QStringLiteral("unauthenticated"), QStringLiteral("AUTH-7fs1e"), QStringLiteral("Token is invalid"))
        << QByteArray();

    const QString tooMany = QStringLiteral("Too Many Requests");
    QTest::newRow("rate-limited, REST, default Retry-After")
        << v2Email << QByteArray(R"({"endpoint":"*","error":"rate-limited"})") << 429
        << H::restError(8, QString(), tooMany) << QByteArray("30");
    QTest::newRow("rate-limited, Connect, 7 s")
        << connectEmail << QByteArray(R"({"endpoint":"*","error":"rate-limited","retryAfterSeconds":7})") << 429
        << H::connectError(QStringLiteral("resource_exhausted"), QString(), tooMany) << QByteArray("7");
    QTest::newRow("unavailable, REST") << v1Email << QByteArray(R"({"endpoint":"*","error":"unavailable"})") << 503
                                       << H::restError(14, QString(), Unreachable) << QByteArray();
    QTest::newRow("unavailable, Connect")
        << connectPhone << QByteArray(R"({"endpoint":"*","error":"unavailable"})") << 503
        << H::connectError(QStringLiteral("unavailable"), QString(), Unreachable) << QByteArray();
    QTest::newRow("quota-exhausted, REST")
        << QByteArray("/v2/users") << QByteArray(R"({"endpoint":"*","error":"quota-exhausted"})") << 429
        << H::restError(8, QStringLiteral("QUOTA-vjAy8"), Quota) << QByteArray();
    QTest::newRow("quota-exhausted, Connect")
        << QByteArray("zitadel.user.v2.UserService/ListUsers")
        << QByteArray(R"({"endpoint":"*","error":"quota-exhausted"})") << 429
        << H::connectError(QStringLiteral("resource_exhausted"), QStringLiteral("QUOTA-vjAy8"), Quota) << QByteArray();
}

void TestMockFaultAnswers::errorPresets()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, rule);
    QFETCH(int, status);
    QFETCH(QJsonObject, body);
    QFETCH(QByteArray, retryAfter);
    RouterHarness h;
    QVERIFY(h.ok());
    addRule(h, rule);
    const bool get = target.startsWith("GET ");
    const MockResponse r = send(h, get ? "GET" : "POST", get ? target.mid(4) : target, "{}");
    QCOMPARE(r.status, status);
    QCOMPARE(RouterHarness::json(r), body);
    QCOMPARE(RouterHarness::header(r, "Content-Type"), Json);
    QCOMPARE(RouterHarness::header(r, "Retry-After"), retryAfter);
    QCOMPARE(r.transport, MockResponse::Transport::Answer);
    QCOMPARE(h.router().requestLog().last().faultId, QStringLiteral("1"));
    QCOMPARE(h.router().requestLog().last().status, status);
}

// An error fault answers in ZITADEL's place: nothing behind it runs, so neither a missing token
// nor a broken body shows, and no code is sent.
void TestMockFaultAnswers::errorsComeBeforeTheTokenTheBodyAndTheCall()
{
    RouterHarness h;
    QVERIFY(h.ok());
    addRule(h, R"({"endpoint":"email-resend","error":"unavailable"})");
    const QByteArray path = "/v2/users/" + id(SeedIds::Donald) + "/email/resend";
    const MockResponse noToken = h.send("POST", path, QByteArray(), "{not json");
    QCOMPARE(noToken.status, 503);
    const MockResponse connect = h.send("POST",
        "/zitadel.user.v2.UserService/ResendEmailCode",
        QByteArray(),
        "{}",
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}});
    QCOMPARE(connect.status, 503); // before connect-go's 415
    QCOMPARE(h.zitadel().outboxTotal(), quint64(0));
    QCOMPARE(h.zitadel().pendingEmailCode(SeedIds::Donald), QString(SeedIds::DonaldEmailCode));

    // Other operations are untouched.
    QCOMPARE(h.send("POST", "/v2/users/" + id(SeedIds::Donald) + "/phone/resend", QByteArray(), "{}").status, 401);
}

void TestMockFaultAnswers::htmlErrorPage()
{
    RouterHarness h;
    QVERIFY(h.ok());
    addRule(h, R"({"endpoint":"user.ResendEmailCode","transport":"html-error-page"})");
    for (const MockResponse& r : {h.post("/v2/users/" + id(SeedIds::Donald) + "/email/resend", Admin),
             h.connect("zitadel.user.v2.UserService/ResendEmailCode",
                 Admin,
                 QJsonObject {{QStringLiteral("userId"), QString(SeedIds::Donald)}})}) {
        QCOMPARE(r.status, 502);
        QCOMPARE(RouterHarness::header(r, "Content-Type"), QByteArray("text/html"));
        QVERIFY(r.body.startsWith("<!DOCTYPE html>"));
        QVERIFY(r.body.contains("<title>502 Bad Gateway</title>"));
        QCOMPARE(r.transport, MockResponse::Transport::Answer);
    }
    QCOMPARE(h.zitadel().outboxTotal(), quint64(0));
}

// no-answer: the request never reaches ZITADEL; the adapter is told to write nothing.
void TestMockFaultAnswers::noAnswerHoldsTheCallBack()
{
    RouterHarness h;
    QVERIFY(h.ok());
    addRule(h, R"({"endpoint":"user.ResendEmailCode","transport":"no-answer","latencyMs":50})");
    const MockResponse r = h.post("/v2/users/" + id(SeedIds::Donald) + "/email/resend", Admin);
    QCOMPARE(r.transport, MockResponse::Transport::NoAnswer);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(h.zitadel().outboxTotal(), quint64(0));
    QCOMPARE(h.zitadel().pendingEmailCode(SeedIds::Donald), QString(SeedIds::DonaldEmailCode));
    const MockRequestLogEntry entry = h.router().requestLog().last();
    QCOMPARE(entry.status, 0);
    QCOMPARE(entry.operation, QStringLiteral("user.ResendEmailCode"));
    QCOMPARE(entry.faultId, QStringLiteral("1"));
}

void TestMockFaultAnswers::malformedJsonCutsTheRealAnswer_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("REST") << "/v2/users/" + id(SeedIds::Donald) + "/email/resend";
    QTest::newRow("Connect") << QByteArray("zitadel.user.v2.UserService/ResendEmailCode");
}

// malformed-json: ZITADEL did the work (a new code exists) and its answer arrives cut in half.
void TestMockFaultAnswers::malformedJsonCutsTheRealAnswer()
{
    QFETCH(QByteArray, target);
    const QByteArray body = R"({"userId":")" + id(SeedIds::Donald) + R"(","returnCode":{}})";
    RouterHarness plain; // same seed, same clock: the same code and the same answer
    const MockResponse whole = send(plain, "POST", target, body);
    QCOMPARE(whole.status, 200);

    RouterHarness h;
    addRule(h, R"({"endpoint":"email-resend","transport":"malformed-json"})");
    const MockResponse r = send(h, "POST", target, body);
    QCOMPARE(r.status, 200);
    QCOMPARE(RouterHarness::header(r, "Content-Type"), Json);
    QCOMPARE(r.body, whole.body.left(whole.body.size() / 2));
    QJsonParseError error;
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QVERIFY(h.zitadel().pendingEmailCode(SeedIds::Donald) != QLatin1String(SeedIds::DonaldEmailCode));
    QCOMPARE(h.zitadel().userSequence(SeedIds::Donald), plain.zitadel().userSequence(SeedIds::Donald));
}

// close-mid-body: the call runs, the whole answer goes to the adapter, which cuts it on the wire.
void TestMockFaultAnswers::closeMidBodyAfterTheCallRan()
{
    RouterHarness h;
    QVERIFY(h.ok());
    addRule(h, R"({"endpoint":"resend","transport":"close-mid-body"})");
    const MockResponse r = h.post("/v2/users/" + id(SeedIds::Donald) + "/email/resend", Admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.transport, MockResponse::Transport::CloseMidBody);
    QVERIFY(RouterHarness::json(r).contains(QStringLiteral("details")));
    QCOMPARE(h.zitadel().outboxTotal(), quint64(1)); // the code was sent
    QCOMPARE(h.router().requestLog().last().status, 200);
}

void TestMockFaultAnswers::latencyTravelsWithTheAnswer()
{
    RouterHarness h;
    QVERIFY(h.ok());
    addRule(h, R"({"endpoint":"user.GetUserByID","latencyMs":250})");
    addRule(h, R"({"endpoint":"user.ListUsers","latencyMs":100,"error":"rate-limited","retryAfterSeconds":2})");
    addRule(h, R"({"endpoint":"org.ListOrganizations","latencyMs":10,"latencyMaxMs":20})");

    const MockResponse slow = h.get("/v2/users/" + id(SeedIds::Minnie), Admin);
    QCOMPARE(slow.status, 200);
    QCOMPARE(slow.delayMs, 250);
    QCOMPARE(slow.transport, MockResponse::Transport::Answer);
    const MockResponse limited = h.post("/v2/users", Admin);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.delayMs, 100);
    for (int i = 0; i < 20; ++i) {
        const MockResponse r = h.post("/v2/organizations/_search", Admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.delayMs >= 10 && r.delayMs <= 20);
    }
    QCOMPARE(h.get("/management/v1/orgs/me", Admin).delayMs, 0);
}

// Delivery faults change what happens to the message, not the API answer; the handler gets the
// fault in MockApiCall::delivery.
void TestMockFaultAnswers::deliveryFaultsLetTheCallRun()
{
    RouterHarness h;
    QVERIFY(h.ok());
    addRule(h, R"({"endpoint":"email-resend","delivery":"never-delivered"})");
    const MockResponse r = h.post("/v2/users/" + id(SeedIds::Donald) + "/email/resend", Admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.transport, MockResponse::Transport::Answer);
    QVERIFY(h.zitadel().pendingEmailCode(SeedIds::Donald) != QLatin1String(SeedIds::DonaldEmailCode));
    QCOMPARE(h.router().requestLog().last().faultId, QStringLiteral("1"));
    QCOMPARE(h.router().faults().rules().first().hits, qint64(1));
}

void TestMockFaultAnswers::requestLogNamesOperationAndRule()
{
    RouterHarness h;
    QVERIFY(h.ok());
    addRule(h, R"({"endpoint":"management.GetMyOrg","error":"unavailable","times":1})");
    QCOMPARE(h.get("/management/v1/orgs/me", Admin).status, 503);
    QCOMPARE(h.get("/management/v1/orgs/me", Admin).status, 200);
    QCOMPARE(h.get("/nowhere", Admin).status, 404);
    const QList<MockRequestLogEntry> log = h.router().requestLog();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(0).operation, QStringLiteral("management.GetMyOrg"));
    QCOMPARE(log.at(0).faultId, QStringLiteral("1"));
    QCOMPARE(log.at(0).status, 503);
    QCOMPARE(log.at(1).operation, QStringLiteral("management.GetMyOrg"));
    QCOMPARE(log.at(1).faultId, QString());
    QCOMPARE(log.at(2).operation, QString());
    QCOMPARE(h.router().faults().rules().first().remaining, 0);
}

void TestMockFaultAnswers::seedComesFromTheOptions()
{
    RouterHarness seeded; // randomSeed 42
    QCOMPARE(seeded.router().faults().seed(), quint64(42));
    RouterHarness random(MockOptions {});
    QVERIFY(random.ok());
    QVERIFY(random.router().faults().seed() != 0);
}

QTEST_GUILESS_MAIN(TestMockFaultAnswers)
#include "TestMockFaultAnswers.moc"
