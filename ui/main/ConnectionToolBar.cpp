#include "ConnectionToolBar.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>

ConnectionToolBar::ConnectionToolBar(QWidget* parent)
    : QToolBar(tr("Connection"), parent)
    , m_connection(new QComboBox(this))
    , m_token(new QComboBox(this))
{
    setObjectName(QStringLiteral("connectionToolBar"));
    setMovable(false);

    auto* label = new QLabel(tr("&Connection:"), this);
    label->setBuddy(m_connection);
    label->setContentsMargins(4, 0, 4, 0);
    addWidget(label);
    m_connection->setObjectName(QStringLiteral("connectionCombo"));
    m_connection->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_connection->setMinimumContentsLength(22);
    m_connection->setToolTip(tr("Which ZITADEL to talk to (Ctrl+L)"));
    addWidget(m_connection);

    m_token->setObjectName(QStringLiteral("mockTokenCombo"));
    m_token->setToolTip(tr("The identity the embedded mock is called with: admin may do everything, "
                           "support only in ACME, read-only may not resend; or sign in as one of the "
                           "mock's people, through its sign-in page, as on a live instance."));
    for (const QString& token : ConnectionController::mockTokens())
        m_token->addItem(token, token);
    m_token->addItem(tr("Sign in with ZITADEL…"), ConnectionController::mockSignIn());
    m_tokenAction = addWidget(m_token);

    auto* manage = addAction(tr("Manage connections…"));
    manage->setObjectName(QStringLiteral("manageConnectionsAction"));
    manage->setToolTip(tr("Add, edit, test or delete live ZITADEL connections"));

    connect(m_connection, QOverload<int>::of(&QComboBox::activated), this, [this](int index) {
        Q_EMIT connectionChosen(m_connection->itemData(index).toString());
    });
    connect(m_token, QOverload<int>::of(&QComboBox::activated), this, [this](int index) {
        Q_EMIT mockTokenChosen(m_token->itemData(index).toString());
    });
    connect(manage, &QAction::triggered, this, &ConnectionToolBar::manageRequested);
}

void ConnectionToolBar::setConnections(const QList<ConnectionInfo>& connections, const QString& currentId)
{
    const QSignalBlocker blocker(m_connection);
    m_connection->clear();
    for (const ConnectionInfo& connection : connections) {
        const QString label =
            connection.live ? tr("%1 — LIVE (%2)").arg(connection.name, connection.baseUrl.host()) : connection.name;
        m_connection->addItem(label, connection.id);
    }
    m_connection->setCurrentIndex(qMax(0, m_connection->findData(currentId)));
}

void ConnectionToolBar::setCurrent(const ConnectionInfo& connection)
{
    const QSignalBlocker blocker(m_connection);
    m_connection->setCurrentIndex(qMax(0, m_connection->findData(connection.id)));
    m_tokenAction->setVisible(!connection.live);
}

void ConnectionToolBar::setMockToken(const QString& token)
{
    const QSignalBlocker blocker(m_token);
    m_token->setCurrentIndex(qMax(0, m_token->findData(token)));
}

void ConnectionToolBar::openConnectionPicker()
{
    m_connection->setFocus(Qt::ShortcutFocusReason);
    m_connection->showPopup();
}
