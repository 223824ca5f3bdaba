#pragma once

#include <QDockWidget>
#include <QUrl>

class FaultsPage;
class MockAdminClient;
class OutboxPage;
class QTabWidget;
class RequestsPage;
class ScenarioPage;

// The mock's QA panel, a dock of the main window (objectName "mockDock"), shown only while the
// window is connected to the embedded mock: Outbox, Faults, Requests and Scenario tabs. It
// talks to the mock through the admin API over HTTP, so what it shows is exactly what curl
// against the same mock would show. The tabs are built the first time the dock is shown (or a
// page is asked for): most sessions never open it, and start-up should not pay for it.
class MockDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit MockDock(QWidget* parent = nullptr);

    // The running mock and its admin token; an invalid url clears the panel.
    void setServer(const QUrl& url, const QString& adminToken);

    // The mock reports what changed; the matching tabs refresh (now if shown, else when shown).
    void noteOutboxChanged();
    void noteFaultsChanged();
    void noteRequestsChanged();
    void noteStateChanged(); // everything may be different

    void showOutbox();

    // The Scenario tab's fixed port, kept until the tab exists.
    void setExposePort(quint16 port);
    void setExposed(const QUrl& url);
    void setExposeFailed(const QString& sentence);

    MockAdminClient* admin() const { return m_admin; }
    // Building the tabs if they are not yet.
    OutboxPage* outbox();
    FaultsPage* faults();
    RequestsPage* requests();
    ScenarioPage* scenario();
    QTabWidget* tabs();
    bool isBuilt() const { return m_tabs != nullptr; }

Q_SIGNALS:
    // Forwarded from the tabs, so the window can wire them before they exist.
    void verifyRequested(const QString& userId, const QString& orgId, const QString& channel, const QString& code);
    void exposeRequested(quint16 port);
    void unexposeRequested();

public:
    // Builds the tabs before the dock first becomes visible, so they show with it.
    void setVisible(bool visible) override;

private:
    void ensureBuilt();
    void setOutboxTitle(int unseen);

    MockAdminClient* m_admin;
    QTabWidget* m_tabs = nullptr;
    OutboxPage* m_outbox = nullptr;
    FaultsPage* m_faults = nullptr;
    RequestsPage* m_requests = nullptr;
    ScenarioPage* m_scenario = nullptr;
    QUrl m_serverUrl;
    QString m_adminToken;
    quint16 m_exposePort = 0;
    QUrl m_exposedUrl;
    QString m_exposeError;
};
