#pragma once

#include <QList>

#include <vector>

// Keeps the newest `capacity` items. The outbox and the request log grow with every
// request; a long benchmark run must not turn them into a memory leak or a hot-path cost.
template <typename T>
class MockRingBuffer
{
public:
    explicit MockRingBuffer(qsizetype capacity)
        : m_capacity(capacity)
    { }

    void push(T item)
    {
        ++m_total;
        if (qsizetype(m_items.size()) < m_capacity) {
            m_items.push_back(std::move(item));
            return;
        }
        m_items[size_t(m_next)] = std::move(item);
        m_next = (m_next + 1) % m_capacity;
    }

    // Oldest first.
    QList<T> toList() const
    {
        QList<T> out;
        out.reserve(qsizetype(m_items.size()));
        for (size_t i = 0; i < m_items.size(); ++i)
            out.append(m_items[(size_t(m_next) + i) % m_items.size()]);
        return out;
    }

    // Newest first, until `visit` returns false. The admin API filters and pages with this
    // without copying the whole buffer.
    template <typename F>
    void visitNewestFirst(F visit) const
    {
        const size_t n = m_items.size();
        for (size_t i = 0; i < n; ++i) {
            if (!visit(m_items[(size_t(m_next) + n - 1 - i) % n]))
                return;
        }
    }

    // Empties the buffer and returns how many items it held. total() keeps counting, so
    // numbers derived from it (request ids) are never handed out twice.
    qsizetype clear()
    {
        const qsizetype removed = size();
        m_items.clear();
        m_next = 0;
        return removed;
    }

    qsizetype size() const { return qsizetype(m_items.size()); }
    quint64 total() const { return m_total; } // everything ever pushed, including what was dropped

private:
    qsizetype m_capacity;
    std::vector<T> m_items;
    qsizetype m_next = 0; // index of the oldest item once the buffer is full
    quint64 m_total = 0;
};
