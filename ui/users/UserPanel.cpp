#include "UserPanel.h"

#include "ConfirmResend.h"
#include "ResendAvailability.h"
#include "ResendController.h"
#include "ResendOptionsWidget.h"
#include "UiLogging.h"
#include "UserFacts.h"
#include "VerifyCodeBox.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

using Tone = StatusStyle::Tone;

namespace
{
QLabel* selectableLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // names and addresses come from the server: never HTML
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* chipLabel(const QString& objectName, QWidget* parent)
{
    auto* chip = new QLabel(parent);
    chip->setObjectName(objectName);
    chip->setTextFormat(Qt::PlainText);
    chip->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    return chip;
}

void showChip(QLabel* chip, const UserFacts::Chip& status, const QString& accessibleSubject)
{
    chip->setText(status.text);
    chip->setStyleSheet(StatusStyle::chipStyleSheet(status.tone));
    chip->setAccessibleName(accessibleSubject + QLatin1String(": ") + status.text); // colour is not the only cue
}

QToolButton* copyButton(const QString& objectName, const QString& toolTip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(UserPanel::tr("Copy"));
    button->setToolTip(toolTip);
    return button;
}

QString emailButtonLabel()
{
    return UserPanel::tr("Resend email code");
}

QString phoneButtonLabel()
{
    return UserPanel::tr("Resend phone verification");
}

QString emptyStateText()
{
    return UserPanel::tr("Pick a user to see their email and phone.");
}
} // namespace

UserPanel::UserPanel(ResendController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("userPanel"));
    buildUi();
    if (m_controller) {
        connect(m_controller, &ResendController::started, this, [this](const QString&, ResendChannel) {
            clearResult();
            setResultLine(tr("Waiting for ZITADEL…"), Tone::Neutral);
            refreshActions();
        });
        connect(m_controller, &ResendController::finished, this, [this](const ResendOutcome& outcome) {
            showOutcome(outcome);
            refreshActions();
            if (outcome.ok)
                Q_EMIT resendSucceeded(outcome.userId);
        });
        connect(m_controller, &ResendController::cooldownChanged, this, &UserPanel::refreshActions);
    }
    connect(m_options, &ResendOptionsWidget::changed, this, [this] {
        m_optionsSummary->setText(m_options->summary());
        refreshActions();
    });
    showUser();
}

void UserPanel::buildUi()
{
    m_emptyState = new QLabel(emptyStateText(), this);
    m_emptyState->setObjectName(QStringLiteral("emptyStateLabel"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("userStack"));
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(buildDetailsPage());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QWidget* UserPanel::buildDetailsPage()
{
    auto* page = new QWidget(this);

    m_name = selectableLabel(QStringLiteral("nameLabel"), page);
    QFont large = m_name->font();
    large.setPointSizeF(large.pointSizeF() * 1.5);
    large.setBold(true);
    m_name->setFont(large);
    m_name->setWordWrap(true);
    m_login = selectableLabel(QStringLiteral("loginLabel"), page);
    m_login->setWordWrap(true);

    m_userId = new QLineEdit(page);
    m_userId->setObjectName(QStringLiteral("userIdField"));
    m_userId->setReadOnly(true);
    m_userId->setFrame(false);
    auto* copyId = copyButton(QStringLiteral("copyUserIdButton"), tr("Copy the user id"), page);
    connect(copyId, &QToolButton::clicked, this, [this] { copyToClipboard(m_userId->text()); });
    auto* idRow = new QHBoxLayout;
    idRow->addWidget(m_userId, 1);
    idRow->addWidget(copyId);

    m_state = selectableLabel(QStringLiteral("stateLabel"), page);
    m_type = selectableLabel(QStringLiteral("typeLabel"), page);
    m_org = selectableLabel(QStringLiteral("orgLabel"), page);

    auto* facts = new QFormLayout;
    facts->addRow(tr("User ID:"), idRow);
    facts->addRow(tr("State:"), m_state);
    facts->addRow(tr("Type:"), m_type);
    facts->addRow(tr("Organization:"), m_org);

    m_email = selectableLabel(QStringLiteral("emailLabel"), page);
    m_emailChip = chipLabel(QStringLiteral("emailChip"), page);
    m_resendEmail = new QPushButton(emailButtonLabel(), page);
    m_resendEmail->setObjectName(QStringLiteral("resendEmailButton"));
    m_phone = selectableLabel(QStringLiteral("phoneLabel"), page);
    m_phoneChip = chipLabel(QStringLiteral("phoneChip"), page);
    m_resendPhone = new QPushButton(phoneButtonLabel(), page);
    m_resendPhone->setObjectName(QStringLiteral("resendPhoneButton"));
    // Wide enough for the countdown from the start, so the row does not jump when it appears.
    for (QPushButton* button : {m_resendEmail, m_resendPhone}) {
        const QString label = button->text();
        button->setText(tr("%1 (%2 s)").arg(label).arg(88));
        button->setMinimumWidth(button->sizeHint().width());
        button->setText(label);
    }
    connect(m_resendEmail, &QPushButton::clicked, this, &UserPanel::requestEmailResend);
    connect(m_resendPhone, &QPushButton::clicked, this, &UserPanel::requestPhoneResend);

    // Address and chip on one line, the action under them: the panel then fits a side pane
    // without a horizontal scroll bar, whatever the address length.
    auto* contacts = new QGridLayout;
    contacts->addWidget(new QLabel(tr("Email:"), page), 0, 0);
    contacts->addWidget(m_email, 0, 1);
    contacts->addWidget(m_emailChip, 0, 2);
    contacts->addWidget(m_resendEmail, 1, 1, 1, 2, Qt::AlignLeft);
    contacts->addWidget(new QLabel(tr("Phone:"), page), 2, 0);
    contacts->addWidget(m_phone, 2, 1);
    contacts->addWidget(m_phoneChip, 2, 2);
    contacts->addWidget(m_resendPhone, 3, 1, 1, 2, Qt::AlignLeft);
    contacts->setVerticalSpacing(4);
    contacts->setColumnStretch(1, 1);

    m_verifyBox = new VerifyCodeBox(page);
    m_verifyBox->setObjectName(QStringLiteral("verifyBox"));
    connect(
        m_verifyBox, &VerifyCodeBox::verified, this, [this](const QString& userId) { Q_EMIT verifySucceeded(userId); });
    connect(m_verifyBox, &VerifyCodeBox::detailsRequested, this, &UserPanel::detailsRequested);

    m_busy = new QProgressBar(page);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0); // indeterminate: ZITADEL gives no progress, only an answer
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height());
    m_cancel = new QPushButton(tr("Cancel"), page);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stop waiting. The server may already have sent the code; it is not sent again."));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_controller)
            m_controller->cancel();
    });
    auto* busyRow = new QHBoxLayout;
    busyRow->addWidget(m_busy, 1);
    busyRow->addWidget(m_cancel);

    m_notice = selectableLabel(QStringLiteral("noticeLabel"), page);
    m_notice->setWordWrap(true);

    m_result = selectableLabel(QStringLiteral("resultLabel"), page);
    m_result->setWordWrap(true);
    m_details = new QPushButton(tr("Details"), page);
    m_details->setObjectName(QStringLiteral("detailsButton"));
    m_details->setFlat(true);
    m_details->setToolTip(tr("Show the request and the answer in the JSON inspector"));
    connect(m_details, &QPushButton::clicked, this, [this] { Q_EMIT detailsRequested(m_exchangeId); });
    auto* resultRow = new QHBoxLayout;
    resultRow->addWidget(m_result, 1);
    resultRow->addWidget(m_details, 0, Qt::AlignTop);

    m_code = new QLineEdit(page);
    m_code->setObjectName(QStringLiteral("codeField"));
    m_code->setReadOnly(true);
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont)); // 0/O and 1/l must differ
    m_copyCode = copyButton(QStringLiteral("copyCodeButton"), tr("Copy the code"), page);
    connect(m_copyCode, &QToolButton::clicked, this, [this] { copyToClipboard(m_code->text()); });
    m_codeLabel = new QLabel(tr("Code:"), page);
    m_codeLabel->setBuddy(m_code);
    auto* codeRow = new QHBoxLayout;
    codeRow->addWidget(m_codeLabel);
    codeRow->addWidget(m_code, 1);
    codeRow->addWidget(m_copyCode);

    // Options collapse to one summary line, so the chosen delivery is visible even when closed.
    m_options = new ResendOptionsWidget(page);
    m_options->setVisible(false);
    m_optionsToggle = new QToolButton(page);
    m_optionsToggle->setObjectName(QStringLiteral("optionsToggle"));
    m_optionsToggle->setText(tr("Options"));
    m_optionsToggle->setCheckable(true);
    m_optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsToggle->setArrowType(Qt::RightArrow);
    m_optionsToggle->setAutoRaise(true);
    connect(m_optionsToggle, &QToolButton::toggled, this, [this](bool open) {
        m_optionsToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_options->setVisible(open);
    });
    m_optionsSummary = new QLabel(m_options->summary(), page);
    m_optionsSummary->setObjectName(QStringLiteral("optionsSummary"));
    auto* optionsHeader = new QHBoxLayout;
    optionsHeader->addWidget(m_optionsToggle);
    optionsHeader->addWidget(m_optionsSummary, 1);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_name);
    layout->addWidget(m_login);
    layout->addLayout(facts);
    layout->addSpacing(6);
    layout->addLayout(contacts);
    layout->addLayout(busyRow);
    layout->addWidget(m_notice);
    layout->addLayout(resultRow);
    layout->addLayout(codeRow);
    layout->addSpacing(6);
    layout->addWidget(m_verifyBox);
    layout->addSpacing(6);
    layout->addLayout(optionsHeader);
    layout->addWidget(m_options);
    layout->addStretch(1);

    clearResult();
    return page;
}

void UserPanel::setUser(std::optional<User> user)
{
    const bool sameUser = m_user && user && m_user->id == user->id;
    m_user = std::move(user);
    if (!sameUser) { // a refresh of the same user keeps what the last resend said
        clearResult();
        showNotice({});
    }
    m_options->setUser(m_user);
    showUser();
}

void UserPanel::setLiveMode(bool live)
{
    m_liveMode = live;
}

void UserPanel::connectionChanged()
{
    ++m_connection;
}

ResendSettings UserPanel::resendSettings() const
{
    return m_options->settings();
}

void UserPanel::setResendSettings(const ResendSettings& settings)
{
    m_options->setSettings(settings);
}

void UserPanel::requestEmailResend()
{
    requestResend(ResendChannel::Email);
}

void UserPanel::requestPhoneResend()
{
    requestResend(ResendChannel::Phone);
}

void UserPanel::requestResend(ResendChannel channel)
{
    // While a confirmation is open its answer decides; a repeated shortcut must not stack a
    // second question (or a second send) behind it.
    if (m_confirming || !m_controller)
        return;
    if (!m_user) {
        showNotice(tr("Not sent: pick a user first."));
        return;
    }
    // Captured now: the confirmation below is about exactly this user and these settings.
    const User user = *m_user;
    const ResendSettings settings = resendSettings();
    const QString why = m_controller->refusal(user, channel, settings);
    if (!why.isEmpty()) {
        showNotice(tr("Not sent: %1").arg(why));
        return;
    }
    showNotice({});

    const QString name = UserFacts::displayName(user);
    if (!m_liveMode) {
        send(user, name, channel, settings);
        return;
    }
    m_confirming = true;
    refreshActions();
    QPointer<UserPanel> self(this);
    ConfirmResend::ask(this,
        name,
        ResendAvailability::maskedDestination(user, channel),
        channel,
        settings.effectiveDelivery() == ResendOptions::Delivery::ReturnCode,
        [self, user, name, channel, settings, connection = m_connection](bool yes) {
            if (!self)
                return;
            self->m_confirming = false;
            if (!yes) {
                self->showNotice(tr("Nothing was sent."));
                self->refreshActions();
                return;
            }
            // The yes was for the server the question was asked on; the client now talks to
            // another one, which may well have a user with the same id.
            if (self->m_connection != connection) {
                self->showNotice(tr("Nothing was sent: the connection changed while the question was open."));
                self->refreshActions();
                return;
            }
            // The question stayed open while the window went on: the selection may have changed.
            if (!self->m_user || self->m_user->id != user.id) {
                self->showNotice(tr("Nothing was sent: the selected user changed while the question was open."));
                self->refreshActions();
                return;
            }
            self->send(user, name, channel, settings);
        });
}

void UserPanel::send(const User& user, const QString& name, ResendChannel channel, const ResendSettings& settings)
{
    m_requestedUserId = user.id;
    m_requestedUserName = name;
    if (!m_controller->start(user, channel, settings))
        showNotice(tr("Not sent: %1").arg(m_controller->refusal(user, channel, settings)));
    refreshActions();
}

void UserPanel::showUser()
{
    if (!m_user) {
        m_stack->setCurrentIndex(0);
        refreshActions();
        return;
    }
    const User& u = *m_user;
    m_stack->setCurrentIndex(1);
    m_name->setText(UserFacts::displayName(u));
    QStringList login;
    if (!u.username.isEmpty())
        login << u.username;
    if (!u.preferredLoginName.isEmpty() && u.preferredLoginName != u.username)
        login << u.preferredLoginName;
    m_login->setText(login.join(QStringLiteral(" · ")));
    m_userId->setText(u.id);
    m_state->setText(UserFacts::stateText(u.state));
    m_state->setToolTip(userStateName(u.state));
    m_type->setText(UserFacts::typeText(u.type));
    m_org->setText(u.organizationId());

    m_email->setText(u.email.isEmpty() ? tr("—") : u.email);
    showChip(m_emailChip, UserFacts::emailChip(u), tr("Email"));
    m_phone->setText(u.phone.isEmpty() ? tr("—") : u.phone);
    showChip(m_phoneChip, UserFacts::phoneChip(u), tr("Phone"));
    m_verifyBox->setUser(m_user);
    refreshActions();
}

void UserPanel::setVerifyController(VerifyController* controller)
{
    m_verifyBox->setController(controller);
}

bool UserPanel::verifyCode(ResendChannel channel, const QString& code)
{
    return m_verifyBox->verify(channel, code);
}

void UserPanel::refreshActions()
{
    refreshButton(m_resendEmail, ResendChannel::Email, emailButtonLabel());
    refreshButton(m_resendPhone, ResendChannel::Phone, phoneButtonLabel());
    const bool busy = m_controller && m_controller->isBusy();
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    m_cancel->setEnabled(busy);
}

void UserPanel::refreshButton(QPushButton* button, ResendChannel channel, const QString& label)
{
    if (!m_user || !m_controller) {
        button->setText(label);
        button->setEnabled(false);
        button->setToolTip(tr("Pick a user first."));
        return;
    }
    const ResendSettings settings = resendSettings();
    const int remaining = m_controller->cooldownRemaining(m_user->id, channel);
    button->setText(remaining > 0 ? tr("%1 (%2 s)").arg(label).arg(remaining) : label);

    // One resend at a time from this panel: one busy indicator, one Cancel, one result line.
    QString why = m_controller->refusal(*m_user, channel, settings);
    if (why.isEmpty() && m_controller->isBusy())
        why = tr("Waiting for the answer to the resend in progress.");
    if (why.isEmpty() && m_confirming)
        why = tr("Answer the confirmation first.");
    button->setEnabled(why.isEmpty());
    if (!why.isEmpty()) {
        button->setToolTip(why);
        return;
    }
    const QString destination = ResendAvailability::maskedDestination(*m_user, channel);
    button->setToolTip(settings.effectiveDelivery() == ResendOptions::Delivery::ReturnCode
            ? tr("Generate a new code for %1 and show it here; nothing is sent.").arg(destination)
            : ResendAvailability::check(*m_user, channel, settings.api).reason);
}

void UserPanel::showOutcome(const ResendOutcome& outcome)
{
    QString text = outcome.text;
    if (!m_user || m_user->id != outcome.userId) {
        // The selection moved on while this was in flight: say whom the answer is about.
        const QString who = outcome.userId == m_requestedUserId ? m_requestedUserName : outcome.userId;
        text = tr("%1: %2").arg(who, text);
    }
    const Tone tone = outcome.ok                          ? Tone::Success
        : outcome.error.kind == ApiError::Kind::Cancelled ? Tone::Warning
                                                          : Tone::Error;
    setResultLine(text, tone);
    m_code->setText(outcome.code);
    m_code->setVisible(!outcome.code.isEmpty());
    m_codeLabel->setVisible(!outcome.code.isEmpty());
    m_copyCode->setVisible(!outcome.code.isEmpty());
    m_exchangeId = outcome.exchangeId;
    m_details->setVisible(m_exchangeId != 0);
}

void UserPanel::showNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    StatusStyle::applyTextTone(m_notice, Tone::Warning);
    // With no user shown (e.g. after the connection changed under an open question) the notice
    // label is on the hidden page: the empty state carries the sentence instead.
    m_emptyState->setText(text.isEmpty() ? emptyStateText() : text + QStringLiteral("\n\n") + emptyStateText());
}

void UserPanel::clearResult()
{
    setResultLine({}, Tone::Neutral);
    m_code->clear();
    m_code->setVisible(false);
    m_codeLabel->setVisible(false);
    m_copyCode->setVisible(false);
    m_exchangeId = 0;
    m_details->setVisible(false);
}

void UserPanel::setResultLine(const QString& text, Tone tone)
{
    m_resultTone = tone;
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
    StatusStyle::applyTextTone(m_result, tone);
}

void UserPanel::copyToClipboard(const QString& text)
{
    if (text.isEmpty())
        return;
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

void UserPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_result) { // light <-> dark: pick readable shades again
        StatusStyle::applyTextTone(m_result, m_resultTone);
        StatusStyle::applyTextTone(m_notice, Tone::Warning);
    }
}
