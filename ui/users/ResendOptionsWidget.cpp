#include "ResendOptionsWidget.h"

#include "StatusStyle.h"
#include "UrlTemplate.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace
{
QString placeholderList()
{
    QStringList names;
    for (const QString& name : UrlTemplate::placeholders())
        names.append(QStringLiteral("{{.%1}}").arg(name));
    return names.join(QStringLiteral(", "));
}

QLabel* helpLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // templates are user text: never interpret them as HTML
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

ResendOptionsWidget::ResendOptionsWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("resendOptions"));

    m_api = new QComboBox(this);
    m_api->setObjectName(QStringLiteral("apiCombo"));
    m_api->addItem(tr("v2 UserService (default)"), QVariant::fromValue(ResendApi::V2));
    m_api->setItemData(0, tr("ResendEmailCode / ResendPhoneCode: send or return the code."), Qt::ToolTipRole);
    m_api->addItem(tr("v1 Management (_resend_verification)"), QVariant::fromValue(ResendApi::V1));
    m_api->setItemData(1, tr("Older servers: always sends, with ZITADEL's default link."), Qt::ToolTipRole);
    m_api->addItem(tr("v3alpha contact email (email only)"), QVariant::fromValue(ResendApi::V3Alpha));
    m_api->setItemData(
        2, tr("Preview API; needs the User Schema feature on the instance. No phone resend."), Qt::ToolTipRole);

    m_delivery = new QGroupBox(tr("Delivery"), this);
    m_delivery->setObjectName(QStringLiteral("deliveryGroup"));
    m_send = new QRadioButton(tr("Send through ZITADEL"), m_delivery);
    m_send->setObjectName(QStringLiteral("sendRadio"));
    m_send->setChecked(true);
    m_returnCode = new QRadioButton(tr("Return the code to me (nothing is sent)"), m_delivery);
    m_returnCode->setObjectName(QStringLiteral("returnCodeRadio"));
    auto* deliveryLayout = new QVBoxLayout(m_delivery);
    deliveryLayout->addWidget(m_send);
    deliveryLayout->addWidget(m_returnCode);

    m_template = new QLineEdit(this);
    m_template->setObjectName(QStringLiteral("urlTemplateEdit"));
    m_template->setClearButtonEnabled(true);
    m_template->setPlaceholderText(
        tr("Blank = ZITADEL's default link, e.g. https://admin.example.com/verify?userID={{.UserID}}&code={{.Code}}"));
    auto* help = helpLabel(QStringLiteral("urlTemplateHelpLabel"), this);
    help->setText(tr("Placeholders: %1. Used for emails that ZITADEL sends (v2, v3alpha).").arg(placeholderList()));
    m_problem = helpLabel(QStringLiteral("urlTemplateProblemLabel"), this);
    m_example = helpLabel(QStringLiteral("urlTemplateExampleLabel"), this);

    auto* templateColumn = new QVBoxLayout;
    templateColumn->addWidget(m_template);
    templateColumn->addWidget(help);
    templateColumn->addWidget(m_problem);
    templateColumn->addWidget(m_example);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&API:"), m_api);
    form->addRow(m_delivery);
    auto* templateLabel = new QLabel(tr("Email &link:"), this);
    templateLabel->setBuddy(m_template); // a layout as the field gets no buddy, so no mnemonic, by itself
    form->addRow(templateLabel, templateColumn);

    const auto onChange = [this] {
        refresh();
        if (!m_updating)
            Q_EMIT changed();
    };
    connect(m_api, qOverload<int>(&QComboBox::currentIndexChanged), this, onChange);
    connect(m_send, &QRadioButton::toggled, this, onChange);
    connect(m_template, &QLineEdit::textChanged, this, onChange);
    refresh();
}

ResendSettings ResendOptionsWidget::settings() const
{
    ResendSettings s;
    s.api = m_api->currentData().value<ResendApi>();
    s.delivery = m_returnCode->isChecked() ? ResendOptions::Delivery::ReturnCode : ResendOptions::Delivery::Send;
    s.urlTemplate = m_template->text();
    return s;
}

void ResendOptionsWidget::setSettings(const ResendSettings& settings)
{
    if (settings == this->settings())
        return;
    m_updating = true;
    m_api->setCurrentIndex(qMax(0, m_api->findData(QVariant::fromValue(settings.api))));
    (settings.delivery == ResendOptions::Delivery::ReturnCode ? m_returnCode : m_send)->setChecked(true);
    m_template->setText(settings.urlTemplate);
    m_updating = false;
    refresh();
    Q_EMIT changed();
}

void ResendOptionsWidget::setUser(const User& user)
{
    setUser(std::optional<User>(user));
}

void ResendOptionsWidget::setUser(const std::optional<User>& user)
{
    m_user = user;
    refresh();
}

QString ResendOptionsWidget::summary() const
{
    const ResendSettings s = settings();
    QStringList parts;
    switch (s.api) {
    case ResendApi::V2:
        parts << tr("v2");
        break;
    case ResendApi::V1:
        parts << tr("v1");
        break;
    case ResendApi::V3Alpha:
        parts << tr("v3alpha");
        break;
    }
    parts << (s.effectiveDelivery() == ResendOptions::Delivery::Send ? tr("send") : tr("return code"));
    if (s.templateApplies(ResendChannel::Email))
        parts << (s.problem(ResendChannel::Email)              ? tr("invalid link template")
                : s.effectiveUrlTemplate(ResendChannel::Email) ? tr("custom link")
                                                               : tr("default link"));
    return parts.join(QStringLiteral(" · "));
}

void ResendOptionsWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // light <-> dark: pick the readable shade again
        StatusStyle::applyTextTone(m_problem, StatusStyle::Tone::Error);
}

void ResendOptionsWidget::refresh()
{
    const ResendSettings s = settings();
    const bool v1 = s.api == ResendApi::V1;
    m_delivery->setEnabled(!v1);
    m_delivery->setToolTip(v1 ? tr("The v1 Management API has no delivery options: ZITADEL always sends the code "
                                   "itself, with its default link.")
                              : QString());

    const bool applies = s.templateApplies(ResendChannel::Email);
    m_template->setEnabled(applies); // the text stays, so switching back restores it
    if (v1)
        m_template->setToolTip(tr("The v1 Management API has no URL template: ZITADEL sends its default link."));
    else if (!applies)
        m_template->setToolTip(tr("A returned code comes without a link, so the template is not used."));
    else
        m_template->setToolTip(tr("Go template for the link in the verification email. Placeholders: %1. Leave "
                                  "blank for ZITADEL's default link.")
                                   .arg(placeholderList()));
    refreshTemplateHelp(s);
}

void ResendOptionsWidget::refreshTemplateHelp(const ResendSettings& s)
{
    const auto problem = s.problem(ResendChannel::Email);
    m_problem->setText(problem.value_or(QString()));
    m_problem->setVisible(problem.has_value());
    StatusStyle::applyTextTone(m_problem, StatusStyle::Tone::Error);

    if (!s.templateApplies(ResendChannel::Email)) {
        m_example->setText(s.api == ResendApi::V1 ? tr("Not used with v1.") : tr("Not used for returned codes."));
    } else if (problem) {
        m_example->clear();
    } else if (const auto tmpl = s.effectiveUrlTemplate(ResendChannel::Email)) {
        // Made-up ids when no user is picked: the shape of the link is what matters then.
        const UrlTemplate::Values values {m_user ? m_user->id : QStringLiteral("USER_ID"),
            exampleCode(),
            m_user ? m_user->organizationId() : QStringLiteral("ORG_ID")};
        m_example->setText(tr("Example link: %1").arg(UrlTemplate::render(*tmpl, values)));
    } else {
        m_example->setText(tr("Blank: ZITADEL sends its default verification link."));
    }
    m_example->setVisible(!m_example->text().isEmpty());
}
