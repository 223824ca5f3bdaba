#include "VerifyCodeBox.h"

#include "StatusStyle.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

VerifyCodeBox::VerifyCodeBox(QWidget* parent)
    : QWidget(parent)
    , m_code(new QLineEdit(this))
    , m_channel(new QComboBox(this))
    , m_verify(new QPushButton(tr("Verify"), this))
    , m_result(new QLabel(this))
    , m_details(new QPushButton(tr("Details"), this))
{
    m_code->setObjectName(QStringLiteral("verifyCodeEdit"));
    m_code->setPlaceholderText(tr("code from the email or SMS"));
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont)); // 0/O and 1/l must differ
    m_code->setClearButtonEnabled(true);
    m_channel->setObjectName(QStringLiteral("verifyChannel"));
    m_channel->addItem(tr("Email"), QVariant::fromValue(ResendChannel::Email));
    m_channel->addItem(tr("Phone"), QVariant::fromValue(ResendChannel::Phone));
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setToolTip(tr("Check the code with ZITADEL; the address turns verified when it is right."));
    m_result->setObjectName(QStringLiteral("verifyResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("verifyDetails"));
    m_details->setFlat(true);
    m_details->setToolTip(tr("Show the request and the answer in the JSON inspector"));

    auto* label = new QLabel(tr("Verify a code:"), this);
    label->setBuddy(m_code);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_code, 1);
    row->addWidget(m_channel);
    row->addWidget(m_verify);
    auto* resultRow = new QHBoxLayout;
    resultRow->setContentsMargins(0, 0, 0, 0);
    resultRow->addWidget(m_result, 1);
    resultRow->addWidget(m_details, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(label);
    layout->addLayout(row);
    layout->addLayout(resultRow);

    connect(m_verify, &QPushButton::clicked, this, &VerifyCodeBox::submit);
    connect(m_code, &QLineEdit::returnPressed, this, &VerifyCodeBox::submit);
    connect(m_details, &QPushButton::clicked, this, [this] { emit detailsRequested(m_exchangeId); });
    refresh();
}

void VerifyCodeBox::setController(VerifyController* controller)
{
    if (m_controller)
        m_controller->disconnect(this);
    m_controller = controller;
    if (controller) {
        connect(controller, &VerifyController::finished, this, &VerifyCodeBox::onFinished);
        connect(controller, &VerifyController::started, this, &VerifyCodeBox::refresh);
    }
    refresh();
}

void VerifyCodeBox::setUser(const std::optional<User>& user)
{
    const bool sameUser = user && m_user && user->id == m_user->id;
    m_user = user;
    if (!sameUser) {
        m_code->clear();
        m_result->clear();
        m_resultUserId.clear();
        m_exchangeId = 0;
    }
    // Start on the channel that still needs verifying.
    if (!sameUser && user && !canVerify(ResendChannel::Email) && canVerify(ResendChannel::Phone))
        m_channel->setCurrentIndex(1);
    else if (!sameUser)
        m_channel->setCurrentIndex(0);
    refresh();
}

bool VerifyCodeBox::canVerify(ResendChannel channel) const
{
    if (!m_user || m_user->type != User::Type::Human)
        return false;
    if (channel == ResendChannel::Email)
        return !m_user->email.isEmpty() && !m_user->emailVerified;
    return !m_user->phone.isEmpty() && !m_user->phoneVerified;
}

bool VerifyCodeBox::verify(ResendChannel channel, const QString& code)
{
    m_channel->setCurrentIndex(channel == ResendChannel::Email ? 0 : 1);
    m_code->setText(code);
    if (!canVerify(channel))
        return false;
    submit();
    return m_controller && m_user && m_controller->isInFlight(m_user->id, channel);
}

void VerifyCodeBox::submit()
{
    if (!m_user || !m_controller)
        return;
    const auto channel = m_channel->currentData().value<ResendChannel>();
    const QString code = m_code->text().trimmed();
    m_resultUserId = m_user->id;
    if (!canVerify(channel)) {
        m_result->setText(channel == ResendChannel::Email ? tr("This user has no unverified email address.")
                                                          : tr("This user has no unverified phone number."));
        StatusStyle::applyTextTone(m_result, StatusStyle::Tone::Warning);
        refresh();
        return;
    }
    if (code.isEmpty()) {
        m_result->setText(tr("Type the code first."));
        StatusStyle::applyTextTone(m_result, StatusStyle::Tone::Warning);
        m_code->setFocus();
        refresh();
        return;
    }
    if (m_controller->start(m_user->id, channel, code)) {
        m_result->setText(tr("Checking the code…"));
        StatusStyle::applyTextTone(m_result, StatusStyle::Tone::Neutral);
        m_exchangeId = 0;
    }
    refresh();
}

void VerifyCodeBox::onFinished(const VerifyOutcome& outcome)
{
    if (!m_user || outcome.userId != m_user->id) {
        refresh();
        return; // an answer for a user no longer shown; the window refreshes that user anyway
    }
    m_resultUserId = outcome.userId;
    m_exchangeId = outcome.exchangeId;
    m_result->setText(outcome.text);
    StatusStyle::applyTextTone(m_result, outcome.ok ? StatusStyle::Tone::Success : StatusStyle::Tone::Error);
    if (outcome.ok)
        m_code->clear(); // a used code is worthless; a refused one stays to be corrected
    refresh();
    if (outcome.ok)
        emit verified(outcome.userId, outcome.channel);
}

void VerifyCodeBox::refresh()
{
    const bool anything = canVerify(ResendChannel::Email) || canVerify(ResendChannel::Phone);
    const bool hasResult = m_user && m_resultUserId == m_user->id && !m_result->text().isEmpty();
    setVisible(m_controller && (anything || hasResult));
    const auto channel = m_channel->currentData().value<ResendChannel>();
    const bool busy = m_controller && m_user && m_controller->isInFlight(m_user->id, channel);
    m_code->setEnabled(anything);
    m_channel->setEnabled(anything && !busy);
    m_verify->setEnabled(anything && !busy && m_controller);
    m_result->setVisible(hasResult);
    m_details->setVisible(hasResult && m_exchangeId != 0);
}
