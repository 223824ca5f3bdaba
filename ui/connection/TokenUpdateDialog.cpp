#include "TokenUpdateDialog.h"

#include "ShowTokenButton.h"

#include "ProfileEditDialog.h"
#include "SecretStore.h"
#include "StatusStyle.h"
#include "UiLogging.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

TokenUpdateDialog::TokenUpdateDialog(SecretStore* secrets, const ConnectionProfile& profile, QWidget* parent)
    : QDialog(parent)
    , m_secrets(secrets)
    , m_profile(profile)
{
    Q_ASSERT(m_secrets);
    setWindowTitle(tr("Update token"));

    auto* intro = new QLabel(tr("“%1” (%2) did not accept the stored personal access token: it is invalid, expired "
                                "or was revoked. Paste a new token; it replaces the stored one and the connection "
                                "is opened again.")
                                 .arg(profile.name, profile.baseUrl.toString()),
        this);
    intro->setObjectName(QStringLiteral("introLabel"));
    intro->setTextFormat(Qt::PlainText); // the name and URL come from the settings file
    intro->setWordWrap(true);

    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("New personal access token"));
    QToolButton* showTokenButton = createShowTokenButton(m_tokenEdit);
    auto* tokenLabel = new QLabel(tr("New &token:"), this);
    tokenLabel->setBuddy(m_tokenEdit);
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(tokenLabel);
    tokenRow->addWidget(m_tokenEdit, 1);
    tokenRow->addWidget(showTokenButton);

    m_validationLabel = new QLabel(this);
    m_validationLabel->setObjectName(QStringLiteral("validationLabel"));
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StatusStyle::applyTextTone(m_validationLabel, StatusStyle::Tone::Error);
    m_validationLabel->hide();

    m_buttonBox = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttonBox->setObjectName(QStringLiteral("buttonBox"));
    m_buttonBox->button(QDialogButtonBox::Save)->setText(tr("&Save and reconnect"));
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(tokenRow);
    layout->addWidget(m_validationLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttonBox);
    setMinimumWidth(460);

    connect(m_tokenEdit, &QLineEdit::textEdited, this, [this] {
        m_edited = true;
        revalidate();
    });
    connect(m_tokenEdit, &QLineEdit::textChanged, this, &TokenUpdateDialog::revalidate);
    revalidate();
}

void TokenUpdateDialog::revalidate()
{
    const auto problem = ProfileEditDialog::tokenProblem(m_tokenEdit->text(), true);
    m_buttonBox->button(QDialogButtonBox::Save)->setEnabled(!problem && !m_saving);
    showProblem(problem && m_edited ? *problem : QString());
}

void TokenUpdateDialog::showProblem(const QString& text)
{
    m_validationLabel->setText(text);
    m_validationLabel->setVisible(!text.isEmpty());
}

void TokenUpdateDialog::done(int result)
{
    if (result != QDialog::Accepted) {
        // A write already under way still completes, but nobody reconnects.
        m_abandoned = true;
        QDialog::done(result);
        return;
    }
    if (m_saving || ProfileEditDialog::tokenProblem(m_tokenEdit->text(), true))
        return;
    save();
}

void TokenUpdateDialog::save()
{
    if (!m_secrets)
        return;
    m_saving = true;
    m_tokenEdit->setEnabled(false);
    revalidate();
    QPointer<TokenUpdateDialog> self(this);
    qCInfo(lcUi) << "storing a new token for profile" << m_profile.id; // never the token
    m_secrets->write(m_profile.secretKey(), m_tokenEdit->text(), [self](const SecretResult& r) {
        if (!self || self->m_abandoned)
            return;
        self->m_saving = false;
        self->m_tokenEdit->setEnabled(true);
        switch (r.status) {
        case SecretResult::Status::Ok:
        case SecretResult::Status::NotFound:
            break;
        case SecretResult::Status::NoBackend:
            self->m_notice = r.message; // saved for this run; say it will not last
            break;
        case SecretResult::Status::Failed:
            self->revalidate();
            self->showProblem(tr("The token could not be stored: %1").arg(r.message));
            return;
        }
        // Nothing of the token stays in this window once it is stored.
        {
            const QSignalBlocker quiet(self->m_tokenEdit);
            self->m_tokenEdit->clear();
        }
        self->QDialog::done(QDialog::Accepted);
    });
}
