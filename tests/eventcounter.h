#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QObject>

// Counts the events of one type that reach the objects it filters (installEventFilter on each).
class EventCounter : public QObject
{
public:
    EventCounter(QEvent::Type type, int *count) : m_type(type), m_count(count) {}
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == m_type)
            ++*m_count;
        return false;
    }

private:
    QEvent::Type m_type;
    int *m_count;
};

// Delivers what is posted, and what that posts in turn, until the queue is quiet: layout requests
// travel up the widget tree one event at a time. Counted in passes, not milliseconds, so a loaded
// machine settles exactly as far as a quiet one.
inline void settleEvents(int passes = 20)
{
    for (int i = 0; i < passes; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}
