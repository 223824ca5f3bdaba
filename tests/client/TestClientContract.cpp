#include "MockFixture.h"
#include "MockHttpServer.h"
#include "MockZitadel.h"
#include "ZitadelClient.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

// The contract: the real client against the real mock over loopback HTTP, every call, its
// success and each error row of the API reference. The same rows run over REST and, for v2
// methods, over Connect.
using Kind = ApiError::Kind;
Q_DECLARE_METATYPE(ApiError::Kind)
Q_DECLARE_METATYPE(ZitadelClient::V2Transport)

namespace Seed
{
const QString acme = QStringLiteral("312908912355508120");
const QString globex = QStringLiteral("312908912355508121");
const QString minnie = QStringLiteral("312909075211944344"); // email verified, phone pending
const QString donald = QStringLiteral("312909075211944345"); // email pending, phone verified
const QString daisy = QStringLiteral("312909075211944346"); // both verified
const QString goofy = QStringLiteral("312909075211944347"); // email pending, no phone
const QString pluto = QStringLiteral("312909075211944348"); // unverified, no pending codes
const QString ciBot = QStringLiteral("312909075211944349"); // machine
const QString scrooge = QStringLiteral("312909075211944350"); // initial
const QString gladstone = QStringLiteral("312909075211944351"); // inactive, email pending
const QString globexMinnie = QStringLiteral("312909075211944360");
const QString ludwig = QStringLiteral("312909075211944367"); // initial, email and phone pending
const QString unknown = QStringLiteral("999999999999999999");
} // namespace Seed

namespace
{
enum class Resend
{
    V2Email,
    V2EmailReturn,
    V2Phone,
    V2PhoneReturn,
    V1Email,
    V1Phone,
    V3alphaEmailReturn,
};

// Which code a verify row sends.
enum class CodeSource
{
    Issued, // the code a returnCode resend just issued
    Wrong, // a code that is not the issued one
    Expired, // the issued code, after the mock's clock moved two hours on
    Given, // the row's code
};

template <class T>
std::optional<Result<T>> waitFor(const std::function<ApiCall*(Callback<T>)>& start)
{
    std::optional<Result<T>> result;
    start([&result](const Result<T>& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return std::nullopt;
    return result;
}
} // namespace
Q_DECLARE_METATYPE(Resend)
Q_DECLARE_METATYPE(CodeSource)

class TestClientContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void resend_data();
    void resend();
    void resendBumpsSequenceAndReplacesTheCode_data();
    void resendBumpsSequenceAndReplacesTheCode();
    void sendRecordsTheRenderedLinkInTheOutbox();
    void v3alphaAnswersInTheSeedShape();

    void verify_data();
    void verify();
    void verifyRefusedBeforeSending_data();
    void verifyRefusedBeforeSending();

    void listOrganizations_data();
    void listOrganizations();
    void organizationPaging();
    void getMyOrg_data();
    void getMyOrg();

    void listUsersSearch_data();
    void listUsersSearch();
    void listUsersPagingAndLimit();
    void getUserById_data();
    void getUserById();

    void tokens_data();
    void tokens();
    void timeoutAgainstASlowMockThenItStillAnswers();

private:
    void addTransportRows(const char* name,
        Resend api,
        const QString& token,
        const QString& user,
        const QString& org,
        Kind kind,
        const QString& errorId);
    std::optional<Result<ResendResult>> runResend(Resend api, const QString& user, const QString& org);

    std::unique_ptr<MockFixture> m_mock;
    std::unique_ptr<ZitadelClient> m_client;
};

void TestClientContract::initTestCase()
{
    qRegisterMetaType<ExchangePtr>();
}

void TestClientContract::init()
{
    // A fresh mock per test: resends change state.
    m_client.reset();
    m_mock = std::make_unique<MockFixture>();
    QVERIFY2(m_mock->ok(), qPrintable(m_mock->error()));
    m_client = std::make_unique<ZitadelClient>();
    QVERIFY(!m_client->setBaseUrl(m_mock->baseUrl()));
    m_client->setToken(QStringLiteral("mock-admin"));
    m_client->setTimeout(5000);
}

std::optional<Result<ResendResult>> TestClientContract::runResend(Resend api, const QString& user, const QString& org)
{
    ResendOptions send;
    ResendOptions returnCode;
    returnCode.delivery = ResendOptions::Delivery::ReturnCode;
    returnCode.organizationId = org;
    return waitFor<ResendResult>([&](Callback<ResendResult> done) -> ApiCall* {
        switch (api) {
        case Resend::V2Email:
            return m_client->resendEmailCode(user, send, done);
        case Resend::V2EmailReturn:
            return m_client->resendEmailCode(user, returnCode, done);
        case Resend::V2Phone:
            return m_client->resendPhoneCode(user, send, done);
        case Resend::V2PhoneReturn:
            return m_client->resendPhoneCode(user, returnCode, done);
        case Resend::V1Email:
            return m_client->resendHumanEmailVerification(user, org, done);
        case Resend::V1Phone:
            return m_client->resendHumanPhoneVerification(user, org, done);
        case Resend::V3alphaEmailReturn:
            return m_client->resendContactEmailCode(user, returnCode, done);
        }
        return nullptr;
    });
}

void TestClientContract::addTransportRows(const char* name,
    Resend api,
    const QString& token,
    const QString& user,
    const QString& org,
    Kind kind,
    const QString& errorId)
{
    const bool v2 = api == Resend::V2Email || api == Resend::V2EmailReturn || api == Resend::V2Phone
        || api == Resend::V2PhoneReturn;
    QTest::addRow("%s [REST]", name) << ZitadelClient::V2Transport::Rest << api << token << user << org << kind
                                     << errorId;
    if (v2)
        QTest::addRow("%s [Connect]", name)
            << ZitadelClient::V2Transport::Connect << api << token << user << org << kind << errorId;
}

void TestClientContract::resend_data()
{
    QTest::addColumn<ZitadelClient::V2Transport>("transport");
    QTest::addColumn<Resend>("api");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("org");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("errorId");

    const QString admin = QStringLiteral("mock-admin");
    const QString support = QStringLiteral("mock-support");
    const QString readonly = QStringLiteral("mock-readonly");
    using namespace Seed;

    // v2 email (API reference 4.1)
    addTransportRows("v2 email pending", Resend::V2Email, admin, donald, {}, Kind::None, {});
    addTransportRows("v2 email returnCode", Resend::V2EmailReturn, admin, donald, {}, Kind::None, {});
    addTransportRows("v2 email to an inactive user", Resend::V2Email, admin, gladstone, {}, Kind::None, {});
    addTransportRows(
        "v2 email already verified", Resend::V2Email, admin, minnie, {}, Kind::Precondition, "EMAIL-5w5ilin4yt");
    addTransportRows("v2 email never sent", Resend::V2Email, admin, pluto, {}, Kind::Precondition, "EMAIL-5w5ilin4yt");
    addTransportRows("v2 email initial user", Resend::V2Email, admin, scrooge, {}, Kind::Precondition, "COMMAND-uz0Uu");
    addTransportRows("v2 email unknown user", Resend::V2Email, admin, unknown, {}, Kind::NotFound, "COMMAND-ieJ2e");
    addTransportRows(
        "v2 email read-only token", Resend::V2Email, readonly, donald, {}, Kind::PermissionDenied, "AUTH-AWfge");
    addTransportRows("v2 email support in own org", Resend::V2Email, support, donald, {}, Kind::None, {});
    addTransportRows("v2 email support in another org",
        Resend::V2Email,
        support,
        globexMinnie,
        {},
        Kind::PermissionDenied,
        "AUTH-AWfge");
    // v2 phone (4.2)
    addTransportRows("v2 phone pending", Resend::V2Phone, admin, minnie, {}, Kind::None, {});
    addTransportRows("v2 phone returnCode", Resend::V2PhoneReturn, admin, minnie, {}, Kind::None, {});
    addTransportRows(
        "v2 phone already verified", Resend::V2Phone, admin, donald, {}, Kind::Precondition, "PHONE-5xrra88eq8");
    addTransportRows("v2 phone absent", Resend::V2Phone, admin, goofy, {}, Kind::Precondition, "PHONE-5xrra88eq8");
    addTransportRows("v2 phone unknown user", Resend::V2Phone, admin, unknown, {}, Kind::NotFound, "COMMAND-ieJ2e");
    addTransportRows(
        "v2 phone read-only token", Resend::V2Phone, readonly, minnie, {}, Kind::PermissionDenied, "AUTH-AWfge");
    // v1 phone, the first seed document (3.4)
    addTransportRows("v1 phone pending", Resend::V1Phone, admin, minnie, acme, Kind::None, {});
    addTransportRows("v1 phone without org header", Resend::V1Phone, admin, minnie, {}, Kind::None, {});
    addTransportRows(
        "v1 phone already verified", Resend::V1Phone, admin, donald, acme, Kind::Precondition, "COMMAND-2M9sf");
    addTransportRows("v1 phone absent", Resend::V1Phone, admin, goofy, acme, Kind::NotFound, "COMMAND-2b7Hf");
    addTransportRows("v1 phone unknown user is a precondition",
        Resend::V1Phone,
        admin,
        unknown,
        acme,
        Kind::Precondition,
        "COMMAND-2M0fs");
    addTransportRows("v1 phone user of another org",
        Resend::V1Phone,
        admin,
        globexMinnie,
        acme,
        Kind::Precondition,
        "COMMAND-2M0fs");
    addTransportRows("v1 phone in the user's org", Resend::V1Phone, admin, globexMinnie, globex, Kind::None, {});
    addTransportRows(
        "v1 phone read-only token", Resend::V1Phone, readonly, minnie, acme, Kind::PermissionDenied, "AUTH-5mWD2");
    addTransportRows("v1 phone support in another org",
        Resend::V1Phone,
        support,
        globexMinnie,
        globex,
        Kind::PermissionDenied,
        "AUTH-5mWD2");
    addTransportRows(
        "v1 phone unknown org header", Resend::V1Phone, admin, minnie, unknown, Kind::PermissionDenied, "AUTH-Bs7Ds");
    // v1 email (3.3)
    addTransportRows("v1 email pending", Resend::V1Email, admin, donald, acme, Kind::None, {});
    addTransportRows("v1 email never sent still works", Resend::V1Email, admin, pluto, acme, Kind::None, {});
    addTransportRows(
        "v1 email already verified", Resend::V1Email, admin, minnie, acme, Kind::Precondition, "COMMAND-3M9ds");
    addTransportRows(
        "v1 email initial user", Resend::V1Email, admin, scrooge, acme, Kind::Precondition, "COMMAND-E3fbw");
    addTransportRows("v1 email unknown user", Resend::V1Email, admin, unknown, acme, Kind::NotFound, "COMMAND-0Pe4r");
    // v3alpha contact email, the second seed document (5)
    addTransportRows("v3alpha email returnCode", Resend::V3alphaEmailReturn, admin, donald, acme, Kind::None, {});
    addTransportRows("v3alpha email user not in the given org",
        Resend::V3alphaEmailReturn,
        admin,
        globexMinnie,
        acme,
        Kind::NotFound,
        {});
}

void TestClientContract::resend()
{
    QFETCH(ZitadelClient::V2Transport, transport);
    QFETCH(Resend, api);
    QFETCH(QString, token);
    QFETCH(QString, user);
    QFETCH(QString, org);
    QFETCH(Kind, kind);
    QFETCH(QString, errorId);

    m_client->setV2Transport(transport);
    m_client->setToken(token);
    const auto result = runResend(api, user, org);
    QVERIFY(result);
    QVERIFY(result->exchange);
    QCOMPARE(result->error.kind, kind);
    if (kind == Kind::None) {
        QVERIFY(result->ok());
        QVERIFY(result->value->details.changeDate.isValid());
        QVERIFY(!result->value->details.resourceOwner.isEmpty());
        const bool returned =
            api == Resend::V2EmailReturn || api == Resend::V2PhoneReturn || api == Resend::V3alphaEmailReturn;
        QCOMPARE(!result->value->verificationCode.isEmpty(), returned);
        QCOMPARE(result->exchange->status, 200);
    } else {
        if (!errorId.isEmpty())
            QCOMPARE(result->error.errorId, errorId);
        QVERIFY(!result->error.sentence.isEmpty());
        QVERIFY2(result->error.sentence != result->error.message, "a plain sentence, not the raw server text");
        QVERIFY(result->exchange->status >= 400);
    }
}

void TestClientContract::resendBumpsSequenceAndReplacesTheCode_data()
{
    QTest::addColumn<ZitadelClient::V2Transport>("transport");
    QTest::newRow("REST") << ZitadelClient::V2Transport::Rest;
    QTest::newRow("Connect") << ZitadelClient::V2Transport::Connect;
}

void TestClientContract::resendBumpsSequenceAndReplacesTheCode()
{
    QFETCH(ZitadelClient::V2Transport, transport);
    m_client->setV2Transport(transport);
    const auto first = runResend(Resend::V2PhoneReturn, Seed::minnie, {});
    QVERIFY(first && first->ok());
    QCOMPARE(m_mock->zitadel().pendingPhoneCode(Seed::minnie), first->value->verificationCode);
    const auto second = runResend(Resend::V2PhoneReturn, Seed::minnie, {});
    QVERIFY(second && second->ok());
    QCOMPARE(m_mock->zitadel().pendingPhoneCode(Seed::minnie), second->value->verificationCode);
    QCOMPARE(second->value->details.sequence, first->value->details.sequence + 1);
    QVERIFY(second->value->details.changeDate >= first->value->details.changeDate);
    // The new code replaced the old one in the user's state: the sequence the user now shows is
    // the second resend's.
    const auto user = waitFor<User>([&](Callback<User> done) { return m_client->getUserById(Seed::minnie, done); });
    QVERIFY(user && user->ok());
    QCOMPARE(user->value->details.sequence, second->value->details.sequence);
    QCOMPARE(m_mock->zitadel().outboxTotal(), quint64(0)); // returnCode sends nothing
}

void TestClientContract::sendRecordsTheRenderedLinkInTheOutbox()
{
    ResendOptions o;
    o.urlTemplate =
        QStringLiteral("https://admin.example.com/verify?userID={{.UserID}}&code={{.Code}}&orgID={{.OrgID}}");
    const auto result = waitFor<ResendResult>(
        [&](Callback<ResendResult> done) { return m_client->resendEmailCode(Seed::donald, o, done); });
    QVERIFY(result && result->ok());
    const auto outbox = m_mock->zitadel().outbox();
    QCOMPARE(outbox.size(), 1);
    const MockOutboxMessage& m = outbox.last();
    QCOMPARE(m.channel, QStringLiteral("email"));
    QCOMPARE(m.userId, Seed::donald);
    QCOMPARE(m.orgId, Seed::acme);
    QVERIFY(!m.code.isEmpty());
    QCOMPARE(m.link,
        QStringLiteral("https://admin.example.com/verify?userID=%1&code=%2&orgID=%3")
            .arg(Seed::donald, m.code, Seed::acme));

    // v1 phone: an SMS, no link.
    const auto sms = runResend(Resend::V1Phone, Seed::minnie, Seed::acme);
    QVERIFY(sms && sms->ok());
    QCOMPARE(m_mock->zitadel().outbox().size(), 2);
    QCOMPARE(m_mock->zitadel().outbox().last().channel, QStringLiteral("sms"));
    QVERIFY(m_mock->zitadel().outbox().last().link.isEmpty());
}

void TestClientContract::v3alphaAnswersInTheSeedShape()
{
    const auto result = runResend(Resend::V3alphaEmailReturn, Seed::donald, Seed::acme);
    QVERIFY(result && result->ok());
    const QJsonObject details = result->exchange->responseJson.object().value(QLatin1String("details")).toObject();
    QVERIFY2(details.contains(QLatin1String("sequence")), "the seed page's shape: sequence, changeDate, resourceOwner");
    QVERIFY(details.value(QLatin1String("sequence")).isString()); // uint64 as a JSON string
    QCOMPARE(result->value->details.resourceOwner, Seed::acme);
    QVERIFY(result->value->details.sequence > 0);
}

void TestClientContract::listOrganizations_data()
{
    QTest::addColumn<ZitadelClient::V2Transport>("transport");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expectedIds"); // empty: "at least ACME and Globex"

    for (auto t : {ZitadelClient::V2Transport::Rest, ZitadelClient::V2Transport::Connect}) {
        const char* name = t == ZitadelClient::V2Transport::Rest ? "REST" : "Connect";
        QTest::addRow("admin sees all [%s]", name) << t << "mock-admin"
                                                   << "" << QStringList();
        QTest::addRow("support sees its own [%s]", name) << t << "mock-support"
                                                         << "" << QStringList {Seed::acme};
        QTest::addRow("name filter, any case [%s]", name) << t << "mock-admin"
                                                          << "gLoBeX" << QStringList {Seed::globex};
        QTest::addRow("no match [%s]", name) << t << "mock-admin"
                                             << "no such org" << QStringList {};
    }
}

void TestClientContract::listOrganizations()
{
    QFETCH(ZitadelClient::V2Transport, transport);
    QFETCH(QString, token);
    QFETCH(QString, filter);
    QFETCH(QStringList, expectedIds);
    m_client->setV2Transport(transport);
    m_client->setToken(token);
    OrganizationQuery q;
    q.nameContains = filter;
    const auto r = waitFor<OrganizationPage>(
        [&](Callback<OrganizationPage> done) { return m_client->listOrganizations(q, done); });
    QVERIFY(r && r->ok());
    QStringList ids;
    for (const auto& org : r->value->items) {
        ids << org.id;
        QVERIFY(!org.name.isEmpty());
        QVERIFY(!org.primaryDomain.isEmpty());
        QVERIFY(org.state != OrganizationState::Unspecified);
    }
    QCOMPARE(r->value->totalResult, quint64(ids.size()));
    if (filter.isEmpty() && expectedIds.isEmpty()) {
        QVERIFY(ids.size() >= 4);
        QVERIFY(ids.contains(Seed::acme) && ids.contains(Seed::globex));
    } else {
        QCOMPARE(ids, expectedIds);
    }
}

void TestClientContract::organizationPaging()
{
    OrganizationQuery q;
    q.limit = 2;
    const auto first = waitFor<OrganizationPage>(
        [&](Callback<OrganizationPage> done) { return m_client->listOrganizations(q, done); });
    q.offset = 2;
    const auto second = waitFor<OrganizationPage>(
        [&](Callback<OrganizationPage> done) { return m_client->listOrganizations(q, done); });
    QVERIFY(first && first->ok() && second && second->ok());
    QCOMPARE(first->value->items.size(), 2);
    QVERIFY(first->value->totalResult >= 4);
    QCOMPARE(second->value->totalResult, first->value->totalResult);
    QVERIFY(!second->value->items.isEmpty());
    QVERIFY(first->value->items.first().name.localeAwareCompare(first->value->items.last().name) <= 0);
    for (const auto& a : first->value->items)
        for (const auto& b : second->value->items)
            QVERIFY(a.id != b.id);
}

void TestClientContract::getMyOrg_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("org");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("expected"); // org id, or error id
    QTest::newRow("own org") << "mock-admin"
                             << "" << Kind::None << Seed::acme;
    QTest::newRow("admin in another org") << "mock-admin" << Seed::globex << Kind::None << Seed::globex;
    QTest::newRow("support in another org") << "mock-support" << Seed::globex << Kind::PermissionDenied << "AUTH-5mWD2";
    QTest::newRow("unknown org") << "mock-admin" << Seed::unknown << Kind::PermissionDenied << "AUTH-Bs7Ds";
}

void TestClientContract::getMyOrg()
{
    QFETCH(QString, token);
    QFETCH(QString, org);
    QFETCH(Kind, kind);
    QFETCH(QString, expected);
    m_client->setToken(token);
    const auto r = waitFor<Organization>([&](Callback<Organization> done) { return m_client->getMyOrg(org, done); });
    QVERIFY(r);
    QCOMPARE(r->error.kind, kind);
    if (kind == Kind::None)
        QCOMPARE(r->value->id, expected);
    else
        QCOMPARE(r->error.errorId, expected);
}

void TestClientContract::listUsersSearch_data()
{
    QTest::addColumn<ZitadelClient::V2Transport>("transport");
    QTest::addColumn<QString>("org");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("mustContain");
    QTest::addColumn<QStringList>("mustNotContain");

    for (auto t : {ZitadelClient::V2Transport::Rest, ZitadelClient::V2Transport::Connect}) {
        const char* n = t == ZitadelClient::V2Transport::Rest ? "REST" : "Connect";
        QTest::addRow("username in one org [%s]", n)
            << t << Seed::acme << "minnie" << QStringList {Seed::minnie} << QStringList {Seed::globexMinnie};
        QTest::addRow("same username, all orgs [%s]", n)
            << t << ""
            << "minnie" << QStringList {Seed::minnie, Seed::globexMinnie} << QStringList {};
        QTest::addRow("display name, any case [%s]", n)
            << t << Seed::acme << "MINNIE MOU" << QStringList {Seed::minnie} << QStringList {};
        QTest::addRow("email [%s]", n) << t << Seed::acme << "minnie@example" << QStringList {Seed::minnie}
                                       << QStringList {Seed::donald};
        QTest::addRow("phone [%s]", n) << t << Seed::acme << "+4179123456" << QStringList {Seed::minnie}
                                       << QStringList {};
        QTest::addRow("user id [%s]", n) << t << Seed::acme << Seed::daisy << QStringList {Seed::daisy}
                                         << QStringList {Seed::minnie};
        QTest::addRow("no search lists the org [%s]", n)
            << t << Seed::acme << "" << QStringList {Seed::minnie, Seed::donald, Seed::ciBot}
            << QStringList {Seed::globexMinnie};
    }
}

void TestClientContract::listUsersSearch()
{
    QFETCH(ZitadelClient::V2Transport, transport);
    QFETCH(QString, org);
    QFETCH(QString, search);
    QFETCH(QStringList, mustContain);
    QFETCH(QStringList, mustNotContain);
    m_client->setV2Transport(transport);
    UserQuery q;
    q.organizationId = org;
    q.search = search;
    const auto r = waitFor<UserPage>([&](Callback<UserPage> done) { return m_client->listUsers(q, done); });
    QVERIFY(r && r->ok());
    QStringList ids;
    for (const User& u : r->value->items) {
        ids << u.id;
        if (!org.isEmpty())
            QCOMPARE(u.organizationId(), org);
    }
    for (const QString& id : mustContain)
        QVERIFY2(ids.contains(id), qPrintable(id));
    for (const QString& id : mustNotContain)
        QVERIFY2(!ids.contains(id), qPrintable(id));
    QVERIFY(r->value->totalResult >= quint64(ids.size()));
}

void TestClientContract::listUsersPagingAndLimit()
{
    UserQuery q;
    q.organizationId = Seed::acme;
    q.limit = 5;
    const auto page1 = waitFor<UserPage>([&](Callback<UserPage> done) { return m_client->listUsers(q, done); });
    q.offset = 5;
    const auto page2 = waitFor<UserPage>([&](Callback<UserPage> done) { return m_client->listUsers(q, done); });
    QVERIFY(page1 && page1->ok() && page2 && page2->ok());
    QCOMPARE(page1->value->items.size(), 5);
    QVERIFY(page1->value->totalResult > 10);
    QCOMPARE(page2->value->offset, quint64(5));
    QVERIFY(page1->value->items.last().id != page2->value->items.first().id);

    q.offset = 0;
    q.limit = 1001; // above ZITADEL's default maximum
    const auto tooMany = waitFor<UserPage>([&](Callback<UserPage> done) { return m_client->listUsers(q, done); });
    QVERIFY(tooMany);
    QCOMPARE(tooMany->error.kind, Kind::InvalidArgument);
    QCOMPARE(tooMany->error.errorId, QStringLiteral("QUERY-4M0fs"));
}

void TestClientContract::getUserById_data()
{
    QTest::addColumn<ZitadelClient::V2Transport>("transport");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("user");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("errorId");
    for (auto t : {ZitadelClient::V2Transport::Rest, ZitadelClient::V2Transport::Connect}) {
        const char* n = t == ZitadelClient::V2Transport::Rest ? "REST" : "Connect";
        QTest::addRow("found [%s]", n) << t << "mock-admin" << Seed::minnie << Kind::None << "";
        QTest::addRow("machine [%s]", n) << t << "mock-readonly" << Seed::ciBot << Kind::None << "";
        QTest::addRow("unknown [%s]", n) << t << "mock-admin" << Seed::unknown << Kind::NotFound << "QUERY-Dfbg2";
        QTest::addRow("support, other org [%s]", n)
            << t << "mock-support" << Seed::globexMinnie << Kind::PermissionDenied << "AUTH-AWfge";
    }
}

void TestClientContract::getUserById()
{
    QFETCH(ZitadelClient::V2Transport, transport);
    QFETCH(QString, token);
    QFETCH(QString, user);
    QFETCH(Kind, kind);
    QFETCH(QString, errorId);
    m_client->setV2Transport(transport);
    m_client->setToken(token);
    const auto r = waitFor<User>([&](Callback<User> done) { return m_client->getUserById(user, done); });
    QVERIFY(r);
    QCOMPARE(r->error.kind, kind);
    QCOMPARE(r->error.errorId, errorId);
    if (kind != Kind::None)
        return;
    QCOMPARE(r->value->id, user);
    if (user == Seed::minnie) {
        QCOMPARE(r->value->type, User::Type::Human);
        QCOMPARE(r->value->state, UserState::Active);
        QCOMPARE(r->value->username, QStringLiteral("minnie"));
        QCOMPARE(r->value->email, QStringLiteral("minnie@example.com"));
        QVERIFY(r->value->emailVerified);
        QCOMPARE(r->value->phone, QStringLiteral("+41791234567"));
        QVERIFY(!r->value->phoneVerified);
        QCOMPARE(r->value->organizationId(), Seed::acme);
        QVERIFY(r->value->details.sequence > 0);
        // protojson: false is omitted, not sent.
        QVERIFY(!r->exchange->responseBody.contains("\"isVerified\":false"));
    } else {
        QCOMPARE(r->value->type, User::Type::Machine);
    }
}

void TestClientContract::tokens_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("errorId");
    QTest::addColumn<QString>("sentenceContains");
    QTest::newRow("no token") << "" << Kind::Unauthenticated << ""
                              << "No token was sent";
    QTest::newRow("unknown token") << "not-a-mock-token" << Kind::Unauthenticated << "AUTH-7fs1e"
                                   << "invalid or has expired";
    QTest::newRow("read-only may read") << "mock-readonly" << Kind::None << ""
                                        << "";
}

void TestClientContract::tokens()
{
    QFETCH(QString, token);
    QFETCH(Kind, kind);
    QFETCH(QString, errorId);
    QFETCH(QString, sentenceContains);
    m_client->setToken(token);
    for (auto t : {ZitadelClient::V2Transport::Rest, ZitadelClient::V2Transport::Connect}) {
        m_client->setV2Transport(t);
        const auto r = waitFor<UserPage>([&](Callback<UserPage> done) { return m_client->listUsers({}, done); });
        QVERIFY(r);
        QCOMPARE(r->error.kind, kind);
        QCOMPARE(r->error.errorId, errorId);
        QVERIFY2(r->error.sentence.contains(sentenceContains), qPrintable(r->error.sentence));
        if (kind != Kind::None)
            QCOMPARE(r->exchange->status, 401);
    }
}

void TestClientContract::timeoutAgainstASlowMockThenItStillAnswers()
{
    m_mock->server().setLatency(1500);
    m_client->setTimeout(200);
    QSignalSpy dropped(&m_mock->server(), &MockHttpServer::responseDropped);
    const auto slow = runResend(Resend::V2EmailReturn, Seed::donald, {});
    QVERIFY(slow);
    QCOMPARE(slow->error.kind, Kind::Timeout);
    // The mock wrote (or skipped writing) to a socket the client had dropped; it must not have
    // crashed, and it answers the next request normally once the latency is gone.
    QTRY_COMPARE_WITH_TIMEOUT(dropped.count(), 1, 5000); // the delayed answer found its client gone
    m_mock->server().setLatency(0);
    m_client->setTimeout(5000);
    const auto next = waitFor<User>([&](Callback<User> done) { return m_client->getUserById(Seed::donald, done); });
    QVERIFY(next && next->ok());
}

void TestClientContract::verify_data()
{
    QTest::addColumn<ZitadelClient::V2Transport>("transport");
    QTest::addColumn<bool>("email");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("user");
    QTest::addColumn<CodeSource>("source");
    QTest::addColumn<QString>("code"); // for CodeSource::Given
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("errorId");
    QTest::addColumn<QString>("sentence");

    using namespace Seed;
    const QString admin = QStringLiteral("mock-admin");
    const QString invalid = QStringLiteral(
        "The code is wrong or no longer valid: it may have expired or been replaced by a newer one. Check it, or "
        "send a new code.");
    const QString eis9R = QStringLiteral("COMMAND-eis9R");
    for (auto t : {ZitadelClient::V2Transport::Rest, ZitadelClient::V2Transport::Connect}) {
        const char* n = t == ZitadelClient::V2Transport::Rest ? "REST" : "Connect";
        QTest::addRow("email, the code the user got [%s]", n)
            << t << true << admin << donald << CodeSource::Issued << QString() << Kind::None << QString() << QString();
        QTest::addRow("phone, the code the user got [%s]", n)
            << t << false << admin << minnie << CodeSource::Issued << QString() << Kind::None << QString() << QString();
        // ZITADEL checks no permission on verify: the code is the proof.
        QTest::addRow("read-only token with the code [%s]", n)
            << t << true << QStringLiteral("mock-readonly") << globexMinnie << CodeSource::Issued << QString()
            << Kind::None << QString() << QString();
        QTest::addRow("email, wrong code [%s]", n) << t << true << admin << donald << CodeSource::Wrong << QString()
                                                   << Kind::InvalidArgument << eis9R << invalid;
        QTest::addRow("phone, expired code [%s]", n) << t << false << admin << minnie << CodeSource::Expired
                                                     << QString() << Kind::InvalidArgument << eis9R << invalid;
        QTest::addRow("email, already verified [%s]", n)
            << t << true << admin << minnie << CodeSource::Given << QStringLiteral("ABC123") << Kind::InvalidArgument
            << eis9R << invalid;
        QTest::addRow("phone, no code pending [%s]", n)
            << t << false << admin << pluto << CodeSource::Given << QStringLiteral("123456") << Kind::InvalidArgument
            << eis9R << invalid;
        QTest::addRow("email, unknown user [%s]", n)
            << t << true << admin << unknown << CodeSource::Given << QStringLiteral("ABC123") << Kind::NotFound
            << QStringLiteral("COMMAND-ieJ2e")
            << QStringLiteral("This user could not be found in the selected organization; it may have been deleted.");
        QTest::addRow("phone, initial user [%s]", n)
            << t << false << admin << ludwig << CodeSource::Given << QStringLiteral("246810") << Kind::Precondition
            << QStringLiteral("COMMAND-uz0Uu")
            << QStringLiteral(
                   "This user has not finished the initial sign-up yet, so ZITADEL will not verify the address.");
    }
}

void TestClientContract::verify()
{
    QFETCH(ZitadelClient::V2Transport, transport);
    QFETCH(bool, email);
    QFETCH(QString, token);
    QFETCH(QString, user);
    QFETCH(CodeSource, source);
    QFETCH(QString, code);
    QFETCH(Kind, kind);
    QFETCH(QString, errorId);
    QFETCH(QString, sentence);

    m_client->setV2Transport(transport);
    MockZitadel& mock = m_mock->zitadel();
    if (source != CodeSource::Given) {
        const auto issued = runResend(email ? Resend::V2EmailReturn : Resend::V2PhoneReturn, user, {});
        QVERIFY(issued && issued->ok());
        code = issued->value->verificationCode;
        QVERIFY(!code.isEmpty());
        if (source == CodeSource::Wrong)
            code = code == QLatin1String("234567") ? QStringLiteral("765432") : QStringLiteral("234567");
        if (source == CodeSource::Expired)
            mock.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(2 * 3600); });
    }
    m_client->setToken(token);
    const auto result = waitFor<VerifyResult>([&](Callback<VerifyResult> done) {
        return email ? m_client->verifyEmail(user, code, done) : m_client->verifyPhone(user, code, done);
    });
    QVERIFY(result);
    QVERIFY(result->exchange);
    QCOMPARE(
        result->exchange->operation, email ? QStringLiteral("VerifyEmail (v2)") : QStringLiteral("VerifyPhone (v2)"));
    const QString path = transport == ZitadelClient::V2Transport::Rest
        ? QStringLiteral("/v2/users/%1/%2/verify").arg(user, email ? QStringLiteral("email") : QStringLiteral("phone"))
        : QStringLiteral("/zitadel.user.v2.UserService/%1").arg(email ? "VerifyEmail" : "VerifyPhone");
    QCOMPARE(result->exchange->url.path(), path);
    QCOMPARE(QJsonDocument::fromJson(result->exchange->requestBody).object().value(QLatin1String("verificationCode")),
        QJsonValue(code));
    QCOMPARE(result->error.kind, kind);
    if (kind != Kind::None) {
        QCOMPARE(result->error.errorId, errorId);
        QCOMPARE(result->error.sentence, sentence);
        QVERIFY(result->exchange->status >= 400);
        return;
    }

    QVERIFY(result->ok());
    QCOMPARE(result->exchange->status, 200);
    QCOMPARE(result->value->details.sequence, mock.userSequence(user));
    QCOMPARE(result->value->details.resourceOwner, mock.user(user)->orgId);
    QVERIFY(result->value->details.changeDate.isValid());
    // A later read shows the address verified.
    m_client->setToken(QStringLiteral("mock-admin"));
    const auto read = waitFor<User>([&](Callback<User> done) { return m_client->getUserById(user, done); });
    QVERIFY(read && read->ok());
    QVERIFY(email ? read->value->emailVerified : read->value->phoneVerified);
    QCOMPARE(read->value->details.sequence, result->value->details.sequence);
}

void TestClientContract::verifyRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("sentence");
    const QString space =
        QStringLiteral("The code starts or ends with a space; remove it (was it copied with extra text?).");
    QTest::newRow("empty code") << Seed::donald << QString()
                                << QStringLiteral("Enter the verification code the user received.");
    QTest::newRow("spaces only") << Seed::donald << QStringLiteral("   ") << space;
    QTest::newRow("leading space") << Seed::donald << QStringLiteral(" Q7KZ2D") << space;
    QTest::newRow("trailing line break") << Seed::donald << QStringLiteral("Q7KZ2D\n") << space;
    QTest::newRow("21 characters") << Seed::donald << QString(21, QLatin1Char('A'))
                                   << QStringLiteral("A verification code has at most 20 characters; this one has 21.");
    QTest::newRow("21 non-ASCII characters")
        << Seed::donald << QString(21, QChar(0x00e9))
        << QStringLiteral("A verification code has at most 20 characters; this one has 21.");
    QTest::newRow("no user") << QString() << QStringLiteral("Q7KZ2D")
                             << QStringLiteral("No user is selected: the user id is empty.");
    QTest::newRow("the user is checked first")
        << QString() << QString() << QStringLiteral("No user is selected: the user id is empty.");
    QTest::newRow("user id with a space")
        << Seed::donald + QLatin1Char(' ') << QStringLiteral("Q7KZ2D")
        << QStringLiteral("The user id starts or ends with a space; remove it (was it copied with extra text?).");
}

void TestClientContract::verifyRefusedBeforeSending()
{
    QFETCH(QString, user);
    QFETCH(QString, code);
    QFETCH(QString, sentence);
    QSignalSpy sent(m_client.get(), &ZitadelClient::exchangeFinished);
    const quint64 requests = m_mock->router().requestCount();
    const quint64 sequence = m_mock->zitadel().userSequence(Seed::donald);
    for (auto t : {ZitadelClient::V2Transport::Rest, ZitadelClient::V2Transport::Connect}) {
        m_client->setV2Transport(t);
        for (const bool email : {true, false}) {
            const auto r = waitFor<VerifyResult>([&](Callback<VerifyResult> done) {
                return email ? m_client->verifyEmail(user, code, done) : m_client->verifyPhone(user, code, done);
            });
            QVERIFY(r);
            QCOMPARE(r->error.kind, Kind::InvalidInput);
            QCOMPARE(r->error.sentence, sentence);
            QVERIFY(!r->exchange);
            QVERIFY(!r->ok());
        }
    }
    QCOMPARE(sent.count(), 0);
    QCOMPARE(m_mock->router().requestCount(), requests);
    QCOMPARE(m_mock->zitadel().userSequence(Seed::donald), sequence); // not even a failed attempt
    QCOMPARE(m_mock->zitadel().pendingEmailCode(Seed::donald), QStringLiteral("Q7KZ2D"));
}

QTEST_GUILESS_MAIN(TestClientContract)
#include "TestClientContract.moc"
