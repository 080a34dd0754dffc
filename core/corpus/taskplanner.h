#pragma once

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace wordrace {

class Corpus;

// One unit of work: a contiguous byte range that never cuts a word or a UTF-8 character.
struct Task
{
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    std::uint64_t firstLine = 0;
    std::uint64_t lines = 0; // lines that start in this task
    std::uint64_t bytes() const { return end - begin; }
};

struct TaskPlan
{
    QList<Task> tasks;
    std::uint64_t linesPerTask = 0;
    std::uint64_t totalLines = 0;
    bool chunkWasDefault = true;
    int splitLines = 0; // lines too long for one task, split at whitespace
    double planSeconds = 0.0;
};

class TaskPlanner
{
public:
    // A run of more tasks than this is refused: each task is timed and drawn.
    static constexpr std::uint64_t kMaxTasks = 2'000'000;

    // Pool.map's default chunk: ceil(lines / (4 * workers)), at least 1.
    static std::uint64_t defaultChunkLines(std::uint64_t lines, int workers);
    // A line longer than this is split at whitespace so that one huge line still spreads over workers.
    static std::uint64_t maxTaskBytes(std::uint64_t corpusBytes, int workers);

    // Cuts the corpus into tasks of chunkLines lines (default: Pool.map's). Returns nullopt and a
    // reason when the plan would be absurd (too many tasks).
    static std::optional<TaskPlan> plan(const Corpus &corpus, int workers,
                                        std::optional<std::uint64_t> chunkLines, QString *error = nullptr);
};

} // namespace wordrace
