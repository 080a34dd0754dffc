#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QRectF>
#include <QString>

#include <functional>

class QChart;
class QChartView;
class QWidget;

namespace wordrace {

// One mark of a chart (a bar, a segment, a point) and what hovering it says.
struct ReadableMark
{
    QRectF rect;  // in the chart's coordinates
    QString text; // rich text, the tooltip's own
};

// The keyboard's way to a chart's hover texts, and an accessibility tool's. With the chart's view
// focused (Tab or a click), the arrow keys, Home and End step through its marks in reading order;
// the mark in turn is framed, its text is shown beside it as its tooltip is and becomes the view's
// accessible description (a screen reader hears the change). Leaving the view gives the view its
// own description back.
class MarkNavigator : public QObject
{
    Q_OBJECT
public:
    using Marks = std::function<QList<ReadableMark>()>;
    // Parented to the view; `marks` is asked afresh at every key, so new results never leave a
    // stale text behind.
    MarkNavigator(QChartView *view, QChart *chart, Marks marks);

    // The mark in turn, or -1.
    int current() const { return m_current; }
    QString currentText() const { return m_text; }

    // What every view with readable marks does with the one in turn: the tooltip at `where` (the
    // widget's coordinates) and the plain text as the widget's accessible description.
    static void announce(QWidget *widget, const QString &html, const QRect &where);
    // The widget's own description back, once the keyboard has left its marks.
    static void withdraw(QWidget *widget);
    static QString plainText(const QString &html);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handleKey(int key);
    void show(const QList<ReadableMark> &marks, int index);
    void leave();

    QPointer<QChartView> m_view;
    QPointer<QChart> m_chart;
    Marks m_marks;
    class Frame;
    Frame *m_frame = nullptr; // owned by the chart
    int m_current = -1;
    QString m_text;
};

} // namespace wordrace
