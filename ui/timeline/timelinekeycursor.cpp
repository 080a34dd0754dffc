#include "timeline/timelinekeycursor.h"

#include <algorithm>
#include <cmath>

namespace wordrace {

namespace {

double middle(const TaskRecord &t)
{
    return t.startS + std::max(0.0, t.durationS()) / 2;
}

} // namespace

std::vector<TimelineKeyCursor::Row> TimelineKeyCursor::rows(const TimelineData &data, const Layout &l)
{
    std::vector<Row> out;
    const auto &groups = data.groups();
    for (std::size_t g = 0; g < groups.size() && g < l.groupTops.size(); ++g) {
        const int group = int(g);
        out.push_back(
            {group, -1, false, QRectF(l.bounds.left(), l.groupTops[g], l.bounds.width(), l.headerHeight)});
        for (int lane = 0; lane < int(groups[g].lanes.size()); ++lane)
            out.push_back({group, lane, false,
                           QRectF(l.bounds.left(), l.laneTop(group, lane), l.plot.right() - l.bounds.left(),
                                  l.laneHeight)});
        if (g < l.strips.size()) {
            const QRectF strip = l.strips[g].cpu.united(l.strips[g].memory);
            if (!strip.isEmpty())
                out.push_back({group, -1, true, strip});
        }
    }
    return out;
}

void TimelineKeyCursor::moveRow(const TimelineData &data, const Layout &l, int step)
{
    const auto all = rows(data, l);
    if (all.empty()) {
        m_row = -1;
        return;
    }
    const int last = int(all.size()) - 1;
    if (m_row < 0) {
        m_row = step >= 0 ? 0 : last;
        m_time = std::max(l.t0, 0.0);
    } else {
        m_row = std::clamp(std::min(m_row, last) + step, 0, last);
    }
    snap(data, l);
}

void TimelineKeyCursor::snap(const TimelineData &data, const Layout &l)
{
    const Row row = rows(data, l).at(std::size_t(m_row));
    const TimelineData::Group &group = data.groups()[std::size_t(row.group)];
    if (row.strip) {
        if (const qsizetype i = group.sampleAt(m_time); i >= 0)
            m_time = group.samples.at(i).timeS;
        return;
    }
    if (row.lane < 0)
        return;
    const TimelineData::Lane &lane = group.lanes[std::size_t(row.lane)];
    if (lane.order.empty())
        return;
    // The first task that has not ended by the cursor's time, else the lane's last.
    auto k =
        std::size_t(std::upper_bound(lane.starts.begin(), lane.starts.end(), m_time) - lane.starts.begin());
    if (k > 0 && group.tasks.at(lane.order[k - 1]).endS >= m_time)
        --k;
    k = std::min(k, lane.order.size() - 1);
    const TaskRecord &t = group.tasks.at(lane.order[k]);
    if (m_time < t.startS || m_time > t.endS)
        m_time = middle(t);
}

bool TimelineKeyCursor::moveMark(const TimelineData &data, const Layout &l, int step)
{
    const auto all = rows(data, l);
    if (m_row < 0 || m_row >= int(all.size()))
        return false;
    const Row row = all.at(std::size_t(m_row));
    const TimelineData::Group &group = data.groups()[std::size_t(row.group)];
    if (row.strip) {
        const qsizetype i = group.sampleAt(m_time);
        const qsizetype to = i + (step > 0 ? 1 : -1);
        if (i < 0 || to < 0 || to >= group.samples.size())
            return false;
        m_time = group.samples.at(to).timeS;
        return true;
    }
    if (row.lane < 0)
        return false;
    const TimelineData::Lane &lane = group.lanes[std::size_t(row.lane)];
    // Past what a hover at the cursor reads (Layout::hitSeconds), so that a step never lands on
    // the same mark.
    const double reach = l.hitSeconds();
    if (step > 0) {
        const auto it = std::upper_bound(lane.starts.begin(), lane.starts.end(), m_time + reach);
        if (it == lane.starts.end())
            return false;
        m_time = middle(group.tasks.at(lane.order[std::size_t(it - lane.starts.begin())]));
        return true;
    }
    // Tasks of one lane run one after another: the last to end before the reach starts before it.
    auto k = std::size_t(std::upper_bound(lane.starts.begin(), lane.starts.end(), m_time - reach) -
                         lane.starts.begin());
    while (k > 0 && group.tasks.at(lane.order[k - 1]).endS >= m_time - reach)
        --k;
    if (k == 0)
        return false;
    m_time = middle(group.tasks.at(lane.order[k - 1]));
    return true;
}

std::optional<TimelineKeyCursor::Mark> TimelineKeyCursor::mark(const TimelineData &data,
                                                               const Layout &l) const
{
    const auto all = rows(data, l);
    if (m_row < 0 || m_row >= int(all.size()))
        return std::nullopt;
    const Row row = all.at(std::size_t(m_row));
    const qreal x = std::clamp(l.xOf(m_time), l.plot.left(), l.plot.right());
    const qreal y = row.rect.center().y();
    Mark m;
    m.group = row.group;
    m.probe = QPoint(int(std::round(x)), int(y));
    if (row.lane < 0 && !row.strip) {
        m.probe = QPoint(int(l.plot.left()), int(y));
        m.frame = row.rect;
        return m;
    }
    if (row.strip) {
        m.frame = QRectF(x - 3, row.rect.top(), 6, row.rect.height());
        return m;
    }
    const double reach = l.hitSeconds();
    const auto hit = data.hitTest(row.group, row.lane, m_time - reach, m_time + reach, m_time);
    if (hit.count == 0) {
        m.frame = QRectF(x - 3, row.rect.top(), 6, row.rect.height());
        return m;
    }
    if (hit.count == 1)
        m.task = hit.task;
    const qreal left = std::max(l.plot.left(), l.xOf(hit.startS));
    const qreal right = std::min(l.plot.right(), l.xOf(hit.endS));
    m.frame = QRectF(left, row.rect.top(), std::max<qreal>(right - left, 1.0), row.rect.height())
                  .adjusted(-2, 0, 2, 0);
    return m;
}

} // namespace wordrace
