// The command side of delivery faults and the outbox's words. The fault engine decides which call
// gets which fault and sets MockApiCall::delivery; these tests set it directly and call the three
// resend API families the way the router does, so every resend API is covered without the engine.

#include "MockManagementApi.h"
#include "MockResourcesUserApi.h"
#include "MockUserServiceApi.h"
#include "RouterHarness.h"
#include "SeedIds.h"

#include <QRegularExpression>
#include <QTest>

namespace
{
enum class ResendApi
{
    V1Email,
    V1Phone,
    V2Email,
    V2Phone,
    V3Email,
    V3Phone,
};

bool isEmail(ResendApi api)
{
    return api == ResendApi::V1Email || api == ResendApi::V2Email || api == ResendApi::V3Email;
}

const char* nameOf(ResendApi api)
{
    switch (api) {
    case ResendApi::V1Email:
        return "v1 email";
    case ResendApi::V1Phone:
        return "v1 phone";
    case ResendApi::V2Email:
        return "v2 email";
    case ResendApi::V2Phone:
        return "v2 phone";
    case ResendApi::V3Email:
        return "v3alpha email";
    case ResendApi::V3Phone:
        return "v3alpha phone";
    }
    return "";
}

const char* nameOf(MockDeliveryFault fault)
{
    switch (fault) {
    case MockDeliveryFault::None:
        return "no fault";
    case MockDeliveryFault::NeverDelivered:
        return "never delivered";
    case MockDeliveryFault::DoubleCode:
        return "double code";
    case MockDeliveryFault::ProviderNotConfigured:
        return "provider not configured";
    }
    return "";
}

// A user with a pending code on the API's channel, in ACME (the admin token's v1 org context).
QString userFor(ResendApi api)
{
    return QString(isEmail(api) ? SeedIds::Donald : SeedIds::Minnie);
}

const MockToken* adminToken(const MockZitadel& z)
{
    for (const MockToken& t : z.tokens()) {
        if (t.token == QLatin1String(SeedIds::AdminToken))
            return &t;
    }
    return nullptr;
}

// One resend as the router would hand it to the API family, with the fault already decided.
MockApiReply resend(MockZitadel& z, ResendApi api, MockDeliveryFault fault, const QJsonObject& body = {})
{
    MockManagementApi management(z);
    MockUserServiceApi users(z);
    MockResourcesUserApi resources(z);
    const MockRequest request; // no x-zitadel-orgid: v1 runs in the token's home org
    MockApiCall call;
    call.request = &request;
    call.body = body;
    call.pathParam = userFor(api);
    call.hasPathParam = true;
    call.caller = adminToken(z);
    call.cause = QStringLiteral("POST %1").arg(QLatin1String(nameOf(api)));
    call.delivery = fault;
    switch (api) {
    case ResendApi::V1Email:
        return management.resendEmailVerification(call);
    case ResendApi::V1Phone:
        return management.resendPhoneVerification(call);
    case ResendApi::V2Email:
        return users.resendEmailCode(call);
    case ResendApi::V2Phone:
        return users.resendPhoneCode(call);
    case ResendApi::V3Email:
        return resources.resendContactEmailCode(call);
    case ResendApi::V3Phone:
        return resources.resendContactPhoneCode(call);
    }
    return {};
}

MockResponse verify(RouterHarness& h, bool email, const QString& userId, const QString& code)
{
    return h.post("/v2/users/" + userId.toUtf8() + (email ? "/email/verify" : "/phone/verify"),
        SeedIds::AdminToken,
        QJsonObject {{QStringLiteral("verificationCode"), code}});
}

const QRegularExpression EmailCode(QStringLiteral("^[A-HJ-NP-Z2-9]{6}$"));
const QRegularExpression PhoneCode(QStringLiteral("^[0-9]{6}$"));

// The words the outbox must show, written out here rather than taken from the mock.
const QString LostMail =
    QStringLiteral("The mail provider accepted the message, but it never reached the recipient's mailbox.");
const QString LostSms =
    QStringLiteral("The SMS provider accepted the message, but it never reached the recipient's phone.");
const QString NoSmtp =
    QStringLiteral("could not create email channel: ID=QUERY-fwofw Message=Errors.SMTPConfig.NotFound");
const QString NoSms =
    QStringLiteral("could not create sms channel: ID=QUERY-fn99w Message=Errors.SMSConfig.NotExisting");
} // namespace

Q_DECLARE_METATYPE(ResendApi)
Q_DECLARE_METATYPE(MockDeliveryFault)

class TestMockDelivery : public QObject
{
    Q_OBJECT

private slots:
    void faults_data();
    void faults();
    void returnCodeIgnoresDeliveryFaults_data();
    void returnCodeIgnoresDeliveryFaults();
    void refusedResendsSendNothing();
    void outboxWords();
    void outboxIdsCountUpAndTellListeners();
    void issueRecordsWhenTheCodeWasMade();
};

void TestMockDelivery::faults_data()
{
    QTest::addColumn<ResendApi>("api");
    QTest::addColumn<MockDeliveryFault>("fault");
    QTest::addColumn<QString>("delivery");
    QTest::addColumn<QString>("failure");
    for (const ResendApi api : {ResendApi::V1Email,
             ResendApi::V1Phone,
             ResendApi::V2Email,
             ResendApi::V2Phone,
             ResendApi::V3Email,
             ResendApi::V3Phone}) {
        const bool email = isEmail(api);
        for (const MockDeliveryFault fault : {MockDeliveryFault::None,
                 MockDeliveryFault::NeverDelivered,
                 MockDeliveryFault::DoubleCode,
                 MockDeliveryFault::ProviderNotConfigured}) {
            QString delivery = QStringLiteral("sent");
            QString failure;
            if (fault == MockDeliveryFault::NeverDelivered) {
                delivery = QStringLiteral("lost");
                failure = email ? LostMail : LostSms;
            } else if (fault == MockDeliveryFault::ProviderNotConfigured) {
                delivery = QStringLiteral("failed");
                failure = email ? NoSmtp : NoSms;
            }
            QTest::addRow("%s, %s", nameOf(api), nameOf(fault)) << api << fault << delivery << failure;
        }
    }
}

void TestMockDelivery::faults()
{
    QFETCH(ResendApi, api);
    QFETCH(MockDeliveryFault, fault);
    QFETCH(QString, delivery);
    QFETCH(QString, failure);
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    const QString userId = userFor(api);
    const bool email = isEmail(api);
    const MockUser before = *z.user(userId);
    const quint64 steps = fault == MockDeliveryFault::DoubleCode ? 2 : 1;

    // The API answers success whatever happens to the message afterwards.
    const MockApiReply reply = resend(z, api, fault);
    QVERIFY2(!reply.error.isError(), qPrintable(reply.error.message()));
    const QJsonObject details =
        QJsonDocument::fromJson(reply.json).object().value(QStringLiteral("details")).toObject();
    QCOMPARE(details.value(QStringLiteral("sequence")).toString(), QString::number(before.sequence + steps));
    const MockUser after = *z.user(userId);
    QCOMPARE(after.sequence, before.sequence + steps);
    QCOMPARE(after.changeDate, h.now());
    QCOMPARE(z.processedSequence(), quint64(20481) + steps);

    const QList<MockOutboxMessage> outbox = z.outbox();
    QCOMPARE(outbox.size(), 1);
    const MockOutboxMessage& m = outbox.first();
    QCOMPARE(m.delivery, delivery);
    QCOMPARE(m.failure, failure);
    QCOMPARE(m.channel, email ? QStringLiteral("email") : QStringLiteral("sms"));
    QCOMPARE(m.to, email ? after.email : after.phone);
    QVERIFY((email ? EmailCode : PhoneCode).match(m.code).hasMatch());
    QVERIFY(m.text.contains(m.code));
    const QString pending = email ? after.emailCode : after.phoneCode;
    QVERIFY(pending != (email ? before.emailCode : before.phoneCode));

    if (fault != MockDeliveryFault::DoubleCode) {
        QCOMPARE(m.code, pending);
        return;
    }
    // Double code: the message carries the first code, which the second already replaced.
    QVERIFY(m.code != pending);
    QVERIFY((email ? EmailCode : PhoneCode).match(pending).hasMatch());
    if (email)
        QVERIFY(m.link.contains(QStringLiteral("code=") + m.code));
    h.advance(1000);
    QCOMPARE(verify(h, email, userId, m.code).status, 400);
    QCOMPARE(verify(h, email, userId, pending).status, 200);
}

void TestMockDelivery::returnCodeIgnoresDeliveryFaults_data()
{
    QTest::addColumn<ResendApi>("api");
    QTest::addColumn<MockDeliveryFault>("fault");
    for (const ResendApi api : {ResendApi::V2Email, ResendApi::V2Phone, ResendApi::V3Email, ResendApi::V3Phone}) {
        for (const MockDeliveryFault fault : {MockDeliveryFault::NeverDelivered,
                 MockDeliveryFault::DoubleCode,
                 MockDeliveryFault::ProviderNotConfigured})
            QTest::addRow("%s, %s", nameOf(api), nameOf(fault)) << api << fault;
    }
}

// Nothing is sent, so there is nothing to lose; a double code is still two codes, and the answer
// carries the second, which is the pending, valid one.
void TestMockDelivery::returnCodeIgnoresDeliveryFaults()
{
    QFETCH(ResendApi, api);
    QFETCH(MockDeliveryFault, fault);
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    const QString userId = userFor(api);
    const quint64 sequence = z.userSequence(userId);
    const MockApiReply reply = resend(z, api, fault, QJsonObject {{QStringLiteral("returnCode"), QJsonObject()}});
    QVERIFY2(!reply.error.isError(), qPrintable(reply.error.message()));
    const QString returned =
        QJsonDocument::fromJson(reply.json).object().value(QStringLiteral("verificationCode")).toString();
    QCOMPARE(returned, isEmail(api) ? z.pendingEmailCode(userId) : z.pendingPhoneCode(userId));
    QCOMPARE(z.userSequence(userId), sequence + (fault == MockDeliveryFault::DoubleCode ? 2 : 1));
    QCOMPARE(z.outboxTotal(), quint64(0));
    QCOMPARE(verify(h, isEmail(api), userId, returned).status, 200);
}

void TestMockDelivery::refusedResendsSendNothing()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    MockUserServiceApi users(z);
    const MockRequest request;
    MockApiCall call;
    call.request = &request;
    call.pathParam = QString(SeedIds::Pluto); // no pending code: v2 refuses
    call.hasPathParam = true;
    call.caller = adminToken(z);
    for (const MockDeliveryFault fault : {MockDeliveryFault::DoubleCode, MockDeliveryFault::ProviderNotConfigured}) {
        call.delivery = fault;
        QCOMPARE(users.resendEmailCode(call).error.id(), QStringLiteral("EMAIL-5w5ilin4yt"));
    }
    QCOMPARE(z.outboxTotal(), quint64(0));
    QCOMPARE(z.processedSequence(), quint64(20481));
}

void TestMockDelivery::outboxWords()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    QVERIFY(!resend(z, ResendApi::V2Email, MockDeliveryFault::None).error.isError());
    QVERIFY(!resend(z, ResendApi::V1Phone, MockDeliveryFault::None).error.isError());
    const QList<MockOutboxMessage> outbox = z.outbox();
    QCOMPARE(outbox.size(), 2);

    // ZITADEL's default English VerifyEmail text (cmd/defaults.yaml), with its button as a link.
    const MockOutboxMessage& mail = outbox.at(0);
    const QString link = QStringLiteral("https://mock.verifydesk.localhost/ui/login/mail/verification?userID=%1"
                                        "&code=%2&orgID=%3")
                             .arg(QString(SeedIds::Donald), mail.code, QString(SeedIds::AcmeOrg));
    QCOMPARE(mail.link, link);
    QCOMPARE(mail.subject, QStringLiteral("Verify email"));
    QCOMPARE(mail.text,
        QStringLiteral("Hello Donald Duck,\n\nA new email has been added. Please use the button below to verify your "
                       "email. (Code %1) If you didn't add a new email, please ignore this email.\n\nVerify email: %2")
            .arg(mail.code, link));
    QCOMPARE(mail.delivery, QStringLiteral("sent"));
    QVERIFY(mail.failure.isEmpty());

    // An SMS has no subject; its text is VerifyPhone's.
    const MockOutboxMessage& sms = outbox.at(1);
    QCOMPARE(sms.channel, QStringLiteral("sms"));
    QVERIFY(sms.subject.isEmpty());
    QVERIFY(sms.link.isEmpty());
    QCOMPARE(sms.text,
        QStringLiteral("A new phone number has been added. Please use the following code to verify it %1.")
            .arg(sms.code));
    QCOMPARE(sms.to, QStringLiteral("+41791234567"));
    QCOMPARE(sms.delivery, QStringLiteral("sent"));
    QVERIFY(sms.failure.isEmpty());
}

void TestMockDelivery::outboxIdsCountUpAndTellListeners()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    QList<quint64> announced;
    QObject::connect(
        &z, &MockZitadel::messageSent, &z, [&announced](const MockOutboxMessage& m) { announced.append(m.id); });
    const MockDeliveryFault faults[] = {MockDeliveryFault::None,
        MockDeliveryFault::ProviderNotConfigured,
        MockDeliveryFault::DoubleCode,
        MockDeliveryFault::NeverDelivered};
    for (const MockDeliveryFault fault : faults)
        QVERIFY(!resend(z, ResendApi::V3Phone, fault).error.isError());
    QCOMPARE(announced, (QList<quint64> {1, 2, 3, 4}));
    QList<quint64> stored;
    for (const MockOutboxMessage& m : z.outbox())
        stored.append(m.id);
    QCOMPARE(stored, announced);

    // Ids are per mock: a second mock starts at 1 again.
    RouterHarness other;
    QVERIFY(!resend(other.zitadel(), ResendApi::V1Email, MockDeliveryFault::None).error.isError());
    QCOMPARE(other.zitadel().outbox().first().id, quint64(1));
}

void TestMockDelivery::issueRecordsWhenTheCodeWasMade()
{
    RouterHarness h;
    MockZitadel& z = h.zitadel();
    h.advance(5000);
    QVERIFY(!resend(z, ResendApi::V2Email, MockDeliveryFault::None).error.isError());
    QCOMPARE(z.user(SeedIds::Donald)->emailCodeCreated, h.now());
    h.advance(5000);
    QVERIFY(!resend(z, ResendApi::V1Phone, MockDeliveryFault::DoubleCode).error.isError());
    QCOMPARE(z.user(SeedIds::Minnie)->phoneCodeCreated, h.now()); // the second, pending code's time
    QCOMPARE(z.user(SeedIds::Donald)->emailCodeCreated, h.now().addMSecs(-5000)); // the other user is untouched
}

QTEST_GUILESS_MAIN(TestMockDelivery)
#include "TestMockDelivery.moc"
