#pragma once

#include <QWidget>

namespace wordrace {

// One line of text that changes many times a second while a run is on (progress, elapsed time).
// A QLabel asks every layout up to the window to be redone on each change (QLabel::setText calls
// updateGeometry, and each QLayout::activate on the way up does the same), which cost the GUI
// thread 2-7 ms a change here, taken from the cores the run is being measured on. This widget
// only repaints itself: its size never depends on its text, which it elides when too long (the
// tooltip has it whole). Right-click copies it.
class LiveText : public QWidget
{
    Q_OBJECT
public:
    explicit LiveText(const QString &text, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};

} // namespace wordrace
