#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

// Turns SIGINT/SIGTERM into a Qt signal. A POSIX signal handler may only do
// async-signal-safe things, so it writes the signal number into a socketpair and the
// event loop picks it up through a QSocketNotifier (the "self-pipe" pattern).
class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(const QList<int>& signalNumbers, QObject* parent = nullptr);
    ~UnixSignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void received(int signalNumber);

private:
    static void handle(int signalNumber);
    void drain();

    static int s_fds[2];
    QSocketNotifier* m_notifier = nullptr;
    QList<int> m_signals;
};
