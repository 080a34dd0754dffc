#include "analysis/scenario.h"

#include "analysis/modesummary.h"
#include "io/units.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

QString secs(double s)
{
    return Units::seconds(s);
}

const RunResult *find(const QList<RunResult> &results, Mode mode)
{
    for (const RunResult &r : results)
        if (r.mode == mode)
            return &r;
    return nullptr;
}

// "1.52 ± 0.04": how many times as fast as sequential, with its uncertainty when there is one.
QString speedupOf(const QList<ModeSummary> &summaries, Mode mode)
{
    for (const ModeSummary &m : summaries)
        if (m.mode == mode && m.speedup)
            return ModeSummary::displayEstimate(*m.speedup);
    return QCoreApplication::translate("wordrace::Scenario", "n/a");
}

// " (median of 9, 17.9 ms to 20.1 ms)", or nothing for a single run.
QString spreadOf(const ModeSummary &m)
{
    if (m.runs < 2)
        return {};
    return QCoreApplication::translate("wordrace::Scenario", " (median of %1, %2 to %3)")
        .arg(m.runs)
        .arg(secs(m.wall.min), secs(m.wall.max));
}

QString fastestOf(const QList<RunResult> &results)
{
    const auto it =
        std::min_element(results.begin(), results.end(),
                         [](const RunResult &a, const RunResult &b) { return a.wallS < b.wallS; });
    return it == results.end() ? QString() : modeName(it->mode);
}

// How close the emulated GIL's speed-up must come to CPython's to count as the same behaviour.
constexpr double kGilAgreement = 0.15;

Experiment base(const CorpusSpec &corpus, QList<Mode> modes, int workers)
{
    Experiment e;
    e.corpus = corpus;
    e.modes = std::move(modes);
    e.workers = workers;
    return e;
}

// The emulated GIL against CPython's own: each language's threads over its own sequential.
Verdict realGilVerdict(const Scenario &s, const QList<RunResult> &results)
{
    Verdict v;
    const QList<ModeSummary> summaries = ModeSummary::summarize(results);
    auto speedupOfMode = [&](Mode mode) -> std::optional<Estimate> {
        for (const ModeSummary &m : summaries)
            if (m.mode == mode && m.speedup && std::isfinite(m.speedup->value))
                return m.speedup;
        return std::nullopt;
    };
    const auto emulated = speedupOfMode(Mode::Threads);
    const auto real = speedupOfMode(Mode::PythonThreads);
    if (!emulated || !real || real->value <= 0.0) {
        v.explanation = QCoreApplication::translate(
            "wordrace::Scenario", "Not every mode finished, so the two GILs cannot be compared.");
        return v;
    }
    const double gap = std::abs(emulated->value - real->value) / real->value;
    v.answer = s.choices.value(gap <= kGilAgreement ? 0 : 1);
    v.headline = gap <= kGilAgreement
                     ? QCoreApplication::translate("wordrace::Scenario",
                                                   "The emulated GIL behaves like CPython's: %1x against %2x")
                           .arg(Units::decimal(emulated->value, 2), Units::decimal(real->value, 2))
                     : QCoreApplication::translate("wordrace::Scenario",
                                                   "The emulated GIL and CPython's differ: %1x against %2x")
                           .arg(Units::decimal(emulated->value, 2), Units::decimal(real->value, 2));
    double perWord = 0.0;
    for (const RunResult &r : results)
        if (r.mode == Mode::Threads)
            perWord = r.knobs.workPerWordNs;
    v.evidence << QCoreApplication::translate("wordrace::Scenario", "emulated GIL threads: %1x sequential")
                      .arg(ModeSummary::displayEstimate(*emulated))
               << QCoreApplication::translate("wordrace::Scenario", "CPython threads: %1x python-sequential")
                      .arg(ModeSummary::displayEstimate(*real))
               << QCoreApplication::translate("wordrace::Scenario", "difference: %1%")
                      .arg(Units::decimal(gap * 100.0, 0));
    v.explanation =
        QCoreApplication::translate(
            "wordrace::Scenario",
            "With WordRace's emulated GIL (and %1 ns of work per word, CPython's own cost measured on this "
            "machine) "
            "threads ran %2x as fast as sequential; in CPython, with its real GIL, threads ran %3x as fast "
            "as "
            "python-sequential. The two differ by %4%%5.")
            .arg(Units::decimal(perWord, 1), ModeSummary::displayEstimate(*emulated),
                 ModeSummary::displayEstimate(*real), Units::decimal(gap * 100.0, 0),
                 gap <= kGilAgreement
                     ? QCoreApplication::translate("wordrace::Scenario",
                                                   ", within the 15% the emulation aims for")
                     : QCoreApplication::translate("wordrace::Scenario",
                                                   ": more than the 15% the emulation aims for"));
    return v;
}

Verdict delaysVerdict(const Scenario &s, const QList<RunResult> &results)
{
    Verdict v;
    QList<TaskRecord> byEnd = results.first().tasks;
    std::sort(byEnd.begin(), byEnd.end(),
              [](const TaskRecord &a, const TaskRecord &b) { return a.endS < b.endS; });
    QStringList order;
    double sumWaits = 0;
    for (const TaskRecord &t : byEnd) {
        order << Units::decimal(t.ioS, 1) + u" s"_s;
        sumWaits += t.ioS;
    }
    const double wall = results.first().wallS;
    const bool ordered = std::is_sorted(
        byEnd.begin(), byEnd.end(), [](const TaskRecord &a, const TaskRecord &b) { return a.ioS < b.ioS; });
    const bool overlapped = wall < 0.75 * sumWaits;
    v.answer = ordered ? (overlapped ? s.choices[1] : s.choices[2]) : s.choices[0];
    v.headline = overlapped ? QCoreApplication::translate(
                                  "wordrace::Scenario",
                                  "Shortest wait first, all done in %1: the threads waited side by side")
                                  .arg(secs(wall))
                            : QCoreApplication::translate("wordrace::Scenario",
                                                          "Done in %1: the waits did not overlap here")
                                  .arg(secs(wall));
    v.explanation =
        QCoreApplication::translate(
            "wordrace::Scenario",
            "The threads finished in the order %1 and the whole took %2, while the waits add up to %3. "
            "A waiting thread does not hold up the others: the waits overlapped, so the one with the "
            "shortest wait finished first.")
            .arg(order.join(u", "_s), secs(wall), secs(sumWaits));
    if (!overlapped)
        v.explanation =
            QCoreApplication::translate(
                "wordrace::Scenario",
                "The threads finished in the order %1, but the whole took %2 of %3 waited: the waits "
                "did not overlap on this machine.")
                .arg(order.join(u", "_s), secs(wall), secs(sumWaits));
    v.evidence
        << QCoreApplication::translate("wordrace::Scenario", "finish order: %1").arg(order.join(u", "_s))
        << QCoreApplication::translate("wordrace::Scenario", "wall: %1").arg(secs(wall))
        << QCoreApplication::translate("wordrace::Scenario", "sum of waits: %1").arg(secs(sumWaits));
    return v;
}

Verdict returnValuesVerdict(const Scenario &s, const QList<RunResult> &results)
{
    Verdict v;
    QList<TaskRecord> byEnd = results.first().tasks;
    std::sort(byEnd.begin(), byEnd.end(),
              [](const TaskRecord &a, const TaskRecord &b) { return a.endS < b.endS; });
    int outOfOrder = 0;
    QStringList firstTen;
    for (qsizetype i = 0; i < byEnd.size(); ++i) {
        if (i > 0 && byEnd[i].task < byEnd[i - 1].task)
            ++outOfOrder;
        if (i < 10)
            firstTen << u"#%1:%2"_s.arg(byEnd[i].task).arg(byEnd[i].words);
    }
    v.answer = outOfOrder > 0 ? s.choices[1] : s.choices[0];
    v.headline =
        outOfOrder > 0
            ? QCoreApplication::translate("wordrace::Scenario",
                                          "Completion order: %1 of %2 results came back out of turn")
                  .arg(outOfOrder)
                  .arg(byEnd.size())
            : QCoreApplication::translate("wordrace::Scenario",
                                          "In input order this time, by luck: nothing makes threads keep it");
    v.explanation =
        outOfOrder > 0
            ? QCoreApplication::translate(
                  "wordrace::Scenario",
                  "The results came back in completion order: %1 of %2 results arrived after a later "
                  "string's. The first ten, as string#:count, were %3. Keep the index with each result "
                  "(as Pool.map does) if order matters.")
                  .arg(outOfOrder)
                  .arg(byEnd.size())
                  .arg(firstTen.join(u' '))
            : QCoreApplication::translate(
                  "wordrace::Scenario",
                  "This time all %1 results happened to arrive in input order (%2), but nothing makes "
                  "threads keep it: run it again.")
                  .arg(byEnd.size())
                  .arg(firstTen.join(u' '));
    v.evidence << QCoreApplication::translate("wordrace::Scenario", "results out of input order: %1 of %2")
                      .arg(outOfOrder)
                      .arg(byEnd.size());
    return v;
}

Verdict zombiesVerdict(const Scenario &s, const QList<RunResult> &results, const QList<qint64> &workerPids,
                       const QList<qint64> &survivors)
{
    Verdict v;
    const RunResult &r = results.first();
    v.answer = survivors.isEmpty() ? s.choices[1] : s.choices[0];
    v.headline = survivors.isEmpty()
                     ? (workerPids.size() == 2
                            ? QCoreApplication::translate("wordrace::Scenario",
                                                          "No zombies: both workers went with the cancel")
                            : QCoreApplication::translate("wordrace::Scenario",
                                                          "No zombies: all %1 workers went with the cancel")
                                  .arg(workerPids.size()))
                     : QCoreApplication::translate("wordrace::Scenario", "%n worker(s) outlived the cancel",
                                                   nullptr, int(survivors.size()));
    QStringList pids;
    for (qint64 p : workerPids)
        pids << QString::number(p);
    v.explanation =
        survivors.isEmpty()
            ? QCoreApplication::translate(
                  "wordrace::Scenario",
                  "The run was cancelled after %1 of %2 chunks, with workers %3 running. "
                  "Afterwards /proc lists none "
                  "of them: each worker was stopped, and would also die with its parent "
                  "(PR_SET_PDEATHSIG, end of "
                  "its input). The lesson needed `ps ux | grep ... | xargs kill -9` because "
                  "multiprocessing's "
                  "workers outlived the notebook kernel that started them.")
                  .arg(r.tasks.size())
                  .arg(r.taskCount)
                  .arg(pids.isEmpty() ? QCoreApplication::translate("wordrace::Scenario", "(none yet)")
                                      : pids.join(u", "_s))
            : QCoreApplication::translate("wordrace::Scenario",
                                          "%n worker(s) were still alive after the cancel: %1.", nullptr,
                                          int(survivors.size()))
                  .arg(pids.join(u", "_s));
    v.evidence << QCoreApplication::translate("wordrace::Scenario", "chunks done before cancel: %1 of %2")
                      .arg(r.tasks.size())
                      .arg(r.taskCount)
               << QCoreApplication::translate("wordrace::Scenario", "worker PIDs: %1").arg(pids.join(u", "_s))
               << QCoreApplication::translate("wordrace::Scenario", "left behind: %1").arg(survivors.size());
    return v;
}

// A race in one line: who won and by how much, and the loser the lesson is about.
QString raceHeadline(const Scenario &s, const QList<ModeSummary> &summaries, const ModeSummary *fastest)
{
    if (!fastest)
        return QCoreApplication::translate("wordrace::Scenario", "No mode finished");
    auto speedup = [&](Mode mode) -> std::optional<double> {
        for (const ModeSummary &m : summaries)
            if (m.mode == mode && m.speedup && std::isfinite(m.speedup->value))
                return m.speedup->value;
        return std::nullopt;
    };
    QString line;
    if (isSequential(fastest->mode)) {
        line = QCoreApplication::translate("wordrace::Scenario",
                                           "%1 won: the parallel modes cost more than they gained")
                   .arg(modeName(fastest->mode));
    } else {
        const auto x = speedup(fastest->mode);
        line = x ? QCoreApplication::translate("wordrace::Scenario", "%1 won: %2x as fast as %3")
                       .arg(modeName(fastest->mode), Units::decimal(*x, 1),
                            modeName(sequentialOf(fastest->mode)))
                 : QCoreApplication::translate("wordrace::Scenario", "%1 won").arg(modeName(fastest->mode));
    }
    if (const auto t = speedup(Mode::Threads); t && fastest->mode != Mode::Threads && *t < 1.1)
        line += s.id == u"cpu-bound-gil"
                    ? QCoreApplication::translate("wordrace::Scenario",
                                                  "; threads gained nothing: they took turns at the GIL")
                    : QCoreApplication::translate("wordrace::Scenario", "; threads gained nothing");
    return line;
}

// The races: which mode's median wall time is shortest, and why, from the numbers.
Verdict raceVerdict(const Scenario &s, const QList<RunResult> &results)
{
    Verdict v;
    // The races: which mode's median wall time is shortest, and why, from the numbers. Each
    // mode's own figures are its median run's; a speed-up carries its uncertainty when the mode
    // ran more than once.
    const QList<ModeSummary> summaries = ModeSummary::summarize(results);
    const ModeSummary *fastest = nullptr;
    for (const ModeSummary &m : summaries)
        if (m.runs > 0 && (!fastest || m.wall.median < fastest->wall.median))
            fastest = &m;
    v.answer = fastest ? modeName(fastest->mode) : fastestOf(results);
    v.headline = raceHeadline(s, summaries, fastest);
    const QList<RunResult> medians = ModeSummary::medianRuns(results);
    const RunResult *seq = find(medians, Mode::Sequential);
    QStringList parts;
    for (qsizetype i = 0; i < summaries.size(); ++i) {
        const ModeSummary &m = summaries.at(i);
        const RunResult *r = &medians.at(i); // medianRuns groups as summarize does
        QString line =
            QCoreApplication::translate("wordrace::Scenario",
                                        "%1 took %2 wall%3, %4 CPU (parent alone: %5), %6 busy cores")
                .arg(modeName(r->mode), secs(r->wallS), spreadOf(m), secs(r->totalCpu().total()),
                     secs(r->parentCpu.total()), Units::decimal(r->cpuPerWall(), 2));
        QString evidence = u"%1: %2"_s.arg(modeName(r->mode), secs(r->wallS));
        if (m.mode != Mode::Sequential && m.speedup && std::isfinite(m.speedup->value)) {
            const QString times = ModeSummary::displayEstimate(*m.speedup);
            line +=
                QCoreApplication::translate("wordrace::Scenario", ", %1x as fast as sequential").arg(times);
            evidence += QCoreApplication::translate("wordrace::Scenario", " (%1x sequential)").arg(times);
        }
        parts << line;
        v.evidence << evidence;
    }
    v.explanation = QCoreApplication::translate("wordrace::Scenario", "%1 was fastest. ").arg(v.answer) +
                    parts.join(u"; "_s) + u". "_s;
    if (!summaries.isEmpty() && summaries.first().runs < 2)
        v.explanation += QCoreApplication::translate(
            "wordrace::Scenario", "Each mode ran once, so these figures carry no measured spread. ");
    const RunResult *thr = find(medians, Mode::Threads);
    const RunResult *proc = find(medians, Mode::Processes);
    if (s.id == u"web-scraping" && thr && seq)
        v.explanation +=
            QCoreApplication::translate(
                "wordrace::Scenario",
                "The tasks mostly wait: %1 of waiting in total, and a waiting thread costs almost no "
                "CPU, so %2 threads wait side by side. Processes overlap the waits too, but pay %3 to "
                "start.")
                .arg(secs(thr->overhead.ioS))
                .arg(thr->workers)
                .arg(proc ? secs(proc->startupS)
                          : QCoreApplication::translate("wordrace::Scenario", "extra"));
    else if (s.id == u"cpu-bound-gil" && thr && seq && proc)
        v.explanation +=
            QCoreApplication::translate(
                "wordrace::Scenario",
                "With the emulated GIL only one thread computes at a time: threads waited %1 for it "
                "in total and ran %2x as fast as sequential. Each process has its own GIL, so %3 "
                "processes computed at once: %4x.")
                .arg(secs(thr->overhead.gilWaitS), speedupOf(summaries, Mode::Threads),
                     QString::number(proc->workers), speedupOf(summaries, Mode::Processes));
    else if (s.id == u"tiny-tasks")
        v.explanation +=
            QCoreApplication::translate(
                "wordrace::Scenario",
                "Each task is one short string: starting a thread for each cost %1 in total, and the "
                "processes spent %2 moving strings through pipes, far more than counting (%3). "
                "Use these only if your processing takes longer than the setup overhead.")
                .arg(thr ? secs(thr->overhead.startupS) : u"-"_s,
                     proc ? secs(proc->overhead.transferS) : u"-"_s,
                     seq ? secs(seq->overhead.computeS) : u"-"_s);
    else if (s.id == u"race" && proc)
        v.explanation +=
            QCoreApplication::translate(
                "wordrace::Scenario",
                "The parent of the processes used only %1 of CPU: that is all the lesson's %time "
                "could see; the workers' %2 happened in other processes.")
                .arg(secs(proc->parentCpu.total()), secs(proc->workersCpu.total()));
    return v;
}

} // namespace

namespace {

// What the presenter sees on a second screen while the class sees the slide.
QString notesFor(const QString &id)
{
    if (id == u"race")
        return QCoreApplication::translate(
            "wordrace::Scenario",
            "Say: the same words counted three ways; which finishes first? Expect: on the lesson's short "
            "strings, one new thread per string costs more than it saves, and pickling every string to a "
            "process costs more still; sequential often wins. Point at the timeline: the gaps are overhead.");
    if (id == u"delays")
        return QCoreApplication::translate(
            "wordrace::Scenario",
            "Say: three threads wait 5, 2 and 3 seconds. Expect: they finish 2, 3, 5 and the whole takes "
            "about 5 s, not 10: waiting threads overlap. Point at the three bars starting together.");
    if (id == u"return-values")
        return QCoreApplication::translate(
            "wordrace::Scenario",
            "Say: each thread appends its count to one list. Expect: completion order, not input order. "
            "Ask why Pool.map keeps the order (it carries the index).");
    if (id == u"web-scraping")
        return QCoreApplication::translate(
            "wordrace::Scenario",
            "Say: tasks that mostly wait, as when fetching web pages. Expect: threads and processes both "
            "far "
            "ahead of sequential; threads win by the processes' start-up.");
    if (id == u"cpu-bound-gil")
        return QCoreApplication::translate(
            "wordrace::Scenario",
            "Say: the same counting with a (labelled, emulated) GIL. Expect: threads gain nothing, "
            "processes "
            "scale with the cores. Point at the black hatched GIL waits on the thread lanes.");
    if (id == u"tiny-tasks")
        return QCoreApplication::translate(
            "wordrace::Scenario",
            "Say: one task per string. Expect: setup overhead swamps the work; sequential wins. The "
            "lesson's "
            "rule: parallelise only work that takes longer than the setup.");
    if (id == u"zombies")
        return QCoreApplication::translate(
            "wordrace::Scenario",
            "Say: we cancel a run half-way. Expect: no worker is left. The lesson needed kill -9 because "
            "its "
            "workers outlived the notebook.");
    if (id == u"real-gil")
        return QCoreApplication::translate(
            "wordrace::Scenario",
            "Say: WordRace emulates the GIL in C++; here it meets CPython's real one. Expect: neither "
            "language's threads gain on counting, within 15% of each other.");
    return {};
}

} // namespace

// One function per scenario: each reads as the lesson's experiment it reproduces.
namespace {

Scenario delaysScenario()
{
    Scenario s{
        u"delays"_s,
        QCoreApplication::translate("wordrace::Scenario", "Threads and delays"),
        QCoreApplication::translate("wordrace::Scenario",
                                    "print_with_delay: three threads sleeping 5, 2 and 3 s"),
        QCoreApplication::translate("wordrace::Scenario",
                                    "Three threads wait 5 s, 2 s and 3 s. In which order do they finish, and "
                                    "how long does it all take?"),
        {QCoreApplication::translate("wordrace::Scenario", "5, 2, 3 (the order they started), about 10 s"),
         QCoreApplication::translate("wordrace::Scenario", "2, 3, 5, about 5 s"),
         QCoreApplication::translate("wordrace::Scenario", "2, 3, 5, about 10 s")},
        {},
        {}};
    Experiment e = base(CorpusSpec::niceHat(1), {Mode::Threads}, 3);
    e.chunkLines = 1; // three strings, three tasks
    e.knobs.latencyPatternMs = {5000, 2000, 3000};
    s.experiments = {e};
    return s;
}

Scenario returnValuesScenario(int workers)
{
    Scenario s{u"return-values"_s,
               QCoreApplication::translate("wordrace::Scenario", "Where do return values go?"),
               QCoreApplication::translate("wordrace::Scenario",
                                           "count_and_store: threads append their results to a shared list"),
               QCoreApplication::translate(
                   "wordrace::Scenario",
                   "Threads append each string's count to a list as they finish. Does the list come out in "
                   "the order "
                   "the strings went in?"),
               {QCoreApplication::translate("wordrace::Scenario", "yes, in input order"),
                QCoreApplication::translate("wordrace::Scenario", "no, in completion order")},
               {},
               {}};
    Experiment e = base(CorpusSpec::niceHat(100), {Mode::Threads}, std::max(2, workers));
    e.chunkLines = 1;
    e.knobs.ioLatencyMs = 1; // a little waiting, as real work has, lets threads overtake each other
    s.experiments = {e};
    return s;
}

Scenario raceScenario(int workers, const QStringList &modesChoice)
{
    Scenario s{
        u"race"_s,
        QCoreApplication::translate("wordrace::Scenario", "The word-count race"),
        QCoreApplication::translate("wordrace::Scenario",
                                    "sequential vs concurrent vs parallel word counts, %time"),
        QCoreApplication::translate("wordrace::Scenario",
                                    "110,000,000 words: which is fastest, sequential, threads or processes?"),
        modesChoice,
        {},
        {}};
    Experiment e = base(CorpusSpec::lesson(), allModes(), workers);
    e.runs = Experiment::kAutoRuns; // medians with their spread, as the app's own default
    e.warmup = 1;
    s.experiments = {e};
    return s;
}

Scenario webScrapingScenario(const QStringList &modesChoice)
{
    Scenario s{u"web-scraping"_s,
               QCoreApplication::translate("wordrace::Scenario", "The web-scraping quiz"),
               QCoreApplication::translate("wordrace::Scenario",
                                           "Pop quiz: an application that waits for web servers"),
               QCoreApplication::translate(
                   "wordrace::Scenario",
                   "40 tasks each wait 100 ms for a server, then count. With 8 workers, which wins?"),
               modesChoice,
               {},
               {}};
    Experiment e = base(CorpusSpec::lesson(40), allModes(), 8);
    e.chunkLines = 3; // 40 tasks
    e.knobs.ioLatencyMs = 100;
    // Waiting dominates: one round takes seconds, so the automatic count is one run, no warm-up.
    e.runs = Experiment::kAutoRuns;
    s.experiments = {e};
    return s;
}

Scenario cpuBoundGilScenario(int workers, const QStringList &modesChoice)
{
    Scenario s{
        u"cpu-bound-gil"_s,
        QCoreApplication::translate("wordrace::Scenario", "The CPU-bound quiz, with an emulated GIL"),
        QCoreApplication::translate("wordrace::Scenario",
                                    "Pop quiz: a very large dataset through a CPU-intensive algorithm"),
        QCoreApplication::translate(
            "wordrace::Scenario",
            "Every word costs 95 ns of interpreter work (about CPython's speed) and threads must share one "
            "GIL. Which is fastest?"),
        modesChoice,
        {},
        {}};
    Experiment e = base(CorpusSpec::lesson(300'000), allModes(), std::max(2, workers));
    e.knobs.workPerWordNs = 95;
    e.knobs.gil = true;
    e.runs = Experiment::kAutoRuns;
    e.warmup = 1;
    s.experiments = {e};
    return s;
}

Scenario tinyTasksScenario(int workers, const QStringList &modesChoice)
{
    Scenario s{u"tiny-tasks"_s,
               QCoreApplication::translate("wordrace::Scenario", "Tiny tasks"),
               QCoreApplication::translate(
                   "wordrace::Scenario",
                   "concurrent_word_count starts one thread per string; Pool.map with tiny items"),
               QCoreApplication::translate(
                   "wordrace::Scenario",
                   "One task per string, 60,000 strings, and a new thread for each (the lesson's "
                   "concurrent_word_count). Which is fastest?"),
               modesChoice,
               {},
               {}};
    Experiment seq = base(CorpusSpec::lesson(20'000), {Mode::Sequential}, 1);
    seq.chunkLines = 1;
    Experiment threads = base(CorpusSpec::lesson(20'000), {Mode::Threads}, std::max(2, workers));
    threads.chunkLines = 1;
    threads.knobs.spawn = Spawn::PerTask;
    Experiment processes = base(CorpusSpec::lesson(20'000), {Mode::Processes}, std::max(2, workers));
    processes.chunkLines = 1;
    processes.knobs.transport = Transport::Pipe; // as Pool.map pickles every string
    s.experiments = {seq, threads, processes};
    return s;
}

Scenario zombiesScenario(int workers)
{
    Scenario s{u"zombies"_s,
               QCoreApplication::translate("wordrace::Scenario", "Cleaning up zombies"),
               u"ps ux | grep ipykernel | grep -v grep | awk '{print $2}' | xargs kill -9"_s,
               QCoreApplication::translate(
                   "wordrace::Scenario",
                   "A run on worker processes is cancelled half-way. Are any of its workers left behind?"),
               {QCoreApplication::translate("wordrace::Scenario", "yes, they keep running until killed"),
                QCoreApplication::translate("wordrace::Scenario", "no, none is left")},
               {},
               {}};
    // Workers busy for seconds, as the lesson's were, long enough to be cancelled part-way: an
    // interpreter's cost of 100 ns a word (emulated, real CPU) over 33,000,000 words, in 10,000
    // tasks. (Tiny tasks alone no longer do it: the parent hands out 300,000 in 0.1 s.)
    Experiment e = base(CorpusSpec::lesson(3'000'000), {Mode::Processes}, std::max(2, workers));
    e.chunkLines = 300;
    e.knobs.workPerWordNs = 100.0;
    s.experiments = {e};
    return s;
}

Scenario realGilScenario(int workers)
{
    Scenario s{
        u"real-gil"_s,
        QCoreApplication::translate("wordrace::Scenario", "The emulated GIL against CPython's own"),
        QCoreApplication::translate("wordrace::Scenario",
                                    "threading and the GIL, in real CPython beside WordRace's emulation"),
        QCoreApplication::translate(
            "wordrace::Scenario",
            "WordRace emulates Python's GIL in C++. Do its threads gain what CPython's threads gain "
            "on the same words?"),
        {QCoreApplication::translate("wordrace::Scenario", "yes, within 15%"),
         QCoreApplication::translate("wordrace::Scenario", "no, they differ by more")},
        {},
        {}};
    const int n = std::max(2, workers);
    Experiment emulated = base(CorpusSpec::lesson(1'000'000), {Mode::Sequential, Mode::Threads}, n);
    emulated.knobs.gil = true;
    emulated.knobs.workPerWordNs = Knobs::kAutoWorkPerWord;
    const Experiment real =
        base(CorpusSpec::lesson(1'000'000), {Mode::PythonSequential, Mode::PythonThreads}, n);
    s.experiments = {emulated, real};
    return s;
}

} // namespace

QList<Scenario> Scenario::all(int workers)
{
    const QStringList modesChoice = {u"sequential"_s, u"threads"_s, u"processes"_s};
    QList<Scenario> list = {delaysScenario(),
                            returnValuesScenario(workers),
                            raceScenario(workers, modesChoice),
                            webScrapingScenario(modesChoice),
                            cpuBoundGilScenario(workers, modesChoice),
                            tinyTasksScenario(workers, modesChoice),
                            zombiesScenario(workers),
                            realGilScenario(workers)};
    for (Scenario &s : list)
        s.notes = notesFor(s.id);
    return list;
}

std::optional<Scenario> Scenario::byId(const QString &id, int workers)
{
    for (const Scenario &s : all(workers))
        if (s.id == id)
            return s;
    return std::nullopt;
}

Verdict Scenario::verdict(const QList<RunResult> &results, const QList<qint64> &workerPids,
                          const QList<qint64> &survivors) const
{
    if (results.isEmpty()) {
        Verdict v;
        v.explanation = QCoreApplication::translate("wordrace::Scenario", "Nothing was measured.");
        return v;
    }
    if (id == u"delays")
        return delaysVerdict(*this, results);
    if (id == u"return-values")
        return returnValuesVerdict(*this, results);
    if (id == u"zombies")
        return zombiesVerdict(*this, results, workerPids, survivors);
    if (id == u"real-gil")
        return realGilVerdict(*this, results);
    return raceVerdict(*this, results);
}

} // namespace wordrace
