#pragma once

#include "timeline/timelinedata.h"
#include "timeline/timelinerenderer.h"

#include <QPoint>
#include <QRectF>

#include <optional>
#include <vector>

namespace wordrace {

// The keyboard's place on the timeline, so that every mark a hover reads is reachable without a
// mouse: Up and Down go from row to row (a group's header, a worker's lane, the CPU and memory
// strip), Left and Right from mark to mark along the row, as a hover would meet them: a task, or
// the tasks summed into one pixel, or a resource sample.
class TimelineKeyCursor
{
public:
    using Layout = TimelineRenderer::Layout;
    struct Row
    {
        int group = -1;
        int lane = -1; // -1: the group's header
        bool strip = false;
        QRectF rect; // the whole row, names included
    };
    static std::vector<Row> rows(const TimelineData &data, const Layout &layout);

    bool isActive() const { return m_row >= 0; }
    void clear() { m_row = -1; }
    // The row `step` rows away (entering: the first row, or the last for a step back), on the mark
    // at or after the cursor's time.
    void moveRow(const TimelineData &data, const Layout &layout, int step);
    // The next mark along the row (or the one before for a negative step); false at either end.
    bool moveMark(const TimelineData &data, const Layout &layout, int step);
    // The time the cursor stands at: the middle of its task, or its sample's time.
    double time() const { return m_time; }

    struct Mark
    {
        QPoint probe; // where a hover would read the mark's text
        QRectF frame; // what to frame
        int group = -1;
        qint32 task = -1; // one task under the cursor, else -1
    };
    std::optional<Mark> mark(const TimelineData &data, const Layout &layout) const;

private:
    // The cursor onto a mark of its row at or after its time, else onto the last one before it.
    void snap(const TimelineData &data, const Layout &layout);

    int m_row = -1;
    double m_time = 0.0;
};

} // namespace wordrace
