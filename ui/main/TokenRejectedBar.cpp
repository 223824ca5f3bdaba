#include "TokenRejectedBar.h"

#include <QPushButton>

TokenRejectedBar::TokenRejectedBar(QWidget* parent)
    : NoticeStrip(QStringLiteral("tokenRejectedBar"), QStringLiteral("tokenRejectedLabel"), parent)
{
    QPushButton* button = addButton(tr("&Update token…"),
        QStringLiteral("updateTokenButton"),
        tr("Paste a new personal access token for this connection and connect again"));
    connect(button, &QPushButton::clicked, this, &TokenRejectedBar::updateRequested);
}

void TokenRejectedBar::showFor(const QString& connectionName)
{
    m_connectionName = connectionName;
    setText(tr("“%1” did not accept its token: it is invalid, expired or was revoked. Nothing more can be loaded or "
               "sent until the token is updated.")
                .arg(connectionName));
    show();
}
