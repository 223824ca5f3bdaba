#include "ProfileManagerDialog.h"

#include "ProfileEditDialog.h"
#include "ProfileStore.h"
#include "SecretStore.h"
#include "StatusStyle.h"
#include "UiLogging.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace
{
std::optional<bool> nextDeleteAnswer; // see setNextDeleteAnswer
} // namespace

ProfileManagerDialog::ProfileManagerDialog(ProfileStore* store, SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
{
    Q_ASSERT(m_store && m_secrets);
    setWindowTitle(tr("Connections"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);

    m_addButton = new QPushButton(tr("&Add…"), this);
    m_addButton->setObjectName(QStringLiteral("addButton"));
    m_editButton = new QPushButton(tr("&Edit…"), this);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_removeButton = new QPushButton(tr("&Delete"), this);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    for (QPushButton* b : {m_addButton, m_editButton, m_removeButton})
        b->setAutoDefault(false);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    auto* row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);

    m_noticeLabel = new QLabel(this);
    m_noticeLabel->setObjectName(QStringLiteral("secretNoticeLabel"));
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_noticeLabel->hide();

    m_buttonBox = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_buttonBox->setObjectName(QStringLiteral("buttonBox"));
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_noticeLabel);
    layout->addWidget(m_buttonBox);

    connect(m_addButton, &QPushButton::clicked, this, &ProfileManagerDialog::addProfile);
    connect(m_editButton, &QPushButton::clicked, this, &ProfileManagerDialog::editCurrentProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &ProfileManagerDialog::removeCurrentProfile);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ProfileManagerDialog::editCurrentProfile);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfileManagerDialog::updateButtons);
    // Another window (or another store over the same file) may change the profiles too.
    connect(m_store, &ProfileStore::changed, this, &ProfileManagerDialog::reload);
    reload();
}

ProfileManagerDialog::~ProfileManagerDialog() = default;

void ProfileManagerDialog::setNextDeleteAnswer(std::optional<bool> answer)
{
    nextDeleteAnswer = answer;
}

QString ProfileManagerDialog::currentProfileId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ProfileManagerDialog::selectProfile(const QString& id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == id) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void ProfileManagerDialog::reload()
{
    const QString current = currentProfileId();
    m_list->clear();
    for (const ConnectionProfile& p : m_store->profiles()) {
        auto* item = new QListWidgetItem(p.name, m_list);
        item->setData(Qt::UserRole, p.id);
        item->setToolTip(p.baseUrl.toString());
    }
    selectProfile(current);
    if (m_list->currentRow() < 0 && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

void ProfileManagerDialog::updateButtons()
{
    const bool selected = m_list->currentItem() != nullptr;
    m_editButton->setEnabled(selected);
    m_removeButton->setEnabled(selected);
}

void ProfileManagerDialog::addProfile()
{
    openEditor(ConnectionProfile {});
}

void ProfileManagerDialog::editCurrentProfile()
{
    if (const auto profile = m_store->byId(currentProfileId()))
        openEditor(*profile);
}

void ProfileManagerDialog::openEditor(const ConnectionProfile& profile)
{
    if (m_editHook) {
        ProfileEditDialog editor(m_store, profile, this);
        editor.setSecretStore(m_secrets);
        if (m_editHook(editor))
            saveFromEditor(editor);
        return;
    }
    auto* editor = new ProfileEditDialog(m_store, profile, this);
    editor->setSecretStore(m_secrets);
    connect(editor, &QDialog::finished, this, [this, editor](int result) {
        if (result == QDialog::Accepted)
            saveFromEditor(*editor);
        editor->deleteLater();
    });
    editor->open();
}

void ProfileManagerDialog::saveFromEditor(const ProfileEditDialog& editor)
{
    showNotice(QString(), false);
    const auto saved = m_store->save(editor.profile());
    if (!saved) {
        // Only when the store changed under the open editor (e.g. the name was taken meanwhile).
        showNotice(m_store->validate(editor.profile()).value_or(tr("The connection could not be saved.")), true);
        return;
    }
    selectProfile(saved->id);
    Q_EMIT profilesChanged();

    // Each credential keeps its secret under its own key; the one no longer used goes, and so
    // does a sign-in made for another instance or application.
    const ConnectionProfile& before = editor.originalProfile();
    const bool signInChanged =
        !saved->signsIn() || before.baseUrl != saved->baseUrl || before.clientId != saved->clientId;
    if (saved->signsIn())
        m_secrets->remove(saved->secretKey(), [](const SecretResult&) {});
    if (signInChanged)
        m_secrets->remove(saved->signInSecretKey(), [](const SecretResult&) {});

    const QString token = editor.token();
    if (token.isEmpty())
        return; // editing without a new token keeps the stored one
    QPointer<ProfileManagerDialog> self(this);
    const QString name = saved->name;
    m_secrets->write(saved->secretKey(), token, [self, name](const SecretResult& r) {
        if (!self)
            return;
        switch (r.status) {
        case SecretResult::Status::Ok:
        case SecretResult::Status::NotFound:
            return;
        case SecretResult::Status::NoBackend:
            // The profile is saved and the token works for this run; say it will not last.
            self->showNotice(r.message, false);
            return;
        case SecretResult::Status::Failed:
            self->showNotice(
                tr("The connection “%1” was saved, but its token could not be stored: %2").arg(name, r.message), true);
            return;
        }
    });
}

void ProfileManagerDialog::removeCurrentProfile()
{
    const auto profile = m_store->byId(currentProfileId());
    if (!profile)
        return;
    if (nextDeleteAnswer) {
        const bool yes = *nextDeleteAnswer;
        nextDeleteAnswer.reset();
        if (yes)
            deleteProfile(*profile);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question,
        tr("Delete connection"),
        tr("Delete the connection “%1”? Its stored token is deleted too.").arg(profile->name),
        QMessageBox::Yes | QMessageBox::No,
        this);
    box->setDefaultButton(QMessageBox::No);
    connect(box, &QDialog::finished, this, [this, box, profile = *profile] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            deleteProfile(profile);
        box->deleteLater();
    });
    box->open();
}

void ProfileManagerDialog::deleteProfile(const ConnectionProfile& profile)
{
    showNotice(QString(), false);
    m_store->remove(profile.id);
    Q_EMIT profilesChanged();
    QPointer<ProfileManagerDialog> self(this);
    m_secrets->remove(profile.signInSecretKey(), [](const SecretResult&) {});
    m_secrets->remove(profile.secretKey(), [self, name = profile.name](const SecretResult& r) {
        if (!self || r.status != SecretResult::Status::Failed)
            return; // NotFound is fine: there was no token to remove
        self->showNotice(tr("The connection “%1” was deleted, but its token could not be removed from the keychain: %2")
                             .arg(name, r.message),
            true);
    });
}

void ProfileManagerDialog::showNotice(const QString& text, bool problem)
{
    m_noticeLabel->setText(text);
    StatusStyle::applyTextTone(m_noticeLabel, problem ? StatusStyle::Tone::Error : StatusStyle::Tone::Neutral);
    m_noticeLabel->setVisible(!text.isEmpty());
}
