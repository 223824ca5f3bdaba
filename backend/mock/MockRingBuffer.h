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

    qsizetype size() const { return qsizetype(m_items.size()); }
    quint64 total() const { return m_total; } // everything ever pushed, including what was dropped

private:
    qsizetype m_capacity;
    std::vector<T> m_items;
    qsizetype m_next = 0; // index of the oldest item once the buffer is full
    quint64 m_total = 0;
};
