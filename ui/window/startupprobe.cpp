#include "window/startupprobe.h"

#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWindow>

#include <ctime>

#include <unistd.h>

namespace wordrace {

StartupProbe::StartupProbe(QObject *parent) : QObject(parent) {}

void StartupProbe::watch(QWindow *window)
{
    m_window = window;
    window->installEventFilter(this);
}

double StartupProbe::secondsSinceProcessStart()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // The command name is in parentheses and may hold spaces: count fields after it.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // Field 22 of stat, starttime, is the 20th after the name: clock ticks since boot.
    if (fields.size() < 20)
        return -1;
    timespec now{};
    ::clock_gettime(CLOCK_BOOTTIME, &now);
    const double started = fields[19].toDouble() / double(::sysconf(_SC_CLK_TCK));
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9 - started;
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_seen && watched == m_window && event->type() == QEvent::Expose && m_window->isExposed()) {
        m_seen = true;
        // The widget paints while it handles this expose; the zero timer runs after that frame.
        QTimer::singleShot(0, this, [this] { Q_EMIT windowShown(secondsSinceProcessStart()); });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace wordrace
