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
// against the same mock would show.
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

    MockAdminClient* admin() const { return m_admin; }
    OutboxPage* outbox() const { return m_outbox; }
    FaultsPage* faults() const { return m_faults; }
    RequestsPage* requests() const { return m_requests; }
    ScenarioPage* scenario() const { return m_scenario; }
    QTabWidget* tabs() const { return m_tabs; }

private:
    void setOutboxTitle(int unseen);

    MockAdminClient* m_admin;
    QTabWidget* m_tabs;
    OutboxPage* m_outbox;
    FaultsPage* m_faults;
    RequestsPage* m_requests;
    ScenarioPage* m_scenario;
};
