#pragma once

#include "ConnectionProfile.h"

#include <QDialog>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class ProfileEditDialog;
class ProfileStore;
class SecretStore;

// Lists the live connection profiles and adds, edits and deletes them. A profile goes to the
// ProfileStore, its token to the SecretStore; when there is no keychain the profile is still
// saved, the token is kept for this run, and secretNoticeLabel says so.
//
// Nothing here blocks in a nested event loop: the editor and the delete question are opened
// window-modal with open(). Tests replace both through the seams below.
//
// objectNames: profileList, addButton, editButton, removeButton, secretNoticeLabel, buttonBox.
class ProfileManagerDialog : public QDialog
{
    Q_OBJECT

public:
    // Given an editor that is set up but not shown, returns true when it was accepted.
    using EditHook = std::function<bool(ProfileEditDialog& editor)>;

    // Neither store is owned; both must outlive the dialog.
    ProfileManagerDialog(ProfileStore* store, SecretStore* secrets, QWidget* parent = nullptr);
    ~ProfileManagerDialog() override;

    // Test seam: the answer to the next "Delete this connection?" question, instead of
    // asking. Used once, then cleared.
    static void setNextDeleteAnswer(std::optional<bool> answer);
    // Test seam: runs instead of opening the editor window.
    void setEditHook(EditHook hook) { m_editHook = std::move(hook); }

    QString currentProfileId() const;
    void selectProfile(const QString& id);

public Q_SLOTS:
    void addProfile();
    void editCurrentProfile();
    void removeCurrentProfile();

Q_SIGNALS:
    // A profile was added, changed or deleted through this dialog.
    void profilesChanged();

private:
    void reload();
    void updateButtons();
    void openEditor(const ConnectionProfile& profile);
    void saveFromEditor(const ProfileEditDialog& editor);
    void deleteProfile(const ConnectionProfile& profile);
    void showNotice(const QString& text, bool problem);

    ProfileStore* m_store;
    SecretStore* m_secrets;
    EditHook m_editHook;

    QListWidget* m_list = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_editButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLabel* m_noticeLabel = nullptr;
    QDialogButtonBox* m_buttonBox = nullptr;
};
