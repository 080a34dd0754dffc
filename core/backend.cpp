#include "backend.h"

#include "corpus.h"
#include "processbackend.h"
#include "sequentialbackend.h"
#include "taskplanner.h"
#include "threadbackend.h"
#include "wordcounter.h"

namespace wordrace {

std::unique_ptr<Backend> Backend::create(Mode mode)
{
    switch (mode) {
    case Mode::Sequential:
        return std::make_unique<SequentialBackend>();
    case Mode::Threads:
        return std::make_unique<ThreadBackend>();
    case Mode::Processes:
        return std::make_unique<ProcessBackend>();
    }
    return nullptr;
}

RunResult Backend::baseResult(const RunContext &context, Mode mode, int workers)
{
    RunResult r;
    r.mode = mode;
    r.workers = workers;
    r.corpus = context.corpus->spec();
    r.corpusBytes = context.corpus->size();
    r.corpusLines = context.plan->totalLines;
    r.chunkLines = context.plan->linesPerTask;
    r.taskCount = context.plan->tasks.size();
    r.planS = context.plan->planSeconds;
    r.counterPath = QString::fromLatin1(WordCounter::pathName(WordCounter::Path::Auto));
    return r;
}

std::optional<std::uint64_t> Backend::countTask(const RunContext &context, std::uint64_t begin, std::uint64_t end)
{
    // 4 MiB is well under a millisecond of counting: cancel stays instant, the check stays free.
    constexpr std::uint64_t kSlice = 4u << 20;
    const std::string_view bytes = context.corpus->bytes();
    std::uint64_t words = 0;
    for (std::uint64_t at = begin; at < end; at += kSlice) {
        if (context.cancel && context.cancel->load(std::memory_order_relaxed))
            return std::nullopt;
        words += WordCounter::countRange(bytes, at, std::min(end, at + kSlice));
    }
    return words;
}

} // namespace wordrace
