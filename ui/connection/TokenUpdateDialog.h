#pragma once

#include "ConnectionProfile.h"

#include <QDialog>
#include <QPointer>

class QAction;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class SecretStore;

// Replaces the stored token of one saved connection after its server refused the old one
// (401). The new token is typed into a masked field, checked with the profile dialog's rules
// and written to the SecretStore under the profile's secret key, as ProfileManagerDialog
// does. The dialog closes (accepted) only once the write is done; a keychain that refuses
// keeps it open with the sentence and the typed token. Without a keychain the token is kept
// for this session and notice() says so.
//
// Opened window-modal with open(); whoever opened it reconnects on accepted.
//
// objectNames: tokenEdit, showTokenButton, validationLabel, buttonBox.
class TokenUpdateDialog : public QDialog
{
    Q_OBJECT

public:
    // secrets is not owned and must outlive the dialog.
    TokenUpdateDialog(SecretStore* secrets, const ConnectionProfile& profile, QWidget* parent = nullptr);

    const ConnectionProfile& profile() const { return m_profile; }
    // After accepted: a sentence worth telling (the token lasts for this session only), or empty.
    QString notice() const { return m_notice; }
    bool isSaving() const { return m_saving; }

    void done(int result) override;

private:
    void revalidate();
    void save();
    void showProblem(const QString& text);

    QPointer<SecretStore> m_secrets;
    ConnectionProfile m_profile;
    QString m_notice;
    bool m_saving = false;
    bool m_abandoned = false; // cancelled while a write was under way
    bool m_edited = false;

    QLineEdit* m_tokenEdit = nullptr;
    QLabel* m_validationLabel = nullptr;
    QDialogButtonBox* m_buttonBox = nullptr;
};
