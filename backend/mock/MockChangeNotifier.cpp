#include "MockChangeNotifier.h"

#include "MockFaultEngine.h"
#include "MockHttpServer.h"
#include "MockZitadel.h"

MockChangeNotifier::MockChangeNotifier(MockZitadel* zitadel, MockHttpServer* server, QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const int changes = m_pending;
        m_pending = 0;
        emit changed(changes);
    });
    connect(zitadel, &MockZitadel::messageSent, this, [this] { note(Outbox); });
    connect(zitadel, &MockZitadel::outboxCleared, this, [this] { note(Outbox); });
    connect(zitadel, &MockZitadel::userChanged, this, [this] { note(Users); });
    connect(zitadel, &MockZitadel::stateReset, this, [this] { note(State | Outbox); });
    connect(&server->router().faults(), &MockFaultEngine::changed, this, [this] { note(Faults); });
    connect(server, &MockHttpServer::requestHandled, this, [this](bool admin) {
        if (!admin)
            note(Requests);
    });
}

void MockChangeNotifier::note(int change)
{
    m_pending |= change;
    if (!m_timer.isActive())
        m_timer.start();
}
