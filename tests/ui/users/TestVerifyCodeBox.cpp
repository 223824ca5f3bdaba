// "Verify a code" in the user panel, against the mock over loopback: when it shows, that a
// right code turns the address verified on the server, that a wrong one is refused with
// ZITADEL's id and stays in the field, and that one intent sends one request.

#include "MockFixture.h"
#include "MockZitadel.h"
#include "ResendController.h"
#include "SeedIds.h"
#include "SeedUsers.h"
#include "UserPanel.h"
#include "VerifyCodeBox.h"
#include "VerifyController.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class TestVerifyCodeBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void hiddenWithoutController();
    void showsForUnverifiedAddresses_data();
    void showsForUnverifiedAddresses();
    void rightCodeVerifiesOnTheServer();
    void wrongCodeIsRefusedAndKept();
    void emptyCodeSendsNothing();
    void doubleClickSendsOnce();
    void verifySlotFillsAndSends();

private:
    template <class T>
    T* child(const char* name) const
    {
        auto* w = m_panel->findChild<T*>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    void showUser(const char* id);
    // A fresh email code for the user, returned instead of sent (seed codes have expired).
    QString freshEmailCode(const char* id);

    std::unique_ptr<MockFixture> m_fx;
    std::unique_ptr<ZitadelClient> m_client;
    std::unique_ptr<ResendController> m_resends;
    std::unique_ptr<VerifyController> m_verifies;
    std::unique_ptr<UserPanel> m_panel;
};

void TestVerifyCodeBox::init()
{
    m_fx = std::make_unique<MockFixture>();
    QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
    m_client = SeedUsers::clientFor(*m_fx);
    m_resends = std::make_unique<ResendController>(m_client.get());
    m_verifies = std::make_unique<VerifyController>(m_client.get());
    m_panel = std::make_unique<UserPanel>(m_resends.get());
    m_panel->setVerifyController(m_verifies.get());
    m_panel->resize(700, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestVerifyCodeBox::cleanup()
{
    m_panel.reset();
    m_verifies.reset();
    m_resends.reset();
    m_client.reset();
    m_fx.reset();
}

void TestVerifyCodeBox::showUser(const char* id)
{
    const auto user = SeedUsers::fetch(*m_client, SeedUsers::id(id));
    QVERIFY2(user, id);
    m_panel->setUser(user);
}

QString TestVerifyCodeBox::freshEmailCode(const char* id)
{
    std::optional<Result<ResendResult>> result;
    ResendOptions options;
    options.delivery = ResendOptions::Delivery::ReturnCode;
    m_client->resendEmailCode(SeedUsers::id(id), options, [&](const Result<ResendResult>& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
        return {};
    return result->value->verificationCode;
}

void TestVerifyCodeBox::hiddenWithoutController()
{
    UserPanel bare(m_resends.get());
    bare.resize(600, 600);
    bare.show();
    const auto user = SeedUsers::fetch(*m_client, SeedUsers::id(SeedIds::Donald));
    QVERIFY(user);
    bare.setUser(user);
    auto* box = bare.findChild<VerifyCodeBox*>(QStringLiteral("verifyBox"));
    QVERIFY(box);
    QVERIFY(!box->isVisible());
}

void TestVerifyCodeBox::showsForUnverifiedAddresses_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<QString>("channel");
    QTest::newRow("email unverified") << SeedUsers::id(SeedIds::Donald) << true << "Email";
    QTest::newRow("only the phone unverified") << SeedUsers::id(SeedIds::Minnie) << true << "Phone";
    QTest::newRow("both verified") << SeedUsers::id(SeedIds::Daisy) << false << "";
    QTest::newRow("machine") << SeedUsers::id(SeedIds::CiBot) << false << "";
}

void TestVerifyCodeBox::showsForUnverifiedAddresses()
{
    QFETCH(QString, userId);
    QFETCH(bool, visible);
    QFETCH(QString, channel);
    const auto user = SeedUsers::fetch(*m_client, userId);
    QVERIFY(user);
    m_panel->setUser(user);
    auto* box = child<VerifyCodeBox>("verifyBox");
    QCOMPARE(box->isVisible(), visible);
    if (visible)
        QCOMPARE(child<QComboBox>("verifyChannel")->currentText(), channel);
}

void TestVerifyCodeBox::rightCodeVerifiesOnTheServer()
{
    const QString code = freshEmailCode(SeedIds::Donald);
    QVERIFY(!code.isEmpty());
    showUser(SeedIds::Donald);
    QSignalSpy verified(m_panel.get(), &UserPanel::verifySucceeded);
    QTest::keyClicks(child<QLineEdit>("verifyCodeEdit"), code);
    QTest::mouseClick(child<QPushButton>("verifyButton"), Qt::LeftButton);

    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.at(0).at(0).toString(), SeedUsers::id(SeedIds::Donald));
    QCOMPARE(
        child<QLabel>("verifyResult")->text(), QStringLiteral("Code accepted: the email address is now verified."));
    QVERIFY(child<QLineEdit>("verifyCodeEdit")->text().isEmpty());
    QVERIFY(m_fx->zitadel().user(SeedUsers::id(SeedIds::Donald))->emailVerified);

    // What the main window does next: the refreshed user keeps the result line in view.
    showUser(SeedIds::Donald);
    QVERIFY(child<VerifyCodeBox>("verifyBox")->isVisible());
    QCOMPARE(
        child<QLabel>("verifyResult")->text(), QStringLiteral("Code accepted: the email address is now verified."));
    QVERIFY(!child<QPushButton>("verifyButton")->isEnabled());
}

void TestVerifyCodeBox::wrongCodeIsRefusedAndKept()
{
    QVERIFY(!freshEmailCode(SeedIds::Donald).isEmpty());
    showUser(SeedIds::Donald);
    QSignalSpy finished(m_verifies.get(), &VerifyController::finished);
    QTest::keyClicks(child<QLineEdit>("verifyCodeEdit"), QStringLiteral("WRONG1"));
    QTest::keyClick(child<QLineEdit>("verifyCodeEdit"), Qt::Key_Return);

    QVERIFY(finished.wait(10000));
    const QString result = child<QLabel>("verifyResult")->text();
    QVERIFY2(result.contains(QLatin1String("COMMAND-eis9R")), qPrintable(result));
    QCOMPARE(child<QLineEdit>("verifyCodeEdit")->text(), QStringLiteral("WRONG1"));
    QVERIFY(!m_fx->zitadel().user(SeedUsers::id(SeedIds::Donald))->emailVerified);
    QVERIFY(child<QPushButton>("verifyDetails")->isVisible());
}

void TestVerifyCodeBox::emptyCodeSendsNothing()
{
    showUser(SeedIds::Donald);
    const quint64 before = m_fx->router().requestCount();
    QTest::mouseClick(child<QPushButton>("verifyButton"), Qt::LeftButton);
    QCOMPARE(child<QLabel>("verifyResult")->text(), QStringLiteral("Type the code first."));
    // Nothing was started: a request in flight would be visible here before it reached the mock.
    QVERIFY(!m_verifies->isInFlight(SeedUsers::id(SeedIds::Donald), ResendChannel::Email));
    QCOMPARE(m_fx->router().requestCount(), before);
}

void TestVerifyCodeBox::doubleClickSendsOnce()
{
    const QString code = freshEmailCode(SeedIds::Donald);
    showUser(SeedIds::Donald);
    const quint64 before = m_fx->router().requestCount();
    QSignalSpy finished(m_verifies.get(), &VerifyController::finished);
    child<QLineEdit>("verifyCodeEdit")->setText(code);
    auto* button = child<QPushButton>("verifyButton");
    QTest::mouseDClick(button, Qt::LeftButton);
    QTest::mouseClick(button, Qt::LeftButton);
    QTest::keyClick(child<QLineEdit>("verifyCodeEdit"), Qt::Key_Return);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_fx->router().requestCount(), before + 1);
}

void TestVerifyCodeBox::verifySlotFillsAndSends()
{
    const QString code = freshEmailCode(SeedIds::Goofy);
    showUser(SeedIds::Goofy);
    QSignalSpy verified(m_panel.get(), &UserPanel::verifySucceeded);
    QVERIFY(m_panel->verifyCode(ResendChannel::Email, code));
    QVERIFY(verified.wait(10000));
    QVERIFY(m_fx->zitadel().user(SeedUsers::id(SeedIds::Goofy))->emailVerified);
    // Asking for a channel with nothing to verify fills nothing in and sends nothing.
    QVERIFY(!m_panel->verifyCode(ResendChannel::Phone, QStringLiteral("123456")));
}

QTEST_MAIN(TestVerifyCodeBox)
#include "TestVerifyCodeBox.moc"
