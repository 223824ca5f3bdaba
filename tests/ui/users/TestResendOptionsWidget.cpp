#include "ResendOptionsWidget.h"
#include "UrlTemplate.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

// The options widget on its own: what each API allows, live template checks, and that what
// a person typed survives every switch.
class TestResendOptionsWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void defaults();
    void v1DisablesDeliveryAndTemplateButKeepsThem();
    void returnCodeDisablesTheTemplate();
    void liveValidationAndExample();
    void setSettingsRoundTrip();

private:
    template <class T>
    T* child(const char* name) const
    {
        return m_widget->findChild<T*>(QLatin1String(name));
    }
    std::unique_ptr<ResendOptionsWidget> m_widget;
};

void TestResendOptionsWidget::init()
{
    m_widget = std::make_unique<ResendOptionsWidget>();
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
}

void TestResendOptionsWidget::cleanup()
{
    m_widget.reset();
}

void TestResendOptionsWidget::defaults()
{
    QCOMPARE(m_widget->objectName(), QStringLiteral("resendOptions"));
    const ResendSettings s = m_widget->settings();
    QCOMPARE(s.api, ResendApi::V2);
    QCOMPARE(s.delivery, ResendOptions::Delivery::Send);
    QVERIFY(s.urlTemplate.isEmpty());
    QVERIFY(s.isValid());
    auto* api = child<QComboBox>("apiCombo");
    QCOMPARE(api->count(), 3);
    QCOMPARE(api->itemText(0), QStringLiteral("v2 UserService (default)"));
    QCOMPARE(api->itemText(1), QStringLiteral("v1 Management (_resend_verification)"));
    QCOMPARE(api->itemText(2), QStringLiteral("v3alpha contact email (email only)"));
    QCOMPARE(child<QRadioButton>("sendRadio")->text(), QStringLiteral("Send through ZITADEL"));
    QCOMPARE(child<QRadioButton>("returnCodeRadio")->text(), QStringLiteral("Return the code to me (nothing is sent)"));
    QVERIFY(child<QLineEdit>("urlTemplateEdit")->placeholderText().contains(QLatin1String("{{.UserID}}")));
}

void TestResendOptionsWidget::v1DisablesDeliveryAndTemplateButKeepsThem()
{
    QTest::keyClicks(child<QLineEdit>("urlTemplateEdit"), QStringLiteral("https://x/{{.Nope}}"));
    QTest::mouseClick(child<QRadioButton>("returnCodeRadio"), Qt::LeftButton);
    QSignalSpy changed(m_widget.get(), &ResendOptionsWidget::changed);

    child<QComboBox>("apiCombo")->setCurrentIndex(1);
    QCOMPARE(changed.size(), 1);
    auto* delivery = child<QGroupBox>("deliveryGroup");
    QVERIFY(!delivery->isEnabled());
    QVERIFY(delivery->toolTip().contains(QLatin1String("no delivery options")));
    QVERIFY(!child<QLineEdit>("urlTemplateEdit")->isEnabled());
    const ResendSettings s = m_widget->settings();
    QCOMPARE(s.api, ResendApi::V1);
    QCOMPARE(s.effectiveDelivery(), ResendOptions::Delivery::Send);
    QVERIFY(s.isValid()); // the template is not used, so it cannot block
    QCOMPARE(s.urlTemplate, QStringLiteral("https://x/{{.Nope}}")); // kept

    child<QComboBox>("apiCombo")->setCurrentIndex(0);
    QVERIFY(child<QRadioButton>("returnCodeRadio")->isChecked());
    QCOMPARE(child<QLineEdit>("urlTemplateEdit")->text(), QStringLiteral("https://x/{{.Nope}}"));
}

void TestResendOptionsWidget::returnCodeDisablesTheTemplate()
{
    QTest::keyClicks(child<QLineEdit>("urlTemplateEdit"), QStringLiteral("{{"));
    QVERIFY(!m_widget->settings().isValid());
    QTest::mouseClick(child<QRadioButton>("returnCodeRadio"), Qt::LeftButton);
    QVERIFY(!child<QLineEdit>("urlTemplateEdit")->isEnabled());
    QVERIFY(m_widget->settings().isValid());
    QVERIFY(!child<QLabel>("urlTemplateProblemLabel")->isVisible());
}

void TestResendOptionsWidget::liveValidationAndExample()
{
    User user;
    user.id = QStringLiteral("312909075211944344");
    user.details.resourceOwner = QStringLiteral("312908912355508120");
    m_widget->setUser(user);
    auto* edit = child<QLineEdit>("urlTemplateEdit");
    auto* problem = child<QLabel>("urlTemplateProblemLabel");
    auto* example = child<QLabel>("urlTemplateExampleLabel");
    QSignalSpy changed(m_widget.get(), &ResendOptionsWidget::changed);

    QTest::keyClicks(edit, QStringLiteral("https://a.example/v?u={{.UserID"));
    QCOMPARE(changed.size(), edit->text().size()); // every keystroke re-checks
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), UrlTemplate::describe(UrlTemplate::check(edit->text())));
    QVERIFY(!m_widget->settings().isValid());

    QTest::keyClicks(edit, QStringLiteral("}}&c={{.Code}}&o={{.OrgID}}"));
    QVERIFY(!problem->isVisible());
    QVERIFY(m_widget->settings().isValid());
    QCOMPARE(example->text(),
        QStringLiteral("Example link: https://a.example/v?u=312909075211944344&c=123456&o=312908912355508120"));
}

void TestResendOptionsWidget::setSettingsRoundTrip()
{
    ResendSettings s;
    s.api = ResendApi::V3Alpha;
    s.delivery = ResendOptions::Delivery::ReturnCode;
    s.urlTemplate = QStringLiteral(" https://a/{{.Code}} ");
    QSignalSpy changed(m_widget.get(), &ResendOptionsWidget::changed);
    m_widget->setSettings(s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_widget->settings(), s);
    QCOMPARE(m_widget->summary(), QString::fromUtf8("v3alpha · return code"));
    m_widget->setSettings(s);
    QCOMPARE(changed.size(), 1); // nothing changed, nothing said
}

QTEST_MAIN(TestResendOptionsWidget)
#include "TestResendOptionsWidget.moc"
