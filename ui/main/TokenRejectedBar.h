#pragma once

#include "NoticeStrip.h"

// Appears when a live server refused the connection's personal access token (401): it says
// so in plain words and offers "Update token…". It stays until the connection is opened
// again; it never appears for the embedded mock or a sign-in connection (MainWindow decides).
//
// objectNames: tokenRejectedBar, tokenRejectedLabel, updateTokenButton.
class TokenRejectedBar : public NoticeStrip
{
    Q_OBJECT

public:
    explicit TokenRejectedBar(QWidget* parent = nullptr);

    void showFor(const QString& connectionName);
    QString connectionName() const { return m_connectionName; }

Q_SIGNALS:
    void updateRequested();

private:
    QString m_connectionName;
};
