// Verify semantics at router level: user service v2 VerifyEmail / VerifyPhone over REST and
// Connect. What a good code changes; every refusal and whether it still counts as an attempt;
// code expiry against the pinned clock; the code lifetime setting; request validation; the
// seed's pendingCodeCreated.

#include "RouterHarness.h"
#include "SeedIds.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

namespace
{
const QByteArray Admin(SeedIds::AdminToken);
const QByteArray Support(SeedIds::SupportToken);
const QByteArray Readonly(SeedIds::ReadonlyToken);

enum class Api
{
    EmailRest,
    EmailConnect,
    PhoneRest,
    PhoneConnect,
};

bool isEmail(Api api)
{
    return api == Api::EmailRest || api == Api::EmailConnect;
}

bool isConnect(Api api)
{
    return api == Api::EmailConnect || api == Api::PhoneConnect;
}

const char* nameOf(Api api)
{
    switch (api) {
    case Api::EmailRest:
        return "email rest";
    case Api::EmailConnect:
        return "email connect";
    case Api::PhoneRest:
        return "phone rest";
    case Api::PhoneConnect:
        return "phone connect";
    }
    return "";
}

const Api AllApis[] = {Api::EmailRest, Api::EmailConnect, Api::PhoneRest, Api::PhoneConnect};

// One verify call; `code` is sent as given (a string, or anything else to provoke decoding).
MockResponse verify(RouterHarness& h, Api api, const QByteArray& token, const QString& userId, const QJsonValue& code)
{
    QJsonObject body;
    if (!code.isUndefined())
        body.insert(QStringLiteral("verificationCode"), code);
    if (isConnect(api)) {
        body.insert(QStringLiteral("userId"), userId);
        return h.connect(
            isEmail(api) ? "zitadel.user.v2.UserService/VerifyEmail" : "zitadel.user.v2.UserService/VerifyPhone",
            token,
            body);
    }
    const QByteArray id = userId.toUtf8().toPercentEncoding();
    return h.post("/v2/users/" + id + (isEmail(api) ? "/email/verify" : "/phone/verify"), token, body);
}

// A fresh code for the channel of `api`, issued now by a v2 resend with returnCode.
QString issueCode(RouterHarness& h, Api api, const QString& userId)
{
    const QByteArray id = userId.toUtf8().toPercentEncoding();
    const MockResponse r = h.post("/v2/users/" + id + (isEmail(api) ? "/email/resend" : "/phone/resend"),
        Admin,
        QJsonObject {{QStringLiteral("returnCode"), QJsonObject()}});
    return RouterHarness::json(r).value(QStringLiteral("verificationCode")).toString();
}

QString pendingCode(RouterHarness& h, Api api, const QString& userId)
{
    return isEmail(api) ? h.zitadel().pendingEmailCode(userId) : h.zitadel().pendingPhoneCode(userId);
}

bool isVerified(const MockUser& u, Api api)
{
    return isEmail(api) ? u.emailVerified : u.phoneVerified;
}

void expectError(const MockResponse& r, Api api, int status, int code, const QString& id, const QString& text)
{
    QCOMPARE(r.status, status);
    static const QHash<int, QString> connectCodes {{3, QStringLiteral("invalid_argument")},
        {5, QStringLiteral("not_found")},
        {9, QStringLiteral("failed_precondition")},
        {16, QStringLiteral("unauthenticated")}};
    const QJsonObject body = RouterHarness::json(r);
    if (isConnect(api))
        QCOMPARE(body, RouterHarness::connectError(connectCodes.value(code), id, text));
    else
        QCOMPARE(body, RouterHarness::restError(code, id, text));
}

// How a refusal row prepares the code it sends.
enum class Prepare
{
    Nothing, // send the row's code as it is
    Fresh, // issue a fresh code, send the row's code
    FreshThenExpire, // issue a fresh code, let it expire, send it
    FreshLowerCase, // issue a fresh code, send it in lower case
    Pending, // send whatever code the seed left pending
};

const QString CodeInvalid = QStringLiteral("Code is invalid");

// A seed with one organization, one token and two users whose email codes were issued at known
// times, for the pendingCodeCreated rules. The harness clock stands at 2026-03-02T14:20:01.733Z.
const char CodeTimeSeed[] = R"({
  "format": "verifydesk-mock-seed/1",
  "instance": {"id": "9", "domain": "x.test"},
  "organizations": [{"id": "1", "name": "O", "state": "ACTIVE", "primaryDomain": "o.test", "sequence": "1",
                     "creationDate": "2025-01-01T00:00:00Z", "changeDate": "2025-01-01T00:00:00Z"}],
  "users": [
    {"id": "10", "organizationId": "1", "type": "human", "state": "ACTIVE", "userName": "given", "sequence": "3",
     "creationDate": "2025-01-01T00:00:00Z", "changeDate": "2025-01-01T00:00:00Z",
     "profile": {"givenName": "G", "familyName": "F"},
     "email": {"address": "g@o.test", "pendingCode": "AAAAAA", "pendingCodeCreated": "2026-03-02T14:00:00Z"}},
    {"id": "11", "organizationId": "1", "type": "human", "state": "ACTIVE", "userName": "absent", "sequence": "3",
     "creationDate": "2025-01-01T00:00:00Z", "changeDate": "2026-03-02T12:00:00Z",
     "profile": {"givenName": "A", "familyName": "B"},
     "email": {"address": "a@o.test", "pendingCode": "BBBBBB"},
     "phone": {"number": "+41790000000", "pendingCode": "123456", "pendingCodeCreated": "2026-03-02T14:19:00Z"}},
    {"id": "12", "organizationId": "1", "type": "machine", "state": "ACTIVE", "userName": "bot", "sequence": "1",
     "creationDate": "2025-01-01T00:00:00Z", "changeDate": "2025-01-01T00:00:00Z", "machine": {"name": "Bot"}}
  ],
  "tokens": [{"token": "t", "userId": "12",
              "grants": [{"organizationId": "*", "permissions": ["user.read", "user.write"]}]}]
})";
} // namespace

Q_DECLARE_METATYPE(Api)
Q_DECLARE_METATYPE(Prepare)

class TestMockVerify : public QObject
{
    Q_OBJECT

private slots:
    void success_data();
    void success();
    void refusals_data();
    void refusals();
    void anyAuthenticatedCallerMayVerify_data();
    void anyAuthenticatedCallerMayVerify();
    void requestValidation_data();
    void requestValidation();
    void expiryBoundary_data();
    void expiryBoundary();
    void lifetimeBounds_data();
    void lifetimeBounds();
    void lifetimeAppliesToPendingCodes();
    void onlyTheNewestCodeCounts();
    void generatedUsers();
    void seedCodeCreationTime();
};

void TestMockVerify::success_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("userId");
    QTest::newRow("email rest") << Api::EmailRest << QString(SeedIds::Donald);
    QTest::newRow("email connect") << Api::EmailConnect << QString(SeedIds::GlobexMinnie);
    QTest::newRow("email rest, inactive user") << Api::EmailRest << QString(SeedIds::Gladstone);
    QTest::newRow("email connect, non-ASCII user") << Api::EmailConnect << QString(SeedIds::Zoe);
    QTest::newRow("phone rest") << Api::PhoneRest << QString(SeedIds::Minnie);
    QTest::newRow("phone connect") << Api::PhoneConnect << QString(SeedIds::NoEmail);
    QTest::newRow("phone rest, locked user") << Api::PhoneRest << QString(SeedIds::Magica);
}

void TestMockVerify::success()
{
    QFETCH(Api, api);
    QFETCH(QString, userId);
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    const QString code = issueCode(h, api, userId);
    QVERIFY(!code.isEmpty());
    const MockUser before = *z.user(userId);
    QVERIFY(!isVerified(before, api));
    const quint64 processed = z.processedSequence();
    QStringList changed;
    QObject::connect(&z, &MockZitadel::userChanged, &z, [&changed](const QString& id) { changed.append(id); });

    h.advance(90'000); // well inside the lifetime
    const MockResponse r = verify(h, api, Admin, userId, code);
    QCOMPARE(r.status, 200);
    const MockUser after = *z.user(userId);
    // {"details":{"sequence":"N","changeDate":"...","resourceOwner":"..."}}, byte for byte.
    const QByteArray expected = "{\"details\":{\"sequence\":\"" + QByteArray::number(before.sequence + 1)
        + "\",\"changeDate\":\"2026-03-02T14:21:31.733Z\",\"resourceOwner\":\"" + before.orgId.toLatin1() + "\"}}";
    QCOMPARE(r.body, expected);

    QVERIFY(isVerified(after, api));
    QVERIFY(pendingCode(h, api, userId).isEmpty());
    QVERIFY(!(isEmail(api) ? after.emailCodeCreated : after.phoneCodeCreated).isValid());
    QCOMPARE(after.sequence, before.sequence + 1);
    QCOMPARE(after.changeDate, h.now());
    QCOMPARE(z.processedSequence(), processed + 1);
    QCOMPARE(changed, QStringList {userId});
    // The other channel is untouched.
    QCOMPARE(isEmail(api) ? after.phoneVerified : after.emailVerified,
        isEmail(api) ? before.phoneVerified : before.emailVerified);
    QCOMPARE(isEmail(api) ? after.phoneCode : after.emailCode, isEmail(api) ? before.phoneCode : before.emailCode);
    QCOMPARE(z.outboxTotal(), quint64(0));

    // GetUserByID shows the address verified.
    const QJsonObject human = RouterHarness::json(h.get("/v2/users/" + userId.toUtf8(), Admin))
                                  .value(QStringLiteral("user"))
                                  .toObject()
                                  .value(QStringLiteral("human"))
                                  .toObject();
    const QJsonObject contact =
        human.value(isEmail(api) ? QStringLiteral("email") : QStringLiteral("phone")).toObject();
    QCOMPARE(contact.value(QStringLiteral("isVerified")), QJsonValue(true));
}

void TestMockVerify::refusals_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<Prepare>("prepare");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("grpc");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("attempt"); // ZITADEL recorded a failed attempt (sequence + 1)

    const QString notInit = QStringLiteral("User is not yet initialized");
    const QString eis9R = QStringLiteral("COMMAND-eis9R");
    for (const Api api : AllApis) {
        const bool email = isEmail(api);
        const char* t = nameOf(api);
        const QString notFound = email ? QStringLiteral("Email not found") : QStringLiteral("Phone not found");
        const QString pendingUser(email ? SeedIds::Donald : SeedIds::Minnie);
        QTest::addRow("%s: unknown user", t)
            << api << QStringLiteral("1234") << Prepare::Nothing << QStringLiteral("ABC123") << 404 << 5
            << QStringLiteral("COMMAND-ieJ2e") << notFound << false;
        QTest::addRow("%s: unknown generated-looking id", t)
            << api << QStringLiteral("900000000000000001") << Prepare::Nothing << QStringLiteral("ABC123") << 404 << 5
            << QStringLiteral("COMMAND-ieJ2e") << notFound << false;
        QTest::addRow("%s: machine user", t)
            << api << QString(SeedIds::CiBot) << Prepare::Nothing << QStringLiteral("ABC123") << 404 << 5
            << QStringLiteral("COMMAND-ieJ2e") << notFound << false;
        // Initial users have a pending code, yet are refused before it is looked at.
        QTest::addRow("%s: initial user", t)
            << api << QString(email ? SeedIds::Scrooge : SeedIds::Ludwig) << Prepare::Pending << QString() << 400 << 9
            << QStringLiteral("COMMAND-uz0Uu") << notInit << false;
        QTest::addRow("%s: wrong code", t) << api << pendingUser << Prepare::Fresh << QStringLiteral("WRONG1") << 400
                                           << 3 << eis9R << CodeInvalid << true;
        QTest::addRow("%s: wrong code of the longest length", t)
            << api << pendingUser << Prepare::Fresh << QString(20, QLatin1Char('Z')) << 400 << 3 << eis9R << CodeInvalid
            << true;
        if (email) // phone codes are digits, which have no case
            QTest::addRow("%s: right code in the wrong case", t)
                << api << pendingUser << Prepare::FreshLowerCase << QString() << 400 << 3 << eis9R << CodeInvalid
                << true;
        QTest::addRow("%s: expired code", t)
            << api << pendingUser << Prepare::FreshThenExpire << QString() << 400 << 3 << eis9R << CodeInvalid << true;
        // The seed's codes were sent in 2025, far longer ago than the default hour.
        QTest::addRow("%s: seed code older than the lifetime", t)
            << api << pendingUser << Prepare::Pending << QString() << 400 << 3 << eis9R << CodeInvalid << true;
        QTest::addRow("%s: no code pending", t) << api << QString(SeedIds::Pluto) << Prepare::Nothing
                                                << QStringLiteral("ABC123") << 400 << 3 << eis9R << CodeInvalid << true;
        QTest::addRow("%s: already verified", t)
            << api << QString(email ? SeedIds::Minnie : SeedIds::Donald) << Prepare::Nothing << QStringLiteral("ABC123")
            << 400 << 3 << eis9R << CodeInvalid << true;
        QTest::addRow("%s: no address", t)
            << api << QString(email ? SeedIds::NoEmail : SeedIds::Goofy) << Prepare::Nothing << QStringLiteral("ABC123")
            << 400 << 3 << eis9R << CodeInvalid << true;
    }
}

void TestMockVerify::refusals()
{
    QFETCH(Api, api);
    QFETCH(QString, userId);
    QFETCH(Prepare, prepare);
    QFETCH(QString, code);
    QFETCH(int, status);
    QFETCH(int, grpc);
    QFETCH(QString, id);
    QFETCH(QString, text);
    QFETCH(bool, attempt);
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    if (prepare == Prepare::Fresh || prepare == Prepare::FreshThenExpire || prepare == Prepare::FreshLowerCase) {
        const QString fresh = issueCode(h, api, userId);
        QVERIFY(!fresh.isEmpty());
        if (prepare == Prepare::FreshThenExpire) {
            code = fresh;
            h.advance(qint64(z.codeLifetimeSeconds()) * 1000 + 1);
        }
        if (prepare == Prepare::FreshLowerCase) {
            code = fresh.toLower();
            QVERIFY(code != fresh);
        }
    }
    if (prepare == Prepare::Pending) {
        code = pendingCode(h, api, userId);
        QVERIFY(!code.isEmpty());
    }
    const auto before = z.user(userId);
    const quint64 processed = z.processedSequence();
    h.advance(1000);

    expectError(verify(h, api, Admin, userId, code), api, status, grpc, id, text);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(z.processedSequence(), processed + (attempt ? 1 : 0));
    QCOMPARE(z.outboxTotal(), quint64(0));
    if (!before)
        return;
    const MockUser after = *z.user(userId);
    QCOMPARE(after.sequence, before->sequence + (attempt ? 1 : 0));
    QCOMPARE(after.changeDate, attempt ? h.now() : before->changeDate);
    // A refused code stays pending (a later right one may still pass) and nothing turns verified.
    QCOMPARE(after.emailCode, before->emailCode);
    QCOMPARE(after.phoneCode, before->phoneCode);
    QCOMPARE(after.emailCodeCreated, before->emailCodeCreated);
    QCOMPARE(after.emailVerified, before->emailVerified);
    QCOMPARE(after.phoneVerified, before->phoneVerified);
}

void TestMockVerify::anyAuthenticatedCallerMayVerify_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");
    // ZITADEL checks no permission on verify: the code is the proof (MockVerifyCommand.cpp).
    QTest::newRow("read-only token, another org")
        << Api::EmailRest << Readonly << QString(SeedIds::GlobexMinnie) << 200 << QString() << QString();
    QTest::newRow("support token, another org")
        << Api::PhoneConnect << Support << QString(SeedIds::GlobexMinnie) << 200 << QString() << QString();
    QTest::newRow("no token, rest") << Api::EmailRest << QByteArray() << QString(SeedIds::Donald) << 401 << QString()
                                    << QStringLiteral("auth header missing");
    QTest::newRow("no token, connect") << Api::PhoneConnect << QByteArray() << QString(SeedIds::Minnie) << 401
                                       << QString() << QStringLiteral("auth header missing");
    QTest::newRow("unknown token") << Api::EmailConnect << QByteArray("nope") << QString(SeedIds::Donald) << 401
                                   << QStringLiteral("AUTH-7fs1e") << QStringLiteral("Token is invalid");
}

void TestMockVerify::anyAuthenticatedCallerMayVerify()
{
    QFETCH(Api, api);
    QFETCH(QByteArray, token);
    QFETCH(QString, userId);
    QFETCH(int, status);
    QFETCH(QString, id);
    QFETCH(QString, text);
    RouterHarness h;
    const QString code = issueCode(h, api, userId);
    const quint64 sequence = h.zitadel().userSequence(userId);
    const MockResponse r = verify(h, api, token, userId, code);
    if (status == 200) {
        QCOMPARE(r.status, 200);
        QVERIFY(isVerified(*h.zitadel().user(userId), api));
        return;
    }
    expectError(r, api, status, 16, id, text);
    QCOMPARE(h.zitadel().userSequence(userId), sequence); // not even an attempt
    QCOMPARE(pendingCode(h, api, userId), code);
}

void TestMockVerify::requestValidation_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QJsonValue>("code");
    QTest::addColumn<QString>("message");

    const QString codeLength =
        QStringLiteral("invalid %1.VerificationCode: value length must be between 1 and 20 runes, inclusive");
    const QString idLength =
        QStringLiteral("invalid %1.UserId: value length must be between 1 and 200 runes, inclusive");
    const QString longId(201, QLatin1Char('1'));
    for (const Api api : AllApis) {
        const char* t = nameOf(api);
        const QString message =
            isEmail(api) ? QStringLiteral("VerifyEmailRequest") : QStringLiteral("VerifyPhoneRequest");
        const QString donald(SeedIds::Donald);
        QTest::addRow("%s: empty code", t) << api << donald << QJsonValue(QString()) << codeLength.arg(message);
        QTest::addRow("%s: no code", t) << api << donald << QJsonValue(QJsonValue::Undefined)
                                        << codeLength.arg(message);
        QTest::addRow("%s: null code", t) << api << donald << QJsonValue(QJsonValue::Null) << codeLength.arg(message);
        QTest::addRow("%s: 21 characters", t)
            << api << donald << QJsonValue(QString(21, QLatin1Char('A'))) << codeLength.arg(message);
        QTest::addRow("%s: 21 non-ASCII runes", t)
            << api << donald << QJsonValue(QString(21, QChar(0x00e9))) << codeLength.arg(message);
        QTest::addRow("%s: 201-digit id", t)
            << api << longId << QJsonValue(QStringLiteral("ABC123")) << idLength.arg(message);
        QTest::addRow("%s: the id is checked before the code", t)
            << api << longId << QJsonValue(QString()) << idLength.arg(message);
        const QString decode = QStringLiteral("proto: invalid value for string field verificationCode: 5");
        QTest::addRow("%s: code is a number", t)
            << api << donald << QJsonValue(5)
            << (isConnect(api) ? QStringLiteral("unmarshal into *user.%1: ").arg(message) + decode : decode);
    }
    QTest::newRow("email connect: empty id") << Api::EmailConnect << QString() << QJsonValue(QStringLiteral("ABC123"))
                                             << idLength.arg(QStringLiteral("VerifyEmailRequest"));
}

void TestMockVerify::requestValidation()
{
    QFETCH(Api, api);
    QFETCH(QString, userId);
    QFETCH(QJsonValue, code);
    QFETCH(QString, message);
    RouterHarness h;
    const MockUser before = *h.zitadel().user(SeedIds::Donald);
    expectError(verify(h, api, Admin, userId, code), api, 400, 3, QString(), message);
    // Refused before the command: no attempt is recorded.
    QCOMPARE(h.zitadel().processedSequence(), quint64(20481));
    QCOMPARE(h.zitadel().user(SeedIds::Donald)->sequence, before.sequence);
}

void TestMockVerify::expiryBoundary_data()
{
    QTest::addColumn<int>("lifetime"); // seconds; 0 = leave the default
    QTest::addColumn<qint64>("advanceMs");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("default, just issued") << 0 << qint64(0) << true;
    QTest::newRow("default, at the last moment") << 0 << qint64(3600'000) << true;
    QTest::newRow("default, one millisecond later") << 0 << qint64(3600'001) << false;
    QTest::newRow("60 s, at the last moment") << 60 << qint64(60'000) << true;
    QTest::newRow("60 s, one millisecond later") << 60 << qint64(60'001) << false;
    QTest::newRow("1 s, one millisecond later") << 1 << qint64(1'001) << false;
}

void TestMockVerify::expiryBoundary()
{
    QFETCH(int, lifetime);
    QFETCH(qint64, advanceMs);
    QFETCH(bool, accepted);
    for (const Api api : AllApis) {
        RouterHarness h;
        if (lifetime > 0)
            QVERIFY(h.zitadel().setCodeLifetimeSeconds(lifetime));
        const QString userId(isEmail(api) ? SeedIds::Donald : SeedIds::Minnie);
        const QString code = issueCode(h, api, userId);
        h.advance(advanceMs);
        const MockResponse r = verify(h, api, Admin, userId, code);
        QCOMPARE(r.status, accepted ? 200 : 400);
        QCOMPARE(isVerified(*h.zitadel().user(userId), api), accepted);
    }
}

void TestMockVerify::lifetimeBounds_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("negative") << -1 << false;
    QTest::newRow("zero") << 0 << false;
    QTest::newRow("one second") << 1 << true;
    QTest::newRow("one hour") << 3600 << true;
    QTest::newRow("30 days") << 86400 * 30 << true;
    QTest::newRow("30 days and a second") << 86400 * 30 + 1 << false;
    QTest::newRow("int max") << std::numeric_limits<int>::max() << false;
}

void TestMockVerify::lifetimeBounds()
{
    QFETCH(int, seconds);
    QFETCH(bool, accepted);
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    QCOMPARE(z.codeLifetimeSeconds(), 3600); // ZITADEL's default: 1h
    QVERIFY(z.setCodeLifetimeSeconds(120));
    QCOMPARE(z.setCodeLifetimeSeconds(seconds), accepted);
    QCOMPARE(z.codeLifetimeSeconds(), accepted ? seconds : 120);
}

void TestMockVerify::lifetimeAppliesToPendingCodes()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    const QString code = issueCode(h, Api::EmailRest, SeedIds::Donald);
    h.advance(90'000);
    // Shortening the lifetime expires a code issued under the longer one (our choice; see
    // MockZitadel::isCodeExpired) ...
    QVERIFY(z.setCodeLifetimeSeconds(60));
    QCOMPARE(verify(h, Api::EmailRest, Admin, SeedIds::Donald, code).status, 400);
    // ... and lengthening it again revives it: a refused code stays pending.
    QVERIFY(z.setCodeLifetimeSeconds(3600));
    QCOMPARE(verify(h, Api::EmailRest, Admin, SeedIds::Donald, code).status, 200);
    // The seed's codes from 2025 pass with a lifetime that reaches back that far: none does.
    QVERIFY(z.setCodeLifetimeSeconds(MockZitadel::MaxCodeLifetimeSeconds));
    QCOMPARE(verify(h, Api::PhoneRest, Admin, SeedIds::Minnie, QString(SeedIds::MinniePhoneCode)).status, 400);
}

void TestMockVerify::onlyTheNewestCodeCounts()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    const quint64 start = z.userSequence(SeedIds::Minnie);
    const QString first = issueCode(h, Api::PhoneConnect, SeedIds::Minnie);
    const QString second = issueCode(h, Api::PhoneConnect, SeedIds::Minnie);
    QVERIFY(first != second);
    QCOMPARE(verify(h, Api::PhoneConnect, Admin, SeedIds::Minnie, first).status, 400);
    QCOMPARE(verify(h, Api::PhoneConnect, Admin, SeedIds::Minnie, second).status, 200);
    // Used once: the second try finds nothing pending.
    expectError(verify(h, Api::PhoneRest, Admin, SeedIds::Minnie, second),
        Api::PhoneRest,
        400,
        3,
        QStringLiteral("COMMAND-eis9R"),
        CodeInvalid);
    // Two codes, a failure, the success and the late failure: one event each.
    QCOMPARE(z.userSequence(SeedIds::Minnie), start + 5);
    QCOMPARE(z.processedSequence(), quint64(20481 + 5));
}

void TestMockVerify::generatedUsers()
{
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 60;
    RouterHarness h(options);
    MockZitadel& z = h.zitadel();
    QString userId;
    for (quint64 i = 0; i < 60 && userId.isEmpty(); ++i) {
        const QString id = MockZitadel::generatedUserId(0, i);
        if (!z.pendingEmailCode(id).isEmpty() && z.user(id)->state != MockUserState::Initial)
            userId = id;
    }
    QVERIFY2(!userId.isEmpty(), "60 generated users include one with a pending email code");
    const MockUser untouched = *z.user(userId);
    QCOMPARE(untouched.emailCodeCreated, untouched.changeDate);

    const QString code = issueCode(h, Api::EmailConnect, userId);
    QCOMPARE(verify(h, Api::EmailConnect, Admin, userId, code).status, 200);
    const MockUser after = *z.user(userId);
    QVERIFY(after.emailVerified);
    QCOMPARE(after.sequence, untouched.sequence + 2);
    // Lists read the overlay too.
    const QJsonObject list = RouterHarness::json(h.post("/v2/users",
        Admin,
        QJsonObject {{QStringLiteral("queries"),
            QJsonArray {QJsonObject {{QStringLiteral("inUserIdsQuery"),
                QJsonObject {{QStringLiteral("userIds"), QJsonArray {userId}}}}}}}}));
    const QJsonArray result = list.value(QStringLiteral("result")).toArray();
    QCOMPARE(result.size(), 1);
    QCOMPARE(result.first()["human"]["email"]["isVerified"], QJsonValue(true));
}

void TestMockVerify::seedCodeCreationTime()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("seed.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(CodeTimeSeed);
    file.close();
    MockOptions options = RouterHarness::defaultOptions();
    options.seedFile = file.fileName();
    RouterHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    MockZitadel& z = h.zitadel();
    const QDateTime given = QDateTime::fromString(QStringLiteral("2026-03-02T14:00:00Z"), Qt::ISODate);
    QCOMPARE(z.user(QStringLiteral("10"))->emailCodeCreated, given);
    QCOMPARE(z.user(QStringLiteral("11"))->emailCodeCreated, z.user(QStringLiteral("11"))->changeDate);
    QVERIFY(!z.user(QStringLiteral("10"))->phoneCodeCreated.isValid()); // no phone code, no time

    // Issued 20 minutes ago: good. Issued with the last change, 2 h 20 min ago: expired ...
    QCOMPARE(verify(h, Api::EmailRest, "t", QStringLiteral("10"), QStringLiteral("AAAAAA")).status, 200);
    QCOMPARE(verify(h, Api::EmailRest, "t", QStringLiteral("11"), QStringLiteral("BBBBBB")).status, 400);
    // ... while the same user's phone code, given a time a minute ago, is good.
    QCOMPARE(verify(h, Api::PhoneConnect, "t", QStringLiteral("11"), QStringLiteral("123456")).status, 200);
    // The expired one passes once codes live three hours.
    QVERIFY(z.setCodeLifetimeSeconds(3 * 3600));
    QCOMPARE(verify(h, Api::EmailConnect, "t", QStringLiteral("11"), QStringLiteral("BBBBBB")).status, 200);
}

QTEST_GUILESS_MAIN(TestMockVerify)
#include "TestMockVerify.moc"
