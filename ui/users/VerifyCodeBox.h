#pragma once

#include "ResendTypes.h"
#include "VerifyController.h"
#include "ZitadelTypes.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// "Verify a code": the code a caller reads from their email or SMS (or QA copies from the
// mock's outbox), checked with ZITADEL for the shown user. Shown only while the user has an
// unverified address, and after an attempt until another user is shown. A refused code stays
// in the field so it can be corrected.
//
// Child objectNames: "verifyCodeEdit", "verifyChannel", "verifyButton", "verifyResult",
// "verifyDetails".
class VerifyCodeBox : public QWidget
{
    Q_OBJECT

public:
    explicit VerifyCodeBox(QWidget* parent = nullptr);

    void setController(VerifyController* controller);
    void setUser(const std::optional<User>& user);

    // Fills in the code for the channel and verifies it at once.
    bool verify(ResendChannel channel, const QString& code);

Q_SIGNALS:
    void verified(const QString& userId, ResendChannel channel);
    void detailsRequested(quint64 exchangeId);

private:
    void submit();
    void onFinished(const VerifyOutcome& outcome);
    void refresh();
    bool canVerify(ResendChannel channel) const;

    QPointer<VerifyController> m_controller;
    std::optional<User> m_user;
    QLineEdit* m_code;
    QComboBox* m_channel;
    QPushButton* m_verify;
    QLabel* m_result;
    QPushButton* m_details;
    QString m_resultUserId; // the result line belongs to this user
    quint64 m_exchangeId = 0;
};
