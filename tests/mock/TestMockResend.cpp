// Resend semantics at router level: every error row of zitadel-api.md §3.3, §3.4, §4.1,
// §4.2 (and the v3alpha calls, which share the v2 rules), in REST and Connect form; what a
// successful resend changes; what lands in the outbox; url_template validation.

#include "RouterHarness.h"
#include "SeedIds.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

namespace
{
const QByteArray Admin(SeedIds::AdminToken);
const QByteArray Support(SeedIds::SupportToken);
const QByteArray Readonly(SeedIds::ReadonlyToken);

// How one resend call is made.
enum class Api
{
    V1Email,
    V1Phone,
    V2EmailRest,
    V2PhoneRest,
    V2EmailConnect,
    V2PhoneConnect,
    V3EmailRest,
    V3PhoneRest,
};

bool isConnect(Api api)
{
    return api == Api::V2EmailConnect || api == Api::V2PhoneConnect;
}

bool isEmail(Api api)
{
    return api == Api::V1Email || api == Api::V2EmailRest || api == Api::V2EmailConnect || api == Api::V3EmailRest;
}

MockResponse call(RouterHarness& h,
    Api api,
    const QByteArray& token,
    const QString& userId,
    QJsonObject body = {},
    const QList<QPair<QByteArray, QByteArray>>& headers = {})
{
    const QByteArray id = userId.toUtf8().toPercentEncoding();
    switch (api) {
    case Api::V1Email:
        return h.send("POST", "/management/v1/users/" + id + "/email/_resend_verification", token, "{}", headers);
    case Api::V1Phone:
        return h.send("POST", "/management/v1/users/" + id + "/phone/_resend_verification", token, "{}", headers);
    case Api::V2EmailRest:
        return h.send("POST", "/v2/users/" + id + "/email/resend", token, QJsonDocument(body).toJson(), headers);
    case Api::V2PhoneRest:
        return h.send("POST", "/v2/users/" + id + "/phone/resend", token, QJsonDocument(body).toJson(), headers);
    case Api::V3EmailRest:
        return h.send(
            "POST", "/resources/v3alpha/users/" + id + "/email/_resend", token, QJsonDocument(body).toJson(), headers);
    case Api::V3PhoneRest:
        return h.send(
            "POST", "/resources/v3alpha/users/" + id + "/phone/_resend", token, QJsonDocument(body).toJson(), headers);
    case Api::V2EmailConnect:
    case Api::V2PhoneConnect:
        body.insert(QStringLiteral("userId"), userId);
        return h.connect(api == Api::V2EmailConnect ? "zitadel.user.v2.UserService/ResendEmailCode"
                                                    : "zitadel.user.v2.UserService/ResendPhoneCode",
            token,
            body);
    }
    return {};
}

QString connectCodeOf(int code)
{
    switch (code) {
    case 3:
        return QStringLiteral("invalid_argument");
    case 5:
        return QStringLiteral("not_found");
    case 7:
        return QStringLiteral("permission_denied");
    case 9:
        return QStringLiteral("failed_precondition");
    case 16:
        return QStringLiteral("unauthenticated");
    }
    return QStringLiteral("unknown");
}

// The answer must be exactly this error, in the envelope of the call's protocol.
void expectError(const MockResponse& r, Api api, int status, int code, const QString& id, const QString& text)
{
    QCOMPARE(r.status, status);
    const QJsonObject body = RouterHarness::json(r);
    if (isConnect(api))
        QCOMPARE(body, RouterHarness::connectError(connectCodeOf(code), id, text));
    else
        QCOMPARE(body, RouterHarness::restError(code, id, text));
}

const QRegularExpression EmailCode(QStringLiteral("^[A-HJ-NP-Z2-9]{6}$"));
const QRegularExpression PhoneCode(QStringLiteral("^[0-9]{6}$"));
} // namespace

Q_DECLARE_METATYPE(Api)

class TestMockResend : public QObject
{
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void success_data();
    void success();
    void returnCodeSendsNothing_data();
    void returnCodeSendsNothing();
    void outboxLinks_data();
    void outboxLinks();
    void urlTemplateValidation_data();
    void urlTemplateValidation();
    void requestValidation_data();
    void requestValidation();
    void v1ResendCreatesTheFirstCode();
    void inactiveAndLockedUsersCanBeResentTo();
    void checkOrder();
    void resourcesOrganization();
    void repeatableCodes();
    void outboxIsCapped();
};

void TestMockResend::errors_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QByteArray>("orgHeader");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");

    const QString notInit = QStringLiteral("User is not yet initialized");
    const QString codeEmpty = QStringLiteral("Code is empty");
    const QString noPerm = QStringLiteral("No matching permissions found");

    // §3.3 ResendHumanEmailVerification (v1).
    QTest::newRow("v1 email: unknown user")
        << Api::V1Email << Admin << QStringLiteral("1234") << QByteArray() << 404 << 5
        << QStringLiteral("COMMAND-0Pe4r") << QStringLiteral("Email not found");
    QTest::newRow("v1 email: user of another org")
        << Api::V1Email << Admin << QString(SeedIds::GlobexMinnie) << QByteArray() << 404 << 5
        << QStringLiteral("COMMAND-0Pe4r") << QStringLiteral("Email not found");
    QTest::newRow("v1 email: machine user")
        << Api::V1Email << Admin << QString(SeedIds::CiBot) << QByteArray() << 404 << 5
        << QStringLiteral("COMMAND-0Pe4r") << QStringLiteral("Email not found");
    QTest::newRow("v1 email: human without email")
        << Api::V1Email << Admin << QString(SeedIds::NoEmail) << QByteArray() << 404 << 5
        << QStringLiteral("COMMAND-0Pe4r") << QStringLiteral("Email not found");
    QTest::newRow("v1 email: initial") << Api::V1Email << Admin << QString(SeedIds::Scrooge) << QByteArray() << 400 << 9
                                       << QStringLiteral("COMMAND-E3fbw") << notInit;
    QTest::newRow("v1 email: verified") << Api::V1Email << Admin << QString(SeedIds::Minnie) << QByteArray() << 400 << 9
                                        << QStringLiteral("COMMAND-3M9ds")
                                        << QStringLiteral("Email is already verified");
    QTest::newRow("v1 email: readonly") << Api::V1Email << Readonly << QString(SeedIds::Donald) << QByteArray() << 403
                                        << 7 << QStringLiteral("AUTH-5mWD2") << noPerm;
    QTest::newRow("v1 email: support in Globex")
        << Api::V1Email << Support << QString(SeedIds::GlobexFrank) << QByteArray(SeedIds::GlobexOrg) << 403 << 7
        << QStringLiteral("AUTH-5mWD2") << noPerm;
    QTest::newRow("v1 email: unknown org header")
        << Api::V1Email << Admin << QString(SeedIds::Donald) << QByteArray("77") << 403 << 7
        << QStringLiteral("AUTH-Bs7Ds") << QStringLiteral("Organisation doesn't exist");

    // §3.4 ResendHumanPhoneVerification (v1): an unknown user is FailedPrecondition.
    QTest::newRow("v1 phone: unknown user")
        << Api::V1Phone << Admin << QStringLiteral("1234") << QByteArray() << 400 << 9
        << QStringLiteral("COMMAND-2M0fs") << QStringLiteral("User could not be found");
    QTest::newRow("v1 phone: user of another org")
        << Api::V1Phone << Admin << QString(SeedIds::InitechPeter) << QByteArray() << 400 << 9
        << QStringLiteral("COMMAND-2M0fs") << QStringLiteral("User could not be found");
    QTest::newRow("v1 phone: machine user")
        << Api::V1Phone << Admin << QString(SeedIds::CiBot) << QByteArray() << 400 << 9
        << QStringLiteral("COMMAND-2M0fs") << QStringLiteral("User could not be found");
    QTest::newRow("v1 phone: no phone") << Api::V1Phone << Admin << QString(SeedIds::Goofy) << QByteArray() << 404 << 5
                                        << QStringLiteral("COMMAND-2b7Hf") << QStringLiteral("Phone not found");
    QTest::newRow("v1 phone: verified") << Api::V1Phone << Admin << QString(SeedIds::Donald) << QByteArray() << 400 << 9
                                        << QStringLiteral("COMMAND-2M9sf") << QStringLiteral("Phone already verified");
    QTest::newRow("v1 phone: readonly") << Api::V1Phone << Readonly << QString(SeedIds::Minnie) << QByteArray() << 403
                                        << 7 << QStringLiteral("AUTH-5mWD2") << noPerm;

    // §4.1 / §4.2 (v2), in both transports.
    for (const Api api : {Api::V2EmailRest, Api::V2EmailConnect, Api::V2PhoneRest, Api::V2PhoneConnect}) {
        const bool email = isEmail(api);
        const char* t = api == Api::V2EmailRest ? "v2 email rest"
            : api == Api::V2EmailConnect        ? "v2 email connect"
            : api == Api::V2PhoneRest           ? "v2 phone rest"
                                                : "v2 phone connect";
        const QString notFound = email ? QStringLiteral("Email not found") : QStringLiteral("Phone not found");
        const QString noCodeId = email ? QStringLiteral("EMAIL-5w5ilin4yt") : QStringLiteral("PHONE-5xrra88eq8");
        QTest::addRow("%s: unknown user", t) << api << Admin << QStringLiteral("1234") << QByteArray() << 404 << 5
                                             << QStringLiteral("COMMAND-ieJ2e") << notFound;
        QTest::addRow("%s: unknown generated-looking id", t)
            << api << Admin << QStringLiteral("900000000000000001") << QByteArray() << 404 << 5
            << QStringLiteral("COMMAND-ieJ2e") << notFound;
        QTest::addRow("%s: machine user", t) << api << Admin << QString(SeedIds::CiBot) << QByteArray() << 404 << 5
                                             << QStringLiteral("COMMAND-ieJ2e") << notFound;
        QTest::addRow("%s: initial", t) << api << Admin << QString(SeedIds::Scrooge) << QByteArray() << 400 << 9
                                        << QStringLiteral("COMMAND-uz0Uu") << notInit;
        QTest::addRow("%s: no pending code (verified)", t)
            << api << Admin << QString(email ? SeedIds::Minnie : SeedIds::Donald) << QByteArray() << 400 << 9
            << noCodeId << codeEmpty;
        QTest::addRow("%s: no pending code (never sent)", t)
            << api << Admin << QString(SeedIds::Pluto) << QByteArray() << 400 << 9 << noCodeId << codeEmpty;
        QTest::addRow("%s: no address at all", t) << api << Admin << QString(email ? SeedIds::NoEmail : SeedIds::Goofy)
                                                  << QByteArray() << 400 << 9 << noCodeId << codeEmpty;
        QTest::addRow("%s: support, other org", t) << api << Support << QString(SeedIds::GlobexMinnie) << QByteArray()
                                                   << 403 << 7 << QStringLiteral("AUTH-AWfge") << noPerm;
        QTest::addRow("%s: readonly", t) << api << Readonly << QString(SeedIds::GlobexMinnie) << QByteArray() << 403
                                         << 7 << QStringLiteral("AUTH-AWfge") << noPerm;
        // v2 has no org context: the header changes nothing.
        QTest::addRow("%s: support with header", t)
            << api << Support << QString(SeedIds::GlobexMinnie) << QByteArray(SeedIds::GlobexOrg) << 403 << 7
            << QStringLiteral("AUTH-AWfge") << noPerm;
    }

    // v3alpha: the v2 rules and ids (MockResourcesUserApi.h explains the choice).
    for (const Api api : {Api::V3EmailRest, Api::V3PhoneRest}) {
        const bool email = isEmail(api);
        const char* t = email ? "v3alpha email" : "v3alpha phone";
        QTest::addRow("%s: unknown user", t)
            << api << Admin << QStringLiteral("1234") << QByteArray() << 404 << 5 << QStringLiteral("COMMAND-ieJ2e")
            << (email ? QStringLiteral("Email not found") : QStringLiteral("Phone not found"));
        QTest::addRow("%s: initial", t) << api << Admin << QString(SeedIds::Scrooge) << QByteArray() << 400 << 9
                                        << QStringLiteral("COMMAND-uz0Uu") << notInit;
        QTest::addRow("%s: no pending code", t)
            << api << Admin << QString(SeedIds::Pluto) << QByteArray() << 400 << 9
            << (email ? QStringLiteral("EMAIL-5w5ilin4yt") : QStringLiteral("PHONE-5xrra88eq8")) << codeEmpty;
        QTest::addRow("%s: support, other org", t) << api << Support << QString(SeedIds::InitechPeter) << QByteArray()
                                                   << 403 << 7 << QStringLiteral("AUTH-AWfge") << noPerm;
    }
}

void TestMockResend::errors()
{
    QFETCH(Api, api);
    QFETCH(QByteArray, token);
    QFETCH(QString, userId);
    QFETCH(QByteArray, orgHeader);
    QFETCH(int, status);
    QFETCH(int, code);
    QFETCH(QString, id);
    QFETCH(QString, text);
    RouterHarness h;
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!orgHeader.isEmpty())
        headers.append({QByteArrayLiteral("x-zitadel-orgid"), orgHeader});
    const auto before = h.zitadel().user(userId);
    expectError(call(h, api, token, userId, {}, headers), api, status, code, id, text);
    if (QTest::currentTestFailed())
        return;
    // A refused resend changes nothing.
    QCOMPARE(h.zitadel().outboxTotal(), quint64(0));
    QCOMPARE(h.zitadel().processedSequence(), quint64(20481));
    if (before) {
        const auto after = h.zitadel().user(userId);
        QCOMPARE(after->sequence, before->sequence);
        QCOMPARE(after->emailCode, before->emailCode);
        QCOMPARE(after->phoneCode, before->phoneCode);
        QCOMPARE(after->changeDate, before->changeDate);
    }
}

void TestMockResend::success_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QJsonObject>("body");

    const QJsonObject none;
    const QJsonObject send {{QStringLiteral("sendCode"), QJsonObject()}};
    QTest::newRow("v1 email, pending") << Api::V1Email << Admin << QString(SeedIds::Donald) << none;
    QTest::newRow("v1 email, support") << Api::V1Email << Support << QString(SeedIds::Goofy) << none;
    QTest::newRow("v1 phone, pending") << Api::V1Phone << Admin << QString(SeedIds::Minnie) << none;
    QTest::newRow("v1 phone, initial user (no initial check)")
        << Api::V1Phone << Support << QString(SeedIds::Ludwig) << none;
    QTest::newRow("v1 phone, no email") << Api::V1Phone << Support << QString(SeedIds::NoEmail) << none;
    QTest::newRow("v2 email rest") << Api::V2EmailRest << Admin << QString(SeedIds::Donald) << none;
    QTest::newRow("v2 email rest sendCode") << Api::V2EmailRest << Support << QString(SeedIds::Zoe) << send;
    QTest::newRow("v2 email connect") << Api::V2EmailConnect << Admin << QString(SeedIds::GlobexMinnie) << none;
    QTest::newRow("v2 phone rest") << Api::V2PhoneRest << Support << QString(SeedIds::Minnie) << none;
    QTest::newRow("v2 phone connect sendCode")
        << Api::V2PhoneConnect << Admin << QString(SeedIds::GlobexMinnie) << send;
    QTest::newRow("v3alpha email") << Api::V3EmailRest << Admin << QString(SeedIds::Goofy) << none;
    QTest::newRow("v3alpha phone") << Api::V3PhoneRest << Admin << QString(SeedIds::Magica) << send;
}

void TestMockResend::success()
{
    QFETCH(Api, api);
    QFETCH(QByteArray, token);
    QFETCH(QString, userId);
    QFETCH(QJsonObject, body);
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    const MockUser before = *z.user(userId);
    const QString oldCode = isEmail(api) ? before.emailCode : before.phoneCode;

    const MockResponse r = call(h, api, token, userId, body);
    QCOMPARE(r.status, 200);
    const MockUser after = *z.user(userId);
    QCOMPARE(after.sequence, before.sequence + 1);
    QCOMPARE(after.changeDate, h.now());
    const QString newCode = isEmail(api) ? after.emailCode : after.phoneCode;
    QVERIFY(newCode != oldCode);
    QVERIFY2((isEmail(api) ? EmailCode : PhoneCode).match(newCode).hasMatch(), qPrintable(newCode));
    // The other channel is untouched.
    QCOMPARE(isEmail(api) ? after.phoneCode : after.emailCode, isEmail(api) ? before.phoneCode : before.emailCode);
    QCOMPARE(z.processedSequence(), quint64(20482));

    // {"details":{"sequence":"N","changeDate":"...","resourceOwner":"..."}}, byte for byte.
    const QByteArray expected = "{\"details\":{\"sequence\":\"" + QByteArray::number(after.sequence)
        + "\",\"changeDate\":\"2026-03-02T14:20:01.733Z\",\"resourceOwner\":\"" + after.orgId.toLatin1() + "\"}}";
    QCOMPARE(r.body, expected);

    const QList<MockOutboxMessage> outbox = z.outbox();
    QCOMPARE(outbox.size(), 1);
    const MockOutboxMessage& m = outbox.first();
    QCOMPARE(m.userId, userId);
    QCOMPARE(m.orgId, after.orgId);
    QCOMPARE(m.code, newCode);
    QCOMPARE(m.time, h.now());
    QCOMPARE(m.channel, isEmail(api) ? QStringLiteral("email") : QStringLiteral("sms"));
    QCOMPARE(m.to, isEmail(api) ? after.email : after.phone);
    QCOMPARE(m.link.isEmpty(), !isEmail(api));
    QVERIFY(m.cause.startsWith(QLatin1String("POST /")));

    // A second resend replaces the code again and raises the sequence again.
    h.advance(5000);
    QCOMPARE(call(h, api, token, userId, body).status, 200);
    const MockUser again = *z.user(userId);
    QCOMPARE(again.sequence, before.sequence + 2);
    QCOMPARE(again.changeDate, h.now());
    QCOMPARE(z.outboxTotal(), quint64(2));
    QCOMPARE(z.outbox().last().code, isEmail(api) ? again.emailCode : again.phoneCode);
}

void TestMockResend::returnCodeSendsNothing_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("userId");
    QTest::newRow("v2 email rest") << Api::V2EmailRest << QString(SeedIds::Donald);
    QTest::newRow("v2 email connect") << Api::V2EmailConnect << QString(SeedIds::Goofy);
    QTest::newRow("v2 phone rest") << Api::V2PhoneRest << QString(SeedIds::Minnie);
    QTest::newRow("v2 phone connect") << Api::V2PhoneConnect << QString(SeedIds::NoEmail);
    QTest::newRow("v3alpha email") << Api::V3EmailRest << QString(SeedIds::Zoe);
    QTest::newRow("v3alpha phone") << Api::V3PhoneRest << QString(SeedIds::Magica);
}

void TestMockResend::returnCodeSendsNothing()
{
    QFETCH(Api, api);
    QFETCH(QString, userId);
    RouterHarness h;
    const quint64 sequence = h.zitadel().userSequence(userId);
    const MockResponse r = call(h, api, Admin, userId, {{QStringLiteral("returnCode"), QJsonObject()}});
    QCOMPARE(r.status, 200);
    const QJsonObject o = RouterHarness::json(r);
    const QString code = o.value(QStringLiteral("verificationCode")).toString();
    QCOMPARE(code, isEmail(api) ? h.zitadel().pendingEmailCode(userId) : h.zitadel().pendingPhoneCode(userId));
    QVERIFY((isEmail(api) ? EmailCode : PhoneCode).match(code).hasMatch());
    QCOMPARE(o.value(QStringLiteral("details")).toObject().value(QStringLiteral("sequence")).toString(),
        QString::number(sequence + 1));
    QCOMPARE(o.size(), 2);
    QVERIFY(h.zitadel().outbox().isEmpty());
    QCOMPARE(h.zitadel().outboxTotal(), quint64(0));
}

void TestMockResend::outboxLinks_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("link"); // %1 = code
    QTest::addColumn<QString>("cause");

    const QString defaultLink = QStringLiteral("https://mock.verifydesk.localhost/ui/login/mail/verification?userID=")
        + SeedIds::Donald + QStringLiteral("&code=%1&orgID=") + SeedIds::AcmeOrg;
    const QJsonObject none;
    QTest::newRow("v1 default link") << Api::V1Email << none << defaultLink
                                     << QStringLiteral("POST /management/v1/users/{id}/email/_resend_verification");
    QTest::newRow("v2 without oneof") << Api::V2EmailRest << none << defaultLink
                                      << QStringLiteral("POST /v2/users/{id}/email/resend");
    QTest::newRow("v2 sendCode without template")
        << Api::V2EmailConnect << QJsonObject {{QStringLiteral("sendCode"), QJsonObject()}} << defaultLink
        << QStringLiteral("POST /zitadel.user.v2.UserService/ResendEmailCode");
    QTest::newRow("v2 template") << Api::V2EmailRest
                                 << QJsonObject {{QStringLiteral("sendCode"),
                                        QJsonObject {{QStringLiteral("urlTemplate"),
                                            QStringLiteral("https://admin.example.com/verify?userID={{.UserID}}"
                                                           "&code={{.Code}}&orgID={{.OrgID}}")}}}}
                                 << QStringLiteral("https://admin.example.com/verify?userID=") + SeedIds::Donald
            + QStringLiteral("&code=%1&orgID=") + SeedIds::AcmeOrg
                                 << QStringLiteral("POST /v2/users/{id}/email/resend");
    QTest::newRow("v2 template, snake case, escaping")
        << Api::V2EmailConnect
        << QJsonObject {{QStringLiteral("send_code"),
               QJsonObject {
                   {QStringLiteral("url_template"), QStringLiteral("app://v/{{ .Code | urlquery }}/{{- .OrgID -}}")}}}}
        << QStringLiteral("app://v/%1/") + SeedIds::AcmeOrg
        << QStringLiteral("POST /zitadel.user.v2.UserService/ResendEmailCode");
    QTest::newRow("v3alpha template") << Api::V3EmailRest
                                      << QJsonObject {{QStringLiteral("sendCode"),
                                             QJsonObject {{QStringLiteral("urlTemplate"),
                                                 QStringLiteral("https://x.test/{{.UserID}}/{{.Code}}")}}}}
                                      << QStringLiteral("https://x.test/") + SeedIds::Donald + QStringLiteral("/%1")
                                      << QStringLiteral("POST /resources/v3alpha/users/{id}/email/_resend");
}

void TestMockResend::outboxLinks()
{
    QFETCH(Api, api);
    QFETCH(QJsonObject, body);
    QFETCH(QString, link);
    QFETCH(QString, cause);
    RouterHarness h;
    QCOMPARE(call(h, api, Admin, QString(SeedIds::Donald), body).status, 200);
    const QList<MockOutboxMessage> outbox = h.zitadel().outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.first().to, QStringLiteral("donald@example.com"));
    QCOMPARE(outbox.first().link, link.arg(h.zitadel().pendingEmailCode(SeedIds::Donald)));
    QCOMPARE(outbox.first().cause, cause);
}

void TestMockResend::urlTemplateValidation_data()
{
    QTest::addColumn<QString>("urlTemplate");
    QTest::addColumn<QString>("id"); // empty: the PGV length message
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("201 characters") << QString(201, QLatin1Char('a')) << QString();
    QTest::newRow("201 non-ASCII runes") << QString(201, QChar(0x00e9)) << QString();
    QTest::newRow("unclosed action") << QStringLiteral("https://x.test/?c={{.Code") << QStringLiteral("DOMAIN-oGh5e");
    QTest::newRow("empty action") << QStringLiteral("https://x.test/?c={{}}") << QStringLiteral("DOMAIN-oGh5e");
    QTest::newRow("unsupported construct") << QStringLiteral("{{if .Code}}x{{end}}") << QStringLiteral("DOMAIN-oGh5e");
    QTest::newRow("unknown placeholder") << QStringLiteral("https://x.test/?u={{.LoginName}}")
                                         << QStringLiteral("DOMAIN-ieYa7");
    QTest::newRow("lower-case placeholder")
        << QStringLiteral("https://x.test/?u={{.userID}}") << QStringLiteral("DOMAIN-ieYa7");
}

void TestMockResend::urlTemplateValidation()
{
    QFETCH(QString, urlTemplate);
    QFETCH(QString, id);
    const QJsonObject body {{QStringLiteral("sendCode"), QJsonObject {{QStringLiteral("urlTemplate"), urlTemplate}}}};
    const QList<QPair<Api, const char*>> apis = {{Api::V2EmailRest, "ResendEmailCodeRequest"},
        {Api::V2EmailConnect, "ResendEmailCodeRequest"},
        {Api::V3EmailRest, "ResendContactEmailCodeRequest"}};
    for (const auto& [api, message] : apis) {
        RouterHarness h;
        // Template problems are reported before the user is looked at, even for unknown users.
        for (const QString& userId : {QString(SeedIds::Donald), QStringLiteral("1234")}) {
            const MockResponse r = call(h, api, Admin, userId, body);
            if (id.isEmpty()) {
                const QString text =
                    QStringLiteral("invalid %1.SendCode: embedded message failed validation | caused by: "
                                   "invalid SendEmailVerificationCode.UrlTemplate: value length must be "
                                   "between 1 and 200 runes, inclusive")
                        .arg(QLatin1String(message));
                expectError(r, api, 400, 3, QString(), text);
            } else {
                expectError(r, api, 400, 3, id, QStringLiteral("URL Template is invalid"));
            }
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(h.zitadel().outboxTotal(), quint64(0));
        QCOMPARE(h.zitadel().pendingEmailCode(SeedIds::Donald), QString(SeedIds::DonaldEmailCode));
    }
    // A phone sendCode has no urlTemplate field: it is ignored like any unknown field.
    RouterHarness h;
    QCOMPARE(call(h, Api::V2PhoneRest, Admin, QString(SeedIds::Minnie), body).status, 200);
}

void TestMockResend::requestValidation_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("message"); // exact, or a prefix ending in "..."

    const QJsonObject both {{QStringLiteral("sendCode"), QJsonObject()}, {QStringLiteral("returnCode"), QJsonObject()}};
    const QString longId(201, QLatin1Char('1'));
    QTest::newRow("v2 email rest: both oneof members")
        << Api::V2EmailRest << QString(SeedIds::Donald) << both
        << QStringLiteral("proto: error parsing \"sendCode\", oneof "
                          "zitadel.user.v2.ResendEmailCodeRequest.verification is already set");
    QTest::newRow("v2 phone connect: both oneof members")
        << Api::V2PhoneConnect << QString(SeedIds::Minnie) << both
        << QStringLiteral("unmarshal into *user.ResendPhoneCodeRequest: proto: error parsing \"sendCode\", oneof "
                          "zitadel.user.v2.ResendPhoneCodeRequest.verification is already set");
    QTest::newRow("v2 email rest: 201-digit id")
        << Api::V2EmailRest << longId << QJsonObject()
        << QStringLiteral(
               "invalid ResendEmailCodeRequest.UserId: value length must be between 1 and 200 runes, inclusive");
    QTest::newRow("v2 email connect: empty id")
        << Api::V2EmailConnect << QString() << QJsonObject()
        << QStringLiteral(
               "invalid ResendEmailCodeRequest.UserId: value length must be between 1 and 200 runes, inclusive");
    QTest::newRow("v2 phone connect: 201-digit id")
        << Api::V2PhoneConnect << longId << QJsonObject()
        << QStringLiteral(
               "invalid ResendPhoneCodeRequest.UserId: value length must be between 1 and 200 runes, inclusive");
    QTest::newRow("v1 email: 201-digit id")
        << Api::V1Email << longId << QJsonObject()
        << QStringLiteral(
               "invalid ResendHumanEmailVerificationRequest.UserId: value length must be between 1 and 200 runes, "
               "inclusive");
    QTest::newRow("v1 phone: 201-digit id")
        << Api::V1Phone << longId << QJsonObject()
        << QStringLiteral(
               "invalid ResendHumanPhoneVerificationRequest.UserId: value length must be between 1 and 200 runes, "
               "inclusive");
    QTest::newRow("v3alpha: 201-digit id")
        << Api::V3EmailRest << longId << QJsonObject()
        << QStringLiteral(
               "invalid ResendContactEmailCodeRequest.Id: value length must be between 1 and 200 runes, inclusive");
    QTest::newRow("v2 rest: sendCode is not an object")
        << Api::V2EmailRest << QString(SeedIds::Donald) << QJsonObject {{QStringLiteral("sendCode"), 5}}
        << QStringLiteral("proto: invalid value for message field sendCode: 5");
    QTest::newRow("v2 rest: urlTemplate is not a string")
        << Api::V2EmailRest << QString(SeedIds::Donald)
        << QJsonObject {{QStringLiteral("sendCode"), QJsonObject {{QStringLiteral("urlTemplate"), true}}}}
        << QStringLiteral("proto: invalid value for string field urlTemplate: true");
}

void TestMockResend::requestValidation()
{
    QFETCH(Api, api);
    QFETCH(QString, userId);
    QFETCH(QJsonObject, body);
    QFETCH(QString, message);
    RouterHarness h;
    expectError(call(h, api, Admin, userId, body), api, 400, 3, QString(), message);
    QCOMPARE(h.zitadel().outboxTotal(), quint64(0));
}

void TestMockResend::v1ResendCreatesTheFirstCode()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    // Pluto never got a code: v2 cannot resend, v1 creates one, after which v2 can.
    QCOMPARE(call(h, Api::V2EmailRest, Admin, SeedIds::Pluto).status, 400);
    QCOMPARE(call(h, Api::V1Email, Admin, SeedIds::Pluto).status, 200);
    const QString first = z.pendingEmailCode(SeedIds::Pluto);
    QVERIFY(EmailCode.match(first).hasMatch());
    QCOMPARE(call(h, Api::V2EmailRest, Admin, SeedIds::Pluto).status, 200);
    QVERIFY(z.pendingEmailCode(SeedIds::Pluto) != first);
    QCOMPARE(call(h, Api::V1Phone, Admin, SeedIds::Pluto).status, 200);
    QVERIFY(PhoneCode.match(z.pendingPhoneCode(SeedIds::Pluto)).hasMatch());
    QCOMPARE(call(h, Api::V2PhoneConnect, Admin, SeedIds::Pluto).status, 200);
    QCOMPARE(z.userSequence(SeedIds::Pluto), quint64(4 + 4));
    QCOMPARE(z.outboxTotal(), quint64(4));
}

void TestMockResend::inactiveAndLockedUsersCanBeResentTo()
{
    RouterHarness h;
    QCOMPARE(call(h, Api::V2EmailRest, Support, SeedIds::Gladstone).status, 200); // INACTIVE
    QCOMPARE(call(h, Api::V1Email, Support, SeedIds::Gladstone).status, 200);
    QCOMPARE(call(h, Api::V2PhoneConnect, Support, SeedIds::Magica).status, 200); // LOCKED
    QCOMPARE(call(h, Api::V1Phone, Support, SeedIds::Magica).status, 200);
    QCOMPARE(call(h, Api::V2EmailRest, Admin, SeedIds::UmbrellaAlice).status, 200); // user of an inactive org
    QCOMPARE(h.zitadel().outboxTotal(), quint64(5));
}

void TestMockResend::checkOrder()
{
    RouterHarness h;
    // existence → permission → initial → code.
    expectError(call(h, Api::V2EmailRest, Support, QStringLiteral("1234")),
        Api::V2EmailRest,
        404,
        5,
        QStringLiteral("COMMAND-ieJ2e"),
        QStringLiteral("Email not found"));
    expectError(call(h, Api::V2EmailRest, Support, SeedIds::InitechMichael), // initial, but not ours
        Api::V2EmailRest,
        403,
        7,
        QStringLiteral("AUTH-AWfge"),
        QStringLiteral("No matching permissions found"));
    expectError(call(h, Api::V2EmailRest, Readonly, SeedIds::Pluto), // nothing pending, but no write right
        Api::V2EmailRest,
        403,
        7,
        QStringLiteral("AUTH-AWfge"),
        QStringLiteral("No matching permissions found"));
    expectError(call(h, Api::V2PhoneRest, Admin, SeedIds::Ludwig), // initial with a pending code
        Api::V2PhoneRest,
        400,
        9,
        QStringLiteral("COMMAND-uz0Uu"),
        QStringLiteral("User is not yet initialized"));
    expectError(call(h, Api::V2PhoneRest, Admin, SeedIds::Scrooge), // initial and no phone: initial wins
        Api::V2PhoneRest,
        400,
        9,
        QStringLiteral("COMMAND-uz0Uu"),
        QStringLiteral("User is not yet initialized"));
    // v1: the interceptor's permission check comes before the lookup.
    expectError(call(h, Api::V1Email, Readonly, QStringLiteral("1234")),
        Api::V1Email,
        403,
        7,
        QStringLiteral("AUTH-5mWD2"),
        QStringLiteral("No matching permissions found"));
}

void TestMockResend::resourcesOrganization()
{
    RouterHarness h;
    const auto org = [](const char* key, const char* value) {
        return QJsonObject {{QStringLiteral("organization"), QJsonObject {{QLatin1String(key), QLatin1String(value)}}},
            {QStringLiteral("returnCode"), QJsonObject()}};
    };
    QCOMPARE(call(h, Api::V3EmailRest, Admin, SeedIds::Donald, org("orgId", SeedIds::AcmeOrg)).status, 200);
    QCOMPARE(call(h, Api::V3EmailRest, Admin, SeedIds::Donald, org("orgDomain", "acme.example")).status, 200);
    expectError(call(h, Api::V3EmailRest, Admin, SeedIds::Donald, org("orgId", SeedIds::GlobexOrg)),
        Api::V3EmailRest,
        404,
        5,
        QStringLiteral("COMMAND-ieJ2e"),
        QStringLiteral("Email not found"));
    expectError(call(h, Api::V3PhoneRest, Admin, SeedIds::Minnie, org("orgDomain", "nowhere.example")),
        Api::V3PhoneRest,
        404,
        5,
        QStringLiteral("COMMAND-ieJ2e"),
        QStringLiteral("Phone not found"));
    // The answer has the seed document's shape: v2-style details plus verificationCode.
    const QJsonObject o =
        RouterHarness::json(call(h, Api::V3EmailRest, Admin, SeedIds::Donald, org("orgId", SeedIds::AcmeOrg)));
    QCOMPARE(o.value(QStringLiteral("details")).toObject().keys(),
        (QStringList {QStringLiteral("changeDate"), QStringLiteral("resourceOwner"), QStringLiteral("sequence")}));
    QCOMPARE(o.value(QStringLiteral("verificationCode")).toString(), h.zitadel().pendingEmailCode(SeedIds::Donald));
}

void TestMockResend::repeatableCodes()
{
    auto codes = [](quint64 seed) {
        MockOptions options;
        options.randomSeed = seed;
        RouterHarness h(options);
        QStringList out;
        for (int i = 0; i < 3; ++i) {
            out.append(RouterHarness::json(
                call(h, Api::V2EmailRest, Admin, SeedIds::Donald, {{QStringLiteral("returnCode"), QJsonObject()}}))
                           .value(QStringLiteral("verificationCode"))
                           .toString());
            out.append(RouterHarness::json(
                call(h, Api::V2PhoneRest, Admin, SeedIds::Minnie, {{QStringLiteral("returnCode"), QJsonObject()}}))
                           .value(QStringLiteral("verificationCode"))
                           .toString());
        }
        return out;
    };
    const QStringList a = codes(7);
    QCOMPARE(a.size(), 6);
    QCOMPARE(codes(7), a);
    QVERIFY(codes(8) != a);
    QVERIFY(codes(0x1'0000'0007ULL) != a); // all 64 bits of the seed count
}

void TestMockResend::outboxIsCapped()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    const int total = MockZitadel::OutboxCapacity + 7;
    for (int i = 0; i < total; ++i)
        QCOMPARE(call(h, Api::V2PhoneRest, Admin, SeedIds::Minnie).status, 200);
    QCOMPARE(z.outboxTotal(), quint64(total));
    const QList<MockOutboxMessage> outbox = z.outbox();
    QCOMPARE(outbox.size(), MockZitadel::OutboxCapacity);
    QCOMPARE(outbox.last().code, z.pendingPhoneCode(SeedIds::Minnie)); // newest last
    QCOMPARE(outbox.first().id, quint64(8)); // ids keep counting past the cap
    QCOMPARE(outbox.last().id, quint64(total));
    QCOMPARE(z.userSequence(SeedIds::Minnie), quint64(17 + total));
}

QTEST_GUILESS_MAIN(TestMockResend)
#include "TestMockResend.moc"
