#pragma once

#include <QObject>
#include <QTimer>

class MockHttpServer;
class MockZitadel;

// Tells views of a running mock what changed, in few words and rarely: it collects the kinds
// of change (outbox, faults, request log, everything) for a short while and then reports them
// once. A mock under load changes thousands of times a second; a view needs to hear it a few
// times a second at most. Lives in the mock's thread.
class MockChangeNotifier : public QObject
{
    Q_OBJECT

public:
    enum Change
    {
        Outbox = 0x1,
        Faults = 0x2,
        Requests = 0x4,
        Users = 0x8, // a user changed (a code issued, an address verified)
        State = 0x10, // the whole state was replaced (reset, load, generate)
    };

    static constexpr int IntervalMs = 100;

    MockChangeNotifier(MockZitadel* zitadel, MockHttpServer* server, QObject* parent = nullptr);

Q_SIGNALS:
    void changed(int changes); // a set of Change flags

private:
    void note(int change);

    QTimer m_timer;
    int m_pending = 0;
};
