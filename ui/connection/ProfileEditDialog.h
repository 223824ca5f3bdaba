#pragma once

#include "ConnectionProfile.h"
#include "StatusStyle.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QSslCertificate>

#include <optional>

class QAction;
class QCheckBox;
class QDialogButtonBox;
class QGridLayout;
class QLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QToolButton;
class QWidget;
class OidcClient;
class ProfileStore;
class SecretStore;
class ZitadelClient;

// Creates or edits one live connection: name, instance URL, personal access token, an
// optional default organization and an optional extra CA file. Problems are shown while the
// user types (validationLabel) and OK stays disabled until there are none; nothing typed is
// ever cleared. "Test connection" calls v1 GetMyOrg with the typed URL, token and CA through
// a private client.
//
// Plain http:// to a host that is not this computer shows plainHttpWarning (what crosses the
// network unencrypted) and allowPlainHttpCheck: until it is ticked, OK and Test are refused
// with ProfileStore's sentence. The CA file is read (ExtraCa::load) on Save, on Test, when it
// was picked with Browse… and when the field is left; its problem shows in caProblemLabel.
// There is deliberately no way to ignore certificate errors.
//
// The dialog saves nothing itself: whoever opened it reads profile() and token() after it
// was accepted (see ProfileManagerDialog).
//
// The credential is either a personal access token (tokenCredentialRadio, tokenEdit) or
// "Sign in with ZITADEL" (signInCredentialRadio, clientIdEdit): then the person signs in in the
// browser when connecting, and "Test connection" checks that the instance offers a sign-in.
//
// objectNames: nameEdit, urlEdit, plainHttpWarning, allowPlainHttpCheck, tokenCredentialRadio,
// signInCredentialRadio, tokenEdit, showTokenButton, clientIdEdit, clientIdHelpLabel, orgEdit,
// caFileEdit, browseCaButton, caProblemLabel, caHelpLabel, validationLabel, testButton,
// testResultLabel, buttonBox.
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

    // Test seam, like InspectorWidget::setNextSaveFileName(): the next Browse… takes this file
    // instead of opening the file dialog. An empty name means "cancelled". Used once.
    static void setNextCaFileName(const QString& fileName);

    bool isNewProfile() const { return m_original.id.isEmpty(); }
    const ConnectionProfile& originalProfile() const { return m_original; }
    ConnectionProfile profile() const; // id kept, name/URL/organization/CA file trimmed
    QString token() const; // as typed; empty on edit means "keep the stored one"; empty for a sign-in
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
    void buildPlainHttpRows();
    void buildCaRows();
    void buildCredentialRows();
    void updateCredentialRows();
    bool tokenRequired() const;
    void startSignInTest(const QUrl& url, const QList<QSslCertificate>& cas);
    // Adds a row to m_form (the field in the second column); returns the label, if any.
    QLabel* addFormRow(const QString& labelText, QLayout* field, QWidget* buddy = nullptr);
    QLabel* addFormRow(const QString& labelText, QWidget* field, QWidget* buddy = nullptr);
    QLabel* addFormLabel(int row, const QString& labelText, QWidget* buddy); // none for ""
    void fitHeight();
    void revalidate();
    void updatePlainHttpBox();
    void browseForCaFile();
    void setCaFile(const QString& fileName);
    // Reads the CA file (none when the field is empty) and shows its problem next to the field;
    // nullopt when the file cannot be used.
    std::optional<QList<QSslCertificate>> checkCaFile();
    void showCaProblem(const QString& text);
    void testInputChanged();
    void startOrCancelTest();
    void startTest(
        const QUrl& url, const QString& token, const QString& organizationId, const QList<QSslCertificate>& cas);
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
    QGridLayout* m_form = nullptr; // label | field
    QLabel* m_plainHttpWarning = nullptr;
    QCheckBox* m_allowPlainHttp = nullptr;
    QLineEdit* m_tokenEdit = nullptr;
    QToolButton* m_showTokenButton = nullptr;
    QLabel* m_tokenLabel = nullptr;
    QRadioButton* m_tokenRadio = nullptr;
    QRadioButton* m_signInRadio = nullptr;
    QLineEdit* m_clientIdEdit = nullptr;
    QLabel* m_clientIdLabel = nullptr;
    QLabel* m_clientIdHelp = nullptr;
    OidcClient* m_oidc = nullptr;
    QLineEdit* m_orgEdit = nullptr;
    QLineEdit* m_caEdit = nullptr;
    QLabel* m_caProblemLabel = nullptr;
    QLabel* m_validationLabel = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_testResultLabel = nullptr;
    QDialogButtonBox* m_buttonBox = nullptr;
};
