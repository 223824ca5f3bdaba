#include "ZitadelJson.h"

#include <QJsonDocument>
#include <QTest>

// protobuf-JSON decoding is lenient the way protojson is; these are the shapes ZITADEL sends.
class TestZitadelJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uint64AcceptsStringsAndNumbers_data();
    void uint64AcceptsStringsAndNumbers();
    void userFromTheDocumentedExample();
    void absentMeansDefault();
    void machineUser();
    void resendDetailsInBothShapes_data();
    void resendDetailsInBothShapes();
    void organizationStatesOfBothVersions();
    void searchLongerThanAPhoneNumberSkipsPhoneQuery();
    void emptySearchAddsNoQuery();
};

namespace
{
QJsonObject parse(const QByteArray& json)
{
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(json, &e).object();
    if (e.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", qPrintable(e.errorString()));
    return o;
}
} // namespace

void TestZitadelJson::uint64AcceptsStringsAndNumbers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<quint64>("value");
    QTest::newRow("string") << QByteArray(R"J({"v":"18446744073709551615"})J") << quint64(18446744073709551615ULL);
    QTest::newRow("number") << QByteArray(R"J({"v":42})J") << quint64(42);
    QTest::newRow("absent") << QByteArray(R"J({})J") << quint64(0);
    QTest::newRow("garbage string") << QByteArray(R"J({"v":"x"})J") << quint64(0);
    QTest::newRow("negative number") << QByteArray(R"J({"v":-3})J") << quint64(0);
    // Found by fuzz_response (UBSan: float-cast-overflow): a number beyond 2^64 is no uint64.
    QTest::newRow("number beyond 64 bits") << QByteArray(R"J({"v":7.7e101})J") << quint64(0);
    QTest::newRow("2^64 exactly") << QByteArray(R"J({"v":18446744073709551616})J") << quint64(0);
    QTest::newRow("largest double below 2^64")
        << QByteArray(R"J({"v":18446744073709549568})J") << quint64(18446744073709549568ULL);
}

void TestZitadelJson::uint64AcceptsStringsAndNumbers()
{
    QFETCH(QByteArray, json);
    QFETCH(quint64, value);
    QCOMPARE(ZitadelJson::toUInt64(parse(json).value(QLatin1String("v"))), value);
}

void TestZitadelJson::userFromTheDocumentedExample()
{
    // API reference 4.3, verbatim.
    const QJsonObject o = parse(R"J({
      "userId": "312909075211944344",
      "details": {"sequence":"19","changeDate":"2025-03-02T14:20:01.733Z","resourceOwner":"312908912355508120","creationDate":"2025-01-20T08:11:45.102Z"},
      "state": "USER_STATE_ACTIVE",
      "username": "minnie",
      "loginNames": ["minnie@acme.zitadel.cloud"],
      "preferredLoginName": "minnie@acme.zitadel.cloud",
      "human": {
        "profile": {"givenName":"Minnie","familyName":"Mouse","displayName":"Minnie Mouse","preferredLanguage":"en"},
        "email": {"email":"minnie@example.com"},
        "phone": {"phone":"+41791234567","isVerified":true},
        "passwordChanged": "2025-01-20T08:15:00Z"
      }
    })J");
    const User u = ZitadelJson::userFromV2Json(o);
    QCOMPARE(u.id, QStringLiteral("312909075211944344"));
    QCOMPARE(u.type, User::Type::Human);
    QCOMPARE(u.state, UserState::Active);
    QCOMPARE(u.username, QStringLiteral("minnie"));
    QCOMPARE(u.loginNames, QStringList {QStringLiteral("minnie@acme.zitadel.cloud")});
    QCOMPARE(u.displayName, QStringLiteral("Minnie Mouse"));
    QCOMPARE(u.givenName, QStringLiteral("Minnie"));
    QCOMPARE(u.email, QStringLiteral("minnie@example.com"));
    QCOMPARE(u.emailVerified, false); // absent isVerified means false
    QCOMPARE(u.phone, QStringLiteral("+41791234567"));
    QCOMPARE(u.phoneVerified, true);
    QCOMPARE(u.details.sequence, 19u);
    QCOMPARE(u.organizationId(), QStringLiteral("312908912355508120"));
    QCOMPARE(u.details.changeDate, QDateTime(QDate(2025, 3, 2), QTime(14, 20, 1, 733), Qt::UTC));
}

void TestZitadelJson::absentMeansDefault()
{
    const User u = ZitadelJson::userFromV2Json(parse(R"J({"userId":"1","human":{}})J"));
    QCOMPARE(u.type, User::Type::Human);
    QCOMPARE(u.state, UserState::Unspecified);
    QVERIFY(u.email.isEmpty());
    QVERIFY(!u.emailVerified);
    QVERIFY(u.phone.isEmpty());
    QCOMPARE(u.details.sequence, 0u);
    QVERIFY(!u.details.changeDate.isValid());
}

void TestZitadelJson::machineUser()
{
    const User u = ZitadelJson::userFromV2Json(parse(
        R"J({"userId":"9","state":"USER_STATE_ACTIVE","username":"ci-bot","machine":{"name":"CI Bot","description":"builds"}})J"));
    QCOMPARE(u.type, User::Type::Machine);
    QCOMPARE(u.machineName, QStringLiteral("CI Bot"));
    QCOMPARE(u.machineDescription, QStringLiteral("builds"));
}

void TestZitadelJson::resendDetailsInBothShapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<quint64>("sequence");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("code");

    // The v2 shape, also what the second seed page shows for v3alpha.
    QTest::newRow("v2 / seed page") << QByteArray(
        R"J({"details":{"sequence":"20","changeDate":"2025-03-02T14:21:12.004Z","resourceOwner":"312908912355508120"},"verificationCode":"Q7KZ2D"})J")
                                    << quint64(20) << "312908912355508120"
                                    << "Q7KZ2D";
    // The v3alpha proto's resources details.
    QTest::newRow("v3alpha proto") << QByteArray(
        R"J({"details":{"id":"312909075211944344","changed":"2025-03-02T14:50:00.000Z","owner":{"type":"OWNER_TYPE_ORG","id":"312908912355508120"}},"verificationCode":"Q7KZ2D"})J")
                                   << quint64(0) << "312908912355508120"
                                   << "Q7KZ2D";
    QTest::newRow("sent, no code") << QByteArray(
        R"J({"details":{"sequence":"21","changeDate":"2025-03-02T14:12:00.100Z","resourceOwner":"o"}})J")
                                   << quint64(21) << "o"
                                   << "";
}

void TestZitadelJson::resendDetailsInBothShapes()
{
    QFETCH(QByteArray, json);
    QFETCH(quint64, sequence);
    QFETCH(QString, owner);
    QFETCH(QString, code);
    const ResendResult r = ZitadelJson::resendResultFromJson(parse(json));
    QCOMPARE(r.details.sequence, sequence);
    QCOMPARE(r.details.resourceOwner, owner);
    QCOMPARE(r.verificationCode, code);
    QVERIFY(r.details.changeDate.isValid());
}

void TestZitadelJson::organizationStatesOfBothVersions()
{
    QCOMPARE(ZitadelJson::organizationFromJson(parse(R"J({"state":"ORGANIZATION_STATE_ACTIVE"})J")).state,
        OrganizationState::Active);
    QCOMPARE(ZitadelJson::organizationFromJson(parse(R"J({"state":"ORG_STATE_INACTIVE"})J")).state,
        OrganizationState::Inactive);
    QCOMPARE(ZitadelJson::organizationFromJson(parse(R"J({"state":"SOMETHING_NEW"})J")).state,
        OrganizationState::Unspecified);
}

void TestZitadelJson::searchLongerThanAPhoneNumberSkipsPhoneQuery()
{
    UserQuery q;
    q.search = QStringLiteral("someone.with.a.long.address@example.com");
    const QByteArray json = QJsonDocument(ZitadelJson::listUsersRequest(q)).toJson(QJsonDocument::Compact);
    QVERIFY(json.contains("emailQuery"));
    QVERIFY2(!json.contains("phoneQuery"), "phoneQuery.number is at most 20 characters");
}

void TestZitadelJson::emptySearchAddsNoQuery()
{
    UserQuery q;
    q.search = QStringLiteral("   ");
    const QJsonObject request = ZitadelJson::listUsersRequest(q);
    QVERIFY2(!request.contains(QLatin1String("queries")), "an empty orQuery would be rejected by validation");
}

QTEST_GUILESS_MAIN(TestZitadelJson)
#include "TestZitadelJson.moc"
