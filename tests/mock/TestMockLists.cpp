// Lists at router level: paging limits, ordering (seed and generated users merged),
// every search member, validation of queries, the user generator, and its speed with a
// million users per organization.

#include "MockNameTables.h"
#include "RouterHarness.h"
#include "SeedIds.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryFile>
#include <QTest>

#include <algorithm>

namespace
{
const QByteArray Admin(SeedIds::AdminToken);
const QByteArray Support(SeedIds::SupportToken);
const QByteArray Readonly(SeedIds::ReadonlyToken);

QJsonArray results(const MockResponse& r)
{
    return RouterHarness::json(r).value(QStringLiteral("result")).toArray();
}

QStringList ids(const MockResponse& r, const char* idKey = "userId")
{
    QStringList out;
    for (const QJsonValue& v : results(r))
        out.append(v.toObject().value(QLatin1String(idKey)).toString());
    return out;
}

QString totalOf(const MockResponse& r)
{
    return RouterHarness::json(r)
        .value(QStringLiteral("details"))
        .toObject()
        .value(QStringLiteral("totalResult"))
        .toString();
}

QJsonObject orgQuery(const char* orgId)
{
    return QJsonObject {{QStringLiteral("organizationIdQuery"),
        QJsonObject {{QStringLiteral("organizationId"), QLatin1String(orgId)}}}};
}

// The sort key of a v2 user as the test reads it from the JSON, independently of the mock.
struct Key
{
    QString text;
    qint64 number = 0;
    QString id;
};

Key keyOf(const QJsonObject& user, const QString& column)
{
    const QJsonObject human = user.value(QStringLiteral("human")).toObject();
    const QJsonObject profile = human.value(QStringLiteral("profile")).toObject();
    Key k;
    k.id = user.value(QStringLiteral("userId")).toString();
    if (column == QLatin1String("USER_FIELD_NAME_USER_NAME"))
        k.text = user.value(QStringLiteral("username")).toString();
    else if (column == QLatin1String("USER_FIELD_NAME_FIRST_NAME"))
        k.text = profile.value(QStringLiteral("givenName")).toString();
    else if (column == QLatin1String("USER_FIELD_NAME_LAST_NAME"))
        k.text = profile.value(QStringLiteral("familyName")).toString();
    else if (column == QLatin1String("USER_FIELD_NAME_NICK_NAME"))
        k.text = profile.value(QStringLiteral("nickName")).toString();
    else if (column == QLatin1String("USER_FIELD_NAME_DISPLAY_NAME"))
        k.text = profile.value(QStringLiteral("displayName")).toString();
    else if (column == QLatin1String("USER_FIELD_NAME_EMAIL"))
        k.text = human.value(QStringLiteral("email")).toObject().value(QStringLiteral("email")).toString();
    else if (column == QLatin1String("USER_FIELD_NAME_STATE")) {
        // ZITADEL sorts by its internal state number, where INITIAL (6) follows LOCKED (4).
        static const QHash<QString, int> numbers = {{QStringLiteral("USER_STATE_ACTIVE"), 1},
            {QStringLiteral("USER_STATE_INACTIVE"), 2},
            {QStringLiteral("USER_STATE_LOCKED"), 4},
            {QStringLiteral("USER_STATE_INITIAL"), 6}};
        k.number = numbers.value(user.value(QStringLiteral("state")).toString(), 99);
    } else if (column == QLatin1String("USER_FIELD_NAME_TYPE"))
        k.number = user.contains(QStringLiteral("machine")) ? 2 : 1;
    else // creation date, also for UNSPECIFIED
        k.number = QDateTime::fromString(
            user.value(QStringLiteral("details")).toObject().value(QStringLiteral("creationDate")).toString(),
            Qt::ISODateWithMs)
                       .toMSecsSinceEpoch();
    return k;
}

bool keyLess(const Key& a, const Key& b)
{
    if (a.number != b.number)
        return a.number < b.number;
    if (const int c = a.text.compare(b.text); c != 0)
        return c < 0;
    return a.id < b.id;
}

// All users of a list request, fetched page by page.
QJsonArray fetchAll(RouterHarness& h, const QByteArray& token, QJsonObject request, int pageSize)
{
    QJsonArray all;
    for (int offset = 0;; offset += pageSize) {
        request.insert(QStringLiteral("query"),
            QJsonObject {{QStringLiteral("offset"), QString::number(offset)},
                {QStringLiteral("limit"), pageSize},
                {QStringLiteral("asc"), request.value(QStringLiteral("asc")).toBool()}});
        const MockResponse r = h.post("/v2/users", token, request);
        if (r.status != 200)
            return {};
        const QJsonArray page = results(r);
        for (const QJsonValue& v : page)
            all.append(v);
        if (page.size() < pageSize)
            return all;
    }
}
} // namespace

class TestMockLists : public QObject
{
    Q_OBJECT

private slots:
    void paging_data();
    void paging();
    void ordering_data();
    void ordering();
    void search_data();
    void search();
    void queryValidation_data();
    void queryValidation();
    void generatorIdsAndDeterminism();
    void generatorVariety();
    void generatorNameTables();
    void generatedSearchMatchesMaterializedUsers_data();
    void generatedSearchMatchesMaterializedUsers();
    void generatedUserResend();
    void millionUsersPerOrg();
};

void TestMockLists::paging_data()
{
    QTest::addColumn<QByteArray>("route"); // "v1", "v2", "connect"
    QTest::addColumn<quint64>("usersPerOrg");
    QTest::addColumn<QJsonValue>("offset");
    QTest::addColumn<int>("limit"); // -1: no limit field
    QTest::addColumn<int>("count"); // -1: 400 QUERY-4M0fs
    QTest::addColumn<int>("total");

    for (const char* route : {"v1", "v2", "connect"}) {
        const QByteArray r(route);
        QTest::addRow("%s: no limit", route) << r << quint64(0) << QJsonValue() << -1 << 26 << 26;
        QTest::addRow("%s: limit 0", route) << r << quint64(0) << QJsonValue() << 0 << 26 << 26;
        QTest::addRow("%s: limit 5", route) << r << quint64(0) << QJsonValue() << 5 << 5 << 26;
        QTest::addRow("%s: offset number", route) << r << quint64(0) << QJsonValue(24) << 5 << 2 << 26;
        QTest::addRow("%s: offset string", route)
            << r << quint64(0) << QJsonValue(QStringLiteral("24")) << 5 << 2 << 26;
        QTest::addRow("%s: offset past the end", route) << r << quint64(0) << QJsonValue(26) << 5 << 0 << 26;
        QTest::addRow("%s: limit 0 is the maximum", route) << r << quint64(1500) << QJsonValue() << 0 << 1000 << 1526;
        QTest::addRow("%s: limit 1000", route) << r << quint64(1500) << QJsonValue() << 1000 << 1000 << 1526;
        QTest::addRow("%s: second page", route) << r << quint64(1500) << QJsonValue(1000) << 1000 << 526 << 1526;
        QTest::addRow("%s: limit 1001", route) << r << quint64(0) << QJsonValue() << 1001 << -1 << 0;
    }
}

void TestMockLists::paging()
{
    QFETCH(QByteArray, route);
    QFETCH(quint64, usersPerOrg);
    QFETCH(QJsonValue, offset);
    QFETCH(int, limit);
    QFETCH(int, count);
    QFETCH(int, total);
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = usersPerOrg;
    RouterHarness h(options);
    QJsonObject query;
    if (!offset.isUndefined())
        query.insert(QStringLiteral("offset"), offset);
    if (limit >= 0)
        query.insert(QStringLiteral("limit"), limit);
    QJsonObject body {{QStringLiteral("query"), query}};
    MockResponse r;
    if (route == "v1") {
        r = h.post("/management/v1/users/_search", Admin, body);
    } else {
        body.insert(QStringLiteral("queries"), QJsonArray {orgQuery(SeedIds::AcmeOrg)});
        r = route == "v2" ? h.post("/v2/users", Admin, body)
                          : h.connect("zitadel.user.v2.UserService/ListUsers", Admin, body);
    }
    if (count < 0) {
        QCOMPARE(r.status, 400);
        const QString text = QStringLiteral("Limit exceeded");
        const QString id = QStringLiteral("QUERY-4M0fs");
        QCOMPARE(RouterHarness::json(r),
            route == "connect" ? RouterHarness::connectError(QStringLiteral("invalid_argument"), id, text)
                               : RouterHarness::restError(3, id, text));
        return;
    }
    QCOMPARE(r.status, 200);
    QCOMPARE(results(r).size(), count);
    QCOMPARE(totalOf(r), QString::number(total));
    QCOMPARE(RouterHarness::json(r).contains(QStringLiteral("result")), count > 0);
}

void TestMockLists::ordering_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("asc");
    QTest::addColumn<bool>("allOrgs");
    const char* columns[] = {"USER_FIELD_NAME_UNSPECIFIED",
        "USER_FIELD_NAME_USER_NAME",
        "USER_FIELD_NAME_FIRST_NAME",
        "USER_FIELD_NAME_LAST_NAME",
        "USER_FIELD_NAME_NICK_NAME",
        "USER_FIELD_NAME_DISPLAY_NAME",
        "USER_FIELD_NAME_EMAIL",
        "USER_FIELD_NAME_STATE",
        "USER_FIELD_NAME_TYPE",
        "USER_FIELD_NAME_CREATION_DATE"};
    for (const char* c : columns) {
        for (const bool asc : {true, false}) {
            QTest::addRow("%s %s, ACME", c + 16, asc ? "asc" : "desc") << QString(c) << asc << false;
            QTest::addRow("%s %s, all orgs", c + 16, asc ? "asc" : "desc") << QString(c) << asc << true;
        }
    }
}

void TestMockLists::ordering()
{
    QFETCH(QString, column);
    QFETCH(bool, asc);
    QFETCH(bool, allOrgs);
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 700;
    RouterHarness h(options);
    QJsonObject request {{QStringLiteral("sortingColumn"), column}, {QStringLiteral("asc"), asc}};
    if (!allOrgs)
        request.insert(QStringLiteral("queries"), QJsonArray {orgQuery(SeedIds::AcmeOrg)});
    // Odd page sizes make pages start in the middle of seed and generated runs.
    const QJsonArray all = fetchAll(h, Admin, request, allOrgs ? 331 : 97);
    QCOMPARE(all.size(), allOrgs ? 44 + 4 * 700 : 26 + 700);

    QList<Key> keys;
    for (const QJsonValue& v : all)
        keys.append(keyOf(v.toObject(), column));
    QList<Key> expected = keys;
    // Without a sorting column the order is insertion (creation) order, ascending.
    const bool ascending = column == QLatin1String("USER_FIELD_NAME_UNSPECIFIED") || asc;
    std::sort(expected.begin(), expected.end(), [&](const Key& a, const Key& b) {
        return ascending ? keyLess(a, b) : keyLess(b, a);
    });
    for (int i = 0; i < keys.size(); ++i) {
        if (keys.at(i).id != expected.at(i).id)
            QFAIL(qPrintable(QStringLiteral("position %1: got %2 (%3) expected %4 (%5)")
                                 .arg(i)
                                 .arg(keys.at(i).id, keys.at(i).text, expected.at(i).id, expected.at(i).text)));
    }
    // No user twice.
    QSet<QString> seen;
    for (const Key& k : keys)
        seen.insert(k.id);
    QCOMPARE(seen.size(), keys.size());
}

void TestMockLists::search_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("route"); // "v2" or "v1:<x-zitadel-orgid>"
    QTest::addColumn<QByteArray>("queries");
    QTest::addColumn<QStringList>("expected"); // id suffixes after 3129090752119443, sorted

    auto text = [](const char* member, const char* field, const char* value, const char* method) {
        return QByteArray(R"([{")") + member + R"(":{")" + field + R"(":")" + value + R"(","method":")" + method
            + R"("}}])";
    };
    const QByteArray v2("v2");
    QTest::newRow("user name equals") << Admin << v2
                                      << text("userNameQuery", "userName", "minnie", "TEXT_QUERY_METHOD_EQUALS")
                                      << QStringList {"44", "60"};
    QTest::newRow("user name, support sees ACME")
        << Support << v2 << text("userNameQuery", "userName", "minnie", "TEXT_QUERY_METHOD_EQUALS")
        << QStringList {"44"};
    QTest::newRow("user name default method")
        << Admin << v2 << QByteArray(R"([{"userNameQuery":{"userName":"hank"}}])") << QStringList {"71"};
    QTest::newRow("equals is case-sensitive")
        << Admin << v2 << text("userNameQuery", "userName", "MINNIE", "TEXT_QUERY_METHOD_EQUALS") << QStringList {};
    QTest::newRow("equals ignore case")
        << Admin << v2 << text("userNameQuery", "userName", "MINNIE", "TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE")
        << QStringList {"44", "60"};
    QTest::newRow("starts with") << Admin << v2
                                 << text("userNameQuery", "userName", "min", "TEXT_QUERY_METHOD_STARTS_WITH")
                                 << QStringList {"44", "60", "73"};
    QTest::newRow("starts with ignore case")
        << Admin << v2 << text("userNameQuery", "userName", "MIN", "TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE")
        << QStringList {"44", "60", "73"};
    QTest::newRow("contains") << Admin << v2 << text("userNameQuery", "userName", "ck", "TEXT_QUERY_METHOD_CONTAINS")
                              << QStringList {"59", "68"};
    QTest::newRow("contains ignore case")
        << Admin << v2 << text("userNameQuery", "userName", "CK", "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE")
        << QStringList {"59", "68"};
    QTest::newRow("ends with") << Admin << v2 << text("userNameQuery", "userName", "y", "TEXT_QUERY_METHOD_ENDS_WITH")
                               << QStringList {"46", "47", "58", "59", "61", "62", "73", "87"};
    QTest::newRow("ends with ignore case")
        << Admin << v2 << text("userNameQuery", "userName", "Y", "TEXT_QUERY_METHOD_ENDS_WITH_IGNORE_CASE")
        << QStringList {"46", "47", "58", "59", "61", "62", "73", "87"};
    QTest::newRow("method by number") << Admin << v2
                                      << QByteArray(R"([{"userNameQuery":{"userName":"MIN","method":3}}])")
                                      << QStringList {"44", "60", "73"};
    QTest::newRow("non-ASCII display name, ignore case")
        << Admin << v2 << text("displayNameQuery", "displayName", "ÅNGSTRÖM", "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE")
        << QStringList {"53"};
    QTest::newRow("display name contains, case-sensitive")
        << Admin << v2 << text("displayNameQuery", "displayName", "duck", "TEXT_QUERY_METHOD_CONTAINS")
        << QStringList {};
    QTest::newRow("display name contains ignore case")
        << Admin << v2 << text("displayNameQuery", "displayName", "duck", "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE")
        << QStringList {"45", "46", "50", "61", "62", "63"};
    QTest::newRow("first name") << Admin << v2
                                << text("firstNameQuery", "firstName", "Minnie", "TEXT_QUERY_METHOD_EQUALS")
                                << QStringList {"44", "60"};
    QTest::newRow("last name") << Admin << v2 << text("lastNameQuery", "lastName", "Duck", "TEXT_QUERY_METHOD_EQUALS")
                               << QStringList {"45", "46", "61", "62", "63"};
    QTest::newRow("nick name") << Admin << v2 << text("nickNameQuery", "nickName", "Mick", "TEXT_QUERY_METHOD_EQUALS")
                               << QStringList {"59"};
    QTest::newRow("email ends with") << Admin << v2
                                     << text("emailQuery",
                                            "emailAddress",
                                            "@GLOBEX.EXAMPLE",
                                            "TEXT_QUERY_METHOD_ENDS_WITH_IGNORE_CASE")
                                     << QStringList {"60", "71", "72", "73", "75", "76"};
    QTest::newRow("phone starts with") << Admin << v2
                                       << text("phoneQuery", "number", "+1415", "TEXT_QUERY_METHOD_STARTS_WITH")
                                       << QStringList {"60", "71", "73"};
    QTest::newRow("login name") << Admin << v2
                                << text("loginNameQuery",
                                       "loginName",
                                       "minnie@globex.mock.verifydesk.localhost",
                                       "TEXT_QUERY_METHOD_EQUALS")
                                << QStringList {"60"};
    QTest::newRow("in user ids")
        << Admin << v2
        << QByteArray(R"([{"inUserIdsQuery":{"userIds":["312909075211944344","312909075211944371","1234"]}}])")
        << QStringList {"44", "71"};
    QTest::newRow("in user emails") << Admin << v2
                                    << QByteArray(R"([{"inUserEmailsQuery":{"userEmails":["daisy@example.com"]}}])")
                                    << QStringList {"46"};
    QTest::newRow("type machine") << Admin << v2 << QByteArray(R"([{"typeQuery":{"type":"TYPE_MACHINE"}}])")
                                  << QStringList {"49", "56", "57", "58", "68", "74", "83", "87"};
    QTest::newRow("type unspecified matches nothing")
        << Admin << v2 << QByteArray(R"([{"typeQuery":{}}])") << QStringList {};
    QTest::newRow("state initial (v2 name)")
        << Admin << v2 << QByteArray(R"([{"stateQuery":{"state":"USER_STATE_INITIAL"}}])")
        << QStringList {"50", "67", "82"};
    QTest::newRow("state initial (v2 number 5)")
        << Admin << v2 << QByteArray(R"([{"stateQuery":{"state":5}}])") << QStringList {"50", "67", "82"};
    QTest::newRow("state locked") << Admin << v2 << QByteArray(R"([{"stateQuery":{"state":"USER_STATE_LOCKED"}}])")
                                  << QStringList {"52", "66", "78", "86"};
    QTest::newRow("organization") << Readonly << v2
                                  << QByteArray(R"([{"organizationIdQuery":{"organizationId":"312908912355508122"}}])")
                                  << QStringList {"77", "78", "79", "80", "81", "82", "83"};
    QTest::newRow("organization the caller may not read")
        << Support << v2 << QByteArray(R"([{"organizationIdQuery":{"organizationId":"312908912355508121"}}])")
        << QStringList {};
    QTest::newRow("two different organizations")
        << Admin << v2
        << QByteArray(R"([{"organizationIdQuery":{"organizationId":"312908912355508121"}},)"
                      R"({"organizationIdQuery":{"organizationId":"312908912355508122"}}])")
        << QStringList {};
    QTest::newRow("or")
        << Admin << v2
        << QByteArray(
               R"([{"orQuery":{"queries":[{"userNameQuery":{"userName":"pete"}},{"userNameQuery":{"userName":"chip"}}]}}])")
        << QStringList {"66", "69"};
    QTest::newRow("empty or matches nothing")
        << Admin << v2 << QByteArray(R"([{"orQuery":{"queries":[]}}])") << QStringList {};
    QTest::newRow("and") << Admin << v2
                         << QByteArray(R"([{"andQuery":{"queries":[{"typeQuery":{"type":"TYPE_HUMAN"}},)"
                                       R"({"stateQuery":{"state":"USER_STATE_INACTIVE"}}]}}])")
                         << QStringList {"51", "65", "75", "85"};
    QTest::newRow("not") << Admin << v2
                         << QByteArray(R"([{"notQuery":{"query":{"typeQuery":{"type":"TYPE_HUMAN"}}}},)"
                                       R"({"organizationIdQuery":{"organizationId":"312908912355508120"}}])")
                         << QStringList {"49", "56", "57", "58", "68"};
    QTest::newRow("nested or inside not")
        << Admin << v2
        << QByteArray(
               R"([{"organizationIdQuery":{"organizationId":"312908912355508123"}},{"notQuery":{"query":{"orQuery":{"queries":[)"
               R"({"userNameQuery":{"userName":"alice"}},{"typeQuery":{"type":"TYPE_MACHINE"}}]}}}}])")
        << QStringList {"85", "86"};
    QTest::newRow("v1: scoped by header")
        << Admin << QByteArray("v1:312908912355508121") << QByteArray(R"([{"userNameQuery":{"userName":"minnie"}}])")
        << QStringList {"60"};
    QTest::newRow("v1: home org") << Admin << QByteArray("v1:")
                                  << QByteArray(R"([{"userNameQuery":{"userName":"minnie"}}])") << QStringList {"44"};
    QTest::newRow("v1: state initial (v1 name)")
        << Admin << QByteArray("v1:") << QByteArray(R"([{"stateQuery":{"state":"USER_STATE_INITIAL"}}])")
        << QStringList {"50", "67"};
    QTest::newRow("v1: state initial (v1 number 6)")
        << Admin << QByteArray("v1:") << QByteArray(R"([{"stateQuery":{"state":6}}])") << QStringList {"50", "67"};
    QTest::newRow("v1: suspend") << Admin << QByteArray("v1:")
                                 << QByteArray(R"([{"stateQuery":{"state":"USER_STATE_SUSPEND"}}])") << QStringList {};
    QTest::newRow("v1: empty user name is allowed")
        << Admin << QByteArray("v1:") << QByteArray(R"([{"userNameQuery":{"userName":"","method":4}}])")
        << QStringList {"44",
               "45",
               "46",
               "47",
               "48",
               "49",
               "50",
               "51",
               "52",
               "53",
               "54",
               "55",
               "56",
               "57",
               "58",
               "59",
               "61",
               "62",
               "63",
               "64",
               "65",
               "66",
               "67",
               "68",
               "69",
               "70"};
}

void TestMockLists::search()
{
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, route);
    QFETCH(QByteArray, queries);
    QFETCH(QStringList, expected);
    RouterHarness h;
    const QByteArray body = R"({"queries":)" + queries + "}";
    MockResponse r;
    QStringList got;
    if (route.startsWith("v1:")) {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (route.size() > 3)
            headers.append({QByteArrayLiteral("x-zitadel-orgid"), route.mid(3)});
        r = h.send("POST", "/management/v1/users/_search", token, body, headers);
        got = ids(r, "id");
    } else {
        r = h.send("POST", "/v2/users", token, body);
        got = ids(r);
        // The Connect call answers the same bytes.
        const MockResponse c = h.send("POST",
            "/zitadel.user.v2.UserService/ListUsers",
            token,
            body,
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
        QCOMPARE(c.body, r.body);
    }
    QVERIFY2(r.status == 200, r.body.constData());
    std::sort(got.begin(), got.end());
    QStringList full;
    for (const QString& suffix : expected)
        full.append(QStringLiteral("3129090752119443") + suffix);
    QCOMPARE(got, full);
    QCOMPARE(totalOf(r), expected.isEmpty() ? QString() : QString::number(expected.size()));
}

void TestMockLists::queryValidation_data()
{
    QTest::addColumn<QByteArray>("route"); // "v1", "v2", "orgs"
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("id");

    const QString q0 =
        QStringLiteral("invalid ListUsersRequest.Queries[0]: embedded message failed validation | caused by: ");
    const QString required = QStringLiteral("invalid SearchQuery.Query: value is required");
    QTest::newRow("v2 empty element") << QByteArray("v2") << QByteArray(R"({"queries":[{}]})") << q0 + required
                                      << QString();
    QTest::newRow("v1 empty element") << QByteArray("v1") << QByteArray(R"({"queries":[{}]})") << q0 + required
                                      << QString();
    QTest::newRow("v1 has no phoneQuery")
        << QByteArray("v1") << QByteArray(R"({"queries":[{"phoneQuery":{"number":"+41"}}]})") << q0 + required
        << QString();
    QTest::newRow("v1 has no organizationIdQuery")
        << QByteArray("v1") << QByteArray(R"({"queries":[{"organizationIdQuery":{"organizationId":"1"}}]})")
        << q0 + required << QString();
    QTest::newRow("second element") << QByteArray("v2") << QByteArray(R"({"queries":[{"typeQuery":{}},{}]})")
                                    << QStringLiteral(
                                           "invalid ListUsersRequest.Queries[1]: embedded message failed validation | "
                                           "caused by: ")
            + required << QString();
    QTest::newRow("nested in or") << QByteArray("v2")
                                  << QByteArray(R"({"queries":[{"orQuery":{"queries":[{"typeQuery":{}},{}]}}]})")
                                  << q0
            + QStringLiteral("invalid SearchQuery.OrQuery: embedded message failed validation | caused by: invalid "
                             "OrQuery.Queries[1]: embedded message failed validation | caused by: ")
            + required << QString();
    QTest::newRow("not without query") << QByteArray("v2") << QByteArray(R"({"queries":[{"notQuery":{}}]})")
                                       << q0
            + QStringLiteral("invalid SearchQuery.NotQuery: embedded message failed validation | caused by: invalid "
                             "NotQuery.Query: value is required")
                                       << QString();
    QTest::newRow("v2 empty user name") << QByteArray("v2")
                                        << QByteArray(R"({"queries":[{"userNameQuery":{"userName":""}}]})")
                                        << q0
            + QStringLiteral(
                "invalid SearchQuery.UserNameQuery: embedded message failed validation | caused by: invalid "
                "UserNameQuery.UserName: value length must be between 1 and 200 runes, inclusive")
                                        << QString();
    QTest::newRow("email too long") << QByteArray(
        "v2") << "{\"queries\":[{\"emailQuery\":{\"emailAddress\":\"" + QByteArray(201, 'e') + "\"}}]}"
                                    << q0
            + QStringLiteral("invalid SearchQuery.EmailQuery: embedded message failed validation | caused by: invalid "
                             "EmailQuery.EmailAddress: value length must be at most 200 runes")
                                    << QString();
    QTest::newRow("phone too long") << QByteArray("v2")
                                    << QByteArray(R"({"queries":[{"phoneQuery":{"number":"+412345678901234567890"}}]})")
                                    << q0
            + QStringLiteral("invalid SearchQuery.PhoneQuery: embedded message failed validation | caused by: invalid "
                             "PhoneQuery.Number: value length must be at most 20 runes")
                                    << QString();
    QTest::newRow("undefined method number")
        << QByteArray("v2") << QByteArray(R"({"queries":[{"userNameQuery":{"userName":"a","method":9}}]})")
        << q0
            + QStringLiteral(
                "invalid SearchQuery.UserNameQuery: embedded message failed validation | caused by: invalid "
                "UserNameQuery.Method: value must be one of the defined enum values")
        << QString();
    QTest::newRow("undefined state number")
        << QByteArray("v2") << QByteArray(R"({"queries":[{"stateQuery":{"state":6}}]})")
        << q0
            + QStringLiteral("invalid SearchQuery.StateQuery: embedded message failed validation | caused by: invalid "
                             "StateQuery.State: value must be one of the defined enum values")
        << QString();
    QTest::newRow("unknown method name")
        << QByteArray("v2")
        << QByteArray(R"({"queries":[{"userNameQuery":{"userName":"a","method":"TEXT_QUERY_METHOD_FUZZY"}}]})")
        << QStringLiteral("proto: invalid value for enum field method: \"TEXT_QUERY_METHOD_FUZZY\"") << QString();
    QTest::newRow("two members in one element")
        << QByteArray("v2")
        << QByteArray(R"({"queries":[{"userNameQuery":{"userName":"a"},"emailQuery":{"emailAddress":"b"}}]})")
        << QStringLiteral("proto: error parsing \"emailQuery\", oneof zitadel.user.v2.SearchQuery.query is already set")
        << QString();
    QTest::newRow("undefined sorting column")
        << QByteArray("v2") << QByteArray(R"({"sortingColumn":42})")
        << QStringLiteral("invalid ListUsersRequest.SortingColumn: value must be one of "
                          "the defined enum values")
        << QString();
    QByteArray deep = R"({"typeQuery":{}})";
    for (int i = 0; i < 21; ++i)
        deep = R"({"notQuery":{"query":)" + deep + "}}";
    QTest::newRow("21 nesting levels") << QByteArray("v2") << R"({"queries":[)" + deep + "]}"
                                       << QStringLiteral("Too many query nesting levels (Max 20)") << QString();
    QTest::newRow("orgs: empty element") << QByteArray("orgs") << QByteArray(R"({"queries":[{}]})")
                                         << QStringLiteral(
                                                "invalid ListOrganizationsRequest.Queries[0]: embedded message "
                                                "failed validation | caused by: ")
            + required << QString();
    QTest::newRow("orgs: empty name") << QByteArray("orgs") << QByteArray(R"({"queries":[{"nameQuery":{"name":""}}]})")
                                      << QStringLiteral(
                                             "invalid ListOrganizationsRequest.Queries[0]: embedded message failed "
                                             "validation | caused by: invalid SearchQuery.NameQuery: embedded "
                                             "message failed validation | caused by: invalid "
                                             "OrganizationNameQuery.Name: value length must be between 1 and 200 "
                                             "runes, inclusive")
                                      << QString();
    QTest::newRow("orgs: limit 1001") << QByteArray("orgs") << QByteArray(R"({"query":{"limit":1001}})")
                                      << QStringLiteral("Limit exceeded") << QStringLiteral("QUERY-4M0fs");
}

void TestMockLists::queryValidation()
{
    QFETCH(QByteArray, route);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QFETCH(QString, id);
    RouterHarness h;
    const QByteArray path = route == "v1" ? QByteArray("/management/v1/users/_search")
        : route == "v2"                   ? QByteArray("/v2/users")
                                          : QByteArray("/v2/organizations/_search");
    const MockResponse r = h.send("POST", path, Admin, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(RouterHarness::json(r), RouterHarness::restError(3, id, message));
}

void TestMockLists::generatorIdsAndDeterminism()
{
    QCOMPARE(MockZitadel::generatedUserId(0, 0), QStringLiteral("900000000000000000"));
    QCOMPARE(MockZitadel::generatedUserId(1, 42), QStringLiteral("901000000000000042"));
    QCOMPARE(MockZitadel::generatedUserId(3, 999'999), QStringLiteral("903000000000999999"));

    MockOptions a = RouterHarness::defaultOptions();
    a.usersPerOrg = 1000;
    MockOptions b = a;
    b.randomSeed = 4711; // codes differ, users do not
    RouterHarness ha(a);
    RouterHarness hb(b);
    const QJsonObject request {{QStringLiteral("sortingColumn"), QStringLiteral("USER_FIELD_NAME_DISPLAY_NAME")}};
    QCOMPARE(ha.post("/v2/users", Admin, request).body, hb.post("/v2/users", Admin, request).body);

    const QByteArray last = MockZitadel::generatedUserId(3, 999).toLatin1();
    QCOMPARE(ha.get("/v2/users/" + last, Admin).status, 200);
    QCOMPARE(ha.get("/v2/users/" + last, Admin).body, hb.get("/v2/users/" + last, Admin).body);
    QCOMPARE(ha.get("/v2/users/" + MockZitadel::generatedUserId(3, 1000).toLatin1(), Admin).status, 404);
    QCOMPARE(ha.get("/v2/users/" + MockZitadel::generatedUserId(4, 0).toLatin1(), Admin).status, 404);
    QCOMPARE(ha.get("/v2/users/900000000100000000", Admin).status, 404); // wrong shape
    // v1 finds generated users in their own org context only.
    QCOMPARE(ha.get("/management/v1/users/" + MockZitadel::generatedUserId(0, 5).toLatin1(), Admin).status, 200);
    QCOMPARE(ha.get("/management/v1/users/" + MockZitadel::generatedUserId(1, 5).toLatin1(), Admin).status, 404);
    // Support may read ACME's generated users, not Globex's.
    QCOMPARE(ha.get("/v2/users/" + MockZitadel::generatedUserId(0, 5).toLatin1(), Support).status, 200);
    QCOMPARE(ha.get("/v2/users/" + MockZitadel::generatedUserId(1, 5).toLatin1(), Support).status, 403);
}

void TestMockLists::generatorVariety()
{
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 2000;
    RouterHarness h(options);
    int machines = 0, emailVerified = 0, emailPending = 0, emailUnsent = 0, noEmail = 0, phones = 0, phonePending = 0,
        nonAscii = 0;
    QSet<int> states;
    QSet<QString> userNames;
    for (int i = 0; i < 2000; ++i) {
        const auto u = h.zitadel().user(MockZitadel::generatedUserId(1, quint64(i)));
        QVERIFY(u);
        QCOMPARE(u->orgId, QString(SeedIds::GlobexOrg));
        QVERIFY(u->creationDate <= u->changeDate);
        QVERIFY(u->sequence >= 2);
        userNames.insert(u->userName);
        states.insert(int(u->state));
        if (!u->isHuman()) {
            ++machines;
            QVERIFY(!u->machineName.isEmpty());
            continue;
        }
        QVERIFY(!u->givenName.isEmpty() && !u->familyName.isEmpty());
        QCOMPARE(u->displayName, u->givenName + QLatin1Char(' ') + u->familyName);
        if (u->displayName.toLatin1() != u->displayName.toUtf8())
            ++nonAscii;
        if (u->email.isEmpty())
            ++noEmail;
        else {
            QVERIFY2(u->email.endsWith(QLatin1String("@globex.example")), qPrintable(u->email));
            if (u->emailVerified)
                ++emailVerified;
            else if (!u->emailCode.isEmpty())
                ++emailPending;
            else
                ++emailUnsent;
        }
        if (!u->phone.isEmpty()) {
            ++phones;
            QVERIFY(u->phone.startsWith(QLatin1Char('+')));
            if (!u->phoneCode.isEmpty()) {
                ++phonePending;
                QVERIFY(!u->phoneVerified);
            }
        }
    }
    QCOMPARE(userNames.size(), 2000); // unique within the org
    QVERIFY(machines > 40 && machines < 200);
    QVERIFY(emailVerified > 0 && emailPending > 0 && emailUnsent > 0 && noEmail > 0);
    QVERIFY(phones > 500 && phonePending > 0);
    QVERIFY(nonAscii > 0);
    for (const MockUserState s :
        {MockUserState::Active, MockUserState::Inactive, MockUserState::Locked, MockUserState::Initial})
        QVERIFY(states.contains(int(s)));
}

void TestMockLists::generatorNameTables()
{
    const MockNameTables& t = MockNameTables::instance();
    // The sort ranks rely on unique, letters-only ASCII forms and on names without spaces.
    for (const bool first : {true, false}) {
        QSet<QString> ascii;
        QSet<QString> display;
        const int count = first ? t.firstCount() : t.lastCount();
        for (int i = 0; i < count; ++i) {
            const MockNameTables::Name& n = first ? t.first(i) : t.last(i);
            QVERIFY(!n.display.contains(QLatin1Char(' ')) && !n.display.contains(QLatin1Char('.')));
            for (const QChar c : n.ascii)
                QVERIFY2(c >= QLatin1Char('a') && c <= QLatin1Char('z'), qPrintable(n.ascii));
            ascii.insert(n.ascii);
            display.insert(n.display);
        }
        QCOMPARE(ascii.size(), count);
        QCOMPARE(display.size(), count);
    }
}

void TestMockLists::generatedSearchMatchesMaterializedUsers_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("method");
    QTest::newRow("display name contains, ignore case") << "displayNameQuery"
                                                        << "displayName"
                                                        << "AN" << 5;
    QTest::newRow("display name contains, case-sensitive") << "displayNameQuery"
                                                           << "displayName"
                                                           << "a M" << 4;
    QTest::newRow("first name equals") << "firstNameQuery"
                                       << "firstName"
                                       << "Zoltán" << 0;
    QTest::newRow("last name equals, ignore case") << "lastNameQuery"
                                                   << "lastName"
                                                   << "MÜLLER" << 1;
    QTest::newRow("last name ends with") << "lastNameQuery"
                                         << "lastName"
                                         << "sen" << 6;
    QTest::newRow("user name starts with") << "userNameQuery"
                                           << "userName"
                                           << "u00012" << 2;
    QTest::newRow("user name ends with, ignore case") << "userNameQuery"
                                                      << "userName"
                                                      << "N" << 7;
    QTest::newRow("login name contains") << "loginNameQuery"
                                         << "loginName"
                                         << "9.a" << 4;
    QTest::newRow("email starts with") << "emailQuery"
                                       << "emailAddress"
                                       << "anna." << 2;
    QTest::newRow("email ends with, ignore case") << "emailQuery"
                                                  << "emailAddress"
                                                  << "7@ACME.EXAMPLE" << 7;
    QTest::newRow("email equals") << "emailQuery"
                                  << "emailAddress"
                                  << "finn.xu1@acme.example" << 0;
    QTest::newRow("email equals, ignore case") << "emailQuery"
                                               << "emailAddress"
                                               << "FINN.XU1@ACME.EXAMPLE" << 1;
    QTest::newRow("phone contains") << "phoneQuery"
                                    << "number"
                                    << "0012" << 4;
    QTest::newRow("nick name (none generated)") << "nickNameQuery"
                                                << "nickName"
                                                << "a" << 4;
}

// The generator answers searches from its name tables without building users; what it
// matches must be exactly what the built users contain. A seed without human users keeps
// the answer to generated users only.
void TestMockLists::generatedSearchMatchesMaterializedUsers()
{
    QFETCH(QString, member);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(int, method);
    QTemporaryFile seed;
    QVERIFY(seed.open());
    seed.write(R"({"format":"verifydesk-mock-seed/1","instance":{"id":"1","domain":"mock.test"},
        "organizations":[{"id":"100","name":"Only","state":"ACTIVE","primaryDomain":"only.test","mailDomain":"acme.example",
            "sequence":"1","creationDate":"2025-01-01T00:00:00Z","changeDate":"2025-01-01T00:00:00Z"}],
        "users":[{"id":"101","organizationId":"100","type":"machine","state":"ACTIVE","userName":"token-owner","sequence":"1",
            "creationDate":"2025-01-01T00:00:00Z","changeDate":"2025-01-01T00:00:00Z","machine":{"name":"Owner"}}],
        "tokens":[{"token":"t","userId":"101","grants":[{"organizationId":"*","permissions":["user.read"]}]}]})");
    seed.close();
    const int count = 3000;
    MockOptions options = RouterHarness::defaultOptions();
    options.seedFile = seed.fileName();
    options.usersPerOrg = count;
    RouterHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));

    const QJsonObject request {{QStringLiteral("queries"),
        QJsonArray {QJsonObject {{member, QJsonObject {{field, value}, {QStringLiteral("method"), method}}}}}}};
    QStringList got;
    for (const QJsonValue& v : fetchAll(h, "t", request, 1000))
        got.append(v.toObject().value(QStringLiteral("userId")).toString());
    std::sort(got.begin(), got.end());

    const bool ignoreCase = method % 2 == 1;
    QStringList expected;
    for (int i = 0; i < count; ++i) {
        const MockUser u = *h.zitadel().user(MockZitadel::generatedUserId(0, quint64(i)));
        QString text = member == QLatin1String("displayNameQuery") ? u.displayName
            : member == QLatin1String("firstNameQuery")            ? u.givenName
            : member == QLatin1String("lastNameQuery")             ? u.familyName
            : member == QLatin1String("userNameQuery")             ? u.userName
            : member == QLatin1String("loginNameQuery")            ? u.userName + QStringLiteral("@only.test")
            : member == QLatin1String("emailQuery")                ? u.email
            : member == QLatin1String("phoneQuery")                ? u.phone
                                                                   : u.nickName;
        QString needle = value;
        if (ignoreCase) {
            text = text.toLower();
            needle = needle.toLower();
        }
        const bool match = method / 2 == 0 ? text == needle
            : method / 2 == 1              ? text.startsWith(needle)
            : method / 2 == 2              ? text.contains(needle)
                                           : text.endsWith(needle);
        if (match)
            expected.append(u.id);
    }
    if (member != QLatin1String("nickNameQuery"))
        QVERIFY2(!expected.isEmpty(), "the row should match some generated users");
    QCOMPARE(got, expected);
}

void TestMockLists::generatedUserResend()
{
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 500;
    RouterHarness h(options);
    // Find a generated ACME user with a pending email code.
    QString id;
    for (int i = 0; i < 500 && id.isEmpty(); ++i) {
        const auto u = h.zitadel().user(MockZitadel::generatedUserId(0, quint64(i)));
        if (u->isHuman() && u->state != MockUserState::Initial && !u->emailCode.isEmpty())
            id = u->id;
    }
    QVERIFY(!id.isEmpty());
    const MockUser before = *h.zitadel().user(id);
    const MockResponse r = h.post("/v2/users/" + id.toLatin1() + "/email/resend", Support);
    QCOMPARE(r.status, 200);
    const MockUser after = *h.zitadel().user(id);
    QCOMPARE(after.sequence, before.sequence + 1);
    QVERIFY(after.emailCode != before.emailCode);
    QCOMPARE(after.userName, before.userName);
    QCOMPARE(h.zitadel().outbox().last().to, before.email);
    // The change shows in reads and lists.
    const QJsonObject user =
        RouterHarness::json(h.get("/v2/users/" + id.toLatin1(), Admin)).value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("details")).toObject().value(QStringLiteral("sequence")).toString(),
        QString::number(after.sequence));
    const MockResponse list = h.post("/v2/users",
        Admin,
        {{QStringLiteral("queries"),
            QJsonArray {QJsonObject {
                {QStringLiteral("inUserIdsQuery"), QJsonObject {{QStringLiteral("userIds"), QJsonArray {id}}}}}}}});
    QCOMPARE(results(list).size(), 1);
    QCOMPARE(results(list)
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("details"))
                 .toObject()
                 .value(QStringLiteral("changeDate"))
                 .toString(),
        QStringLiteral("2026-03-02T14:20:01.733Z"));
}

void TestMockLists::millionUsersPerOrg()
{
    MockOptions options = RouterHarness::defaultOptions();
    options.usersPerOrg = 1'000'000;
    QElapsedTimer timer;
    timer.start();
    RouterHarness h(options);
    QVERIFY(h.ok());
    qInfo("create with 1M users per org: %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() < 3000);

    auto measure =
        [&](const char* what, const QJsonObject& request, int expectedCount, const QByteArray& token = Admin) {
            QElapsedTimer t;
            t.start();
            const MockResponse r = h.post("/v2/users", token, request);
            const qint64 ms = t.elapsed();
            qInfo("%s: %lld ms (total %s)", what, ms, qPrintable(totalOf(r)));
            if (r.status != 200 || results(r).size() != expectedCount)
                qWarning("%s: status %d, %lld results", what, r.status, qlonglong(results(r).size()));
            return std::make_pair(r, ms);
        };

    const QJsonObject acme {{QStringLiteral("queries"), QJsonArray {orgQuery(SeedIds::AcmeOrg)}},
        {QStringLiteral("query"), QJsonObject {{QStringLiteral("limit"), 100}}}};
    auto [first, firstMs] = measure("first page, one org", acme, 100);
    QCOMPARE(first.status, 200);
    QCOMPARE(totalOf(first), QStringLiteral("1000026"));
    QVERIFY(firstMs < 3000);

    QJsonObject lastPage = acme;
    lastPage.insert(QStringLiteral("query"),
        QJsonObject {{QStringLiteral("offset"), QStringLiteral("999950")}, {QStringLiteral("limit"), 100}});
    lastPage.insert(QStringLiteral("sortingColumn"), QStringLiteral("USER_FIELD_NAME_USER_NAME"));
    auto [last, lastMs] = measure("last page by user name, one org", lastPage, 76);
    QCOMPARE(results(last).size(), 76);
    QVERIFY(lastMs < 3000);

    auto [all, allMs] = measure("first page, all 4 orgs (4M users)",
        QJsonObject {{QStringLiteral("query"), QJsonObject {{QStringLiteral("limit"), 100}}}},
        100);
    QCOMPARE(totalOf(all), QStringLiteral("4000044"));
    QVERIFY(allMs < 3000);

    QJsonObject search = acme;
    search.insert(QStringLiteral("queries"),
        QJsonArray {orgQuery(SeedIds::AcmeOrg),
            QJsonObject {{QStringLiteral("displayNameQuery"),
                QJsonObject {{QStringLiteral("displayName"), QStringLiteral("anna")},
                    {QStringLiteral("method"), QStringLiteral("TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE")}}}}});
    auto [found, searchMs] = measure("display name contains 'anna', one org", search, 100);
    QVERIFY(totalOf(found).toInt() > 10'000); // Anna and Hannah, about 1/32 of the humans
    for (const QJsonValue& v : results(found)) {
        const QString name = v.toObject()
                                 .value(QStringLiteral("human"))
                                 .toObject()
                                 .value(QStringLiteral("profile"))
                                 .toObject()
                                 .value(QStringLiteral("displayName"))
                                 .toString();
        QVERIFY2(name.contains(QLatin1String("anna"), Qt::CaseInsensitive), qPrintable(name));
    }
    QVERIFY(searchMs < 3000);

    QJsonObject emailSearch = acme;
    emailSearch.insert(QStringLiteral("queries"),
        QJsonArray {orgQuery(SeedIds::AcmeOrg),
            QJsonObject {{QStringLiteral("emailQuery"),
                QJsonObject {{QStringLiteral("emailAddress"), QStringLiteral("777@")},
                    {QStringLiteral("method"), QStringLiteral("TEXT_QUERY_METHOD_CONTAINS")}}}}});
    auto [emails, emailMs] = measure("email contains '777@', one org", emailSearch, 100);
    QVERIFY(totalOf(emails).toInt() > 500);
    QVERIFY(emailMs < 3000);

    QJsonObject sorted = acme;
    sorted.insert(QStringLiteral("sortingColumn"), QStringLiteral("USER_FIELD_NAME_DISPLAY_NAME"));
    auto [byName, sortMs] = measure("first page by display name, one org (full sort)", sorted, 100);
    QCOMPARE(byName.status, 200);
    QVERIFY(sortMs < 3000);
}

QTEST_GUILESS_MAIN(TestMockLists)
#include "TestMockLists.moc"
