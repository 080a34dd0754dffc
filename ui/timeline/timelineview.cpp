#include "timeline/timelineview.h"
#include "io/units.h"

#include "charts/marknavigator.h"
#include "session/backgroundwork.h"
#include "timeline/timelinephases.h"
#include "timeline/timelinerenderer.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// Zooming in further than this shows nothing the clock can resolve.
constexpr double kMinimumSpanS = 1e-6;
constexpr double kZoomStep = 1.5;

} // namespace

TimelineView::TimelineView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
    setAccessibleName(tr("Per-worker timeline"));
    setAccessibleDescription(
        tr("One lane per worker thread or process, one bar per task, one group of lanes per "
           "mode on a shared time axis. Mouse wheel or plus and minus zoom, drag or Shift and the arrow "
           "keys pan, Home resets. Up and Down pick a row, then Left and Right read its tasks "
           "one by one."));
    setToolTip(QString()); // tooltips come per task from toolTipAt()
    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(0);
    connect(&m_progressTimer, &QTimer::timeout, this, &TimelineView::fileProgress);
}

TimelineView::~TimelineView() = default;

void TimelineView::clear()
{
    m_pendingProgress.clear();
    m_data.clear();
    m_zoomed = false;
    m_hoverGroup = -1;
    m_hoverTask = -1;
    leaveKeyMarks();
    dataChanged();
}

void TimelineView::setResults(const QList<RunResult> &results)
{
    m_pendingProgress.clear();
    const auto deferred = m_data.setResultsDeferred(results, kFileNowBelow);
    m_zoomed = false;
    m_hoverGroup = -1;
    m_hoverTask = -1;
    leaveKeyMarks();
    dataChanged();
    for (const TimelineData::Deferred &d : deferred)
        fileInBackground(d);
}

void TimelineView::startLive(Mode mode, int workers)
{
    m_data.startLive(mode, workers);
    dataChanged();
}

void TimelineView::addProgress(const RunProgress &progress)
{
    const auto serial = m_data.liveSerial(progress.mode);
    if (!serial)
        return;
    // Filed at once when nothing waits and it fits in a slice, else in slices from here on.
    m_pendingProgress.push_back(PendingProgress{*serial, progress, 0});
    fileProgress();
}

void TimelineView::fileProgress()
{
    // A progress report may bring 100,000 tasks; filed at once they would hold the GUI thread for
    // tens of milliseconds while the workers take the CPUs. In slices, with the event loop
    // (painting, input) between them.
    QElapsedTimer clock;
    clock.start();
    while (!m_pendingProgress.empty()) {
        PendingProgress &p = m_pendingProgress.front();
        const qsizetype left = p.progress.newTasks.size() - p.from;
        const qsizetype n = std::min(kProgressSlice, left);
        if (!m_data.addProgressTo(p.serial, p.progress, p.from, n) || n == left)
            m_pendingProgress.pop_front();
        else
            p.from += n;
        if (clock.nsecsElapsed() >= m_progressBudgetNs)
            break;
    }
    dataChanged();
    if (!m_pendingProgress.empty() && !m_progressTimer.isActive())
        m_progressTimer.start();
}

void TimelineView::addResult(const RunResult &result)
{
    const auto deferred = m_data.addResultDeferred(result, kFileNowBelow);
    dataChanged();
    if (deferred)
        fileInBackground(*deferred);
}

bool TimelineView::isFiling() const
{
    return m_filing > 0;
}

void TimelineView::fileInBackground(const TimelineData::Deferred &deferred)
{
    // Filing a million tasks takes the GUI thread a few hundred milliseconds; elsewhere it is
    // done while the stand-in is drawn, and the stand-in is only replaced if still shown.
    auto *watcher = new QFutureWatcher<TimelineData::Group>(this);
    ++m_filing;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, serial = deferred.serial] {
        watcher->deleteLater();
        --m_filing;
        TimelineData::Group group = watcher->future().takeResult();
        if (m_data.replaceGroup(serial, group)) {
            // Hover indices pointed into the stand-in's tasks.
            m_hoverGroup = -1;
            m_hoverTask = -1;
            dataChanged();
        }
        // The stand-in, or the filed group itself when it came too late: freed elsewhere.
        releaseInBackground(std::move(group));
        if (m_filing == 0)
            Q_EMIT filingFinished();
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [result = deferred.result] {
        lowerThisThread();
        return TimelineData::makeGroup(result);
    }));
}

void TimelineView::setTheme(const Theme &theme)
{
    m_theme = theme;
    announceSize();
    update();
}

void TimelineView::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void TimelineView::setMinimumEnd(double seconds)
{
    const double end = std::max(0.0, seconds);
    if (end == m_minimumEnd)
        return;
    m_minimumEnd = end;
    dataChanged();
}

std::pair<double, double> TimelineView::fullRange() const
{
    return TimelineRenderer::fullRange(m_data, m_minimumEnd);
}

void TimelineView::dataChanged()
{
    if (!m_zoomed) {
        const auto [t0, t1] = fullRange();
        if (t0 != m_t0 || t1 != m_t1) {
            m_t0 = t0;
            m_t1 = t1;
            Q_EMIT visibleRangeChanged(m_t0, m_t1);
        }
    }
    announceSize();
    update();
}

void TimelineView::announceSize()
{
    // Only when it changed (a group or lane came or went, or the type size): every
    // updateGeometry() lays the window out again, and progress arrives many times a second while
    // the run is being measured.
    if (const QSize hint = minimumSizeHint(); hint != m_minimumHint) {
        m_minimumHint = hint;
        updateGeometry();
    }
}

TimelineRenderer TimelineView::renderer() const
{
    TimelineRenderer r(m_data, m_theme);
    r.setRange(m_t0, m_t1);
    r.setTitle(m_title);
    r.setEmptyText(tr("Press Run (F5): every task will appear here as a bar on the lane of the worker that "
                      "counted it."));
    r.setHighlight(m_hoverGroup, m_hoverTask);
    return r;
}

void TimelineView::setVisibleRange(double t0, double t1)
{
    const auto [f0, f1] = fullRange();
    const double full = f1 - f0;
    double span = std::clamp(t1 - t0, kMinimumSpanS, full);
    if (!std::isfinite(span))
        return;
    // Keep the view inside the data, so panning never loses the picture.
    t0 = std::clamp(t0, f0, f1 - span);
    t1 = t0 + span;
    m_zoomed = span < full * 0.999 || t0 > f0 + full * 1e-6;
    if (t0 == m_t0 && t1 == m_t1)
        return;
    m_t0 = t0;
    m_t1 = t1;
    Q_EMIT visibleRangeChanged(m_t0, m_t1);
    update();
}

void TimelineView::zoomAround(double factor, double anchorS)
{
    if (!(factor > 0))
        return;
    const double t0 = anchorS - (anchorS - m_t0) / factor;
    const double t1 = anchorS + (m_t1 - anchorS) / factor;
    setVisibleRange(t0, t1);
}

void TimelineView::zoomIn()
{
    zoomAround(kZoomStep, (m_t0 + m_t1) / 2);
}

void TimelineView::zoomOut()
{
    zoomAround(1.0 / kZoomStep, (m_t0 + m_t1) / 2);
}

void TimelineView::resetZoom()
{
    m_zoomed = false;
    const auto [t0, t1] = fullRange();
    m_t0 = t0;
    m_t1 = t1;
    Q_EMIT visibleRangeChanged(m_t0, m_t1);
    update();
}

void TimelineView::pan(double fraction)
{
    const double shift = (m_t1 - m_t0) * fraction;
    setVisibleRange(m_t0 + shift, m_t1 + shift);
}

QSize TimelineView::sizeHint() const
{
    return {640, 360};
}

QSize TimelineView::minimumSizeHint() const
{
    // Lanes whose names read, with the CPU strip kept (compact), on a desk; the scroll area around
    // takes the rest. A projector's view must fit whole, axis included: there lanes may shrink to
    // three pixels and the renderer lets the strip go.
    const bool projector = m_theme.kind == Theme::Kind::Projector;
    const qreal height = renderer().heightFor(TimelineRenderer::minimumLaneHeight(m_theme),
                                              projector ? TimelineRenderer::StripSize::None
                                                        : TimelineRenderer::StripSize::Compact);
    return {320, std::max(160, int(std::ceil(height)) + 1)};
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    TimelineRenderer r = renderer();
    std::optional<TimelineKeyCursor::Mark> keyMark;
    if (m_keyCursor.isActive() && hasFocus()) {
        keyMark = m_keyCursor.mark(m_data, r.layout(rect()));
        if (keyMark && keyMark->task >= 0 && m_hoverTask < 0)
            r.setHighlight(keyMark->group, keyMark->task);
    }
    r.paint(&p, rect());
    if (hasFocus()) {
        QPen pen(palette().color(QPalette::Highlight), 2);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
    if (keyMark) {
        p.setPen(QPen(m_theme.foreground, 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(keyMark->frame.adjusted(1, 1, -1, -1));
    }
    if (m_zoomed && !m_data.isEmpty()) {
        p.setFont(m_theme.font(std::max(10, m_theme.textPx * 3 / 4)));
        p.setPen(m_theme.muted);
        const QString hint = tr("zoomed · Home or double-click shows all");
        p.drawText(QRectF(rect()).adjusted(0, 4, -8, 0), Qt::AlignRight | Qt::AlignTop, hint);
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (delta.isNull()) {
        event->ignore();
        return;
    }
    const auto l = renderer().layout(rect());
    if (event->modifiers() & Qt::ShiftModifier || std::abs(delta.x()) > std::abs(delta.y())) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        pan(-d / 120.0 * 0.1);
    } else {
        const double anchor = std::clamp(l.timeAt(event->position().x()), m_t0, m_t1);
        zoomAround(std::pow(kZoomStep, delta.y() / 120.0), anchor);
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragStart = event->position().toPoint();
        m_dragT0 = m_t0;
        m_dragT1 = m_t1;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const auto l = renderer().layout(rect());
        const double dt = (event->position().x() - m_dragStart.x()) / l.plot.width() * (m_dragT1 - m_dragT0);
        setVisibleRange(m_dragT0 - dt, m_dragT1 - dt);
        return;
    }
    updateHover(event->position().toPoint());
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        resetZoom();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const bool plain = !(event->modifiers() & ~Qt::KeypadModifier);
    const int key = event->key();
    if (plain && (key == Qt::Key_Up || key == Qt::Key_Down)) {
        m_keyCursor.moveRow(m_data, renderer().layout(rect()), key == Qt::Key_Down ? 1 : -1);
        showKeyMark();
        event->accept();
        return;
    }
    if (plain && m_keyCursor.isActive() && (key == Qt::Key_Left || key == Qt::Key_Right)) {
        m_keyCursor.moveMark(m_data, renderer().layout(rect()), key == Qt::Key_Right ? 1 : -1);
        showKeyMark();
        event->accept();
        return;
    }
    switch (key) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        break;
    case Qt::Key_Left:
        pan(-0.1);
        break;
    case Qt::Key_Right:
        pan(0.1);
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        resetZoom();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimelineView::focusOutEvent(QFocusEvent *event)
{
    leaveKeyMarks();
    QWidget::focusOutEvent(event);
}

void TimelineView::showKeyMark()
{
    if (!m_keyCursor.isActive())
        return;
    const double at = m_keyCursor.time();
    if (at < m_t0 || at > m_t1) {
        const double half = (m_t1 - m_t0) / 2;
        setVisibleRange(at - half, at + half);
    }
    const auto mark = m_keyCursor.mark(m_data, renderer().layout(rect()));
    if (!mark)
        return;
    const QRect frame = mark->frame.toAlignedRect();
    for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
        if (auto *area = qobject_cast<QScrollArea *>(w); area && area->widget()) {
            const QPoint centre = mapTo(area->widget(), frame.center());
            area->ensureVisible(centre.x(), centre.y(), frame.width() / 2 + 8, frame.height() / 2 + 8);
            break;
        }
    }
    update();
    MarkNavigator::announce(this, toolTipAt(mark->probe), frame);
}

void TimelineView::leaveKeyMarks()
{
    if (!m_keyCursor.isActive())
        return;
    m_keyCursor.clear();
    MarkNavigator::withdraw(this);
    update();
}

QString TimelineView::keyMarkText() const
{
    if (!m_keyCursor.isActive())
        return {};
    const auto mark = m_keyCursor.mark(m_data, renderer().layout(rect()));
    return mark ? toolTipAt(mark->probe) : QString();
}

void TimelineView::leaveEvent(QEvent *event)
{
    if (m_hoverTask >= 0) {
        m_hoverGroup = -1;
        m_hoverTask = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

void TimelineView::updateHover(const QPoint &pos)
{
    const auto l = renderer().layout(rect());
    int group = -1;
    qint32 task = -1;
    const auto [g, lane] = l.laneAt(m_data, pos.y());
    if (lane >= 0 && pos.x() >= l.plot.left() && pos.x() <= l.plot.right()) {
        const double tolerance = l.hitSeconds();
        const double at = l.timeAt(pos.x());
        const auto hit = m_data.hitTest(g, lane, at - tolerance, at + tolerance, at);
        if (hit.count > 0) {
            group = g;
            task = hit.task;
        }
    }
    if (group != m_hoverGroup || task != m_hoverTask) {
        m_hoverGroup = group;
        m_hoverTask = task;
        update();
    }
}

QString TimelineView::toolTipAt(const QPoint &pos) const
{
    const auto l = renderer().layout(rect());
    if (const int sg = l.stripAt(pos.y()); sg >= 0)
        return stripToolTip(sg, l.timeAt(pos.x()));
    const auto [g, lane] = l.laneAt(m_data, pos.y());
    if (g < 0)
        return {};
    const TimelineData::Group &group = m_data.groups()[std::size_t(g)];
    if (lane < 0) {
        return u"<b>%1</b><br>%2"_s.arg(modeName(group.mode).toHtmlEscaped(),
                                        renderer().groupCaption(group).toHtmlEscaped());
    }
    if (pos.x() < l.plot.left() || pos.x() > l.plot.right())
        return group.lanes[std::size_t(lane)].name.toHtmlEscaped();
    const double tolerance = l.hitSeconds();
    const double at = l.timeAt(pos.x());
    const auto hit = m_data.hitTest(g, lane, at - tolerance, at + tolerance, at);
    const QString where =
        u"<b>%1</b> · %2"_s.arg(modeName(group.mode), group.lanes[std::size_t(lane)].name.toHtmlEscaped());
    if (hit.count == 0) {
        // The lane-level stretches the renderer draws: say what they are, not "idle".
        const bool tail = !group.live && !group.tasks.isEmpty() && at > group.lastEndS && at <= group.wallS;
        if (tail && group.cancelled)
            return tr("%1<br>stopping after Cancel, %2 to %3: the workers were told to stop and the run "
                      "waited for them")
                .arg(where, Units::seconds(group.lastEndS), Units::seconds(group.wallS));
        if (tail)
            return tr("%1<br>gather, %2 to %3: every task was done; the run waited for the workers' "
                      "last results and their exit")
                .arg(where, Units::seconds(group.lastEndS), Units::seconds(group.wallS));
        if (at >= 0 && at < group.startupS)
            return tr("%1<br>start-up, 0 to %2: the workers being created before their first task")
                .arg(where, Units::seconds(group.startupS));
        return tr("%1<br>idle at %2").arg(where, Units::seconds(std::max(0.0, at)));
    }
    if (hit.count == 1) {
        const TaskRecord &t = group.tasks.at(hit.task);
        return tr("%1<br>chunk %2 of %3<br>words: %4<br>bytes: %5 (from offset %6)<br>start: %7<br>duration: "
                  "%8")
                   .arg(where, Units::count(std::uint64_t(t.task + 1)),
                        Units::count(std::uint64_t(std::max(group.plannedTasks, group.tasks.size()))),
                        Units::count(t.words), Units::count(t.bytes), Units::count(t.begin),
                        Units::seconds(t.startS), Units::seconds(t.durationS())) +
               phasesText(TimelinePhases::seconds(t), TimelinePhases::hasPhases(t), false);
    }
    return tr("%1<br>%2 tasks too small to draw one by one: zoom in (mouse wheel or +) to see each<br>words: "
              "%3<br>"
              "bytes: %4<br>from %5 to %6")
               .arg(where, Units::count(std::uint64_t(hit.count)), Units::count(hit.words),
                    Units::count(hit.bytes), Units::seconds(hit.startS), Units::seconds(hit.endS)) +
           phasesText(hit.phaseSeconds, group.hasPhases, true);
}

QString TimelineView::phasesText(const std::array<double, 5> &phaseSeconds, bool recorded, bool summed) const
{
    using Phase = TimelinePhases::Phase;
    if (!recorded)
        return {};
    QString text = summed ? tr("<br><b>phases</b> (summed; each pixel shows its largest):")
                          : tr("<br><b>phases</b>, in the order drawn:");
    for (Phase ph : {Phase::Transfer, Phase::IoWait, Phase::GilWait, Phase::Compute, Phase::Other}) {
        const double s = phaseSeconds[std::size_t(ph)];
        if (s > 0 || ph == Phase::Compute)
            text += u"<br>&nbsp;&nbsp;"_s + TimelinePhases::name(ph) + u": "_s + Units::seconds(s);
    }
    if (phaseSeconds[std::size_t(Phase::GilWait)] > 0 && phaseSeconds[std::size_t(Phase::Compute)] > 0)
        text += tr("<br><i>GIL waits are drawn together before the compute; they really interleave with "
                   "it (a hand-over every 5 ms)</i>");
    return text;
}

QString TimelineView::stripToolTip(int groupIndex, double at) const
{
    const TimelineData::Group &group = m_data.groups()[std::size_t(groupIndex)];
    const qsizetype i = group.sampleAt(at);
    if (i < 0)
        return {};
    const ResourceSample &s = group.samples.at(i);
    QString text = tr("<b>%1</b> · sampled at %2").arg(modeName(group.mode), Units::seconds(s.timeS));
    if (!s.coreBusy.isEmpty()) {
        text += tr("<br><b>CPU busy</b> (the machine's cores, whoever used them):");
        for (qsizetype c = 0; c < s.coreBusy.size(); ++c)
            text += u"<br>&nbsp;&nbsp;"_s +
                    tr("CPU %1: %2%").arg(c).arg(double(s.coreBusy[c]) * 100.0, 0, 'f', 0);
    }
    // Memory is read less often than the CPU: the nearest sample that has it.
    qsizetype mi = -1;
    for (qsizetype d = 0; mi < 0 && (i - d >= 0 || i + d < group.samples.size()); ++d) {
        if (i - d >= 0 && !group.samples.at(i - d).memoryBytes.isEmpty())
            mi = i - d;
        else if (i + d < group.samples.size() && !group.samples.at(i + d).memoryBytes.isEmpty())
            mi = i + d;
    }
    if (mi >= 0) {
        const ResourceSample &ms = group.samples.at(mi);
        text += tr("<br>memory read at %1").arg(Units::seconds(ms.timeS));
        text += group.memoryIsPss ? tr("<br><b>memory</b> (PSS: shared pages split between their users):")
                                  : tr("<br><b>memory</b> (RSS: shared pages counted in each process):");
        for (qsizetype m = 0; m < ms.memoryBytes.size(); ++m) {
            const QString name = group.memoryNames.value(m, tr("series %1").arg(m)).toHtmlEscaped();
            text +=
                u"<br>&nbsp;&nbsp;"_s + name + u": "_s +
                (ms.memoryBytes[m] > 0 ? Units::bytes(std::uint64_t(ms.memoryBytes[m])) : tr("not running"));
        }
        if (group.peakMemoryBytes)
            text += tr("<br>peak of the run, all processes together: %1")
                        .arg(Units::bytes(std::uint64_t(*group.peakMemoryBytes)));
    }
    return text;
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace wordrace
