#include "charts/marknavigator.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsItem>
#include <QKeyEvent>
#include <QPainter>
#include <QPen>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {
// Where a widget keeps its own accessible description while a mark's text stands in for it.
constexpr char kOwnDescription[] = "wordraceOwnDescription";
} // namespace

// The dashed frame round the mark in turn, asked where that mark is whenever it is drawn: new
// results or a resize move the marks, and a frame placed once stayed where a bar had been.
class MarkNavigator::Frame : public QGraphicsItem
{
public:
    explicit Frame(MarkNavigator *navigator) : QGraphicsItem(navigator->m_chart), m_navigator(navigator)
    {
        setZValue(1000); // above the series and the labels
        setAcceptedMouseButtons(Qt::NoButton);
    }
    QRectF boundingRect() const override { return m_navigator->m_chart->rect(); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const int at = m_navigator->m_current;
        if (at < 0)
            return;
        const QList<ReadableMark> marks = m_navigator->m_marks();
        if (at >= marks.size())
            return;
        // In the chart's title colour, so it reads on the light, dark and projector themes.
        QPen pen(m_navigator->m_chart->titleBrush().color(), 2, Qt::DashLine);
        pen.setCosmetic(true);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawRect(marks.at(at).rect.adjusted(-3, -3, 3, 3));
    }

private:
    MarkNavigator *m_navigator;
};

MarkNavigator::MarkNavigator(QChartView *view, QChart *chart, Marks marks)
    : QObject(view), m_view(view), m_chart(chart), m_marks(std::move(marks))
{
    view->setFocusPolicy(Qt::StrongFocus);
    view->installEventFilter(this);
}

bool MarkNavigator::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view)
        return false;
    switch (event->type()) {
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() & ~Qt::KeypadModifier)
            return false;
        return handleKey(key->key());
    }
    case QEvent::FocusOut:
    case QEvent::Hide:
        leave();
        break;
    default:
        break;
    }
    return false;
}

bool MarkNavigator::handleKey(int key)
{
    if (!m_chart)
        return false;
    const QList<ReadableMark> marks = m_marks();
    const int n = int(marks.size());
    if (n == 0) {
        leave();
        return false;
    }
    const int at = std::min(m_current, n - 1);
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        show(marks, at < 0 ? 0 : std::min(at + 1, n - 1));
        return true;
    case Qt::Key_Left:
    case Qt::Key_Up:
        show(marks, at < 0 ? n - 1 : std::max(at - 1, 0));
        return true;
    case Qt::Key_Home:
        show(marks, 0);
        return true;
    case Qt::Key_End:
        show(marks, n - 1);
        return true;
    default:
        return false;
    }
}

void MarkNavigator::show(const QList<ReadableMark> &marks, int index)
{
    m_current = index;
    const ReadableMark &mark = marks.at(index);
    m_text = mark.text;
    if (!m_frame)
        m_frame = new Frame(this);
    m_frame->show();
    m_frame->update();
    const QRect where = m_view->mapFromScene(m_chart->mapToScene(mark.rect.adjusted(-3, -3, 3, 3)))
                            .boundingRect()
                            .intersected(m_view->rect());
    announce(m_view, m_text, where);
}

void MarkNavigator::leave()
{
    if (m_current < 0)
        return;
    m_current = -1;
    m_text.clear();
    if (m_frame)
        m_frame->hide();
    if (m_view)
        withdraw(m_view);
}

void MarkNavigator::announce(QWidget *widget, const QString &html, const QRect &where)
{
    if (!widget->property(kOwnDescription).isValid())
        widget->setProperty(kOwnDescription, widget->accessibleDescription());
    // setAccessibleDescription() tells accessibility tools the description changed.
    widget->setAccessibleDescription(plainText(html));
    // Below the mark, not on it, where a hover's tooltip would be.
    QToolTip::showText(widget->mapToGlobal(QPoint(where.center().x(), where.bottom() + 4)), html, widget,
                       where);
}

void MarkNavigator::withdraw(QWidget *widget)
{
    const QVariant own = widget->property(kOwnDescription);
    if (!own.isValid())
        return;
    widget->setAccessibleDescription(own.toString());
    widget->setProperty(kOwnDescription, QVariant());
    QToolTip::hideText();
}

QString MarkNavigator::plainText(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    // One line per line of the tooltip, joined as a sentence reads.
    QString text = document.toPlainText();
    text.replace(QChar(QChar::Nbsp), u' ');
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QStringList kept;
    for (const QString &line : lines)
        if (const QString t = line.trimmed(); !t.isEmpty())
            kept << t;
    return kept.join(u"; "_s);
}

} // namespace wordrace
