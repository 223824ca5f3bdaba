#pragma once

#include "ConnectionController.h"

#include <QToolBar>

class QAction;
class QComboBox;

// The toolbar's connection picker: the embedded mock and every live profile, the identity
// the mock is called with (QA switches between admin, support and read-only), and
// "Manage connections…".
class ConnectionToolBar : public QToolBar
{
    Q_OBJECT

public:
    explicit ConnectionToolBar(QWidget* parent = nullptr);

    void setConnections(const QList<ConnectionInfo>& connections, const QString& currentId);
    void setCurrent(const ConnectionInfo& connection);
    void setMockToken(const QString& token);
    void openConnectionPicker(); // Ctrl+L

    QComboBox* connectionCombo() const { return m_connection; }
    QComboBox* mockTokenCombo() const { return m_token; }

Q_SIGNALS:
    void connectionChosen(const QString& connectionId);
    void mockTokenChosen(const QString& token);
    void manageRequested();

private:
    QComboBox* m_connection;
    QComboBox* m_token;
    QAction* m_tokenAction; // the token combo's slot in the toolbar, hidden for live profiles
};
