#pragma once

#include <QObject>
#include <QTimer>

// Turns keystrokes into one query after the typist pauses, so the server sees "minnie", not
// "m", "mi", "min", ...; Enter (flush) searches at once.
class SearchDebouncer : public QObject
{
    Q_OBJECT

public:
    explicit SearchDebouncer(int delayMs, QObject* parent = nullptr);

    void setText(const QString& text); // restarts the pause
    void flush(); // fires now if a text is pending
    int delay() const { return m_timer.interval(); }

Q_SIGNALS:
    void triggered(const QString& text);

private:
    QTimer m_timer;
    QString m_pending;
    QString m_last;
    bool m_hasLast = false;
};
