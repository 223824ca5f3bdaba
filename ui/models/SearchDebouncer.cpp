#include "SearchDebouncer.h"

SearchDebouncer::SearchDebouncer(int delayMs, QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &SearchDebouncer::flush);
}

void SearchDebouncer::setText(const QString& text)
{
    m_pending = text;
    m_timer.start();
}

void SearchDebouncer::flush()
{
    m_timer.stop();
    // Typing "a", then deleting it, within the pause must not query again for the same text.
    if (m_hasLast && m_pending == m_last)
        return;
    m_last = m_pending;
    m_hasLast = true;
    Q_EMIT triggered(m_pending);
}
