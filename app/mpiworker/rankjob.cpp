#include "rankjob.h"

#include "backends/clusterlines.h"
#include "kernel/clock.h"

#include <QString>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace wordrace::mpiworker {

using namespace clusterlines;

std::optional<RankOptions> RankOptions::parse(const std::vector<std::string> &arguments, std::string &error)
{
    RankOptions o;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string &a = arguments[i];
        static const std::array<std::string_view, 8> known = {
            "--corpus",       "--plan-workers", "--chunk",         "--expect-tasks",
            "--expect-bytes", "--schedule",     "--io-latency-ns", "--work-per-word-ns"};
        if (std::find(known.begin(), known.end(), a) == known.end()) {
            error = "unknown option " + a;
            return std::nullopt;
        }
        if (i + 1 >= arguments.size()) {
            error = "option " + a + " needs a value";
            return std::nullopt;
        }
        const char *v = arguments[++i].c_str();
        if (a == "--corpus")
            o.corpus = v;
        else if (a == "--plan-workers")
            o.planWorkers = std::atoi(v);
        else if (a == "--chunk")
            o.chunk = std::strtoull(v, nullptr, 10);
        else if (a == "--expect-tasks")
            o.expectTasks = std::atoll(v);
        else if (a == "--expect-bytes")
            o.expectBytes = std::atoll(v);
        else if (a == "--schedule")
            o.dynamic = std::string(v) != "static";
        else if (a == "--io-latency-ns")
            o.ioLatencyNs = std::atof(v);
        else if (a == "--work-per-word-ns")
            o.workPerWordNs = std::atof(v);
    }
    if (o.corpus.empty()) {
        error = "no --corpus given";
        return std::nullopt;
    }
    return o;
}

RankJob RankJob::prepare(const RankOptions &options, const std::string &host, std::string &error)
{
    RankJob job;
    QString why;
    if (const auto spec = CorpusSpec::parse(QString::fromStdString(options.corpus), &why))
        job.corpus = Corpus::open(*spec, &why);
    if (job.corpus)
        job.plan = TaskPlanner::plan(*job.corpus, options.planWorkers, options.chunk, &why);
    if (!job.plan) {
        error = why.toStdString();
    } else if (options.expectBytes >= 0 && job.corpus->size() != std::uint64_t(options.expectBytes)) {
        error = "on " + host + " the corpus has " + std::to_string(job.corpus->size()) +
                " bytes, the parent's " + std::to_string(options.expectBytes) +
                ": every host must see the same file";
    } else if (options.expectTasks >= 0 && job.plan->tasks.size() != options.expectTasks) {
        error = "on " + host + " the plan has " + std::to_string(job.plan->tasks.size()) +
                " tasks, the parent's " + std::to_string(options.expectTasks);
    }
    if (!error.empty()) {
        error = "(on " + host + ") " + error;
        return job;
    }
    job.costs.ioLatencyNs = std::int64_t(options.ioLatencyNs);
    if (options.workPerWordNs > 0)
        job.costs.workIterationsPerWord = options.workPerWordNs * TaskExecutor::iterationsPerNs();
    return job;
}

RankCounter::RankCounter(const RankJob &job, std::int64_t offsetNs, const std::atomic_bool *stop)
    : m_job(job), m_offsetNs(offsetNs), m_stop(stop)
{}

bool RankCounter::count(std::int64_t task, std::int64_t waitNs)
{
    const Task &t = m_job.plan->tasks[qsizetype(task)];
    std::uint64_t words = 0;
    TaskPhases phases;
    const std::int64_t start = monotonicNs();
    const auto status =
        TaskExecutor::run(m_job.corpus->bytes(), t.begin, t.end, m_job.costs, m_stop, words, phases);
    const std::int64_t end = monotonicNs();
    if (status != TaskExecutor::Status::Ok)
        return false;
    m_records.insert(m_records.end(), {task, start - m_offsetNs, end - m_offsetNs, std::int64_t(words),
                                       phases.ioNs, phases.gilWaitNs, phases.computeNs, waitNs});
    return true;
}

std::int64_t RankCounter::taskCount() const
{
    return m_job.plan->tasks.size();
}

std::int64_t RankCounter::tasksCounted() const
{
    return std::int64_t(m_records.size() / RecFields);
}

std::int64_t RankCounter::lastWords() const
{
    return m_records.empty() ? 0 : m_records[m_records.size() - RecFields + RecWords];
}

std::uint64_t RankCounter::words() const
{
    std::uint64_t sum = 0;
    for (std::size_t k = RecWords; k < m_records.size(); k += RecFields)
        sum += std::uint64_t(m_records[k]);
    return sum;
}

namespace lines {

std::string hello(int rank, std::int64_t pid, const std::string &host)
{
    return "WR-HELLO " + std::to_string(rank) + " " + std::to_string(pid) + " " + host;
}

std::string ready(const std::string &bootId, std::int64_t nowNs, int ranks)
{
    return "WR-READY " + bootId + " " + std::to_string(nowNs) + " " + std::to_string(ranks);
}

std::string progress(std::int64_t tasksDone, std::uint64_t words)
{
    return "WR-PROGRESS " + std::to_string(tasksDone) + " " + std::to_string(words);
}

std::string error(int rank, const std::string &why)
{
    return "WR-ERROR rank " + std::to_string(rank) + ": " + why;
}

std::string rank(int rank, const std::int64_t *fields, const std::string &host)
{
    std::string line = "WR-RANK " + std::to_string(rank);
    for (int k = 0; k < RankFields; ++k)
        line += " " + std::to_string(fields[k]);
    return line + " " + host;
}

std::string task(int rank, const std::int64_t *record)
{
    std::string line = "WR-TASK " + std::to_string(rank);
    for (int k = 0; k < RecFields; ++k)
        line += " " + std::to_string(record[k]);
    return line;
}

std::string done(std::size_t tasks, std::uint64_t words, std::int64_t nowNs, bool stopped)
{
    return "WR-DONE " + std::to_string(tasks) + " " + std::to_string(words) + " " + std::to_string(nowNs) +
           (stopped ? " stopped" : " complete");
}

} // namespace lines

std::string bootId()
{
    if (const char *pose = std::getenv("WORDRACE_MPI_BOOT_ID"); pose && *pose)
        return pose;
    std::string id;
    if (FILE *f = std::fopen("/proc/sys/kernel/random/boot_id", "r")) {
        char buf[64] = {};
        if (std::fgets(buf, sizeof buf, f))
            id = buf;
        std::fclose(f);
    }
    while (!id.empty() && (id.back() == '\n' || id.back() == ' '))
        id.pop_back();
    return id.empty() ? std::string("unknown") : id;
}

} // namespace wordrace::mpiworker
