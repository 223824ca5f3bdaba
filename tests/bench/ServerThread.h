#pragma once

#include <QObject>
#include <QThread>

#include <functional>

// Runs setup code inside a dedicated thread and keeps that thread's event loop going, so a
// server measured by the benchmarks does not share the client's event loop (as in the app,
// where the embedded mock gets its own thread).
class ServerThread
{
public:
    ServerThread()
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
    }
    ~ServerThread()
    {
        run(m_teardown);
        m_thread.quit();
        m_thread.wait();
    }
    void run(const std::function<void()>& work)
    {
        if (work)
            QMetaObject::invokeMethod(&m_context, work, Qt::BlockingQueuedConnection);
    }
    void onTeardown(std::function<void()> teardown) { m_teardown = std::move(teardown); }

private:
    QThread m_thread;
    QObject m_context;
    std::function<void()> m_teardown;
};
