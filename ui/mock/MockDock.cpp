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
{
    setObjectName(QStringLiteral("mockDock"));
}

void MockDock::ensureBuilt()
{
    if (m_tabs)
        return;
    m_tabs = new QTabWidget(this);
    m_outbox = new OutboxPage(m_admin, m_tabs);
    m_faults = new FaultsPage(m_admin, m_tabs);
    m_requests = new RequestsPage(m_admin, m_tabs);
    m_scenario = new ScenarioPage(m_admin, m_tabs);
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
    connect(m_outbox, &OutboxPage::verifyRequested, this, &MockDock::verifyRequested);
    connect(m_scenario, &ScenarioPage::exposeRequested, this, &MockDock::exposeRequested);
    connect(m_scenario, &ScenarioPage::unexposeRequested, this, &MockDock::unexposeRequested);

    m_scenario->setServer(m_serverUrl, m_adminToken);
    if (m_exposePort != 0)
        m_scenario->setExposePort(m_exposePort);
    if (!m_exposeError.isEmpty())
        m_scenario->setExposeFailed(m_exposeError);
    else
        m_scenario->setExposed(m_exposedUrl);
}

void MockDock::setVisible(bool visible)
{
    if (visible)
        ensureBuilt();
    QDockWidget::setVisible(visible);
}

OutboxPage* MockDock::outbox()
{
    ensureBuilt();
    return m_outbox;
}

FaultsPage* MockDock::faults()
{
    ensureBuilt();
    return m_faults;
}

RequestsPage* MockDock::requests()
{
    ensureBuilt();
    return m_requests;
}

ScenarioPage* MockDock::scenario()
{
    ensureBuilt();
    return m_scenario;
}

QTabWidget* MockDock::tabs()
{
    ensureBuilt();
    return m_tabs;
}

void MockDock::setServer(const QUrl& url, const QString& adminToken)
{
    m_serverUrl = url;
    m_adminToken = adminToken;
    m_admin->setEndpoint(url, adminToken);
    if (m_scenario)
        m_scenario->setServer(url, adminToken);
    noteStateChanged();
}

void MockDock::setExposePort(quint16 port)
{
    m_exposePort = port;
    if (m_scenario)
        m_scenario->setExposePort(port);
}

void MockDock::setExposed(const QUrl& url)
{
    m_exposedUrl = url;
    m_exposeError.clear();
    if (m_scenario)
        m_scenario->setExposed(url);
}

void MockDock::setExposeFailed(const QString& sentence)
{
    m_exposedUrl = QUrl();
    m_exposeError = sentence;
    if (m_scenario)
        m_scenario->setExposeFailed(sentence);
}

// Pages not built yet have nothing to refresh: they start stale and load when first shown.
void MockDock::noteOutboxChanged()
{
    if (m_outbox)
        m_outbox->markStale();
}

void MockDock::noteFaultsChanged()
{
    if (m_faults)
        m_faults->markStale();
}

void MockDock::noteRequestsChanged()
{
    if (m_requests)
        m_requests->markStale();
}

void MockDock::noteStateChanged()
{
    noteOutboxChanged();
    noteFaultsChanged();
    noteRequestsChanged();
    if (m_scenario)
        m_scenario->markStale();
}

void MockDock::showOutbox()
{
    ensureBuilt();
    show();
    raise();
    m_tabs->setCurrentWidget(m_outbox);
}

void MockDock::setOutboxTitle(int unseen)
{
    const int index = m_tabs->indexOf(m_outbox);
    m_tabs->setTabText(index, unseen > 0 ? tr("Outbox (%1 new)").arg(unseen) : tr("Outbox"));
}
