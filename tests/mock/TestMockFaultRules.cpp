// The fault engine without sockets or router: reading and refusing rules, writing them back
// in the contract's shape, which operations a rule hits, counting, and the seeded randomness.

#include "MockFaultEngine.h"
#include "MockOperations.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>

namespace
{
QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

// Adds one rule from JSON, failing the test on a refusal.
QString addRule(MockFaultEngine& engine, const QByteArray& json)
{
    QString error;
    const auto stored = engine.add(object(json), &error);
    if (!stored)
        qWarning("refused %s: %s", json.constData(), qPrintable(error));
    return stored ? stored->id : QString();
}

// One character per decision for `operation`: '1' when a rule applied, '0' when none did.
QByteArray hitPattern(MockFaultEngine& engine, const char* operation, int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out.append(engine.decide(QString::fromLatin1(operation)).applies() ? '1' : '0');
    return out;
}

QList<int> latencies(MockFaultEngine& engine, const char* operation, int count)
{
    QList<int> out;
    for (int i = 0; i < count; ++i)
        out.append(engine.decide(QString::fromLatin1(operation)).latencyMs);
    return out;
}
} // namespace

class TestMockFaultRules : public QObject
{
    Q_OBJECT

private slots:
    void operationTable();
    void ruleWrittenAsTheContractShows_data();
    void ruleWrittenAsTheContractShows();
    void refusals_data();
    void refusals();
    void accepted_data();
    void accepted();
    void rulesBuiltInCodeAreCheckedToo();
    void matchesByOperationAndGroup_data();
    void matchesByOperationAndGroup();
    void firstMatchingRuleApplies();
    void timesCountsDownThenTheRuleIsUsedUp();
    void sameSeedSameFaults();
    void differentSeedDifferentFaults();
    void probabilityProportion_data();
    void probabilityProportion();
    void seedFortyTwoIsPinned();
    void latencyRange_data();
    void latencyRange();
    void decisionCarriesTheEffect();
    void replaceIsAFreshStart();
    void replaceFromJson_data();
    void replaceFromJson();
    void replaceIsAllOrNothing();
    void removeAndClear();
    void changedSignal();
    void defaultSeedIsRandomAndReported();
};

void TestMockFaultRules::operationTable()
{
    const QStringList contract {
        QStringLiteral("management.GetUserByID"),
        QStringLiteral("management.ListUsers"),
        QStringLiteral("management.ResendHumanEmailVerification"),
        QStringLiteral("management.ResendHumanPhoneVerification"),
        QStringLiteral("management.GetMyOrg"),
        QStringLiteral("user.GetUserByID"),
        QStringLiteral("user.ListUsers"),
        QStringLiteral("user.ResendEmailCode"),
        QStringLiteral("user.ResendPhoneCode"),
        QStringLiteral("user.VerifyEmail"),
        QStringLiteral("user.VerifyPhone"),
        QStringLiteral("org.ListOrganizations"),
        QStringLiteral("resources.ResendContactEmailCode"),
        QStringLiteral("resources.ResendContactPhoneCode"),
    };
    QCOMPARE(MockOperations::names(), contract);
    QCOMPARE(MockOperations::groups(),
        QStringList({QStringLiteral("*"),
            QStringLiteral("email-resend"),
            QStringLiteral("phone-resend"),
            QStringLiteral("resend"),
            QStringLiteral("verify")}));
    QVERIFY(!MockOperations::find(u"resend"));
    QVERIFY(!MockOperations::find(u"/_mock/faults"));
    QCOMPARE(QLatin1String(MockOperations::find("user.VerifyPhone")->name), QLatin1String("user.VerifyPhone"));
}

void TestMockFaultRules::ruleWrittenAsTheContractShows_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("stored");

    QTest::newRow("the contract's example, one effect")
        << QByteArray(R"({"endpoint":"email-resend","latencyMs":200,"latencyMaxMs":1500,"error":"rate-limited",)"
                      R"("retryAfterSeconds":30,"probability":0.25,"times":1,"remaining":7,"hits":3,"id":"x"})")
        << QByteArray(R"({"id":"1","endpoint":"email-resend","latencyMs":200,"latencyMaxMs":1500,)"
                      R"("error":"rate-limited","retryAfterSeconds":30,"probability":0.25,"times":1,"remaining":1,)"
                      R"("hits":0})");
    QTest::newRow("rate-limited gets the default Retry-After")
        << QByteArray(R"({"endpoint":"user.ListUsers","error":"rate-limited"})")
        << QByteArray(
               R"({"id":"1","endpoint":"user.ListUsers","error":"rate-limited","retryAfterSeconds":30,"probability":1,"hits":0})");
    QTest::newRow("transport only")
        << QByteArray(R"({"endpoint":"*","transport":"no-answer"})")
        << QByteArray(R"({"id":"1","endpoint":"*","transport":"no-answer","probability":1,"hits":0})");
    QTest::newRow("delivery with times")
        << QByteArray(R"({"endpoint":"resend","delivery":"double-code","times":3})")
        << QByteArray(
               R"({"id":"1","endpoint":"resend","delivery":"double-code","probability":1,"times":3,"remaining":3,"hits":0})");
    QTest::newRow("latency only")
        << QByteArray(R"({"endpoint":"user.GetUserByID","latencyMs":750})")
        << QByteArray(R"({"id":"1","endpoint":"user.GetUserByID","latencyMs":750,"probability":1,"hits":0})");
    QTest::newRow("a range from zero")
        << QByteArray(R"({"endpoint":"verify","latencyMaxMs":40,"probability":0.5})")
        << QByteArray(R"({"id":"1","endpoint":"verify","latencyMs":0,"latencyMaxMs":40,"probability":0.5,"hits":0})");
}

void TestMockFaultRules::ruleWrittenAsTheContractShows()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, stored);
    MockFaultEngine engine(42);
    QString error;
    const auto rule = engine.add(object(input), &error);
    QVERIFY2(rule, qPrintable(error));
    QCOMPARE(rule->toJson(), stored);
    QCOMPARE(engine.rules().size(), 1);
    QCOMPARE(engine.toJson(), QByteArray(R"({"seed":"42","rules":[)") + stored + "]}");

    // What GET answers can be sent again and is stored the same way.
    MockFaultEngine again(42);
    const auto reread = again.add(object(stored), &error);
    QVERIFY2(reread, qPrintable(error));
    QCOMPARE(reread->toJson(), stored);
}

void TestMockFaultRules::refusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("sentence");

    const QString groups = QStringLiteral("*, email-resend, phone-resend, resend or verify");
    QTest::newRow("not an object") << QByteArray("[1]")
                                   << QStringLiteral(
                                          "A fault rule must be a JSON object, such as "
                                          "{\"endpoint\":\"user.ResendEmailCode\",\"error\":\"unavailable\"}.");
    QTest::newRow("unknown field") << QByteArray(R"({"endpoint":"*","error":"unavailable","colour":"red"})")
                                   << QStringLiteral("\"colour\" is not a fault rule field; a rule has endpoint, "
                                                     "latencyMs, latencyMaxMs, error, retryAfterSeconds, transport, "
                                                     "delivery, probability and times.");
    const QString needsEndpoint = QStringLiteral("A fault rule needs an \"endpoint\": an operation name such as "
                                                 "user.ResendEmailCode, or a group (%1).")
                                      .arg(groups);
    QTest::newRow("no endpoint") << QByteArray(R"({"error":"unavailable"})") << needsEndpoint;
    QTest::newRow("endpoint not a string") << QByteArray(R"({"endpoint":3,"error":"unavailable"})") << needsEndpoint;
    QTest::newRow("unknown endpoint") << QByteArray(R"({"endpoint":"user.DeleteUser","error":"unavailable"})")
                                      << QStringLiteral("\"user.DeleteUser\" is neither an operation nor a group; use "
                                                        "an operation name such as user.ResendEmailCode, or %1.")
                                             .arg(groups);
    QTest::newRow("the admin API is no endpoint")
        << QByteArray(R"({"endpoint":"/_mock/faults","error":"unavailable"})")
        << QStringLiteral("\"/_mock/faults\" is neither an operation nor a group; use an operation name such as "
                          "user.ResendEmailCode, or %1.")
               .arg(groups);

    const QString latency = QStringLiteral("\"latencyMs\" must be a whole number of milliseconds from 0 to 600000.");
    QTest::newRow("negative latency") << QByteArray(R"({"endpoint":"*","latencyMs":-1})") << latency;
    QTest::newRow("latency over ten minutes") << QByteArray(R"({"endpoint":"*","latencyMs":600001})") << latency;
    QTest::newRow("fractional latency") << QByteArray(R"({"endpoint":"*","latencyMs":1.5})") << latency;
    QTest::newRow("latency as text") << QByteArray(R"({"endpoint":"*","latencyMs":"100"})") << latency;
    QTest::newRow("latency maximum too large")
        << QByteArray(R"({"endpoint":"*","latencyMs":1,"latencyMaxMs":700000})")
        << QStringLiteral("\"latencyMaxMs\" must be a whole number of milliseconds from 0 to 600000.");
    QTest::newRow("latency range upside down")
        << QByteArray(R"({"endpoint":"*","latencyMs":500,"latencyMaxMs":200})")
        << QStringLiteral("\"latencyMaxMs\" (200) must not be smaller than \"latencyMs\" (500).");

    QTest::newRow("unknown error") << QByteArray(R"({"endpoint":"*","error":"teapot"})")
                                   << QStringLiteral("\"teapot\" is not an error preset; use already-verified, "
                                                     "code-empty, user-not-found, permission-denied, token-invalid, "
                                                     "rate-limited, unavailable or quota-exhausted.");
    QTest::newRow("error not a name") << QByteArray(R"({"endpoint":"*","error":503})")
                                      << QStringLiteral("\"error\" must be the name of an error preset: "
                                                        "already-verified, code-empty, user-not-found, "
                                                        "permission-denied, token-invalid, rate-limited, unavailable "
                                                        "or quota-exhausted.");
    QTest::newRow("unknown transport") << QByteArray(R"({"endpoint":"*","transport":"slow"})")
                                       << QStringLiteral("\"slow\" is not a transport fault; use malformed-json, "
                                                         "html-error-page, close-mid-body or no-answer.");
    QTest::newRow("unknown delivery") << QByteArray(R"({"endpoint":"resend","delivery":"late"})")
                                      << QStringLiteral("\"late\" is not a delivery fault; use never-delivered, "
                                                        "double-code or provider-not-configured.");
    QTest::newRow("two effects")
        << QByteArray(R"({"endpoint":"resend","error":"unavailable","transport":"no-answer"})")
        << QStringLiteral("A fault rule has at most one effect, but this one has an error (unavailable) and a "
                          "transport fault (no-answer); split it into one rule per effect.");
    QTest::newRow("three effects")
        << QByteArray(R"({"endpoint":"resend","error":"unavailable","transport":"no-answer","delivery":"double-code"})")
        << QStringLiteral("A fault rule has at most one effect, but this one has an error (unavailable), a transport "
                          "fault (no-answer) and a delivery fault (double-code); split it into one rule per effect.");
    const QString nothing = QStringLiteral("This fault rule would do nothing: give it a latency (\"latencyMs\") or an "
                                           "effect (\"error\", \"transport\" or \"delivery\").");
    QTest::newRow("nothing at all") << QByteArray(R"({"endpoint":"*"})") << nothing;
    QTest::newRow("zero latency") << QByteArray(R"({"endpoint":"*","latencyMs":0,"latencyMaxMs":0})") << nothing;
    QTest::newRow("only when") << QByteArray(R"({"endpoint":"*","probability":0.5,"times":2})") << nothing;

    QTest::newRow("retry-after without rate limit")
        << QByteArray(R"({"endpoint":"*","error":"unavailable","retryAfterSeconds":5})")
        << QStringLiteral("\"retryAfterSeconds\" only goes with \"error\": \"rate-limited\".");
    QTest::newRow("retry-after negative")
        << QByteArray(R"({"endpoint":"*","error":"rate-limited","retryAfterSeconds":-5})")
        << QStringLiteral("\"retryAfterSeconds\" must be a whole number of seconds from 0 to 86400.");
    const QString probability = QStringLiteral("\"probability\" must be a number greater than 0 and at most 1.");
    QTest::newRow("probability zero") << QByteArray(R"({"endpoint":"*","latencyMs":5,"probability":0})") << probability;
    QTest::newRow("probability above one")
        << QByteArray(R"({"endpoint":"*","latencyMs":5,"probability":1.01})") << probability;
    QTest::newRow("probability as text") << QByteArray(R"({"endpoint":"*","latencyMs":5,"probability":"0.5"})")
                                         << probability;
    const QString times = QStringLiteral("\"times\" must be a whole number of at least 1; leave it out for no limit.");
    QTest::newRow("times zero") << QByteArray(R"({"endpoint":"*","latencyMs":5,"times":0})") << times;
    QTest::newRow("times fractional") << QByteArray(R"({"endpoint":"*","latencyMs":5,"times":1.5})") << times;

    QTest::newRow("delivery on a read")
        << QByteArray(R"({"endpoint":"user.GetUserByID","delivery":"never-delivered"})")
        << QStringLiteral("Delivery faults only happen on resend operations, and user.GetUserByID is not one; use a "
                          "resend operation or the group email-resend, phone-resend or resend.");
    QTest::newRow("delivery on verify")
        << QByteArray(R"({"endpoint":"verify","delivery":"double-code"})")
        << QStringLiteral("Delivery faults only happen on resend operations, but the group \"verify\" covers other "
                          "operations too; use a resend operation or the group email-resend, phone-resend or resend.");
    QTest::newRow("delivery everywhere")
        << QByteArray(R"({"endpoint":"*","delivery":"provider-not-configured"})")
        << QStringLiteral("Delivery faults only happen on resend operations, but the group \"*\" covers other "
                          "operations too; use a resend operation or the group email-resend, phone-resend or resend.");
    QTest::newRow("code-empty on a list")
        << QByteArray(R"({"endpoint":"user.ListUsers","error":"code-empty"})")
        << QStringLiteral("The code-empty error cannot happen on user.ListUsers, because only resend and verify "
                          "operations work with verification codes.");
    QTest::newRow("code-empty on a v1 resend")
        << QByteArray(R"({"endpoint":"management.ResendHumanEmailVerification","error":"code-empty"})")
        << QStringLiteral("The code-empty error cannot happen on management.ResendHumanEmailVerification, because "
                          "the v1 resend makes a new code whenever the address is unverified, so it never reports an "
                          "empty code.");
    QTest::newRow("already-verified on GetMyOrg")
        << QByteArray(R"({"endpoint":"management.GetMyOrg","error":"already-verified"})")
        << QStringLiteral("The already-verified error cannot happen on management.GetMyOrg, because only resend and "
                          "verify operations look at whether an address is verified.");
    QTest::newRow("user-not-found on a list")
        << QByteArray(R"({"endpoint":"org.ListOrganizations","error":"user-not-found"})")
        << QStringLiteral("The user-not-found error cannot happen on org.ListOrganizations, because it does not look "
                          "up one user by id.");
}

void TestMockFaultRules::refusals()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, sentence);
    MockFaultEngine engine(1);
    QSignalSpy changed(&engine, &MockFaultEngine::changed);
    QString error;
    QVERIFY(!MockFaultRule::fromJson(json, &error));
    QCOMPARE(error, sentence);
    if (QJsonDocument::fromJson(json).isObject()) {
        error.clear();
        QVERIFY(!engine.add(object(json), &error));
        QCOMPARE(error, sentence);
    }
    QVERIFY(engine.rules().isEmpty());
    QCOMPARE(changed.count(), 0);
}

void TestMockFaultRules::accepted_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("code-empty on every operation: it acts where it can")
        << QByteArray(R"({"endpoint":"*","error":"code-empty"})");
    QTest::newRow("user-not-found on the resend group")
        << QByteArray(R"({"endpoint":"resend","error":"user-not-found"})");
    QTest::newRow("already-verified on verify") << QByteArray(R"({"endpoint":"verify","error":"already-verified"})");
    QTest::newRow("delivery on one resend")
        << QByteArray(R"({"endpoint":"resources.ResendContactPhoneCode","delivery":"never-delivered"})");
    QTest::newRow("delivery on a resend group")
        << QByteArray(R"({"endpoint":"phone-resend","delivery":"provider-not-configured"})");
    QTest::newRow("every preset may be written out") << QByteArray(
        R"({"endpoint":"*","latencyMs":0,"latencyMaxMs":600000,"probability":1,"times":2147483647,"transport":"malformed-json"})");
    QTest::newRow("no Retry-After at all")
        << QByteArray(R"({"endpoint":"*","error":"rate-limited","retryAfterSeconds":0})");
    QTest::newRow("smallest probability") << QByteArray(R"({"endpoint":"*","error":"unavailable","probability":1e-9})");
}

void TestMockFaultRules::accepted()
{
    QFETCH(QByteArray, json);
    QString error;
    const auto rule = MockFaultRule::fromJson(json, &error);
    QVERIFY2(rule, qPrintable(error));
    QVERIFY(rule->problem().isEmpty());
}

void TestMockFaultRules::rulesBuiltInCodeAreCheckedToo()
{
    MockFaultEngine engine(1);
    MockFaultRule rule;
    rule.endpoint = QStringLiteral("user.ResendEmailCode");
    rule.error = MockFaultRule::Error::Unavailable;
    rule.transport = MockFaultRule::Transport::NoAnswer;
    QString error;
    QVERIFY(!engine.add(rule, &error));
    QVERIFY2(error.startsWith(QLatin1String("A fault rule has at most one effect")), qPrintable(error));

    rule.transport = MockFaultRule::Transport::None;
    rule.probability = 0;
    QVERIFY(!engine.add(rule, &error));
    QCOMPARE(error, QStringLiteral("\"probability\" must be a number greater than 0 and at most 1."));

    rule.probability = 1;
    rule.times = 2;
    rule.remaining = 0; // the engine resets the counters
    rule.hits = 99;
    const auto stored = engine.add(rule, &error);
    QVERIFY(stored);
    QCOMPARE(stored->id, QStringLiteral("1"));
    QCOMPARE(stored->remaining, 2);
    QCOMPARE(stored->hits, 0);
}

void TestMockFaultRules::matchesByOperationAndGroup_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QStringList>("hit");

    const QString v1Email = QStringLiteral("management.ResendHumanEmailVerification");
    const QString v1Phone = QStringLiteral("management.ResendHumanPhoneVerification");
    const QString v2Email = QStringLiteral("user.ResendEmailCode");
    const QString v2Phone = QStringLiteral("user.ResendPhoneCode");
    const QString v3Email = QStringLiteral("resources.ResendContactEmailCode");
    const QString v3Phone = QStringLiteral("resources.ResendContactPhoneCode");
    const QString verifyEmail = QStringLiteral("user.VerifyEmail");
    const QString verifyPhone = QStringLiteral("user.VerifyPhone");

    QTest::newRow("one operation") << QByteArray(R"({"endpoint":"user.ResendEmailCode","error":"unavailable"})")
                                   << QStringList {v2Email};
    QTest::newRow("everything") << QByteArray(R"({"endpoint":"*","transport":"html-error-page"})")
                                << MockOperations::names();
    QTest::newRow("email-resend") << QByteArray(R"({"endpoint":"email-resend","latencyMs":10})")
                                  << QStringList {v1Email, v2Email, v3Email};
    QTest::newRow("phone-resend") << QByteArray(R"({"endpoint":"phone-resend","delivery":"double-code"})")
                                  << QStringList {v1Phone, v2Phone, v3Phone};
    QTest::newRow("resend") << QByteArray(R"({"endpoint":"resend","error":"token-invalid"})")
                            << QStringList {v1Email, v1Phone, v2Email, v2Phone, v3Email, v3Phone};
    QTest::newRow("verify") << QByteArray(R"({"endpoint":"verify","error":"permission-denied"})")
                            << QStringList {verifyEmail, verifyPhone};
    // A group rule acts only where its error can happen.
    QTest::newRow("code-empty everywhere")
        << QByteArray(R"({"endpoint":"*","error":"code-empty"})")
        << QStringList {v2Email, v2Phone, verifyEmail, verifyPhone, v3Email, v3Phone};
    QTest::newRow("user-not-found everywhere") << QByteArray(R"({"endpoint":"*","error":"user-not-found"})")
                                               << QStringList {QStringLiteral("management.GetUserByID"),
                                                      v1Email,
                                                      v1Phone,
                                                      QStringLiteral("user.GetUserByID"),
                                                      v2Email,
                                                      v2Phone,
                                                      verifyEmail,
                                                      verifyPhone,
                                                      v3Email,
                                                      v3Phone};
    QTest::newRow("code-empty on email-resend")
        << QByteArray(R"({"endpoint":"email-resend","error":"code-empty"})") << QStringList {v2Email, v3Email};
}

void TestMockFaultRules::matchesByOperationAndGroup()
{
    QFETCH(QByteArray, rule);
    QFETCH(QStringList, hit);
    MockFaultEngine engine(7);
    QVERIFY(!addRule(engine, rule).isEmpty());
    for (const QString& operation : MockOperations::names()) {
        const MockFaultDecision d = engine.decide(operation);
        QVERIFY2(d.applies() == hit.contains(operation), qPrintable(operation));
    }
    QCOMPARE(engine.rules().first().hits, qint64(hit.size()));
    QVERIFY(!engine.decide(u"user.DeleteUser").applies());
    QVERIFY(!engine.decide(u"/_mock/faults").applies());
}

void TestMockFaultRules::firstMatchingRuleApplies()
{
    MockFaultEngine engine(7);
    const QString specific = addRule(engine, R"({"endpoint":"user.ResendEmailCode","error":"already-verified"})");
    const QString broad = addRule(engine, R"({"endpoint":"*","error":"unavailable"})");
    const QString shadowed = addRule(engine, R"({"endpoint":"user.ResendEmailCode","error":"token-invalid"})");
    QCOMPARE(engine.decide(u"user.ResendEmailCode").ruleId, specific);
    QCOMPARE(engine.decide(u"user.ResendEmailCode").error, MockFaultRule::Error::AlreadyVerified);
    QCOMPARE(engine.decide(u"user.ListUsers").ruleId, broad);
    QCOMPARE(engine.rule(shadowed)->hits, qint64(0));

    // A rule whose draw fails lets the next one try.
    MockFaultEngine draws(11);
    const QString rare = addRule(draws, R"({"endpoint":"*","error":"unavailable","probability":0.2})");
    const QString always = addRule(draws, R"({"endpoint":"*","latencyMs":5})");
    int rareHits = 0;
    for (int i = 0; i < 200; ++i) {
        const QString id = draws.decide(u"user.GetUserByID").ruleId;
        QVERIFY(id == rare || id == always);
        rareHits += id == rare;
    }
    QCOMPARE(draws.rule(rare)->hits + draws.rule(always)->hits, qint64(200));
    QCOMPARE(draws.rule(rare)->hits, qint64(rareHits));
}

void TestMockFaultRules::timesCountsDownThenTheRuleIsUsedUp()
{
    MockFaultEngine engine(3);
    const QString twice = addRule(engine, R"({"endpoint":"resend","error":"unavailable","times":2})");
    const QString fallback = addRule(engine, R"({"endpoint":"*","latencyMs":1})");
    QCOMPARE(engine.rule(twice)->remaining, 2);

    QCOMPARE(engine.decide(u"user.ResendPhoneCode").ruleId, twice);
    QCOMPARE(engine.rule(twice)->remaining, 1);
    QCOMPARE(engine.decide(u"user.GetUserByID").ruleId, fallback); // not covered: does not count
    QCOMPARE(engine.rule(twice)->remaining, 1);
    QCOMPARE(engine.decide(u"management.ResendHumanEmailVerification").ruleId, twice);
    QCOMPARE(engine.rule(twice)->remaining, 0);
    QCOMPARE(engine.rule(twice)->hits, qint64(2));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(engine.decide(u"user.ResendPhoneCode").ruleId, fallback);

    // A used-up rule stays listed with remaining 0.
    QVERIFY(engine.toJson().contains(R"("times":2,"remaining":0,"hits":2)"));
    QCOMPARE(engine.rule(fallback)->hits, qint64(4));
    QVERIFY(engine.rule(fallback)->remaining == 0 && engine.rule(fallback)->times == 0);
}

void TestMockFaultRules::sameSeedSameFaults()
{
    const QByteArray rule = R"({"endpoint":"resend","latencyMs":10,"latencyMaxMs":900,"probability":0.3})";
    MockFaultEngine first(42);
    MockFaultEngine second(42);
    addRule(first, rule);
    addRule(second, rule);
    QList<int> a, b;
    for (int i = 0; i < 500; ++i) {
        const char* op = i % 3 ? "user.ResendEmailCode" : "user.GetUserByID"; // misses draw nothing
        const MockFaultDecision x = first.decide(QString::fromLatin1(op));
        const MockFaultDecision y = second.decide(QString::fromLatin1(op));
        a.append(x.applies() ? x.latencyMs : -1);
        b.append(y.applies() ? y.latencyMs : -1);
    }
    QCOMPARE(a, b);
    QVERIFY(a.count(-1) > 300 && a.count(-1) < 480); // both outcomes occurred
}

void TestMockFaultRules::differentSeedDifferentFaults()
{
    const QByteArray rule = R"({"endpoint":"*","transport":"no-answer","probability":0.5})";
    MockFaultEngine a(42);
    MockFaultEngine b(43);
    addRule(a, rule);
    addRule(b, rule);
    QVERIFY(hitPattern(a, "user.ListUsers", 64) != hitPattern(b, "user.ListUsers", 64));
}

void TestMockFaultRules::probabilityProportion_data()
{
    QTest::addColumn<double>("probability");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("p=0.1") << 0.1 << quint64(1);
    QTest::newRow("p=0.25") << 0.25 << quint64(2);
    QTest::newRow("p=0.5") << 0.5 << quint64(3);
    QTest::newRow("p=0.9") << 0.9 << quint64(18446744073709551615ull);
    QTest::newRow("p=1") << 1.0 << quint64(5);
}

// Loose bounds: more than five standard deviations for 1000 draws.
void TestMockFaultRules::probabilityProportion()
{
    QFETCH(double, probability);
    QFETCH(quint64, seed);
    MockFaultEngine engine(seed);
    MockFaultRule rule;
    rule.endpoint = QStringLiteral("*");
    rule.error = MockFaultRule::Error::Unavailable;
    rule.probability = probability;
    QVERIFY(engine.add(rule));
    const QByteArray pattern = hitPattern(engine, "user.ResendEmailCode", 1000);
    const double share = pattern.count('1') / 1000.0;
    const double slack = 5 * std::sqrt(probability * (1 - probability) / 1000.0) + 1e-9;
    QVERIFY2(std::abs(share - probability) <= slack, qPrintable(QString::number(share)));
}

// The mapping from generator output to decisions is part of what a seed means: a QA run
// written down as "seed 42" must replay the same way after an upgrade.
void TestMockFaultRules::seedFortyTwoIsPinned()
{
    MockFaultEngine engine(42);
    addRule(engine, R"({"endpoint":"*","latencyMs":100,"latencyMaxMs":199,"probability":0.5})");
    QList<int> seen;
    for (int i = 0; i < 12; ++i) {
        const MockFaultDecision d = engine.decide(u"user.ListUsers");
        seen.append(d.applies() ? d.latencyMs : 0);
    }
    QCOMPARE(seen, QList<int>({0, 0, 0, 181, 136, 150, 195, 0, 0, 0, 0, 0}));
}

void TestMockFaultRules::latencyRange_data()
{
    QTest::addColumn<int>("low");
    QTest::addColumn<int>("high");
    QTest::newRow("fixed") << 250 << -1;
    QTest::newRow("fixed as a range of one") << 250 << 250;
    QTest::newRow("tiny") << 0 << 3;
    QTest::newRow("contract example") << 200 << 1500;
    QTest::newRow("widest") << 0 << 600000;
}

void TestMockFaultRules::latencyRange()
{
    QFETCH(int, low);
    QFETCH(int, high);
    MockFaultEngine engine(9);
    MockFaultRule rule;
    rule.endpoint = QStringLiteral("user.GetUserByID");
    rule.latencyMs = low;
    rule.latencyMaxMs = high;
    QVERIFY(engine.add(rule));
    const QList<int> drawn = latencies(engine, "user.GetUserByID", 1000);
    const int top = high < 0 ? low : high;
    for (int ms : drawn)
        QVERIFY2(ms >= low && ms <= top, qPrintable(QString::number(ms)));
    const int span = top - low;
    QVERIFY(*std::min_element(drawn.begin(), drawn.end()) <= low + span / 20);
    QVERIFY(*std::max_element(drawn.begin(), drawn.end()) >= top - span / 20);
    if (span == 3) {
        for (int ms = low; ms <= top; ++ms)
            QVERIFY(drawn.contains(ms));
    }
    // The same seed draws the same latencies.
    MockFaultEngine again(9);
    QVERIFY(again.add(rule));
    QCOMPARE(latencies(again, "user.GetUserByID", 1000), drawn);
}

void TestMockFaultRules::decisionCarriesTheEffect()
{
    MockFaultEngine engine(5);
    addRule(engine, R"({"endpoint":"user.ListUsers","error":"rate-limited","retryAfterSeconds":7,"latencyMs":20})");
    addRule(engine, R"({"endpoint":"user.GetUserByID","transport":"close-mid-body"})");
    addRule(engine, R"({"endpoint":"user.ResendPhoneCode","delivery":"never-delivered"})");

    const MockFaultDecision limited = engine.decide(u"user.ListUsers");
    QCOMPARE(limited.ruleId, QStringLiteral("1"));
    QCOMPARE(limited.error, MockFaultRule::Error::RateLimited);
    QCOMPARE(limited.retryAfterSeconds, 7);
    QCOMPARE(limited.latencyMs, 20);
    QCOMPARE(limited.transport, MockFaultRule::Transport::None);

    const MockFaultDecision cut = engine.decide(u"user.GetUserByID");
    QCOMPARE(cut.transport, MockFaultRule::Transport::CloseMidBody);
    QCOMPARE(cut.error, MockFaultRule::Error::None);
    QCOMPARE(cut.latencyMs, 0);

    const MockFaultDecision lost = engine.decide(u"user.ResendPhoneCode");
    QCOMPARE(lost.delivery, MockDeliveryFault::NeverDelivered);

    const MockFaultDecision none = engine.decide(u"user.ResendEmailCode");
    QVERIFY(!none.applies());
    QCOMPARE(none.delivery, MockDeliveryFault::None);
}

void TestMockFaultRules::replaceIsAFreshStart()
{
    MockFaultEngine engine(1);
    addRule(engine, R"({"endpoint":"*","latencyMs":5})");
    addRule(engine, R"({"endpoint":"*","latencyMs":6})");
    engine.decide(u"user.ListUsers");

    const QByteArray half = R"({"endpoint":"*","error":"unavailable","probability":0.5,"times":40})";
    QString error;
    const auto rule = MockFaultRule::fromJson(half, &error);
    QVERIFY(rule);
    QVERIFY(engine.replace(77, {*rule, *rule}, &error));
    QCOMPARE(engine.seed(), quint64(77));
    QCOMPARE(engine.rules().size(), 2);
    QCOMPARE(engine.rules().at(0).id, QStringLiteral("1"));
    QCOMPARE(engine.rules().at(1).id, QStringLiteral("2"));
    QCOMPARE(engine.rules().at(0).remaining, 40);
    const QByteArray firstRun = hitPattern(engine, "user.ListUsers", 60);

    // The same replace replays the same faults.
    QVERIFY(engine.replace(77, {*rule, *rule}, &error));
    QCOMPARE(hitPattern(engine, "user.ListUsers", 60), firstRun);

    // Without a seed the JSON form re-seeds with the current one.
    QVERIFY(engine.replace(object(R"({"rules":[)" + half + "," + half + "]}"), &error));
    QCOMPARE(engine.seed(), quint64(77));
    QCOMPARE(hitPattern(engine, "user.ListUsers", 60), firstRun);
}

void TestMockFaultRules::replaceFromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("seed"); // 0: any random seed
    QTest::addColumn<QString>("sentence");

    QTest::newRow("number seed") << QByteArray(R"({"seed":42,"rules":[{"endpoint":"*","latencyMs":1}]})") << true
                                 << quint64(42) << QString();
    QTest::newRow("string seed beyond 2^53") << QByteArray(R"({"seed":"18446744073709551615","rules":[]})") << true
                                             << quint64(18446744073709551615ull) << QString();
    QTest::newRow("zero picks a random seed") << QByteArray(R"({"seed":0})") << true << quint64(0) << QString();
    const QString seedSentence = QStringLiteral("\"seed\" must be a whole number from 0 to 9007199254740991, or a "
                                                "decimal string for larger ones; 0 picks a random seed.");
    QTest::newRow("negative seed") << QByteArray(R"({"seed":-1,"rules":[]})") << false << quint64(0) << seedSentence;
    QTest::newRow("fractional seed") << QByteArray(R"({"seed":1.5,"rules":[]})") << false << quint64(0) << seedSentence;
    QTest::newRow("seed as a word") << QByteArray(R"({"seed":"forty-two"})") << false << quint64(0) << seedSentence;
    QTest::newRow("rules not a list") << QByteArray(R"({"seed":1,"rules":{"endpoint":"*"}})") << false << quint64(0)
                                      << QStringLiteral("\"rules\" must be a list of fault rules.");
    QTest::newRow("a rule not an object")
        << QByteArray(R"({"rules":[{"endpoint":"*","latencyMs":1},"x"]})") << false << quint64(0)
        << QStringLiteral("Rule 2: A fault rule must be a JSON object.");
    QTest::newRow("a refused rule") << QByteArray(R"({"rules":[{"endpoint":"nope","latencyMs":1}]})") << false
                                    << quint64(0)
                                    << QStringLiteral("Rule 1: \"nope\" is neither an operation nor a group; use an "
                                                      "operation name such as user.ResendEmailCode, or *, "
                                                      "email-resend, phone-resend, resend or verify.");
    QTest::newRow("unknown key") << QByteArray(R"({"seed":1,"faults":[]})") << false << quint64(0)
                                 << QStringLiteral("\"faults\" does not belong here; send {\"seed\": 42, \"rules\": "
                                                   "[...]}.");
}

void TestMockFaultRules::replaceFromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(quint64, seed);
    QFETCH(QString, sentence);
    MockFaultEngine engine(1000);
    addRule(engine, R"({"endpoint":"*","latencyMs":3})");
    QString error;
    QCOMPARE(engine.replace(object(json), &error), ok);
    QCOMPARE(error, sentence);
    if (!ok) {
        QCOMPARE(engine.seed(), quint64(1000));
        QCOMPARE(engine.rules().size(), 1);
        return;
    }
    if (seed != 0)
        QCOMPARE(engine.seed(), seed);
    else
        QVERIFY(engine.seed() != 0 && engine.seed() != 1000);
    QVERIFY(engine.toJson().startsWith(QByteArray(R"({"seed":")") + QByteArray::number(engine.seed()) + "\""));
}

void TestMockFaultRules::replaceIsAllOrNothing()
{
    MockFaultEngine engine(5);
    addRule(engine, R"({"endpoint":"*","latencyMs":3})");
    MockFaultRule good;
    good.endpoint = QStringLiteral("resend");
    good.error = MockFaultRule::Error::Unavailable;
    MockFaultRule bad = good;
    bad.endpoint = QStringLiteral("user.ListUsers");
    bad.error = MockFaultRule::Error::CodeEmpty;
    QString error;
    QVERIFY(!engine.replace(9, {good, bad}, &error));
    QCOMPARE(error,
        QStringLiteral("Rule 2: The code-empty error cannot happen on user.ListUsers, because only resend and verify "
                       "operations work with verification codes."));
    QCOMPARE(engine.seed(), quint64(5));
    QCOMPARE(engine.rules().size(), 1);
    QCOMPARE(engine.rules().first().latencyMs, 3);
}

void TestMockFaultRules::removeAndClear()
{
    MockFaultEngine engine(5);
    addRule(engine, R"({"endpoint":"*","latencyMs":1})");
    addRule(engine, R"({"endpoint":"*","latencyMs":2})");
    addRule(engine, R"({"endpoint":"*","latencyMs":3})");
    QVERIFY(engine.remove(QStringLiteral("2")));
    QVERIFY(!engine.remove(QStringLiteral("2")));
    QVERIFY(!engine.remove(QStringLiteral("99")));
    QCOMPARE(engine.rules().size(), 2);
    QCOMPARE(engine.rules().at(1).id, QStringLiteral("3"));
    QVERIFY(!engine.rule(QStringLiteral("2")));

    engine.clear();
    QVERIFY(engine.rules().isEmpty());
    QCOMPARE(engine.seed(), quint64(5));
    QCOMPARE(engine.toJson(), QByteArray(R"({"seed":"5","rules":[]})"));
    // Ids are never reused within a run, so a stale DELETE cannot hit a newer rule.
    QCOMPARE(addRule(engine, R"({"endpoint":"*","latencyMs":4})"), QStringLiteral("4"));
}

void TestMockFaultRules::changedSignal()
{
    MockFaultEngine engine(5);
    QSignalSpy changed(&engine, &MockFaultEngine::changed);
    addRule(engine, R"({"endpoint":"user.ListUsers","error":"unavailable","times":1})");
    QCOMPARE(changed.count(), 1);
    QString error;
    QVERIFY(!engine.add(object(R"({"endpoint":"nope"})"), &error));
    QCOMPARE(changed.count(), 1);
    engine.decide(u"user.GetUserByID"); // not covered
    QCOMPARE(changed.count(), 1);
    engine.decide(u"user.ListUsers"); // hits and remaining move
    QCOMPARE(changed.count(), 2);
    engine.decide(u"user.ListUsers"); // used up: nothing moves
    QCOMPARE(changed.count(), 2);
    QVERIFY(!engine.remove(QStringLiteral("7")));
    QCOMPARE(changed.count(), 2);
    QVERIFY(engine.remove(QStringLiteral("1")));
    QCOMPARE(changed.count(), 3);
    engine.clear(); // already empty
    QCOMPARE(changed.count(), 3);
    QVERIFY(engine.replace(1, {}, &error));
    QCOMPARE(changed.count(), 4);
}

void TestMockFaultRules::defaultSeedIsRandomAndReported()
{
    MockFaultEngine a;
    MockFaultEngine b;
    QVERIFY(a.seed() != 0);
    QVERIFY(a.seed() < (quint64(1) << 53)); // fits a JSON number for PUT
    QVERIFY(a.seed() != b.seed());
    QCOMPARE(MockFaultEngine(123).seed(), quint64(123));

    // Reported, so the run can be repeated: a second engine with that seed decides the same.
    const QByteArray rule = R"({"endpoint":"*","latencyMs":1,"latencyMaxMs":1000,"probability":0.5})";
    addRule(a, rule);
    const quint64 seed = QByteArray(a.toJson()).split('"').at(3).toULongLong();
    QCOMPARE(seed, a.seed());
    MockFaultEngine replay(seed);
    addRule(replay, rule);
    QCOMPARE(latencies(replay, "user.ListUsers", 100), latencies(a, "user.ListUsers", 100));
}

QTEST_GUILESS_MAIN(TestMockFaultRules)
#include "TestMockFaultRules.moc"
