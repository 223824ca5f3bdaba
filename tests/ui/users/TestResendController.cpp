#include "MockFixture.h"
#include "MockHttpServer.h"
#include "MockZitadel.h"
#include "ResendController.h"
#include "SeedIds.h"
#include "SeedUsers.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

// The controller against the mock over loopback HTTP: what each API answers, the exact result
// sentences, and the exactly-once guard (in flight, cooldown, cancel without retry). Every
// test gets a fresh mock, so codes and sequences start from the seed.
class TestResendController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emailReturnCodeIsThePendingCode();
    void emailSendIsQueued();
    void phoneSendNamesTheMaskedNumber();
    void v1Phone();
    void v3alphaEmail_data();
    void v3alphaEmail();
    void readonlyTokenIsRefused_data();
    void readonlyTokenIsRefused();
    void serverErrorIsTheSummary();
    void startTwiceSendsOnce();
    void refusesWithoutSending_data();
    void refusesWithoutSending();
    void cooldownRefusesThenAllows();
    void cooldownCountsDownOnAMonotonicClock();
    void cancelReportsAndDoesNotRetry();
    void retryAfterHoldsThatUserAndChannel_data();
    void retryAfterHoldsThatUserAndChannel();

private:
    // Starts and waits for the one outcome; fails the test (returns nullopt) otherwise.
    std::optional<ResendOutcome> run(const char* userId, ResendChannel channel, const ResendSettings& settings);
    User user(const char* id);
    static ResendSettings settings(
        ResendApi api, ResendOptions::Delivery delivery = ResendOptions::Delivery::Send, const QString& tmpl = {});

    std::unique_ptr<MockFixture> m_fx;
    std::unique_ptr<ZitadelClient> m_client;
    std::unique_ptr<ResendController> m_controller;
};

void TestResendController::init()
{
    m_fx = std::make_unique<MockFixture>();
    QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
    m_client = SeedUsers::clientFor(*m_fx);
    m_controller = std::make_unique<ResendController>(m_client.get());
}

void TestResendController::cleanup()
{
    m_controller.reset();
    m_client.reset();
    m_fx.reset();
}

User TestResendController::user(const char* id)
{
    const auto u = SeedUsers::fetch(*m_client, SeedUsers::id(id));
    return u.value_or(User());
}

ResendSettings TestResendController::settings(ResendApi api, ResendOptions::Delivery delivery, const QString& tmpl)
{
    ResendSettings s;
    s.api = api;
    s.delivery = delivery;
    s.urlTemplate = tmpl;
    return s;
}

std::optional<ResendOutcome> TestResendController::run(
    const char* userId, ResendChannel channel, const ResendSettings& settings)
{
    const User u = user(userId);
    if (u.id.isEmpty())
        return std::nullopt;
    QSignalSpy finished(m_controller.get(), &ResendController::finished);
    if (!m_controller->start(u, channel, settings) || !finished.wait(10000) || finished.size() != 1)
        return std::nullopt;
    return finished.at(0).at(0).value<ResendOutcome>();
}

void TestResendController::emailReturnCodeIsThePendingCode()
{
    const quint64 outboxBefore = m_fx->zitadel().outboxTotal();
    const auto outcome =
        run(SeedIds::Donald, ResendChannel::Email, settings(ResendApi::V2, ResendOptions::Delivery::ReturnCode));
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->text));
    QCOMPARE(outcome->code, m_fx->zitadel().pendingEmailCode(SeedUsers::id(SeedIds::Donald)));
    QVERIFY(outcome->code != QLatin1String(SeedIds::DonaldEmailCode)); // a new code replaced the seed's
    const quint64 sequence = m_fx->zitadel().userSequence(SeedUsers::id(SeedIds::Donald));
    QCOMPARE(outcome->sequence, sequence);
    QCOMPARE(outcome->text, QStringLiteral("Code generated (sequence %1); nothing was sent.").arg(sequence));
    QCOMPARE(m_fx->zitadel().outboxTotal(), outboxBefore);
    QVERIFY(outcome->exchangeId != 0);
    QVERIFY(!outcome->error.isError());
}

void TestResendController::emailSendIsQueued()
{
    const quint64 outboxBefore = m_fx->zitadel().outboxTotal();
    QSignalSpy started(m_controller.get(), &ResendController::started);
    const auto outcome = run(SeedIds::Donald, ResendChannel::Email, settings(ResendApi::V2));
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->text));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toString(), SeedUsers::id(SeedIds::Donald));
    QCOMPARE(started.at(0).at(1).value<ResendChannel>(), ResendChannel::Email);
    QCOMPARE(m_fx->zitadel().outboxTotal(), outboxBefore + 1);
    const MockOutboxMessage sent = m_fx->zitadel().outbox().constLast();
    QCOMPARE(sent.to, QStringLiteral("donald@example.com"));
    QCOMPARE(outcome->code, QString()); // sent, not returned
    const quint64 sequence = m_fx->zitadel().userSequence(SeedUsers::id(SeedIds::Donald));
    QCOMPARE(
        outcome->text, QString::fromUtf8("Code queued for delivery to d•••@example.com (sequence %1)").arg(sequence));
}

void TestResendController::phoneSendNamesTheMaskedNumber()
{
    const auto outcome = run(SeedIds::Minnie, ResendChannel::Phone, settings(ResendApi::V2));
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->text));
    QCOMPARE(outcome->channel, ResendChannel::Phone);
    QVERIFY2(outcome->text.startsWith(QString::fromUtf8("Code queued for delivery to +41 •• ••• •• 67 (sequence ")),
        qPrintable(outcome->text));
    QCOMPARE(m_fx->zitadel().outbox().constLast().channel, QStringLiteral("sms"));
}

void TestResendController::v1Phone()
{
    const quint64 outboxBefore = m_fx->zitadel().outboxTotal();
    // v1 has no options: "return the code" is ignored and the code is sent.
    const auto outcome =
        run(SeedIds::Minnie, ResendChannel::Phone, settings(ResendApi::V1, ResendOptions::Delivery::ReturnCode));
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->text));
    QCOMPARE(outcome->code, QString());
    QCOMPARE(m_fx->zitadel().outboxTotal(), outboxBefore + 1);
    QVERIFY2(outcome->text.startsWith(QString::fromUtf8("Code queued for delivery to +41 •• ••• •• 67")),
        qPrintable(outcome->text));
    QCOMPARE(
        m_fx->zitadel().pendingPhoneCode(SeedUsers::id(SeedIds::Minnie)), m_fx->zitadel().outbox().constLast().code);
}

void TestResendController::v3alphaEmail_data()
{
    QTest::addColumn<bool>("returnCode");
    QTest::newRow("returnCode") << true;
    QTest::newRow("send with template") << false;
}

void TestResendController::v3alphaEmail()
{
    QFETCH(bool, returnCode);
    const quint64 outboxBefore = m_fx->zitadel().outboxTotal();
    const QString tmpl = QStringLiteral("https://admin.example.com/verify?u={{.UserID}}&c={{.Code}}");
    const auto outcome = run(SeedIds::Donald,
        ResendChannel::Email,
        settings(ResendApi::V3Alpha,
            returnCode ? ResendOptions::Delivery::ReturnCode : ResendOptions::Delivery::Send,
            tmpl));
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->text));
    const QString pending = m_fx->zitadel().pendingEmailCode(SeedUsers::id(SeedIds::Donald));
    if (returnCode) {
        QCOMPARE(outcome->code, pending);
        QVERIFY2(outcome->text.startsWith(QLatin1String("Code generated")), qPrintable(outcome->text));
        QCOMPARE(m_fx->zitadel().outboxTotal(), outboxBefore);
    } else {
        QCOMPARE(m_fx->zitadel().outboxTotal(), outboxBefore + 1);
        QCOMPARE(m_fx->zitadel().outbox().constLast().link,
            QStringLiteral("https://admin.example.com/verify?u=%1&c=%2").arg(SeedUsers::id(SeedIds::Donald), pending));
    }
}

void TestResendController::readonlyTokenIsRefused_data()
{
    QTest::addColumn<ResendApi>("api");
    QTest::addColumn<QString>("errorId");
    QTest::newRow("v2") << ResendApi::V2 << "AUTH-AWfge";
    QTest::newRow("v1 (interceptor)") << ResendApi::V1 << "AUTH-5mWD2";
    QTest::newRow("v3alpha") << ResendApi::V3Alpha << "AUTH-AWfge";
}

void TestResendController::readonlyTokenIsRefused()
{
    QFETCH(ResendApi, api);
    QFETCH(QString, errorId);
    const User donald = user(SeedIds::Donald); // read with the admin token, sent with the read-only one
    m_client->setToken(QString::fromLatin1(SeedIds::ReadonlyToken));
    QSignalSpy finished(m_controller.get(), &ResendController::finished);
    QVERIFY(m_controller->start(donald, ResendChannel::Email, settings(api)));
    QVERIFY(finished.wait(10000));
    const auto outcome = finished.at(0).at(0).value<ResendOutcome>();
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, ApiError::Kind::PermissionDenied);
    QCOMPARE(outcome.error.errorId, errorId);
    QCOMPARE(outcome.text, outcome.error.summary());
    QVERIFY2(outcome.text.contains(QLatin1String("not allowed to send codes")), qPrintable(outcome.text));
    QVERIFY2(outcome.text.endsWith(QStringLiteral("(%1)").arg(errorId)), qPrintable(outcome.text));
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), 0); // failures start no cooldown
}

void TestResendController::serverErrorIsTheSummary()
{
    // Pluto never had a code, so v2 has nothing to resend.
    const auto outcome = run(SeedIds::Pluto, ResendChannel::Email, settings(ResendApi::V2));
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QCOMPARE(outcome->error.errorId, QStringLiteral("EMAIL-5w5ilin4yt"));
    QCOMPARE(outcome->text, outcome->error.summary());
    QVERIFY(outcome->exchangeId != 0);
    QVERIFY(m_controller->refusal(user(SeedIds::Pluto), ResendChannel::Email, settings(ResendApi::V2)).isEmpty());
}

void TestResendController::startTwiceSendsOnce()
{
    const User donald = user(SeedIds::Donald);
    const quint64 before = m_fx->router().requestCount();
    QSignalSpy started(m_controller.get(), &ResendController::started);
    QSignalSpy finished(m_controller.get(), &ResendController::finished);

    QVERIFY(m_controller->start(donald, ResendChannel::Email, settings(ResendApi::V2)));
    QVERIFY(m_controller->isBusy());
    QVERIFY(m_controller->isInFlight(donald.id, ResendChannel::Email));
    QVERIFY(!m_controller->start(donald, ResendChannel::Email, settings(ResendApi::V2)));
    // Another API for the same user and channel is the same intent: refused as well.
    QVERIFY(!m_controller->start(donald, ResendChannel::Email, settings(ResendApi::V1)));
    QVERIFY(finished.wait(10000));
    QCOMPARE(started.size(), 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_fx->router().requestCount(), before + 1);
    QVERIFY(!m_controller->isBusy());
    // And after the success the cooldown holds.
    QVERIFY(!m_controller->start(donald, ResendChannel::Email, settings(ResendApi::V2)));
    QCOMPARE(m_fx->router().requestCount(), before + 1);
}

void TestResendController::refusesWithoutSending_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<ResendChannel>("channel");
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<QString>("reasonStart");

    QTest::newRow("machine") << SeedUsers::id(SeedIds::CiBot) << ResendChannel::Email << QString() << "Machine users";
    QTest::newRow("verified") << SeedUsers::id(SeedIds::Minnie) << ResendChannel::Email << QString()
                              << "The email address is already verified.";
    QTest::newRow("invalid template") << SeedUsers::id(SeedIds::Donald) << ResendChannel::Email
                                      << QStringLiteral("https://x/{{.LoginName}}") << "The URL template uses";
}

void TestResendController::refusesWithoutSending()
{
    QFETCH(QString, userId);
    QFETCH(ResendChannel, channel);
    QFETCH(QString, tmpl);
    QFETCH(QString, reasonStart);

    const auto u = SeedUsers::fetch(*m_client, userId);
    QVERIFY(u);
    const quint64 before = m_fx->router().requestCount();
    QSignalSpy started(m_controller.get(), &ResendController::started);
    const ResendSettings s = settings(ResendApi::V2, ResendOptions::Delivery::Send, tmpl);
    QVERIFY2(m_controller->refusal(*u, channel, s).startsWith(reasonStart),
        qPrintable(m_controller->refusal(*u, channel, s)));
    QVERIFY(!m_controller->start(*u, channel, s));
    QCOMPARE(started.size(), 0);
    QVERIFY(!m_controller->isBusy());
    QCOMPARE(m_fx->router().requestCount(), before);
}

void TestResendController::cooldownRefusesThenAllows()
{
    m_controller->setCooldownSeconds(1);
    const User donald = user(SeedIds::Donald);
    const ResendSettings s = settings(ResendApi::V2, ResendOptions::Delivery::ReturnCode);
    QSignalSpy finished(m_controller.get(), &ResendController::finished);
    QSignalSpy cooldown(m_controller.get(), &ResendController::cooldownChanged);

    QVERIFY(m_controller->start(donald, ResendChannel::Email, s));
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.at(0).at(0).value<ResendOutcome>().ok);
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), 1);
    QVERIFY(!m_controller->start(donald, ResendChannel::Email, s));
    // The other channel and other users are not held back.
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Phone), 0);

    QTRY_COMPARE_WITH_TIMEOUT(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), 0, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(cooldown.size() >= 2, 3000); // when it started, and when it ended
    QVERIFY(m_controller->start(donald, ResendChannel::Email, s));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 2);
    QVERIFY(finished.at(1).at(0).value<ResendOutcome>().ok);
}

void TestResendController::cooldownCountsDownOnAMonotonicClock()
{
    const User donald = user(SeedIds::Donald);
    QSignalSpy finished(m_controller.get(), &ResendController::finished);
    QCOMPARE(m_controller->cooldownSeconds(), 30);
    QVERIFY(m_controller->start(donald, ResendChannel::Email, settings(ResendApi::V2)));
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), 30);

    m_controller->advanceClock(3000);
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), 27);
    QCOMPARE(m_controller->secondsSinceSent(donald.id, ResendChannel::Email), 3);
    QCOMPARE(m_controller->refusal(donald, ResendChannel::Email, settings(ResendApi::V2)),
        QStringLiteral("Sent 3 s ago; wait 27 s to avoid a resend storm."));

    m_controller->advanceClock(26500);
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), 1); // 0.5 s rounds up
    m_controller->advanceClock(500);
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), 0);
    QCOMPARE(m_controller->secondsSinceSent(donald.id, ResendChannel::Email), -1);
    QVERIFY(m_controller->refusal(donald, ResendChannel::Email, settings(ResendApi::V2)).isEmpty());
}

void TestResendController::cancelReportsAndDoesNotRetry()
{
    m_fx->server().setLatency(2000);
    const User donald = user(SeedIds::Donald);
    const quint64 before = m_fx->router().requestCount();
    QSignalSpy finished(m_controller.get(), &ResendController::finished);
    QSignalSpy dropped(&m_fx->server(), &MockHttpServer::responseDropped);

    QVERIFY(m_controller->start(donald, ResendChannel::Email, settings(ResendApi::V2)));
    QTRY_COMPARE(m_fx->router().requestCount(), before + 1); // the server has it (and acts on it)
    QCOMPARE(finished.size(), 0);
    m_controller->cancel();
    QTRY_COMPARE(finished.size(), 1);
    const auto outcome = finished.at(0).at(0).value<ResendOutcome>();
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Cancelled);
    QCOMPARE(outcome.text, QStringLiteral("Cancelled — the server may still have sent the code."));
    QVERIFY(!m_controller->isBusy());
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), 0);

    // The delayed answer finds nobody listening; nothing is sent again.
    QVERIFY(dropped.wait(5000));
    QCOMPARE(m_fx->router().requestCount(), before + 1);
    QCOMPARE(finished.size(), 1);
}

void TestResendController::retryAfterHoldsThatUserAndChannel_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("retryAfter"); // what the server sends; -1: no Retry-After
    QTest::addColumn<int>("wait"); // the seconds the controller holds the resend back
    QTest::newRow("429, Retry-After 45") << "rate-limited" << 45 << 45;
    QTest::newRow("429, Retry-After a day: capped at an hour") << "rate-limited" << 86400 << 3600;
    QTest::newRow("429, Retry-After 0") << "rate-limited" << 0 << 0;
    QTest::newRow("429 quota, no Retry-After") << "quota-exhausted" << -1 << 0;
    QTest::newRow("503, no Retry-After") << "unavailable" << -1 << 0;
}

void TestResendController::retryAfterHoldsThatUserAndChannel()
{
    QFETCH(QString, error);
    QFETCH(int, retryAfter);
    QFETCH(int, wait);
    QJsonObject json {{QStringLiteral("endpoint"), QStringLiteral("email-resend")},
        {QStringLiteral("error"), error},
        {QStringLiteral("times"), 1}};
    if (retryAfter >= 0)
        json.insert(QStringLiteral("retryAfterSeconds"), retryAfter);
    QString problem;
    QVERIFY2(m_fx->router().faults().add(json, &problem), qPrintable(problem));

    const User donald = user(SeedIds::Donald);
    const ResendSettings s = settings(ResendApi::V2);
    const quint64 before = m_fx->router().requestCount();
    QSignalSpy finished(m_controller.get(), &ResendController::finished);
    QSignalSpy cooldown(m_controller.get(), &ResendController::cooldownChanged);
    QVERIFY(m_controller->start(donald, ResendChannel::Email, s));
    QVERIFY(finished.wait(10000));
    const auto outcome = finished.at(0).at(0).value<ResendOutcome>();
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.retryAfterSeconds, retryAfter);
    QCOMPARE(m_fx->router().requestCount(), before + 1);

    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), wait);
    QCOMPARE(m_controller->retryAfterRemaining(donald.id, ResendChannel::Email), wait);
    QCOMPARE(m_controller->secondsSinceSent(donald.id, ResendChannel::Email), -1); // nothing was sent
    if (wait == 0) {
        QVERIFY(m_controller->refusal(donald, ResendChannel::Email, s).isEmpty());
        QCOMPARE(cooldown.count(), 0);
        return;
    }
    QCOMPARE(cooldown.count(), 1);
    QCOMPARE(m_controller->refusal(donald, ResendChannel::Email, s),
        QStringLiteral("The server asked to wait before the next try; try again in %1 s.").arg(wait));
    QVERIFY(!m_controller->start(donald, ResendChannel::Email, s));
    // Only that user and channel wait; a post-success cooldown setting does not change it.
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Phone), 0);
    QCOMPARE(m_controller->cooldownRemaining(SeedUsers::id(SeedIds::Goofy), ResendChannel::Email), 0);
    m_controller->setCooldownSeconds(0);
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), wait);

    m_controller->advanceClock(qint64(wait - 5) * 1000);
    const int left = m_controller->cooldownRemaining(donald.id, ResendChannel::Email);
    QVERIFY2(left >= 1 && left <= 5, qPrintable(QString::number(left)));
    m_controller->advanceClock(5000);
    QCOMPARE(m_controller->cooldownRemaining(donald.id, ResendChannel::Email), 0);
    QVERIFY(m_controller->refusal(donald, ResendChannel::Email, s).isEmpty());
    // The wait is over, and still nothing was sent again on its own.
    QCoreApplication::processEvents();
    QCOMPARE(m_fx->router().requestCount(), before + 1);
    QCOMPARE(finished.count(), 1);

    // The person tries again: it goes out once and succeeds (the rule was for one call).
    QVERIFY(m_controller->start(donald, ResendChannel::Email, s));
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.at(1).at(0).value<ResendOutcome>().ok);
    QCOMPARE(m_fx->router().requestCount(), before + 2);
}

QTEST_GUILESS_MAIN(TestResendController)
#include "TestResendController.moc"
