#pragma once

#include <QObject>
#include <QPointer>

class QWindow;

namespace wordrace {

// Tells when a window first reaches the screen: its first expose event, once the event loop has
// painted and flushed the frame that expose asked for.
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    explicit StartupProbe(QObject *parent = nullptr);

    // Watches the window; call after the widget has a native window (after show()).
    void watch(QWindow *window);
    // Seconds since the kernel started this process (before the loader and main()), from
    // /proc/self/stat: resolution one clock tick (10 ms), or -1 when unavailable.
    static double secondsSinceProcessStart();

Q_SIGNALS:
    void windowShown(double secondsSinceProcessStart);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWindow> m_window;
    bool m_seen = false;
};

} // namespace wordrace
