#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "kernel/wordcounter.h"
#include "referencecounter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

std::unique_ptr<Corpus> openSpec(const QString &spec)
{
    QString error;
    auto c = Corpus::open(*CorpusSpec::parse(spec), &error);
    if (!c)
        qWarning("%s", qPrintable(error));
    return c;
}

// Tasks cover the corpus exactly, in order, and no task cuts a word or a character: counting each
// task's bytes on their own, with no context, gives the whole count.
void checkPlanCovers(const Corpus &corpus, const TaskPlan &plan)
{
    const std::string_view bytes = corpus.bytes();
    std::uint64_t at = 0;
    std::uint64_t isolated = 0;
    for (const Task &t : plan.tasks) {
        QCOMPARE(t.begin, at);
        QVERIFY(t.end > t.begin);
        isolated += WordCounter::count(bytes.substr(t.begin, t.bytes()));
        at = t.end;
    }
    QCOMPARE(at, corpus.size());
    QCOMPARE(isolated, WordCounter::count(bytes));
}

QString writeFile(QTemporaryDir &dir, const QByteArray &content)
{
    const QString path = dir.filePath(u"corpus.txt"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return {};
    return path;
}

} // namespace

class TestTaskPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultChunk_data()
    {
        QTest::addColumn<qulonglong>("lines");
        QTest::addColumn<int>("workers");
        QTest::addColumn<qulonglong>("chunk");
        QTest::newRow("lesson, 4 workers") << 30000000ull << 4 << 1875000ull;
        QTest::newRow("lesson, 2 workers") << 30000000ull << 2 << 3750000ull;
        QTest::newRow("rounds up") << 10ull << 2 << 2ull;
        QTest::newRow("fewer lines than parts") << 3ull << 4 << 1ull;
        QTest::newRow("no lines") << 0ull << 4 << 1ull;
    }
    void defaultChunk()
    {
        QFETCH(qulonglong, lines);
        QFETCH(int, workers);
        QFETCH(qulonglong, chunk);
        QCOMPARE(qulonglong(TaskPlanner::defaultChunkLines(lines, workers)), chunk);
    }

    void generatedPlans_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("workers");
        QTest::addColumn<qulonglong>("chunk"); // 0: default
        QTest::addColumn<int>("tasks");
        QTest::newRow("lesson:1000 default, 2 workers") << u"lesson:1000"_s << 2 << 0ull << 8;
        QTest::newRow("lesson:1000 chunk 1") << u"lesson:1000"_s << 2 << 1ull << 3000;
        QTest::newRow("lesson:1000 chunk 7") << u"lesson:1000"_s << 4 << 7ull << 429;
        QTest::newRow("nicehat, chunk 1 (one task per string)") << u"nicehat"_s << 4 << 1ull << 300;
        QTest::newRow("lesson:5 chunk 100") << u"lesson:5"_s << 2 << 100ull << 1;
        QTest::newRow("empty") << u"lesson:0"_s << 2 << 0ull << 0;
    }
    void generatedPlans()
    {
        QFETCH(QString, spec);
        QFETCH(int, workers);
        QFETCH(qulonglong, chunk);
        QFETCH(int, tasks);
        const auto corpus = openSpec(spec);
        QVERIFY(corpus);
        const auto plan =
            TaskPlanner::plan(*corpus, workers, chunk ? std::optional<std::uint64_t>(chunk) : std::nullopt);
        QVERIFY(plan);
        QCOMPARE(plan->tasks.size(), tasks);
        std::uint64_t lines = 0;
        for (const Task &t : plan->tasks) {
            QCOMPARE(t.firstLine, lines);
            lines += t.lines;
            // Every task but the last holds exactly linesPerTask lines, each ending in '\n'.
            const std::string_view b = corpus->bytes().substr(t.begin, t.bytes());
            QCOMPARE(std::uint64_t(std::count(b.begin(), b.end(), '\n')), t.lines);
        }
        QCOMPARE(lines, corpus->lineCount());
        checkPlanCovers(*corpus, *plan);
    }

    void filePlanMatchesLines()
    {
        const auto corpus = openSpec(QFINDTESTDATA("data/lesson-excerpt.txt"));
        QVERIFY(corpus);
        for (std::uint64_t chunk : {1u, 2u, 3u, 5u, 100u}) {
            const auto plan = TaskPlanner::plan(*corpus, 2, chunk);
            QVERIFY(plan);
            QCOMPARE(std::uint64_t(plan->tasks.size()), (corpus->lineCount() + chunk - 1) / chunk);
            checkPlanCovers(*corpus, *plan);
        }
    }

    void hugeLineIsSplitAtWhitespace_data()
    {
        QTest::addColumn<QByteArray>("word");
        QTest::newRow("ascii words") << "word "_ba;
        QTest::newRow("ideographic spaces") << "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x80"_ba; // 日本 + U+3000
        QTest::newRow("no-break spaces") << "caf\xC3\xA9\xC2\xA0"_ba;
    }
    void hugeLineIsSplitAtWhitespace()
    {
        QFETCH(QByteArray, word);
        QTemporaryDir dir;
        const QByteArray content = word.repeated(400000); // one line of megabytes
        const QString path = writeFile(dir, content);
        QVERIFY(!path.isEmpty());
        const auto corpus = openSpec(path);
        QVERIFY(corpus);
        const auto plan = TaskPlanner::plan(*corpus, 2, std::nullopt);
        QVERIFY(plan);
        QCOMPARE(plan->splitLines, 1);
        QVERIFY2(plan->tasks.size() >= 8, qPrintable(QString::number(plan->tasks.size())));
        checkPlanCovers(*corpus, *plan);
        QCOMPARE(WordCounter::count(corpus->bytes()), 400000u);
    }

    void hugeWordCannotBeSplit()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QByteArray(1 << 20, 'x'));
        const auto corpus = openSpec(path);
        QVERIFY(corpus);
        const auto plan = TaskPlanner::plan(*corpus, 2, std::nullopt);
        QVERIFY(plan);
        QCOMPARE(plan->tasks.size(), 1);
        checkPlanCovers(*corpus, *plan);
    }

    void longLineBetweenShortOnes()
    {
        QTemporaryDir dir;
        const QByteArray content =
            "short one\nshort two\n"_ba + "a b "_ba.repeated(100000) + "\nlast line\n"_ba;
        const auto corpus = openSpec(writeFile(dir, content));
        QVERIFY(corpus);
        const auto plan = TaskPlanner::plan(*corpus, 2, 1);
        QVERIFY(plan);
        QCOMPARE(plan->splitLines, 1);
        QCOMPARE(plan->tasks.first().lines, 1u);
        checkPlanCovers(*corpus, *plan);
    }

    void tooManyTasksIsRefused()
    {
        const auto corpus = openSpec(u"lesson:1000000"_s); // 3,000,000 lines
        QVERIFY(corpus);
        QString error;
        QVERIFY(!TaskPlanner::plan(*corpus, 2, 1, &error));
        QVERIFY2(error.contains(u"--chunk 2"_s), qPrintable(error));
        QVERIFY(TaskPlanner::plan(*corpus, 2, 2, &error));
    }
};

QTEST_GUILESS_MAIN(TestTaskPlanner)
#include "tst_taskplanner.moc"
