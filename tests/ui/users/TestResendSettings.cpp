#include "ResendSettings.h"
#include "UrlTemplate.h"

#include <QTest>

Q_DECLARE_METATYPE(ResendOptions::Delivery)

// What the settings turn into on the wire, and when an invalid template blocks a resend.
class TestResendSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void options_data();
    void options();
    void problemIsUrlTemplatesSentence();
};

void TestResendSettings::options_data()
{
    QTest::addColumn<ResendApi>("api");
    QTest::addColumn<ResendOptions::Delivery>("delivery");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<ResendChannel>("channel");
    QTest::addColumn<ResendOptions::Delivery>("sentDelivery");
    QTest::addColumn<QString>("sentTemplate"); // "-" = none
    QTest::addColumn<bool>("blocked");

    const auto send = ResendOptions::Delivery::Send;
    const auto code = ResendOptions::Delivery::ReturnCode;
    const auto email = ResendChannel::Email;
    const auto phone = ResendChannel::Phone;
    const QString good = QStringLiteral("https://a.example/v?u={{.UserID}}&c={{.Code}}&o={{.OrgID}}");
    const QString bad = QStringLiteral("https://a.example/v?c={{.LoginName}}");

    QTest::newRow("defaults") << ResendApi::V2 << send << QString() << email << send << "-" << false;
    QTest::newRow("v2 email with template") << ResendApi::V2 << send << good << email << send << good << false;
    QTest::newRow("blanks around the template are dropped")
        << ResendApi::V2 << send << QStringLiteral("  ") + good + QStringLiteral(" ") << email << send << good << false;
    QTest::newRow("blank template = default link") << ResendApi::V2 << send << "   " << email << send << "-" << false;
    QTest::newRow("invalid template blocks v2 email") << ResendApi::V2 << send << bad << email << send << bad << true;
    QTest::newRow("invalid template blocks v3alpha email")
        << ResendApi::V3Alpha << send << bad << email << send << bad << true;
    QTest::newRow("phone never carries a template") << ResendApi::V2 << send << bad << phone << send << "-" << false;
    QTest::newRow("returned code needs no link") << ResendApi::V2 << code << bad << email << code << "-" << false;
    QTest::newRow("v1 always sends, without template") << ResendApi::V1 << code << bad << email << send << "-" << false;
}

void TestResendSettings::options()
{
    QFETCH(ResendApi, api);
    QFETCH(ResendOptions::Delivery, delivery);
    QFETCH(QString, typed);
    QFETCH(ResendChannel, channel);
    QFETCH(ResendOptions::Delivery, sentDelivery);
    QFETCH(QString, sentTemplate);
    QFETCH(bool, blocked);

    ResendSettings settings;
    settings.api = api;
    settings.delivery = delivery;
    settings.urlTemplate = typed;
    const ResendOptions options = settings.options(channel, QStringLiteral("42"));
    QCOMPARE(options.delivery, sentDelivery);
    QCOMPARE(options.urlTemplate.value_or(QStringLiteral("-")), sentTemplate);
    QCOMPARE(options.organizationId, QStringLiteral("42"));
    QCOMPARE(settings.problem(channel).has_value(), blocked);
    QCOMPARE(settings.urlTemplate, typed); // what was typed is kept as typed
}

void TestResendSettings::problemIsUrlTemplatesSentence()
{
    ResendSettings settings;
    settings.urlTemplate = QStringLiteral("https://a.example/{{.Code");
    QVERIFY(!settings.isValid());
    QCOMPARE(settings.problem(ResendChannel::Email).value_or(QString()),
        UrlTemplate::describe(UrlTemplate::check(settings.urlTemplate)));
    QVERIFY(!settings.problem(ResendChannel::Phone));
}

QTEST_GUILESS_MAIN(TestResendSettings)
#include "TestResendSettings.moc"
