#include "io/sessionfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

// Values no writer would round by luck: random doubles keep every bit only if the file does.
double randomSeconds(QRandomGenerator &rng)
{
    return rng.generateDouble() * 10.0;
}

RunResult makeRun(Mode mode, int workers, int tasks, int repetition, QRandomGenerator &rng)
{
    RunResult r;
    r.mode = mode;
    r.workers = workers;
    r.corpus = CorpusSpec::lesson(1234);
    r.corpusBytes = 71572;
    r.corpusLines = 3702;
    r.chunkLines = 17;
    r.taskCount = tasks + 3; // planned more than ran: a cancelled run
    r.words = 13574;
    r.wallS = 20.0 + randomSeconds(rng); // every task (start and length under 10 s each) inside the run
    r.parentCpu = {randomSeconds(rng), randomSeconds(rng)};
    r.workersCpu = {randomSeconds(rng), randomSeconds(rng)};
    r.workersInsideParent = mode != Mode::Processes;
    r.planS = randomSeconds(rng);
    r.startupS = randomSeconds(rng);
    r.counterPath = u"avx2"_s;
    r.cancelled = true;
    r.knobs.ioLatencyMs = 2.5;
    r.knobs.workPerWordNs = 95;
    r.knobs.gil = true;
    r.knobs.spawn = Spawn::PerTask;
    r.knobs.transport = Transport::Pipe;
    r.knobs.start = Start::Fork;
    r.knobs.latencyPatternMs = {5000, 2000, 3000};
    r.overhead = {randomSeconds(rng), randomSeconds(rng), randomSeconds(rng), randomSeconds(rng),
                  randomSeconds(rng), randomSeconds(rng), randomSeconds(rng)};
    r.repetition = repetition;
    for (int w = 0; w < workers; ++w)
        r.workerNames << u"pid %1 \"quoted\" ✓"_s.arg(4000 + w);
    for (int i = 0; i < tasks; ++i) {
        TaskRecord t;
        t.task = i;
        t.worker = i % workers;
        t.startS = randomSeconds(rng);
        t.endS = t.startS + randomSeconds(rng);
        t.words = rng.bounded(1u << 30);
        t.bytes = quint64(rng.bounded(1u << 30)) << 10;
        t.begin = quint64(i) * 977;
        t.ioS = randomSeconds(rng);
        t.gilWaitS = randomSeconds(rng);
        t.transferS = randomSeconds(rng);
        t.computeS = randomSeconds(rng);
        r.tasks.append(t);
    }
    return r;
}

Session makeSession(int tasksPerRun = 500)
{
    QRandomGenerator rng(42);
    Session s;
    s.experiment.corpus = CorpusSpec::file(u"/tmp/lesson"_s); // a file named like a built-in corpus
    s.experiment.modes = {Mode::Processes, Mode::Sequential};
    s.experiment.workers = 3;
    s.experiment.chunkLines = 17;
    s.experiment.knobs.gil = true;
    s.experiment.knobs.latencyPatternMs = {1.5, 2.25};
    s.experiment.taskTimeoutS = 4.5;
    s.experiment.runs = 3;
    s.experiment.warmup = 1;
    for (int n = 0; n < 2; ++n) {
        HistoryEntry e;
        e.number = 3 + n;
        e.started = QDateTime(QDate(2026, 11, 25), QTime(21, 7, 3, 412), Qt::UTC);
        e.experiment = s.experiment;
        e.experiment.chunkLines = n == 0 ? std::optional<std::uint64_t>() : 99;
        e.state = n == 0 ? HistoryEntry::State::Done : HistoryEntry::State::Failed;
        e.failure = n == 0 ? QString() : u"worker 2 (PID 77) died on chunk 5"_s;
        e.summary = u"lesson ×1,234: 13,574 words"_s;
        if (n == 0) // a scenario's verdict, kept with the entry it was given on
            e.scenario = ScenarioNote{u"Cleaning up zombies — ps ux | grep ipykernel"_s,
                                      u"Are any of its workers left behind?\nYour prediction: yes"_s,
                                      u"Measured: no, none is left — your prediction was “yes”."_s,
                                      u"The run was cancelled after 4572 of 30000 chunks."_s};
        for (Mode m : allModes())
            for (int rep = 0; rep < 2; ++rep)
                e.results.append(makeRun(m, 3, tasksPerRun, rep, rng));
        s.entries.append(e);
    }
    s.selected = {0, 1};
    // The Scaling tab's last sweep: sequential and threads at one size.
    s.sweep = Session::SavedSweep{
        Sweep::Kind::Sizes,
        {makeRun(Mode::Sequential, 1, tasksPerRun, 0, rng), makeRun(Mode::Threads, 3, tasksPerRun, 0, rng)}};
    return s;
}

// Exact, where QCOMPARE of doubles is fuzzy: a session reopens with the very numbers it had.
#define SAME(a, b) QVERIFY2((a) == (b), qPrintable(u"%1 != %2"_s.arg(a, 0, 'g', 17).arg(b, 0, 'g', 17)))

void compareRuns(const RunResult &a, const RunResult &b)
{
    QCOMPARE(a.mode, b.mode);
    QCOMPARE(a.workers, b.workers);
    QCOMPARE(a.corpus, b.corpus);
    QCOMPARE(a.corpusBytes, b.corpusBytes);
    QCOMPARE(a.corpusLines, b.corpusLines);
    QCOMPARE(a.chunkLines, b.chunkLines);
    QCOMPARE(a.taskCount, b.taskCount);
    QCOMPARE(a.words, b.words);
    SAME(a.wallS, b.wallS);
    SAME(a.parentCpu.user, b.parentCpu.user);
    SAME(a.parentCpu.sys, b.parentCpu.sys);
    SAME(a.workersCpu.user, b.workersCpu.user);
    SAME(a.workersCpu.sys, b.workersCpu.sys);
    QCOMPARE(a.workersInsideParent, b.workersInsideParent);
    SAME(a.planS, b.planS);
    SAME(a.startupS, b.startupS);
    QCOMPARE(a.counterPath, b.counterPath);
    QCOMPARE(a.cancelled, b.cancelled);
    QCOMPARE(a.knobs, b.knobs);
    SAME(a.overhead.startupS, b.overhead.startupS);
    SAME(a.overhead.transferS, b.overhead.transferS);
    SAME(a.overhead.computeS, b.overhead.computeS);
    SAME(a.overhead.ioS, b.overhead.ioS);
    SAME(a.overhead.gilWaitS, b.overhead.gilWaitS);
    SAME(a.overhead.gatherS, b.overhead.gatherS);
    SAME(a.overhead.idleS, b.overhead.idleS);
    QCOMPARE(a.repetition, b.repetition);
    QCOMPARE(a.workerNames, b.workerNames);
    QCOMPARE(a.tasks.size(), b.tasks.size());
    for (qsizetype i = 0; i < a.tasks.size(); ++i) {
        const TaskRecord &x = a.tasks.at(i);
        const TaskRecord &y = b.tasks.at(i);
        QCOMPARE(x.task, y.task);
        QCOMPARE(x.worker, y.worker);
        SAME(x.startS, y.startS);
        SAME(x.endS, y.endS);
        QCOMPARE(x.words, y.words);
        QCOMPARE(x.bytes, y.bytes);
        QCOMPARE(x.begin, y.begin);
        SAME(x.ioS, y.ioS);
        SAME(x.gilWaitS, y.gilWaitS);
        SAME(x.transferS, y.transferS);
        SAME(x.computeS, y.computeS);
    }
}

// The session's JSON with one change made to its DOM.
QByteArray edited(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject top = QJsonDocument::fromJson(SessionFile::serialize(makeSession(3))).object();
    edit(top);
    return QJsonDocument(top).toJson();
}

// Changes the first run of the first entry.
QByteArray editedRun(const std::function<void(QJsonObject &)> &edit)
{
    return edited([&](QJsonObject &top) {
        QJsonArray entries = top[u"entries"_s].toArray();
        QJsonObject entry = entries[0].toObject();
        QJsonObject results = entry[u"results"_s].toObject();
        QJsonArray runs = results[u"runs"_s].toArray();
        QJsonObject run = runs[0].toObject();
        edit(run);
        runs[0] = run;
        results[u"runs"_s] = runs;
        entry[u"results"_s] = results;
        entries[0] = entry;
        top[u"entries"_s] = entries;
    });
}

QByteArray editedTask(const std::function<void(QJsonObject &)> &edit)
{
    return editedRun([&](QJsonObject &run) {
        QJsonArray tasks = run[u"tasks"_s].toArray();
        QJsonObject task = tasks[1].toObject();
        edit(task);
        tasks[1] = task;
        run[u"tasks"_s] = tasks;
    });
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField()
    {
        const Session s = makeSession();
        QString error;
        const auto back = SessionFile::parse(SessionFile::serialize(s), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->experiment, s.experiment);
        QCOMPARE(back->experiment.corpus.kind, CorpusSpec::Kind::File);
        QCOMPARE(back->selected, s.selected);
        QCOMPARE(back->entries.size(), s.entries.size());
        for (qsizetype i = 0; i < s.entries.size(); ++i) {
            const HistoryEntry &a = s.entries.at(i);
            const HistoryEntry &b = back->entries.at(i);
            QCOMPARE(b.number, a.number);
            QCOMPARE(b.started, a.started);
            QCOMPARE(b.experiment, a.experiment);
            QCOMPARE(b.state, a.state);
            QCOMPARE(b.failure, a.failure);
            QCOMPARE(b.summary, a.summary);
            QCOMPARE(b.scenario, a.scenario);
            QCOMPARE(b.results.size(), a.results.size());
            for (qsizetype r = 0; r < a.results.size(); ++r) {
                compareRuns(b.results.at(r), a.results.at(r));
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(u"entry %1, run %2 differs"_s.arg(i).arg(r)));
            }
        }
        // The sweep comes back whole.
        QVERIFY(back->sweep);
        QCOMPARE(back->sweep->kind, s.sweep->kind);
        QCOMPARE(back->sweep->runs.size(), s.sweep->runs.size());
        for (qsizetype r = 0; r < s.sweep->runs.size(); ++r) {
            compareRuns(back->sweep->runs.at(r), s.sweep->runs.at(r));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(u"sweep run %1 differs"_s.arg(r)));
        }
        // A session without a sweep (an older file) has none.
        Session plain = s;
        plain.sweep.reset();
        QVERIFY(!SessionFile::parse(SessionFile::serialize(plain))->sweep);
    }

    void resultsAreTheCliFormat()
    {
        // Each entry's "results" is what `run --json` writes, summaries included, so tools that
        // read result files can read a session's runs.
        const QJsonObject top = QJsonDocument::fromJson(SessionFile::serialize(makeSession(4))).object();
        QCOMPARE(top[u"format"_s].toString(), u"wordrace-session"_s);
        QCOMPARE(top[u"version"_s].toInt(), SessionFile::kVersion);
        const QJsonObject results = top[u"entries"_s].toArray().at(0).toObject()[u"results"_s].toObject();
        QCOMPARE(results[u"runs"_s].toArray().size(), 6);
        QCOMPARE(results[u"summaries"_s].toArray().size(), 3);
        QCOMPARE(results[u"summaries"_s].toArray().at(0).toObject()[u"runs"_s].toInt(), 0); // all cancelled
    }

    void emptySessionRoundTrips()
    {
        Session s;
        const auto back = SessionFile::parse(SessionFile::serialize(s));
        QVERIFY(back);
        QCOMPARE(back->experiment, s.experiment);
        QVERIFY(back->entries.isEmpty());
        QVERIFY(back->selected.isEmpty());
    }

    // The history and the file share one entry type; an entry still running is not written.
    void runningEntryIsNotWritten()
    {
        Session s;
        HistoryEntry running;
        running.number = 9;
        running.state = HistoryEntry::State::Running;
        HistoryEntry done = running;
        done.number = 10;
        done.state = HistoryEntry::State::Cancelled;
        s.entries = {running, done};
        const auto back = SessionFile::parse(SessionFile::serialize(s));
        QVERIFY(back);
        QCOMPARE(back->entries.size(), 1);
        QCOMPARE(back->entries.at(0).number, 10);
        QCOMPARE(back->entries.at(0).state, HistoryEntry::State::Cancelled);
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray good = SessionFile::serialize(makeSession(3));
        QTest::newRow("empty") << QByteArray() << u"the file is empty"_s;
        QTest::newRow("blank") << QByteArray("  \n") << u"the file is empty"_s;
        QTest::newRow("not JSON") << QByteArray("mode,wall_s\nthreads,1.5\n") << u"not JSON: "_s;
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << u"not JSON: "_s;
        QTest::newRow("truncated half") << good.left(good.size() / 2) << u"the file is cut short"_s;
        QTest::newRow("truncated at a newline")
            << good.left(good.indexOf("\n{\"task\"", good.size() / 3) + 1) << u"the file is cut short"_s;
        QTest::newRow("truncated last byte") << good.trimmed().chopped(1) << u"the file is cut short"_s;
        QTest::newRow("array") << QByteArray("[1, 2]")
                               << u"not a WordRace session: the JSON is not an object"_s;
        QTest::newRow("other JSON") << QByteArray(R"({"name": "x"})")
                                    << u"not a WordRace session: no \"format\""_s;
        QTest::newRow("result file") << QByteArray(R"({"runs": []})")
                                     << u"not a WordRace session but a result file"_s;
        QTest::newRow("newer version")
            << edited([](QJsonObject &t) { t[u"version"_s] = 2; })
            << u"written by a newer WordRace (session version 2; this one reads up to 1)"_s;
        QTest::newRow("version zero")
            << edited([](QJsonObject &t) { t[u"version"_s] = 0; }) << u"version is 0, expected 1 to 1"_s;
        QTest::newRow("version missing")
            << edited([](QJsonObject &t) { t.remove(u"version"_s); }) << u"version is missing"_s;
        QTest::newRow("version a string") << edited([](QJsonObject &t) { t[u"version"_s] = u"1"_s; })
                                          << u"version must be a number, not a string"_s;
        QTest::newRow("entries missing")
            << edited([](QJsonObject &t) { t.remove(u"entries"_s); }) << u"entries is missing"_s;
        QTest::newRow("experiment workers a string") << edited([](QJsonObject &t) {
            QJsonObject e = t[u"experiment"_s].toObject();
            e[u"workers"_s] = u"two"_s;
            t[u"experiment"_s] = e;
        }) << u"experiment.workers must be a number, not a string"_s;
        QTest::newRow("experiment unknown mode") << edited([](QJsonObject &t) {
            QJsonObject e = t[u"experiment"_s].toObject();
            e[u"modes"_s] = QJsonArray{u"threads"_s, u"fibers"_s};
            t[u"experiment"_s] = e;
        }) << u"experiment.modes has an unknown mode \"fibers\""_s;
        QTest::newRow("selected out of range")
            << edited([](QJsonObject &t) { t[u"selected"_s] = QJsonArray{5}; })
            << u"selected names entry 5, but there are 2"_s;
        QTest::newRow("entry state unknown") << edited([](QJsonObject &t) {
            QJsonArray entries = t[u"entries"_s].toArray();
            QJsonObject e = entries[1].toObject();
            e[u"state"_s] = u"exploded"_s;
            entries[1] = e;
            t[u"entries"_s] = entries;
        }) << u"entries[1].state is \"exploded\", expected done, cancelled or failed"_s;
        QTest::newRow("scenario verdict a number") << edited([](QJsonObject &t) {
            QJsonArray entries = t[u"entries"_s].toArray();
            QJsonObject e = entries[0].toObject();
            QJsonObject note = e[u"scenario"_s].toObject();
            note[u"verdict"_s] = 3;
            e[u"scenario"_s] = note;
            entries[0] = e;
            t[u"entries"_s] = entries;
        }) << u"entries[0].scenario.verdict "_s;
        QTest::newRow("run wall missing") << editedRun([](QJsonObject &r) { r.remove(u"wall_s"_s); })
                                          << u"entries[0].results.runs[0].wall_s is missing"_s;
        QTest::newRow("run wall a string")
            << editedRun([](QJsonObject &r) { r[u"wall_s"_s] = u"1.5 s"_s; })
            << u"entries[0].results.runs[0].wall_s must be a number, not a string"_s;
        QTest::newRow("run mode unknown") << editedRun([](QJsonObject &r) { r[u"mode"_s] = u"gpu"_s; })
                                          << u"entries[0].results.runs[0]: unknown mode \"gpu\""_s;
        QTest::newRow("run overhead field null") << editedRun([](QJsonObject &r) {
            QJsonObject o = r[u"overhead"_s].toObject();
            o[u"idle_s"_s] = QJsonValue::Null;
            r[u"overhead"_s] = o;
        }) << u"entries[0].results.runs[0].overhead.idle_s must be a number, not null"_s;
        QTest::newRow("worker name a number") << editedRun([](QJsonObject &r) {
            r[u"worker_names"_s] = QJsonArray{u"pid 1"_s, 2};
        }) << u"entries[0].results.runs[0].worker_names[1] must be a string, not a number"_s;
        QTest::newRow("task end missing") << editedTask([](QJsonObject &t) { t.remove(u"end_s"_s); })
                                          << u"entries[0].results.runs[0].tasks[1].end_s is missing"_s;
        QTest::newRow("task phase ill-typed") << editedTask([](QJsonObject &t) {
            QJsonObject p = t[u"phases"_s].toObject();
            p[u"compute_s"_s] = true;
            t[u"phases"_s] = p;
        }) << u"entries[0].results.runs[0].tasks[1].phases.compute_s must be a number, not a boolean"_s;
        QTest::newRow("sweep kind unknown") << edited([](QJsonObject &t) {
            QJsonObject sweep = t[u"sweep"_s].toObject();
            sweep[u"kind"_s] = u"threads"_s;
            t[u"sweep"_s] = sweep;
        }) << u"sweep.kind is \"threads\", expected workers or sizes"_s;
        QTest::newRow("sweep not an object") << edited([](QJsonObject &t) { t[u"sweep"_s] = 3; })
                                             << u"sweep must be an object, not a number"_s;
        QTest::newRow("sweep run wall missing") << edited([](QJsonObject &t) {
            QJsonObject sweep = t[u"sweep"_s].toObject();
            QJsonObject results = sweep[u"results"_s].toObject();
            QJsonArray runs = results[u"runs"_s].toArray();
            QJsonObject run = runs[1].toObject();
            run.remove(u"wall_s"_s);
            runs[1] = run;
            results[u"runs"_s] = runs;
            sweep[u"results"_s] = results;
            t[u"sweep"_s] = sweep;
        }) << u"sweep.results.runs[1].wall_s is missing"_s;
        QTest::newRow("task ends before it starts")
            << editedTask([](QJsonObject &t) { t[u"end_s"_s] = t[u"start_s"_s].toDouble() - 1; })
            << u"entries[0].results.runs[0].tasks[1].end_s is "_s;
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!SessionFile::parse(bytes, &error));
        QVERIFY2(error.startsWith(reason), qPrintable(error));
        QVERIFY2(!error.contains(u'\n'), qPrintable(error));

        // From a file the reason is the same, after the file's name.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bad.wordrace.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        QVERIFY(!SessionFile::read(path, &error));
        QVERIFY2(error.startsWith(u"bad.wordrace.json: "_s + reason), qPrintable(error));
    }

    void readRefusesWhatIsNoFile()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!SessionFile::read(dir.filePath(u"gone.wordrace.json"_s), &error));
        QVERIFY2(error.startsWith(u"cannot read gone.wordrace.json: "_s), qPrintable(error));
        QVERIFY(!SessionFile::read(dir.path(), &error));
        QVERIFY2(error.endsWith(u"it is a folder"_s), qPrintable(error));
    }

    void writeThenRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"class.wordrace.json"_s);
        const Session s = makeSession(50);
        QCOMPARE(SessionFile::write(path, s), QString());
        QString error;
        const auto back = SessionFile::read(path, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->entries.size(), 2);
        QCOMPARE(back->entries.at(1).results.at(5).tasks.size(), 50);
        QCOMPARE(back->entries.at(1).results.at(5).tasks.at(49).computeS,
                 s.entries.at(1).results.at(5).tasks.at(49).computeS);
    }

    void failedWriteKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"class.wordrace.json"_s);
        QCOMPARE(SessionFile::write(path, makeSession(2)), QString());
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray old = before.readAll();
        before.close();

        // A disk that fills up half-way: the process may write no file larger than 64 KiB (root
        // ignores permissions, not this), and the new session is far larger.
        const Session big = makeSession(5000);
        QVERIFY(SessionFile::serialize(big).size() > 1 << 20);
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = saved;
        small.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const QString error = SessionFile::write(path, big);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, oldHandler);

        QVERIFY2(error.startsWith(u"cannot write "_s), qPrintable(error));
        QVERIFY(!error.contains(u'\n'));
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), old);
        QVERIFY(SessionFile::read(path));
        // No half-written temporary left beside it either.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"class.wordrace.json"_s});
    }

    void writeToAMissingFolderSaysSo()
    {
        QTemporaryDir dir;
        const QString error =
            SessionFile::write(dir.filePath(u"no/such/folder/x.wordrace.json"_s), makeSession(1));
        QVERIFY2(error.startsWith(u"cannot write "_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
