#pragma once

#include "MockPage.h"

#include <QJsonObject>

class JsonRecordModel;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

// Every email and SMS the mock would have sent, newest first, and the selected one as its
// recipient would see it. New messages appear as they arrive; while the newest message is
// selected (or none), the page follows the newest.
//
// Child objectNames: "outboxView", "outboxPreview", "outboxChannel", "clearOutbox",
// "copyCode", "copyLink", "verifyCode".
class OutboxPage : public MockPage
{
    Q_OBJECT

public:
    explicit OutboxPage(MockAdminClient* admin, QWidget* parent = nullptr);

    JsonRecordModel* model() const { return m_model; }
    QJsonObject currentMessage() const;
    bool selectMessage(const QString& id);

    // Recipient's view of a message as HTML (everything escaped).
    static QString renderMessage(const QJsonObject& message);

Q_SIGNALS:
    // "Verify with this code": channel is "email" or "sms".
    void verifyRequested(const QString& userId, const QString& orgId, const QString& channel, const QString& code);
    // Number of messages that arrived while the page was hidden (for the tab title).
    void unseenCountChanged(int count);

protected:
    void refresh() override;
    void showEvent(QShowEvent* event) override;

private:
    void showCurrent();
    void clearOutbox();

    JsonRecordModel* m_model;
    QComboBox* m_channel;
    QTableView* m_view;
    QTextBrowser* m_preview;
    QLabel* m_count;
    QPushButton* m_clear;
    QPushButton* m_copyCode;
    QPushButton* m_copyLink;
    QPushButton* m_verify;
    QString m_newestSeen; // id of the newest message the user has had on screen
    int m_unseen = 0;
};
