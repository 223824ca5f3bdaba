#include "MockFixture.h"
#include "ResendAvailability.h"
#include "SeedIds.h"
#include "SeedUsers.h"

#include <QHash>
#include <QTest>

// The seed users as the client reads them, against every channel and API that matters for
// them: enabled or not, and the exact sentence a support person sees.
class TestResendAvailability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void seedUsers_data();
    void seedUsers();
    void noUserSelected();
    void stateWithoutMachineOrAddress_data();
    void stateWithoutMachineOrAddress();

private:
    std::unique_ptr<MockFixture> m_fx;
    QHash<QString, User> m_users;
};

void TestResendAvailability::initTestCase()
{
    m_fx = std::make_unique<MockFixture>();
    QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
    auto client = SeedUsers::clientFor(*m_fx);
    for (const char* id : {SeedIds::Minnie,
             SeedIds::Donald,
             SeedIds::Daisy,
             SeedIds::Goofy,
             SeedIds::Pluto,
             SeedIds::CiBot,
             SeedIds::Scrooge,
             SeedIds::Gladstone,
             SeedIds::Magica,
             SeedIds::Zoe,
             SeedIds::NoEmail}) {
        const auto user = SeedUsers::fetch(*client, SeedUsers::id(id));
        QVERIFY2(user, id);
        m_users.insert(user->id, *user);
    }
}

void TestResendAvailability::seedUsers_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<ResendChannel>("channel");
    QTest::addColumn<ResendApi>("api");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("reason");

    const auto email = ResendChannel::Email;
    const auto phone = ResendChannel::Phone;
    const QString minnie = SeedUsers::id(SeedIds::Minnie);
    const QString donald = SeedUsers::id(SeedIds::Donald);
    const QString alreadyEmail = QStringLiteral("The email address is already verified.");
    const QString alreadyPhone = QStringLiteral("The phone number is already verified.");
    const QString machine = QStringLiteral("Machine users have no email or phone to verify.");
    const QString noV3Phone = QStringLiteral("The v3alpha API has no phone resend; choose v2 or v1.");

    QTest::newRow("Minnie email: verified") << minnie << email << ResendApi::V2 << false << alreadyEmail;
    QTest::newRow("Minnie phone v2") << minnie << phone << ResendApi::V2 << true
                                     << QString::fromUtf8("Send a new code to +41 •• ••• •• 67");
    QTest::newRow("Minnie phone v1") << minnie << phone << ResendApi::V1 << true
                                     << QString::fromUtf8("Send a new code to +41 •• ••• •• 67");
    QTest::newRow("Minnie phone v3alpha") << minnie << phone << ResendApi::V3Alpha << false << noV3Phone;
    QTest::newRow("Donald email v2") << donald << email << ResendApi::V2 << true
                                     << QString::fromUtf8("Send a new code to d•••@example.com");
    QTest::newRow("Donald email v3alpha")
        << donald << email << ResendApi::V3Alpha << true << QString::fromUtf8("Send a new code to d•••@example.com");
    QTest::newRow("Donald phone: verified") << donald << phone << ResendApi::V2 << false << alreadyPhone;
    QTest::newRow("Donald phone v3alpha: verified wins over the API")
        << donald << phone << ResendApi::V3Alpha << false << alreadyPhone;
    QTest::newRow("Daisy email: verified")
        << SeedUsers::id(SeedIds::Daisy) << email << ResendApi::V1 << false << alreadyEmail;
    QTest::newRow("Daisy phone: verified")
        << SeedUsers::id(SeedIds::Daisy) << phone << ResendApi::V1 << false << alreadyPhone;
    QTest::newRow("Goofy email") << SeedUsers::id(SeedIds::Goofy) << email << ResendApi::V2 << true
                                 << QString::fromUtf8("Send a new code to g•••@example.com");
    QTest::newRow("Goofy phone: none") << SeedUsers::id(SeedIds::Goofy) << phone << ResendApi::V2 << false
                                       << QStringLiteral("No phone number on file.");
    // Pluto never had a code: v2 will answer "Code is empty", which the User cannot show.
    QTest::newRow("Pluto email: allowed, the server decides") << SeedUsers::id(
        SeedIds::Pluto) << email << ResendApi::V2 << true << QString::fromUtf8("Send a new code to p•••@example.com");
    QTest::newRow("CiBot email") << SeedUsers::id(SeedIds::CiBot) << email << ResendApi::V2 << false << machine;
    QTest::newRow("CiBot phone") << SeedUsers::id(SeedIds::CiBot) << phone << ResendApi::V1 << false << machine;
    QTest::newRow("Scrooge: initial") << SeedUsers::id(SeedIds::Scrooge) << email << ResendApi::V2 << false
                                      << QStringLiteral("The user has not finished initial sign-up; ZITADEL sends an "
                                                        "initialization mail instead.");
    QTest::newRow("Gladstone: inactive")
        << SeedUsers::id(SeedIds::Gladstone) << email << ResendApi::V2 << false
        << QStringLiteral("The user is inactive; reactivate them in ZITADEL before sending a code.");
    QTest::newRow("Magica: locked") << SeedUsers::id(SeedIds::Magica) << phone << ResendApi::V2 << false
                                    << QStringLiteral(
                                           "The user is locked; unlock them in ZITADEL before sending a code.");
    QTest::newRow("Zoe email: non-ASCII address") << SeedUsers::id(SeedIds::Zoe) << email << ResendApi::V2 << true
                                                  << QString::fromUtf8("Send a new code to z•••@exämple.ch");
    QTest::newRow("imported without email") << SeedUsers::id(SeedIds::NoEmail) << email << ResendApi::V2 << false
                                            << QStringLiteral("No email address on file.");
    QTest::newRow("imported without email: phone") << SeedUsers::id(SeedIds::NoEmail) << phone << ResendApi::V2 << true
                                                   << QString::fromUtf8("Send a new code to +41 •• ••• •• 75");
}

void TestResendAvailability::seedUsers()
{
    QFETCH(QString, userId);
    QFETCH(ResendChannel, channel);
    QFETCH(ResendApi, api);
    QFETCH(bool, enabled);
    QFETCH(QString, reason);

    QVERIFY(m_users.contains(userId));
    const auto availability = ResendAvailability::check(m_users.value(userId), channel, api);
    QCOMPARE(availability.reason, reason);
    QCOMPARE(availability.enabled, enabled);
}

void TestResendAvailability::noUserSelected()
{
    const auto none = ResendAvailability::check(std::optional<User>(), ResendChannel::Email, ResendApi::V2);
    QVERIFY(!none.enabled);
    QCOMPARE(none.reason, QStringLiteral("No user selected."));
    const auto empty = ResendAvailability::check(User(), ResendChannel::Phone, ResendApi::V1);
    QVERIFY(!empty.enabled);
    QCOMPARE(empty.reason, QStringLiteral("No user selected."));
}

// Hand-made users for what the seed does not cover, and for the order of the checks.
void TestResendAvailability::stateWithoutMachineOrAddress_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("reasonStart");

    QTest::newRow("unspecified: the server decides") << int(UserState::Unspecified) << true << "Send a new code";
    QTest::newRow("active") << int(UserState::Active) << true << "Send a new code";
    QTest::newRow("deleted") << int(UserState::Deleted) << false << "The user is deleted.";
    QTest::newRow("suspended (v1)") << int(UserState::Suspend) << false << "The user is suspended";
    QTest::newRow("locked") << int(UserState::Locked) << false << "The user is locked";
}

void TestResendAvailability::stateWithoutMachineOrAddress()
{
    QFETCH(int, state);
    QFETCH(bool, enabled);
    QFETCH(QString, reasonStart);

    User user;
    user.id = QStringLiteral("1");
    user.type = User::Type::Human;
    user.state = UserState(state);
    user.email = QStringLiteral("a@b.c");
    const auto availability = ResendAvailability::check(user, ResendChannel::Email, ResendApi::V2);
    QCOMPARE(availability.enabled, enabled);
    QVERIFY2(availability.reason.startsWith(reasonStart), qPrintable(availability.reason));
}

QTEST_GUILESS_MAIN(TestResendAvailability)
#include "TestResendAvailability.moc"
