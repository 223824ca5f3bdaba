#pragma once

#include "ResendOutcome.h"
#include "ResendSettings.h"
#include "StatusStyle.h"
#include "ZitadelTypes.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolButton;
class ResendController;
class ResendOptionsWidget;
class VerifyCodeBox;
class VerifyController;

// One user at a glance and the two resend actions. Every way to resend (button, shortcut
// slot) goes through requestResend(): the same checks, the live-mode confirmation and the
// controller's exactly-once guard. The panel never talks to the network itself.
class UserPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UserPanel(ResendController* controller, QWidget* parent = nullptr);

    // nullopt shows the empty state. The same user again (a refresh) keeps the result line.
    void setUser(std::optional<User> user);
    const std::optional<User>& user() const { return m_user; }

    // Live mode: a real person receives what is sent, so every resend asks ConfirmResend first.
    void setLiveMode(bool live);
    bool isLiveMode() const { return m_liveMode; }
    // The window is connecting to another server (or the same one again). A confirmation asked
    // before is about the old server: answering it afterwards sends nothing, and says so.
    void connectionChanged();

    ResendSettings resendSettings() const;
    void setResendSettings(const ResendSettings& settings);
    ResendOptionsWidget* optionsWidget() const { return m_options; }

    // Enables "Verify a code" (hidden until a controller is set).
    void setVerifyController(VerifyController* controller);
    VerifyCodeBox* verifyBox() const { return m_verifyBox; }

public Q_SLOTS:
    void requestEmailResend();
    void requestPhoneResend();
    // Fills in a code (e.g. from the mock's outbox) for the shown user and checks it at once.
    bool verifyCode(ResendChannel channel, const QString& code);

Q_SIGNALS:
    // After a successful resend; the main window refreshes the user (the sequence changed).
    void resendSucceeded(const QString& userId);
    // After a code was accepted; the main window refreshes the user (now verified).
    void verifySucceeded(const QString& userId);
    // "Details" was clicked: show this exchange in the JSON inspector.
    void detailsRequested(quint64 exchangeId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    QWidget* buildDetailsPage();
    void requestResend(ResendChannel channel);
    void send(const User& user, const QString& name, ResendChannel channel, const ResendSettings& settings);
    void showUser();
    void refreshActions();
    void refreshButton(QPushButton* button, ResendChannel channel, const QString& label);
    void showOutcome(const ResendOutcome& outcome);
    void showNotice(const QString& text);
    void clearResult();
    void setResultLine(const QString& text, StatusStyle::Tone tone);
    void copyToClipboard(const QString& text);

    QPointer<ResendController> m_controller;
    std::optional<User> m_user;
    bool m_liveMode = false;
    bool m_confirming = false; // a confirmation is open (window-modal, answered later): no second request
    quint64 m_connection = 0; // counts connectionChanged(): a confirmation belongs to one value
    QString m_requestedUserId; // whom the last request was for, to label late answers
    QString m_requestedUserName;
    quint64 m_exchangeId = 0;
    StatusStyle::Tone m_resultTone = StatusStyle::Tone::Neutral;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyState = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_login = nullptr;
    QLineEdit* m_userId = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_type = nullptr;
    QLabel* m_org = nullptr;
    QLabel* m_email = nullptr;
    QLabel* m_emailChip = nullptr;
    QLabel* m_phone = nullptr;
    QLabel* m_phoneChip = nullptr;
    QPushButton* m_resendEmail = nullptr;
    QPushButton* m_resendPhone = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_codeLabel = nullptr;
    QLineEdit* m_code = nullptr;
    QToolButton* m_copyCode = nullptr;
    QPushButton* m_details = nullptr;
    QToolButton* m_optionsToggle = nullptr;
    QLabel* m_optionsSummary = nullptr;
    ResendOptionsWidget* m_options = nullptr;
    VerifyCodeBox* m_verifyBox = nullptr;
};
