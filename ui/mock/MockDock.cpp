#include "MockDock.h"

#include "FaultsPage.h"
#include "MockAdminClient.h"
#include "OutboxPage.h"
#include "RequestsPage.h"
#include "ScenarioPage.h"

#include <QTabWidget>

MockDock::MockDock(QWidget* parent)
    : QDockWidget(tr("Mock workbench"), parent)
    , m_admin(new MockAdminClient(this))
    , m_tabs(new QTabWidget(this))
    , m_outbox(new OutboxPage(m_admin, m_tabs))
    , m_faults(new FaultsPage(m_admin, m_tabs))
    , m_requests(new RequestsPage(m_admin, m_tabs))
    , m_scenario(new ScenarioPage(m_admin, m_tabs))
{
    setObjectName(QStringLiteral("mockDock"));
    m_tabs->setObjectName(QStringLiteral("mockTabs"));
    m_outbox->setObjectName(QStringLiteral("outboxPage"));
    m_faults->setObjectName(QStringLiteral("faultsPage"));
    m_requests->setObjectName(QStringLiteral("requestsPage"));
    m_scenario->setObjectName(QStringLiteral("scenarioPage"));
    m_tabs->addTab(m_outbox, QString());
    m_tabs->addTab(m_faults, tr("Faults"));
    m_tabs->addTab(m_requests, tr("Requests"));
    m_tabs->addTab(m_scenario, tr("Scenario"));
    m_tabs->setDocumentMode(true);
    setOutboxTitle(0);
    setWidget(m_tabs);
    connect(m_outbox, &OutboxPage::unseenCountChanged, this, &MockDock::setOutboxTitle);
}

void MockDock::setServer(const QUrl& url, const QString& adminToken)
{
    m_admin->setEndpoint(url, adminToken);
    m_scenario->setServer(url, adminToken);
    noteStateChanged();
}

void MockDock::noteOutboxChanged()
{
    m_outbox->markStale();
}

void MockDock::noteFaultsChanged()
{
    m_faults->markStale();
}

void MockDock::noteRequestsChanged()
{
    m_requests->markStale();
}

void MockDock::noteStateChanged()
{
    m_outbox->markStale();
    m_faults->markStale();
    m_requests->markStale();
    m_scenario->markStale();
}

void MockDock::showOutbox()
{
    show();
    raise();
    m_tabs->setCurrentWidget(m_outbox);
}

void MockDock::setOutboxTitle(int unseen)
{
    const int index = m_tabs->indexOf(m_outbox);
    m_tabs->setTabText(index, unseen > 0 ? tr("Outbox (%1 new)").arg(unseen) : tr("Outbox"));
}
