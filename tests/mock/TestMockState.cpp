// Saving and replacing the mock's state through the admin API: GET/PUT /_mock/state (the
// seed format both ways, byte-identical round trips, generated users and their pending
// codes, a pending code's age), POST /_mock/reset and POST /_mock/generate, what they keep
// (the code lifetime setting), and the signals a UI reloads on.

#include "MockSeedLoader.h"
#include "MockSeedWriter.h"
#include "RouterHarness.h"
#include "SeedIds.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

namespace
{
const QByteArray Admin(SeedIds::AdminToken);

MockResponse resendEmail(RouterHarness& h, const QString& userId)
{
    return h.send("POST", "/v2/users/" + userId.toLatin1() + "/email/resend", Admin, "{}");
}

MockResponse resendPhone(RouterHarness& h, const QString& userId)
{
    return h.send("POST", "/v2/users/" + userId.toLatin1() + "/phone/resend", Admin, "{}");
}

// The first generated user of organization `org` (ACME = 0) that fits `wanted`.
QString generatedUser(MockZitadel& z, int org, const std::function<bool(const MockUser&)>& wanted)
{
    for (quint64 i = 0; i < z.usersPerOrg(); ++i) {
        const QString id = MockZitadel::generatedUserId(org, i);
        const auto user = z.user(id);
        if (user && user->isHuman() && user->state == MockUserState::Active && wanted(*user))
            return id;
    }
    return {};
}

// v2 resends need a code that was sent before (ZITADEL answers "Code is empty" otherwise).
bool pendingEmail(const MockUser& u)
{
    return !u.emailCode.isEmpty();
}

bool pendingPhone(const MockUser& u)
{
    return !u.phoneCode.isEmpty();
}

bool withoutEmail(const MockUser& u)
{
    return u.email.isEmpty();
}

QJsonObject parse(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// `seed` with the user whose id is `userId` changed by `edit`.
QJsonObject withUser(
    QJsonObject seed, const char* list, const QString& userId, const std::function<void(QJsonObject&)>& edit)
{
    QJsonArray users = seed.value(QLatin1String(list)).toArray();
    for (int i = 0; i < users.size(); ++i) {
        QJsonObject u = users.at(i).toObject();
        if (u.value(QStringLiteral("id")).toString() == userId) {
            edit(u);
            users.replace(i, u);
        }
    }
    seed.insert(QLatin1String(list), users);
    return seed;
}

QString errorOf(const MockResponse& r)
{
    return RouterHarness::json(r).value(QStringLiteral("error")).toString();
}

MockResponse verify(RouterHarness& h, const QString& userId, bool email, const QString& code)
{
    return h.post("/v2/users/" + userId.toLatin1() + (email ? "/email/verify" : "/phone/verify"),
        Admin,
        {{QStringLiteral("verificationCode"), code}});
}

// The user `userId` in a saved state, from "users" or "changedGeneratedUsers".
QJsonObject savedUser(const QJsonObject& state, const QString& userId)
{
    for (const char* list : {"users", "changedGeneratedUsers"}) {
        for (const QJsonValue& v : state.value(QLatin1String(list)).toArray()) {
            if (v.toObject().value(QStringLiteral("id")).toString() == userId)
                return v.toObject();
        }
    }
    return {};
}

// A timestamp field of a saved state, read back.
QDateTime timeOf(const QJsonObject& o, const char* key)
{
    return QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

enum class Replace
{
    Reset,
    Generate,
    Load,
};
} // namespace

Q_DECLARE_METATYPE(Replace)

class TestMockState : public QObject
{
    Q_OBJECT

private slots:
    void saveLoadSaveIsIdentical_data();
    void saveLoadSaveIsIdentical();
    void savedGeneratedUsers();
    void loadReplacesInPlace();
    void badStates_data();
    void badStates();
    void resetRestoresChangedAndVerifiedUsers();
    void resetRepeatsCodes();
    void resetKeepsStartUsersPerOrg();
    void generate_data();
    void generate();
    void generateDropsChangedGeneratedUsers();
    void badGenerateBodies_data();
    void badGenerateBodies();
    void startFromSavedState();
    void pendingCodesKeepTheirAge_data();
    void pendingCodesKeepTheirAge();
    void changedGeneratedWithoutIssueTime();
    void settingsAndFaultsOutliveTheState_data();
    void settingsAndFaultsOutliveTheState();
};

void TestMockState::saveLoadSaveIsIdentical_data()
{
    QTest::addColumn<quint64>("usersPerOrg");
    QTest::addColumn<bool>("changes");
    QTest::newRow("built-in seed") << quint64(0) << false;
    QTest::newRow("after resends") << quint64(0) << true;
    QTest::newRow("generated, untouched") << quint64(50) << false;
    QTest::newRow("generated, changed") << quint64(50) << true;
}

void TestMockState::saveLoadSaveIsIdentical()
{
    QFETCH(quint64, usersPerOrg);
    QFETCH(bool, changes);
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = usersPerOrg;
    RouterHarness h(options);
    MockZitadel& z = h.zitadel();
    QStringList touched;
    if (changes) {
        touched << SeedIds::Donald << SeedIds::Zoe;
        QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
        h.advance(1234);
        QCOMPARE(resendEmail(h, SeedIds::Zoe).status, 200); // non-ASCII names survive
        QCOMPARE(resendPhone(h, SeedIds::Minnie).status, 200);
        touched << SeedIds::Minnie;
        if (usersPerOrg > 0) {
            const QString e = generatedUser(z, 1, pendingEmail);
            const QString p = generatedUser(z, 3, pendingPhone);
            QVERIFY(!e.isEmpty() && !p.isEmpty());
            QCOMPARE(resendEmail(h, e).status, 200);
            h.advance(1);
            QCOMPARE(resendPhone(h, p).status, 200);
            touched << e << p;
        }
    }
    QList<MockUser> before;
    for (const QString& id : touched)
        before.append(*z.user(id));

    const MockResponse first = h.admin("GET", "/_mock/state");
    QCOMPARE(first.status, 200);
    QVERIFY(first.body.endsWith("}\n"));
    // The writer alone: parse and write again.
    const auto seed = MockSeedLoader::parse(first.body, nullptr);
    QVERIFY(seed);
    QCOMPARE(MockSeedWriter::write(*seed), first.body);

    QCOMPARE(h.admin("PUT", "/_mock/state", first.body).status, 200);
    const MockResponse second = h.admin("GET", "/_mock/state");
    QCOMPARE(second.body, first.body);
    // Codes, sequences and dates survived the load.
    for (const MockUser& b : before) {
        const MockUser a = *z.user(b.id);
        QCOMPARE(a.emailCode, b.emailCode);
        QCOMPARE(a.phoneCode, b.phoneCode);
        QCOMPARE(a.sequence, b.sequence);
        QCOMPARE(a.changeDate, b.changeDate);
        QCOMPARE(a.emailVerified, b.emailVerified);
        QCOMPARE(a.emailCodeCreated, b.emailCodeCreated);
        QCOMPARE(a.phoneCodeCreated, b.phoneCodeCreated);
    }
    QCOMPARE(z.usersPerOrg(), usersPerOrg);
}

void TestMockState::savedGeneratedUsers()
{
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 20;
    RouterHarness h(options);
    MockZitadel& z = h.zitadel();
    const QString email = generatedUser(z, 0, pendingEmail);
    const QString phone = generatedUser(z, 2, pendingPhone);
    QCOMPARE(resendEmail(h, email).status, 200);
    QCOMPARE(resendEmail(h, email).status, 200); // twice: still one entry
    QCOMPARE(resendPhone(h, phone).status, 200);
    QCOMPARE(resendEmail(h, SeedIds::Goofy).status, 200);

    const QJsonObject state = parse(h.admin("GET", "/_mock/state").body);
    QCOMPARE(state.value(QStringLiteral("format")).toString(), QStringLiteral("verifydesk-mock-seed/1"));
    QCOMPARE(state.value(QStringLiteral("generatedUsersPerOrg")), QJsonValue(20));
    const QJsonArray users = state.value(QStringLiteral("users")).toArray();
    QCOMPARE(users.size(), SeedIds::SeedUserCount); // generated users are not written out
    const QJsonArray changed = state.value(QStringLiteral("changedGeneratedUsers")).toArray();
    QCOMPARE(changed.size(), 2);

    QSet<QString> ids;
    for (const QJsonArray& list : {users, changed}) {
        for (const QJsonValue& v : list) {
            const QString id = v.toObject().value(QStringLiteral("id")).toString();
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
        }
    }
    const QJsonObject e = changed.at(0).toObject();
    const QJsonObject p = changed.at(1).toObject();
    QCOMPARE(e.value(QStringLiteral("id")).toString(), email); // id order: ACME first
    QCOMPARE(p.value(QStringLiteral("id")).toString(), phone);
    // Only what the mock can change; names and addresses follow from the id.
    for (const QString& key : e.keys())
        QVERIFY2(QStringList({"id", "sequence", "changeDate", "email", "phone"}).contains(key), qPrintable(key));
    QCOMPARE(e.value(QStringLiteral("email")).toObject().value(QStringLiteral("pendingCode")).toString(),
        z.pendingEmailCode(email));
    QCOMPARE(
        timeOf(e.value(QStringLiteral("email")).toObject(), "pendingCodeCreated"), z.user(email)->emailCodeCreated);
    QCOMPARE(e.value(QStringLiteral("sequence")).toString(), QString::number(z.userSequence(email)));
    QCOMPARE(p.value(QStringLiteral("phone")).toObject().value(QStringLiteral("pendingCode")).toString(),
        z.pendingPhoneCode(phone));
}

void TestMockState::loadReplacesInPlace()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    QSignalSpy reset(&z, &MockZitadel::stateReset);
    QSignalSpy cleared(&z, &MockZitadel::outboxCleared);
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    const QString donaldCode = z.pendingEmailCode(SeedIds::Donald);

    // A hand-edited state: Pluto gone, Daisy renamed, Goofy's email verified.
    QJsonObject state = parse(h.admin("GET", "/_mock/state").body);
    QJsonArray users = state.value(QStringLiteral("users")).toArray();
    for (int i = users.size() - 1; i >= 0; --i) {
        if (users.at(i).toObject().value(QStringLiteral("id")).toString() == QLatin1String(SeedIds::Pluto))
            users.removeAt(i);
    }
    state.insert(QStringLiteral("users"), users);
    state = withUser(state, "users", SeedIds::Daisy, [](QJsonObject& u) {
        u.insert(QStringLiteral("userName"), QStringLiteral("daisy.duck"));
    });
    state = withUser(state, "users", SeedIds::Goofy, [](QJsonObject& u) {
        u.insert(QStringLiteral("email"), QJsonObject {{"address", "goofy@acme.example"}, {"verified", true}});
    });
    const quint64 logged = h.router().requestCount();

    const MockResponse r = h.admin("PUT", "/_mock/state", compact(state));
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(
        RouterHarness::json(r).value(QStringLiteral("users")).toString(), QString::number(SeedIds::SeedUserCount - 1));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(cleared.count(), 1);
    QVERIFY(z.outbox().isEmpty());
    QCOMPARE(h.router().requestCount(), logged + 1); // the log is the router's and stays
    QCOMPARE(z.pendingEmailCode(SeedIds::Donald), donaldCode); // the saved change came back

    // The same router, the same API objects, the new state.
    QCOMPARE(h.get(QByteArray("/v2/users/") + SeedIds::Pluto, Admin).status, 404);
    QCOMPARE(RouterHarness::json(h.get(QByteArray("/v2/users/") + SeedIds::Daisy, Admin))
                 .value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("username"))
                 .toString(),
        QStringLiteral("daisy.duck"));
    QVERIFY(z.user(SeedIds::Goofy)->emailVerified);
    QCOMPARE(resendEmail(h, SeedIds::Goofy).status, 400); // already verified now
}

void TestMockState::badStates_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    RouterHarness h;
    const QJsonObject saved = parse(h.admin("GET", "/_mock/state").body);

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("not JSON") << QByteArray("{\"format\":") << QStringLiteral("not a JSON object");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
    QJsonObject noOrgs = saved;
    noOrgs.insert(QStringLiteral("organizations"), QJsonArray());
    QTest::newRow("no organizations") << compact(noOrgs) << QStringLiteral("at least one organization");
    QTest::newRow("verified with a code") << compact(withUser(saved, "users", SeedIds::Donald, [](QJsonObject& u) {
        u.insert(
            QStringLiteral("email"), QJsonObject {{"address", "d@x.test"}, {"verified", true}, {"pendingCode", "ABC"}});
    })) << QStringLiteral("a verified address cannot have a pending code");
    QJsonObject tooMany = saved;
    tooMany.insert(QStringLiteral("generatedUsersPerOrg"), 1'000'001);
    QTest::newRow("too many generated") << compact(tooMany) << QStringLiteral("seed.generatedUsersPerOrg");
    QJsonObject outOfRange = saved;
    outOfRange.insert(QStringLiteral("generatedUsersPerOrg"), 5);
    outOfRange.insert(QStringLiteral("changedGeneratedUsers"),
        QJsonArray {QJsonObject {
            {"id", MockZitadel::generatedUserId(0, 5)}, {"sequence", "3"}, {"changeDate", "2026-01-01T00:00:00Z"}}});
    QTest::newRow("changed user beyond the count")
        << compact(outOfRange) << QStringLiteral("not one of the generated users (5 per organization)");
    QJsonObject unknownOrg = outOfRange;
    unknownOrg.insert(QStringLiteral("changedGeneratedUsers"),
        QJsonArray {QJsonObject {
            {"id", MockZitadel::generatedUserId(7, 1)}, {"sequence", "3"}, {"changeDate", "2026-01-01T00:00:00Z"}}});
    QTest::newRow("changed user of a missing organization")
        << compact(unknownOrg) << QStringLiteral("changedGeneratedUsers[0].id");
    const QJsonObject change {
        {"id", MockZitadel::generatedUserId(1, 2)}, {"sequence", "3"}, {"changeDate", "2026-01-01T00:00:00Z"}};
    QJsonObject duplicate = outOfRange;
    duplicate.insert(QStringLiteral("changedGeneratedUsers"), QJsonArray {change, change});
    QTest::newRow("changed user twice") << compact(duplicate) << QStringLiteral("duplicate id");
    QJsonObject zeroSequence = outOfRange;
    QJsonObject zero = change;
    zero.insert(QStringLiteral("sequence"), "0");
    zeroSequence.insert(QStringLiteral("changedGeneratedUsers"), QJsonArray {zero});
    QTest::newRow("changed user sequence 0") << compact(zeroSequence) << QStringLiteral("must be at least 1");
    QJsonObject createdWithoutCode = outOfRange;
    QJsonObject noCode = change;
    noCode.insert(
        QStringLiteral("email"), QJsonObject {{"verified", false}, {"pendingCodeCreated", "2026-01-01T00:00:00Z"}});
    createdWithoutCode.insert(QStringLiteral("changedGeneratedUsers"), QJsonArray {noCode});
    QTest::newRow("changed user, issue time without a code")
        << compact(createdWithoutCode) << QStringLiteral("changedGeneratedUsers[0].email.pendingCodeCreated");
    QJsonObject badCreated = outOfRange;
    QJsonObject badTime = change;
    badTime.insert(QStringLiteral("email"),
        QJsonObject {{"verified", false}, {"pendingCode", "ABCDEF"}, {"pendingCodeCreated", "yesterday"}});
    badCreated.insert(QStringLiteral("changedGeneratedUsers"), QJsonArray {badTime});
    QTest::newRow("changed user, issue time not a timestamp")
        << compact(badCreated) << QStringLiteral("not an RFC 3339 timestamp");
    QJsonObject generatedInUsers = saved;
    QJsonArray users = saved.value(QStringLiteral("users")).toArray();
    QJsonObject copy = users.at(0).toObject();
    copy.insert(QStringLiteral("id"), MockZitadel::generatedUserId(0, 1));
    users.append(copy);
    generatedInUsers.insert(QStringLiteral("users"), users);
    generatedInUsers.insert(QStringLiteral("generatedUsersPerOrg"), 5);
    QTest::newRow("generated id among the seed users")
        << compact(generatedInUsers) << QStringLiteral("reserved for generated users");
}

void TestMockState::badStates()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    RouterHarness h;
    QSignalSpy reset(&h.zitadel(), &MockZitadel::stateReset);
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    const QByteArray before = h.admin("GET", "/_mock/state").body;

    const MockResponse r = h.admin("PUT", "/_mock/state", body);
    QCOMPARE(r.status, 400);
    QVERIFY2(errorOf(r).contains(mentions), qPrintable(errorOf(r)));
    QVERIFY2(errorOf(r).endsWith(QLatin1Char('.')), qPrintable(errorOf(r)));
    if (!body.isEmpty())
        QVERIFY2(errorOf(r).contains(QLatin1String("the mock is unchanged")), qPrintable(errorOf(r)));
    QCOMPARE(h.admin("GET", "/_mock/state").body, before);
    QCOMPARE(h.zitadel().outbox().size(), 1);
    QCOMPARE(reset.count(), 0);
}

void TestMockState::resetRestoresChangedAndVerifiedUsers()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    const MockUser donald = *z.user(SeedIds::Donald);
    QCOMPARE(donald.emailCode, QString(SeedIds::DonaldEmailCode));
    h.advance(60'000);
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    QVERIFY(z.pendingEmailCode(SeedIds::Donald) != donald.emailCode);

    // Pluto verified by a loaded state (the mock's own verify calls arrive separately).
    const QJsonObject state =
        withUser(parse(h.admin("GET", "/_mock/state").body), "users", SeedIds::Pluto, [](QJsonObject& u) {
            QJsonObject email = u.value(QStringLiteral("email")).toObject();
            email.insert(QStringLiteral("verified"), true);
            u.insert(QStringLiteral("email"), email);
        });
    QCOMPARE(h.admin("PUT", "/_mock/state", compact(state)).status, 200);
    QVERIFY(z.user(SeedIds::Pluto)->emailVerified);
    QCOMPARE(resendPhone(h, SeedIds::Minnie).status, 200);
    QCOMPARE(z.outbox().size(), 1);
    const quint64 logged = h.router().requestCount();

    QSignalSpy reset(&z, &MockZitadel::stateReset);
    QSignalSpy cleared(&z, &MockZitadel::outboxCleared);
    const MockResponse r = h.admin("POST", "/_mock/reset");
    QCOMPARE(r.status, 200);
    QCOMPARE(RouterHarness::json(r),
        QJsonObject({{"organizations", "4"}, {"users", QString::number(SeedIds::SeedUserCount)}, {"usersPerOrg", 0}}));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(cleared.count(), 1);
    const MockUser after = *z.user(SeedIds::Donald);
    QCOMPARE(after.emailCode, donald.emailCode);
    QCOMPARE(after.sequence, donald.sequence);
    QCOMPARE(after.changeDate, donald.changeDate);
    QVERIFY(!z.user(SeedIds::Pluto)->emailVerified);
    QVERIFY(z.outbox().isEmpty());
    QCOMPARE(z.processedSequence(), quint64(20481));
    QCOMPARE(h.router().requestCount(), logged + 1); // the request log is kept
    QCOMPARE(h.router().requestLog().size(), qsizetype(logged + 1));
}

void TestMockState::resetRepeatsCodes()
{
    RouterHarness h;
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    QCOMPARE(resendPhone(h, SeedIds::Minnie).status, 200);
    const QString email = h.zitadel().pendingEmailCode(SeedIds::Donald);
    const QString phone = h.zitadel().pendingPhoneCode(SeedIds::Minnie);
    QCOMPARE(h.admin("POST", "/_mock/reset").status, 200);
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    QCOMPARE(resendPhone(h, SeedIds::Minnie).status, 200);
    QCOMPARE(h.zitadel().pendingEmailCode(SeedIds::Donald), email);
    QCOMPARE(h.zitadel().pendingPhoneCode(SeedIds::Minnie), phone);
}

void TestMockState::resetKeepsStartUsersPerOrg()
{
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 10;
    RouterHarness h(options);
    QCOMPARE(h.admin("POST", "/_mock/generate", R"({"usersPerOrg":3})").status, 200);
    QCOMPARE(h.zitadel().users().userCount(), quint64(SeedIds::SeedUserCount + 4 * 3));
    QCOMPARE(h.admin("POST", "/_mock/reset").status, 200);
    QCOMPARE(h.zitadel().usersPerOrg(), quint64(10));
    QCOMPARE(h.zitadel().users().userCount(), quint64(SeedIds::SeedUserCount + 4 * 10));
}

void TestMockState::generate_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<quint64>("perOrg");
    QTest::newRow("none") << QByteArray(R"({"usersPerOrg":0})") << quint64(0);
    QTest::newRow("one") << QByteArray(R"({"usersPerOrg":1})") << quint64(1);
    QTest::newRow("seven as a string") << QByteArray(R"({"usersPerOrg":"7"})") << quint64(7);
    QTest::newRow("thousand") << QByteArray(R"({"usersPerOrg":1000})") << quint64(1000);
    QTest::newRow("million") << QByteArray(R"({"usersPerOrg":1000000})") << quint64(1'000'000);
}

void TestMockState::generate()
{
    QFETCH(QByteArray, body);
    QFETCH(quint64, perOrg);
    RouterHarness h;
    QSignalSpy reset(&h.zitadel(), &MockZitadel::stateReset);
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);

    const MockResponse r = h.admin("POST", "/_mock/generate", body);
    QVERIFY2(r.status == 200, r.body.constData());
    const quint64 users = SeedIds::SeedUserCount + 4 * perOrg;
    QCOMPARE(RouterHarness::json(r),
        QJsonObject({{"organizations", "4"}, {"users", QString::number(users)}, {"usersPerOrg", qint64(perOrg)}}));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(h.zitadel().users().userCount(), users);
    QCOMPARE(h.zitadel().pendingEmailCode(SeedIds::Donald), QString(SeedIds::DonaldEmailCode)); // a reset too
    QVERIFY(h.zitadel().outbox().isEmpty());
    QCOMPARE(RouterHarness::json(h.admin("GET", "/_mock/settings")).value(QStringLiteral("usersPerOrg")),
        QJsonValue(qint64(perOrg)));
    for (int org = 0; org < 4; ++org) {
        if (perOrg > 0)
            QCOMPARE(h.get("/v2/users/" + MockZitadel::generatedUserId(org, perOrg - 1).toLatin1(), Admin).status, 200);
        QCOMPARE(h.get("/v2/users/" + MockZitadel::generatedUserId(org, perOrg).toLatin1(), Admin).status, 404);
    }
}

void TestMockState::generateDropsChangedGeneratedUsers()
{
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 10;
    RouterHarness h(options);
    const QString id = generatedUser(h.zitadel(), 0, pendingEmail);
    const MockUser generated = *h.zitadel().user(id);
    QCOMPARE(resendEmail(h, id).status, 200);
    QCOMPARE(h.admin("POST", "/_mock/generate", R"({"usersPerOrg":10})").status, 200);
    QCOMPARE(h.zitadel().pendingEmailCode(id), generated.emailCode);
    QCOMPARE(h.zitadel().userSequence(id), generated.sequence);
    QVERIFY(
        parse(h.admin("GET", "/_mock/state").body).value(QStringLiteral("changedGeneratedUsers")).toArray().isEmpty());
}

void TestMockState::badGenerateBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("{\"usersPerOrg\": 1000}");
    QTest::newRow("not JSON") << QByteArray("{usersPerOrg:5}") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[5]") << QStringLiteral("JSON object");
    QTest::newRow("missing") << QByteArray("{}") << QStringLiteral("\"usersPerOrg\" is missing");
    QTest::newRow("negative") << QByteArray(R"({"usersPerOrg":-1})") << QStringLiteral("not -1");
    QTest::newRow("too many") << QByteArray(R"({"usersPerOrg":1000001})") << QStringLiteral("from 0 to 1000000");
    QTest::newRow("fraction") << QByteArray(R"({"usersPerOrg":2.5})") << QStringLiteral("2.5");
    QTest::newRow("word") << QByteArray(R"({"usersPerOrg":"many"})") << QStringLiteral("\"many\"");
    QTest::newRow("null") << QByteArray(R"({"usersPerOrg":null})") << QStringLiteral("null");
    QTest::newRow("unknown field") << QByteArray(R"({"usersPerOrg":5,"orgs":2})") << QStringLiteral("\"orgs\"");
}

void TestMockState::badGenerateBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    RouterHarness h;
    QSignalSpy reset(&h.zitadel(), &MockZitadel::stateReset);
    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    const MockResponse r = h.admin("POST", "/_mock/generate", body);
    QCOMPARE(r.status, 400);
    QVERIFY2(errorOf(r).contains(mentions), qPrintable(errorOf(r)));
    QVERIFY2(errorOf(r).at(0).isUpper() && errorOf(r).endsWith(QLatin1Char('.')), qPrintable(errorOf(r)));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(h.zitadel().users().userCount(), quint64(SeedIds::SeedUserCount));
    QCOMPARE(h.zitadel().outbox().size(), 1);
}

void TestMockState::startFromSavedState()
{
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 200; // enough to include users without an email
    RouterHarness h(options);
    const QString id = generatedUser(h.zitadel(), 1, pendingEmail);
    const QString noEmail = generatedUser(h.zitadel(), 1, withoutEmail);
    QVERIFY(!noEmail.isEmpty());
    QCOMPARE(resendEmail(h, id).status, 200);
    const QString code = h.zitadel().pendingEmailCode(id);
    const QByteArray saved = h.admin("GET", "/_mock/state").body;

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(saved);
    file.close();

    // usersPerOrg 0 takes the saved count; the same count is fine; another is refused.
    for (const quint64 perOrg : {quint64(0), quint64(200)}) {
        MockOptions again;
        again.seedFile = file.fileName();
        again.usersPerOrg = perOrg;
        QString error;
        const auto mock = MockZitadel::create(again, &error);
        QVERIFY2(mock, qPrintable(error));
        QCOMPARE(mock->usersPerOrg(), quint64(200));
        QCOMPARE(mock->pendingEmailCode(id), code);
    }
    MockOptions other;
    other.seedFile = file.fileName();
    other.usersPerOrg = 30;
    QString error;
    QVERIFY(!MockZitadel::create(other, &error));
    QVERIFY2(error.contains(QLatin1String("200")) && error.contains(QLatin1String("30")), qPrintable(error));

    // A changed generated user can only change what it has.
    const QJsonObject bad = withUser(
        parse(saved), "changedGeneratedUsers", id, [&](QJsonObject& u) { u.insert(QStringLiteral("id"), noEmail); });
    QVERIFY(!MockSeedLoader::parse(compact(bad), &error));
    QVERIFY2(error.contains(QLatin1String("this generated user has no email")), qPrintable(error));
}

void TestMockState::pendingCodesKeepTheirAge_data()
{
    QTest::addColumn<bool>("generated");
    QTest::newRow("seed user") << false;
    QTest::newRow("generated user") << true;
}

// A code's age is state: an email code that expired before the save is still expired after the
// load, even though the user changed later (a phone code sent an hour after it), and the fresh
// phone code still verifies. Without "pendingCodeCreated" the loader would date both codes to
// the user's last change and the expired one would verify again.
void TestMockState::pendingCodesKeepTheirAge()
{
    QFETCH(bool, generated);
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = generated ? 200 : 0;
    RouterHarness h(options);
    MockZitadel& z = h.zitadel();
    const QString id = generated
        ? generatedUser(z, 2, [](const MockUser& u) { return pendingEmail(u) && pendingPhone(u); })
        : QString::fromLatin1(SeedIds::InitechPeter);
    QVERIFY(!id.isEmpty());

    QCOMPARE(resendEmail(h, id).status, 200);
    const QDateTime emailIssued = h.now();
    const QString emailCode = z.pendingEmailCode(id);
    h.advance(qint64(MockZitadel::DefaultCodeLifetimeSeconds + 1) * 1000);
    QCOMPARE(resendPhone(h, id).status, 200);
    const QDateTime phoneIssued = h.now();
    const QString phoneCode = z.pendingPhoneCode(id);
    QVERIFY(z.isCodeExpired(z.user(id)->emailCodeCreated));
    QVERIFY(!z.isCodeExpired(z.user(id)->phoneCodeCreated));

    // Saved with each code's issue time, next to the code.
    const QByteArray saved = h.admin("GET", "/_mock/state").body;
    const QJsonObject user = savedUser(parse(saved), id);
    QCOMPARE(timeOf(user, "changeDate"), phoneIssued);
    const QJsonObject email = user.value(QStringLiteral("email")).toObject();
    const QJsonObject phone = user.value(QStringLiteral("phone")).toObject();
    QCOMPARE(email.value(QStringLiteral("pendingCode")).toString(), emailCode);
    QCOMPARE(timeOf(email, "pendingCodeCreated"), emailIssued);
    QCOMPARE(phone.value(QStringLiteral("pendingCode")).toString(), phoneCode);
    QCOMPARE(timeOf(phone, "pendingCodeCreated"), phoneIssued);

    // Reset forgets the codes; loading the saved state brings them back with their ages.
    QCOMPARE(h.admin("POST", "/_mock/reset").status, 200);
    QVERIFY(z.pendingEmailCode(id) != emailCode);
    QCOMPARE(h.admin("PUT", "/_mock/state", saved).status, 200);
    QCOMPARE(h.admin("GET", "/_mock/state").body, saved);
    QCOMPARE(z.user(id)->emailCodeCreated, emailIssued);
    QCOMPARE(z.user(id)->phoneCodeCreated, phoneIssued);

    const MockResponse expired = verify(h, id, true, emailCode);
    QCOMPARE(expired.status, 400);
    QVERIFY2(expired.body.contains("COMMAND-eis9R"), expired.body.constData());
    QVERIFY(!z.user(id)->emailVerified);
    const MockResponse fresh = verify(h, id, false, phoneCode);
    QVERIFY2(fresh.status == 200, fresh.body.constData());
    QVERIFY(z.user(id)->phoneVerified);

    // The same from a file, as verifydesk-mock --seed starts from it.
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(saved);
    file.close();
    MockOptions again = RouterHarness::defaultOptions();
    again.seedFile = file.fileName();
    QString error;
    const auto mock = MockZitadel::create(again, &error);
    QVERIFY2(mock, qPrintable(error));
    QCOMPARE(mock->user(id)->emailCodeCreated, emailIssued);
    QCOMPARE(mock->user(id)->phoneCodeCreated, phoneIssued);
}

// States saved before "pendingCodeCreated" was written still load: a changed generated user's
// code then counts as issued at the record's changeDate, as for seed users.
void TestMockState::changedGeneratedWithoutIssueTime()
{
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 20;
    RouterHarness h(options);
    MockZitadel& z = h.zitadel();
    const QString id = generatedUser(z, 0, pendingEmail);
    QCOMPARE(resendEmail(h, id).status, 200);
    const QString code = z.pendingEmailCode(id);
    h.advance(5000);
    QJsonObject state =
        withUser(parse(h.admin("GET", "/_mock/state").body), "changedGeneratedUsers", id, [](QJsonObject& u) {
            QJsonObject email = u.value(QStringLiteral("email")).toObject();
            QVERIFY(email.contains(QStringLiteral("pendingCodeCreated")));
            email.remove(QStringLiteral("pendingCodeCreated"));
            u.insert(QStringLiteral("email"), email);
            u.insert(QStringLiteral("changeDate"), QStringLiteral("2026-03-01T10:00:00Z"));
        });
    QCOMPARE(h.admin("PUT", "/_mock/state", compact(state)).status, 200);
    QCOMPARE(z.pendingEmailCode(id), code);
    QCOMPARE(z.user(id)->emailCodeCreated, QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
    // Saving writes the time it assumed, so the next round trip is exact.
    QCOMPARE(savedUser(parse(h.admin("GET", "/_mock/state").body), id)
                 .value(QStringLiteral("email"))
                 .toObject()
                 .value(QStringLiteral("pendingCodeCreated"))
                 .toString(),
        QStringLiteral("2026-03-01T10:00:00Z"));
}

void TestMockState::settingsAndFaultsOutliveTheState_data()
{
    QTest::addColumn<Replace>("replace");
    QTest::newRow("reset") << Replace::Reset;
    QTest::newRow("generate") << Replace::Generate;
    QTest::newRow("load") << Replace::Load;
}

// The code lifetime is a setting like the random seed, not state: replacing the state keeps it,
// and it goes on acting on the codes of the new state. The fault rules (the router's) stay too.
void TestMockState::settingsAndFaultsOutliveTheState()
{
    QFETCH(Replace, replace);
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    const QByteArray saved = h.admin("GET", "/_mock/state").body;
    QCOMPARE(h.admin("PUT", "/_mock/settings", R"({"codeLifetimeSeconds":60,"randomSeed":9})").status, 200);
    QCOMPARE(h.admin("POST", "/_mock/faults", R"({"endpoint":"user.GetUserByID","latencyMs":5})").status, 200);
    const QByteArray faults = h.admin("GET", "/_mock/faults").body;

    MockResponse r;
    switch (replace) {
    case Replace::Reset:
        r = h.admin("POST", "/_mock/reset");
        break;
    case Replace::Generate:
        r = h.admin("POST", "/_mock/generate", R"({"usersPerOrg":5})");
        break;
    case Replace::Load:
        r = h.admin("PUT", "/_mock/state", saved);
        break;
    }
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(z.codeLifetimeSeconds(), 60);
    QCOMPARE(z.randomSeed(), quint64(9));
    QCOMPARE(RouterHarness::json(h.admin("GET", "/_mock/settings")).value(QStringLiteral("codeLifetimeSeconds")),
        QJsonValue(60));
    QCOMPARE(h.admin("GET", "/_mock/faults").body, faults);
    // The saved state does not carry it: it is not part of the seed format. (The "oidc"
    // section's codeLifetimeSeconds is another lifetime, the authorization code's.)
    const QJsonObject state = RouterHarness::json(h.admin("GET", "/_mock/state"));
    QVERIFY(!state.isEmpty());
    QVERIFY(!state.contains(QStringLiteral("codeLifetimeSeconds")));
    QVERIFY(!state.contains(QStringLiteral("settings")));

    QCOMPARE(resendEmail(h, SeedIds::Donald).status, 200);
    QCOMPARE(resendEmail(h, SeedIds::Goofy).status, 200);
    h.advance(60'000); // exactly the lifetime: still good
    QCOMPARE(verify(h, SeedIds::Goofy, true, z.pendingEmailCode(SeedIds::Goofy)).status, 200);
    h.advance(1);
    const MockResponse expired = verify(h, SeedIds::Donald, true, z.pendingEmailCode(SeedIds::Donald));
    QCOMPARE(expired.status, 400);
    QVERIFY2(expired.body.contains("COMMAND-eis9R"), expired.body.constData());
}

QTEST_GUILESS_MAIN(TestMockState)
#include "TestMockState.moc"
