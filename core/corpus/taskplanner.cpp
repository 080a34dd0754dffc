#include "corpus/taskplanner.h"

#include "corpus/corpus.h"
#include "kernel/clock.h"
#include "kernel/wordcounter.h"

#include <QLocale>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// Finds where to end a piece of the long line [.., lineEnd) that should end near target: just
// after the first whitespace character at or after target, or lineEnd when there is none.
std::uint64_t cutAfterWhitespace(std::string_view bytes, std::uint64_t target, std::uint64_t lineEnd)
{
    for (std::uint64_t q = target; q < lineEnd; ++q) {
        const int len = WordCounter::whitespaceLengthAt(bytes, q);
        if (len > 0)
            return std::min<std::uint64_t>(q + std::uint64_t(len), lineEnd);
    }
    return lineEnd;
}

} // namespace

std::uint64_t TaskPlanner::defaultChunkLines(std::uint64_t lines, int workers)
{
    const std::uint64_t parts = 4 * std::uint64_t(std::max(1, workers));
    return std::max<std::uint64_t>(1, (lines + parts - 1) / parts);
}

std::uint64_t TaskPlanner::maxTaskBytes(std::uint64_t corpusBytes, int workers)
{
    const std::uint64_t parts = 4 * std::uint64_t(std::max(1, workers));
    return std::max<std::uint64_t>(64 * 1024, (corpusBytes + parts - 1) / parts);
}

std::optional<TaskPlan> TaskPlanner::plan(const Corpus &corpus, int workers,
                                          std::optional<std::uint64_t> chunkLines, QString *error)
{
    const std::int64_t t0 = monotonicNs();
    TaskPlan plan;
    plan.totalLines = corpus.lineCount();
    plan.chunkWasDefault = !chunkLines.has_value();
    plan.linesPerTask =
        chunkLines ? std::max<std::uint64_t>(1, *chunkLines) : defaultChunkLines(plan.totalLines, workers);
    const std::uint64_t lineTasks = (plan.totalLines + plan.linesPerTask - 1) / plan.linesPerTask;
    if (lineTasks > kMaxTasks) {
        if (error) {
            const QLocale c(QLocale::English);
            const std::uint64_t minChunk = (plan.totalLines + kMaxTasks - 1) / kMaxTasks;
            *error =
                u"--chunk %1 would make %2 tasks; WordRace times and draws every task and caps a run at %3 "
                "(use --chunk %4 or more, or a smaller corpus)"_s.arg(
                    c.toString(qulonglong(plan.linesPerTask)), c.toString(qulonglong(lineTasks)),
                    c.toString(qulonglong(kMaxTasks)), c.toString(qulonglong(minChunk)));
        }
        return std::nullopt;
    }
    const std::string_view bytes = corpus.bytes();
    const std::uint64_t size = bytes.size();
    if (size == 0) {
        plan.planSeconds = double(monotonicNs() - t0) / 1e9;
        return plan;
    }
    plan.tasks.reserve(qsizetype(lineTasks));

    const std::string_view unit = corpus.spec().pattern();
    if (corpus.isGenerated() && !unit.empty()) {
        // A generated corpus is periodic: every line start is known without reading a byte.
        std::uint64_t lineOffsets[4] = {0, 0, 0, 0};
        int k = 0;
        for (std::size_t i = 0; i < unit.size(); ++i)
            if (unit[i] == '\n' && k < 3)
                lineOffsets[++k] = i + 1;
        const std::uint64_t perUnit = std::uint64_t(corpus.spec().patternLines());
        auto lineStart = [&](std::uint64_t line) {
            if (line >= plan.totalLines)
                return size;
            return (line / perUnit) * unit.size() + lineOffsets[line % perUnit];
        };
        for (std::uint64_t first = 0; first < plan.totalLines; first += plan.linesPerTask) {
            const std::uint64_t n = std::min(plan.linesPerTask, plan.totalLines - first);
            plan.tasks.append(Task{lineStart(first), lineStart(first + n), first, n});
        }
        plan.planSeconds = double(monotonicNs() - t0) / 1e9;
        return plan;
    }

    const std::uint64_t maxBytes = maxTaskBytes(size, workers);
    const char *data = bytes.data();
    std::uint64_t taskBegin = 0;
    std::uint64_t taskFirstLine = 0;
    std::uint64_t taskLines = 0;
    std::uint64_t line = 0;
    std::uint64_t pos = 0;
    auto flush = [&](std::uint64_t end) {
        if (end > taskBegin)
            plan.tasks.append(Task{taskBegin, end, taskFirstLine, taskLines});
        taskBegin = end;
        taskFirstLine = line;
        taskLines = 0;
    };
    while (pos < size) {
        const void *nl = std::memchr(data + pos, '\n', std::size_t(size - pos));
        const std::uint64_t lineEnd = nl ? std::uint64_t(static_cast<const char *>(nl) - data) + 1 : size;
        if (lineEnd - pos > maxBytes) {
            // One line longer than a task should be: finish the task so far, then cut the line
            // into pieces at whitespace.
            flush(pos);
            ++plan.splitLines;
            std::uint64_t pieceBegin = pos;
            bool firstPiece = true;
            while (pieceBegin < lineEnd) {
                const std::uint64_t pieceEnd = lineEnd - pieceBegin > maxBytes
                                                   ? cutAfterWhitespace(bytes, pieceBegin + maxBytes, lineEnd)
                                                   : lineEnd;
                plan.tasks.append(Task{pieceBegin, pieceEnd, line, firstPiece ? 1u : 0u});
                firstPiece = false;
                pieceBegin = pieceEnd;
            }
            ++line;
            pos = lineEnd;
            taskBegin = pos;
            taskFirstLine = line;
            continue;
        }
        ++line;
        ++taskLines;
        pos = lineEnd;
        if (taskLines == plan.linesPerTask)
            flush(pos);
        if (std::uint64_t(plan.tasks.size()) > kMaxTasks) {
            if (error)
                *error = u"the corpus would make more than %1 tasks; use a larger --chunk"_s.arg(
                    QLocale::c().toString(qulonglong(kMaxTasks)));
            return std::nullopt;
        }
    }
    flush(size);
    plan.planSeconds = double(monotonicNs() - t0) / 1e9;
    return plan;
}

} // namespace wordrace
