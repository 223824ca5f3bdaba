#pragma once

#include "ConnectionProfile.h"
#include "StatusStyle.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QAction;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class ProfileStore;
class SecretStore;
class ZitadelClient;

// Creates or edits one live connection: name, instance URL, personal access token and an
// optional default organization. Problems are shown while the user types (validationLabel)
// and OK stays disabled until there are none; nothing typed is ever cleared. "Test
// connection" calls v1 GetMyOrg with the typed URL and token through a private client.
//
// The dialog saves nothing itself: whoever opened it reads profile() and token() after it
// was accepted (see ProfileManagerDialog).
//
// objectNames: nameEdit, urlEdit, tokenEdit, showTokenButton, orgEdit, validationLabel,
// testButton, testResultLabel, buttonBox.
class ProfileEditDialog : public QDialog
{
    Q_OBJECT

public:
    // An empty profile.id means a new connection, which needs a token. For an existing one the
    // token field starts empty and an empty field keeps the stored token.
    ProfileEditDialog(const ProfileStore* store, const ConnectionProfile& profile, QWidget* parent = nullptr);
    ~ProfileEditDialog() override;

    // Optional: lets "Test connection" use the stored token while the token field is empty.
    void setSecretStore(SecretStore* secrets);
    // How long a test may take; 15 s by default.
    void setTestTimeout(int milliseconds);

    bool isNewProfile() const { return m_original.id.isEmpty(); }
    ConnectionProfile profile() const; // id kept, name/URL/organization trimmed
    QString token() const; // as typed; empty on edit means "keep the stored one"
    std::optional<QString> problem() const; // what keeps OK disabled, or nullopt
    bool isTesting() const { return m_testing; }

    // Token rules shared with whoever else takes a token: present when required, and no
    // whitespace or control characters (a token pasted with its line break or a label).
    static std::optional<QString> tokenProblem(const QString& token, bool required);

    void done(int result) override;

Q_SIGNALS:
    // After every test that ran to an answer (not after a cancel).
    void testFinished(bool ok, const QString& message);

private:
    void buildUi();
    void revalidate();
    void testInputChanged();
    void startOrCancelTest();
    void startTest(const QUrl& url, const QString& token, const QString& organizationId);
    void cancelTest();
    void setBusy(bool busy);
    void showTestResult(const QString& text, StatusStyle::Tone tone);

    const ProfileStore* m_store;
    ConnectionProfile m_original;
    QPointer<SecretStore> m_secrets;
    ZitadelClient* m_client;
    int m_testTimeoutMs = 15000;
    quint64 m_testGeneration = 0; // answers of superseded or cancelled tests are dropped
    bool m_testing = false;
    bool m_edited = false;

    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_urlEdit = nullptr;
    QLineEdit* m_tokenEdit = nullptr;
    QLineEdit* m_orgEdit = nullptr;
    QAction* m_showTokenAction = nullptr;
    QLabel* m_validationLabel = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_testResultLabel = nullptr;
    QDialogButtonBox* m_buttonBox = nullptr;
};
