#include "analysis/sweep.h"
#include "charts/chartexporter.h"
#include "charts/overheadchart.h"
#include "charts/scalingchart.h"
#include "charts/theme.h"
#include "charts/wallcpuchart.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QCategoryAxis>
#include <QFile>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

// The lesson's numbers: Pool.map's wall 7.07 s, and the 2.68 s of CPU %time showed.
QList<RunResult> lessonResults()
{
    QList<RunResult> runs;
    const struct
    {
        Mode mode;
        int workers;
        double wall, user, sys, parent;
        bool inside;
    } rows[] = {{Mode::Sequential, 1, 5.2, 5.1, 0.1, 5.2, true},
                {Mode::Threads, 4, 5.6, 5.4, 0.3, 5.7, true},
                {Mode::Processes, 4, 7.07, 9.0, 0.8, 2.68, false}};
    for (const auto &row : rows) {
        RunResult r;
        r.mode = row.mode;
        r.workers = row.workers;
        r.corpus = CorpusSpec::lesson();
        r.words = 110'000'000;
        r.wallS = row.wall;
        r.workersInsideParent = row.inside;
        r.parentCpu = {row.parent, 0.0};
        r.workersCpu = row.inside ? CpuTimes{row.user, row.sys} : CpuTimes{row.user - row.parent, row.sys};
        if (row.inside)
            r.parentCpu = {row.user, row.sys};
        for (int w = 0; w < row.workers; ++w)
            r.workerNames << (row.inside ? u"thread %1"_s : u"pid %1"_s).arg(100 + w);
        for (int t = 0; t < 4 * row.workers; ++t) {
            TaskRecord rec;
            rec.task = t;
            rec.worker = t % row.workers;
            rec.startS = (t / row.workers) * row.wall / 4;
            rec.endS = rec.startS + row.wall / 4 * 0.95;
            rec.words = 110'000'000 / (4 * row.workers);
            rec.bytes = rec.words * 5;
            r.tasks.append(rec);
        }
        r.taskCount = r.tasks.size();
        runs.append(r);
    }
    return runs;
}

// Hard cases for the wall/CPU chart's labels: named sets of runs.
QList<RunResult> labelCase(const QString &name)
{
    QList<RunResult> runs;
    const auto run = [&](Mode mode, int workers, double wall, double cpu, double parent, int repetition = 0) {
        RunResult r;
        r.mode = mode;
        r.workers = workers;
        r.corpus = CorpusSpec::lesson();
        r.wallS = wall;
        r.repetition = repetition;
        r.workersInsideParent = mode != Mode::Processes;
        r.parentCpu = {r.workersInsideParent ? cpu : parent, 0.0};
        r.workersCpu = {r.workersInsideParent ? cpu : cpu - parent, 0.0};
        runs.append(r);
    };
    if (name == u"lesson") {
        runs = lessonResults();
    } else if (name == u"equal") {
        for (Mode m : {Mode::Sequential, Mode::Threads, Mode::Processes})
            run(m, 2, 1.0, 1.0, 0.1);
    } else if (name == u"nearly equal") {
        run(Mode::Sequential, 1, 1.000, 0.999, 0.999);
        run(Mode::Threads, 2, 1.001, 1.002, 1.002);
        run(Mode::Processes, 2, 0.999, 1.001, 0.05);
    } else if (name == u"tiny and huge") {
        run(Mode::Sequential, 1, 12.5, 12.4, 12.4);
        run(Mode::Threads, 2, 3e-6, 5e-6, 5e-6);
        run(Mode::Processes, 8, 0.0004, 0.002, 0.0001);
    } else if (name == u"repeated with whiskers") {
        for (int rep = 0; rep < 5; ++rep) {
            run(Mode::Sequential, 1, 0.020 + 0.004 * rep, 0.020 + 0.004 * rep, 0.02);
            run(Mode::Threads, 2, 0.012 + 0.006 * rep, 0.022 + 0.003 * rep, 0.02);
            run(Mode::Processes, 2, 0.016 + 0.010 * rep, 0.030 + 0.004 * rep, 0.001);
        }
    } else if (name == u"seven modes") {
        double wall = 0.9;
        for (Mode m : allModes()) {
            run(m, 4, wall, wall * 1.7, wall * 0.2);
            wall *= 1.3;
        }
    } else if (name == u"CPU far past wall") {
        run(Mode::Sequential, 1, 0.8, 0.8, 0.8);
        run(Mode::Processes, 64, 0.1, 6.2, 0.01);
    }
    return runs;
}

// The runs of the overhead chart's hard cases.
QList<RunResult> overheadCase(const QString &name)
{
    QList<RunResult> runs;
    const auto run = [&](Mode mode, int workers, double wall, int repetition = 0) {
        RunResult r;
        r.mode = mode;
        r.workers = workers;
        r.repetition = repetition;
        r.wallS = wall;
        r.overhead.startupS = mode == Mode::Processes ? 0.002 * workers : 0.0;
        r.overhead.computeS = wall * workers * 0.7;
        r.overhead.transferS = mode == Mode::Processes ? wall * 0.05 : 0.0;
        r.overhead.gatherS = wall * workers * 0.05;
        r.overhead.idleS = wall * workers * 0.2;
        runs.append(r);
    };
    if (name == u"one run") {
        run(Mode::Sequential, 1, 0.02);
    } else if (name == u"three modes") {
        run(Mode::Sequential, 1, 0.02);
        run(Mode::Threads, 2, 0.012);
        run(Mode::Processes, 2, 0.014);
    } else if (name == u"repeated") {
        for (int rep = 0; rep < 3; ++rep)
            for (Mode m : {Mode::Sequential, Mode::Threads, Mode::Processes})
                run(m, 2, 0.01 + 0.001 * rep, rep);
    } else if (name == u"every mode, 64 workers") {
        for (Mode m : allModes())
            run(m, 64, 0.5);
    } else if (name == u"tiny and huge") {
        run(Mode::Sequential, 1, 12.5);
        run(Mode::Processes, 8, 3e-6);
    }
    return runs;
}

// The sweeps of the scaling chart's hard cases: its kind and runs.
std::pair<Sweep::Kind, QList<RunResult>> sweepCase(const QString &name)
{
    QList<RunResult> runs;
    const auto run = [&](Mode mode, int workers, double wall, std::uint64_t repeat = 1000) {
        RunResult r;
        r.mode = mode;
        r.workers = workers;
        r.corpus = CorpusSpec::lesson(repeat);
        r.corpusBytes = repeat * 58;
        r.words = repeat * 11;
        r.wallS = wall;
        runs.append(r);
    };
    if (name.startsWith(u"workers")) {
        run(Mode::Sequential, 1, 1.0);
        const QList<int> counts =
            name.endsWith(u"64") ? QList<int>{1, 2, 4, 8, 16, 32, 64} : QList<int>{1, 2, 4};
        for (Mode m : {Mode::Threads, Mode::Processes, Mode::PythonProcesses})
            for (int n : counts)
                run(m, n,
                    (m == Mode::Processes ? 0.05 : 0.0) +
                        1.0 / std::min(n, 2) * (m == Mode::PythonProcesses ? 1.1 : 1.0));
        return {Sweep::Kind::Workers, runs};
    }
    for (std::uint64_t repeat : {100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull}) {
        const double seq = 2e-6 * double(repeat);
        run(Mode::Sequential, 1, seq, repeat);
        run(Mode::Threads, 2, 0.0004 + seq / 1.9, repeat);
        run(Mode::Processes, 2, 0.002 + seq / 1.8, repeat);
    }
    return {Sweep::Kind::Sizes, runs};
}

// Every text a chart shows as an item (titles, axis labels and titles, legend entries, its own
// labels), with the rectangle its letters take in the scene.
struct TextBox
{
    QRectF rect;
    QString text;
};
QList<TextBox> textBoxes(const QGraphicsScene &scene)
{
    QList<TextBox> boxes;
    for (const QGraphicsItem *item : scene.items()) {
        if (!item->isVisible())
            continue;
        if (const auto *t = qgraphicsitem_cast<const QGraphicsTextItem *>(item)) {
            const QString text = t->toPlainText().trimmed();
            if (text.isEmpty())
                continue;
            const qreal margin = t->document()->documentMargin();
            boxes.append(
                {t->mapRectToScene(t->boundingRect().adjusted(margin, margin, -margin, -margin)), text});
        } else if (const auto *t = qgraphicsitem_cast<const QGraphicsSimpleTextItem *>(item)) {
            if (!t->text().trimmed().isEmpty())
                boxes.append({t->sceneBoundingRect(), t->text()});
        }
    }
    return boxes;
}

bool sameRgb(QRgb a, const QColor &b)
{
    return qRed(a) == b.red() && qGreen(a) == b.green() && qBlue(a) == b.blue();
}

} // namespace

class TestChartExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEveryFormat_data()
    {
        QTest::addColumn<ChartKind>("kind");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("projector");
        for (ChartKind kind : {ChartKind::WallCpu, ChartKind::Timeline}) {
            for (const QString &suffix : {u"png"_s, u"svg"_s, u"pdf"_s}) {
                for (const QSize &size : {QSize(900, 600), QSize(1920, 1080), QSize(3840, 2160)}) {
                    const QString name = u"%1 %2 %3x%4"_s.arg(ChartExporter::kindName(kind), suffix)
                                             .arg(size.width())
                                             .arg(size.height());
                    QTest::newRow(qPrintable(name)) << kind << suffix << size << false;
                }
                QTest::newRow(qPrintable(u"%1 %2 projector"_s.arg(ChartExporter::kindName(kind), suffix)))
                    << kind << suffix << QSize(1920, 1080) << true;
            }
        }
    }

    void writesEveryFormat()
    {
        QFETCH(ChartKind, kind);
        QFETCH(QString, suffix);
        QFETCH(QSize, size);
        QFETCH(bool, projector);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"chart."_s + suffix);
        ChartSource source;
        source.kind = kind;
        source.results = lessonResults();
        source.title = ChartExporter::defaultTitle(kind, source.results);
        QString error;
        QVERIFY2(
            ChartExporter::write(source, projector ? Theme::projector() : Theme::light(), path, size, &error),
            qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (suffix == u"png") {
            QImage image;
            QVERIFY(image.loadFromData(bytes, "PNG"));
            QCOMPARE(image.size(), size);
            // Not a blank page: the mode colours are in it.
            bool coloured = false;
            const QColor blue = Theme::modeColor(Mode::Sequential);
            for (int y = 0; y < image.height() && !coloured; y += 2)
                for (int x = 0; x < image.width() && !coloured; x += 2)
                    coloured = sameRgb(image.pixel(x, y), blue);
            QVERIFY(coloured);
        } else if (suffix == u"svg") {
            QVERIFY2(bytes.startsWith("<?xml"), bytes.left(40).constData());
            QVERIFY(bytes.contains("<svg"));
            const QSize logical = ChartExporter::logicalSize(size);
            QVERIFY(bytes.contains(
                u"viewBox=\"0 0 %1 %2\""_s.arg(logical.width()).arg(logical.height()).toUtf8()));
            QVERIFY(bytes.contains("sequential"));
        } else {
            QVERIFY2(bytes.startsWith("%PDF"), bytes.left(10).constData());
            QVERIFY(bytes.size() > 1000);
        }
    }

    // An exported chart says what it shows: corpus, workers and the conditions shared by its runs.
    void titlesNameTheConditions()
    {
        QList<RunResult> results = lessonResults();
        QString title = ChartExporter::defaultTitle(ChartKind::WallCpu, results);
        QVERIFY2(title.contains(results.first().corpus.displayName()), qPrintable(title));
        QVERIFY2(title.contains(u"workers"_s), qPrintable(title));
        QVERIFY2(!title.contains(u"GIL"_s), qPrintable(title));
        for (RunResult &r : results) {
            r.knobs.gil = true;
            r.knobs.workPerWordNs = 95;
        }
        title = ChartExporter::defaultTitle(ChartKind::Timeline, results);
        QVERIFY2(title.contains(conditionsText(results.first().knobs)), qPrintable(title));
        results.first().knobs = Knobs{}; // runs that differ: no shared condition to name
        title = ChartExporter::defaultTitle(ChartKind::Overhead, results);
        QVERIFY2(!title.contains(u"GIL"_s), qPrintable(title));
    }

    void reportsWriteFailures_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing folder") << u"/nonexistent-wordrace-folder/chart.png"_s << u"cannot write"_s;
        QTest::newRow("unknown format") << u"chart.bmp"_s << u"unknown format"_s;
    }

    void reportsWriteFailures()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        ChartSource source;
        source.results = lessonResults();
        QString error;
        QVERIFY(!ChartExporter::write(source, Theme::light(), path, QSize(800, 600), &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    void bigExportsKeepTheirProportions()
    {
        QCOMPARE(ChartExporter::logicalSize(QSize(3840, 2160)), QSize(1920, 1080));
        QCOMPARE(ChartExporter::logicalSize(QSize(1920, 1080)), QSize(1920, 1080));
        QCOMPARE(ChartExporter::logicalSize(QSize(800, 600)), QSize(800, 600));
        const QImage image = ChartExporter::image({ChartKind::WallCpu, lessonResults(), {}, {}, 0.0},
                                                  Theme::light(), QSize(3840, 2160));
        QCOMPARE(image.size(), QSize(3840, 2160));
    }

    void barsShowTheNumbers()
    {
        // Wall and CPU bars are as long as the run's numbers, in the mode's colour, and the CPU
        // bar of processes is longer than the parent's CPU the lesson's %time saw.
        WallCpuChart *chart = new WallCpuChart;
        QGraphicsScene scene;
        scene.addItem(chart);
        const QList<RunResult> runs = lessonResults();
        chart->setResults(runs);
        chart->setGeometry(QRectF(0, 0, 1200, 800));
        chart->layout()->activate();
        QImage img(1200, 800, QImage::Format_ARGB32);
        img.fill(Qt::white);
        QPainter p(&img);
        scene.render(&p, img.rect(), img.rect());
        p.end();
        const QRectF zero = chart->barRect(0, false);
        const double pxPerSecond = zero.width() / runs[0].wallS;
        for (int i = 0; i < runs.size(); ++i) {
            const QRectF wall = chart->barRect(i, false);
            const QRectF cpu = chart->barRect(i, true);
            QVERIFY(wall.isValid() && cpu.isValid());
            QCOMPARE(qRound(wall.width()), qRound(runs[i].wallS * pxPerSecond));
            QCOMPARE(qRound(cpu.width()), qRound(runs[i].totalCpu().total() * pxPerSecond));
            QVERIFY(sameRgb(img.pixel(wall.center().toPoint()), Theme::modeColor(runs[i].mode)));
        }
        QVERIFY(runs[2].totalCpu().total() > runs[2].parentCpu.total() * 3);
        QVERIFY(chart->axisMax() >= chart->largestTime());
    }

    // No label of the wall/CPU chart covers another, a bar or a whisker, or leaves the chart, over
    // hard cases and sizes from a phone-sized export to a projector; where there is room, every
    // bar has its number.
    void labelsNeverCollide_data()
    {
        QTest::addColumn<QString>("cases");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("projector");
        const QStringList cases{u"lesson"_s,
                                u"equal"_s,
                                u"nearly equal"_s,
                                u"tiny and huge"_s,
                                u"repeated with whiskers"_s,
                                u"seven modes"_s,
                                u"CPU far past wall"_s};
        const QList<QPair<QSize, bool>> sizes{{QSize(960, 620), false},
                                              {QSize(560, 380), false},
                                              {QSize(400, 300), false},
                                              {QSize(960, 620), true},
                                              {QSize(1800, 900), true}};
        for (const QString &c : cases)
            for (const auto &[size, projector] : sizes)
                QTest::newRow(qPrintable(u"%1, %2x%3%4"_s.arg(c)
                                             .arg(size.width())
                                             .arg(size.height())
                                             .arg(projector ? u", projector"_s : QString())))
                    << c << size << projector;
    }

    void labelsNeverCollide()
    {
        QFETCH(QString, cases);
        QFETCH(QSize, size);
        QFETCH(bool, projector);
        auto *chart = new WallCpuChart;
        QGraphicsScene scene;
        scene.addItem(chart);
        chart->setTheme(projector ? Theme::projector() : Theme::light());
        chart->setResults(labelCase(cases));
        chart->setGeometry(QRectF(QPointF(0, 0), size));
        chart->layout()->activate();
        QCoreApplication::processEvents();
        const QList<WallCpuChart::Annotation> labels = chart->annotations();
        const QList<QRectF> marks = chart->marks();
        QVERIFY(!marks.isEmpty());
        for (qsizetype i = 0; i < labels.size(); ++i) {
            const WallCpuChart::Annotation &a = labels.at(i);
            const QString what = u"\"%1\" at %2,%3 %4x%5"_s.arg(a.text)
                                     .arg(a.rect.x())
                                     .arg(a.rect.y())
                                     .arg(a.rect.width())
                                     .arg(a.rect.height());
            QVERIFY2(chart->rect().contains(a.rect), qPrintable(what + u" leaves the chart"_s));
            for (qsizetype j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!a.rect.intersects(labels.at(j).rect),
                         qPrintable(what + u" covers \""_s + labels.at(j).text + u'"'));
            const QRectF own = chart->barRect(a.row, a.cpu);
            for (const QRectF &m : marks) {
                if (a.inside && m == own) {
                    QVERIFY2(a.rect.left() >= own.left() && a.rect.right() <= own.right(),
                             qPrintable(what + u" spills out of its bar"_s));
                    continue;
                }
                QVERIFY2(!a.rect.intersects(m), qPrintable(what + u" covers a bar or a whisker"_s));
            }
        }
        // Room enough (a desk-sized chart of a few modes): every bar has its number.
        const int bars = 2 * int(chart->rows().size());
        const int numbers = int(std::count_if(labels.cbegin(), labels.cend(),
                                              [](const WallCpuChart::Annotation &a) { return !a.note; }));
        if (size.width() >= 900 && !projector && chart->rows().size() <= 3)
            QCOMPARE(numbers, bars);
    }

    // The overhead and scaling charts over their own hard cases: no text item covers another or
    // leaves the chart, none is elided (the scaling chart's key included: it wraps a long entry),
    // and the key keeps clear of every other text.
    void otherChartsTextsNeverCollide_data()
    {
        QTest::addColumn<QString>("chart");
        QTest::addColumn<QString>("cases");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("projector");
        // The last desk size: one of two runs compared side by side on a 1366x768 screen.
        const QList<QPair<QSize, bool>> sizes{{QSize(1200, 330), false}, {QSize(960, 620), false},
                                              {QSize(560, 380), false},  {QSize(960, 620), true},
                                              {QSize(1800, 900), true},  {QSize(470, 300), false}};
        const QList<QPair<QString, QString>> cases{{u"overhead"_s, u"one run"_s},
                                                   {u"overhead"_s, u"three modes"_s},
                                                   {u"overhead"_s, u"repeated"_s},
                                                   {u"overhead"_s, u"every mode, 64 workers"_s},
                                                   {u"overhead"_s, u"tiny and huge"_s},
                                                   {u"speed-up"_s, u"workers"_s},
                                                   {u"speed-up"_s, u"workers to 64"_s},
                                                   {u"efficiency"_s, u"workers to 64"_s},
                                                   {u"sizes"_s, u"sizes"_s},
                                                   {u"sizes-speedup"_s, u"sizes"_s},
                                                   {u"wall/CPU"_s, u"lesson"_s},
                                                   {u"wall/CPU"_s, u"repeated with whiskers"_s}};
        for (const auto &[chart, c] : cases)
            for (const auto &[size, projector] : sizes)
                QTest::newRow(qPrintable(u"%1, %2, %3x%4%5"_s.arg(chart, c)
                                             .arg(size.width())
                                             .arg(size.height())
                                             .arg(projector ? u", projector"_s : QString())))
                    << chart << c << size << projector;
    }

    void otherChartsTextsNeverCollide()
    {
        QFETCH(QString, chart);
        QFETCH(QString, cases);
        QFETCH(QSize, size);
        QFETCH(bool, projector);
        QGraphicsScene scene;
        const Theme theme = projector ? Theme::projector() : Theme::light();
        QChart *item = nullptr;
        ScalingChart *scaling = nullptr;
        if (chart == u"wall/CPU") {
            auto *wall = new WallCpuChart;
            wall->setTheme(theme);
            wall->setResults(labelCase(cases));
            wall->setTitle(u"Wall time vs CPU time"_s);
            item = wall;
        } else if (chart == u"overhead") {
            auto *overhead = new OverheadChart;
            overhead->setTheme(theme);
            overhead->setResults(overheadCase(cases));
            // As tall as the race's pane makes it for these runs.
            size.setHeight(std::max(size.height(), int(overhead->minimumHeight())));
            item = overhead;
        } else {
            scaling = new ScalingChart;
            scaling->setTheme(theme);
            scaling->setView(*ScalingChart::viewFromName(chart == u"speed-up" ? u"scaling"_s : chart));
            const auto [kind, runs] = sweepCase(cases);
            const Sweep sweep(kind, runs, 2);
            scaling->setSweep(sweep);
            scaling->setTitle(ScalingChart::defaultTitle(scaling->view(), sweep));
            item = scaling;
        }
        scene.addItem(item);
        // The Scaling tab gives a chart the height it asks for at its width, and scrolls.
        if (scaling)
            size.setHeight(std::max(size.height(), int(std::ceil(scaling->heightFor(size.width())))));
        item->setGeometry(QRectF(QPointF(0, 0), size));
        item->layout()->activate();
        QCoreApplication::processEvents();
        // Drawn once, as Qt Charts lays some labels out when it paints.
        QImage img(size, QImage::Format_ARGB32);
        QPainter painter(&img);
        scene.render(&painter);
        painter.end();
        QList<TextBox> boxes = textBoxes(scene);
        QVERIFY(boxes.size() >= 4);
        if (scaling) {
            const auto key = scaling->keyTexts();
            QVERIFY(!key.isEmpty());
            for (const auto &[rect, text] : key)
                boxes.append({rect, text});
        }
        const QRectF bounds = item->rect().adjusted(-1, -1, 1, 1);
        for (qsizetype i = 0; i < boxes.size(); ++i) {
            const TextBox &a = boxes.at(i);
            const QString what = u"\"%1\" at %2,%3 %4x%5"_s.arg(a.text)
                                     .arg(a.rect.x())
                                     .arg(a.rect.y())
                                     .arg(a.rect.width())
                                     .arg(a.rect.height());
            QVERIFY2(bounds.contains(a.rect), qPrintable(what + u" leaves the chart"_s));
            QVERIFY2(!a.text.contains(u'…') && !a.text.endsWith(u"..."_s),
                     qPrintable(what + u" is elided"_s));
            for (qsizetype j = i + 1; j < boxes.size(); ++j)
                QVERIFY2(!a.rect.intersects(boxes.at(j).rect),
                         qPrintable(what + u" covers \""_s + boxes.at(j).text + u'"'));
            const bool inKey = scaling && scaling->keyRect().contains(a.rect);
            if (scaling && !inKey)
                QVERIFY2(!a.rect.intersects(scaling->keyRect()), qPrintable(what + u" covers the key"_s));
        }
    }

    // Every bar is named: where a mode's rows are too short for the second line (runs, cores
    // busy), the mode's name stands alone rather than being hidden by Qt for overlapping.
    void everyModeIsNamed_data()
    {
        QTest::addColumn<int>("height");
        QTest::addColumn<bool>("twoLines");
        QTest::newRow("projector, short") << 330 << false;
        QTest::newRow("projector, tall") << 900 << true;
    }
    void everyModeIsNamed()
    {
        QFETCH(int, height);
        QFETCH(bool, twoLines);
        auto *chart = new WallCpuChart;
        QGraphicsScene scene;
        scene.addItem(chart);
        chart->setTheme(Theme::projector());
        const QList<RunResult> runs = lessonResults();
        chart->setResults(runs);
        chart->setGeometry(QRectF(0, 0, 900, height));
        chart->layout()->activate();
        QCoreApplication::processEvents();
        auto *axis = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
        QVERIFY(axis);
        const QStringList labels = axis->categoriesLabels();
        QCOMPARE(labels.size(), runs.size());
        const QFontMetricsF fm(axis->labelsFont());
        const qreal pitch = chart->plotArea().height() / qreal(runs.size());
        // What Qt draws: a visible label item for every mode (it hides one that overlaps another).
        QImage img(900, height, QImage::Format_ARGB32);
        QPainter painter(&img);
        scene.render(&painter);
        painter.end();
        for (const RunResult &r : runs) {
            const QList<QGraphicsItem *> items = scene.items();
            const bool shown = std::any_of(items.cbegin(), items.cend(), [&](const QGraphicsItem *item) {
                const auto *text = qgraphicsitem_cast<const QGraphicsTextItem *>(item);
                return text && text->isVisible() && text->toPlainText().startsWith(modeName(r.mode));
            });
            QVERIFY2(shown, qPrintable(modeName(r.mode)));
        }
        for (qsizetype i = 0; i < labels.size(); ++i) {
            QVERIFY2(labels.at(i).contains(modeName(runs.at(i).mode)), qPrintable(labels.at(i)));
            QCOMPARE(labels.at(i).contains(u"<br>"_s), twoLines);
            const qsizetype lines = labels.at(i).count(u"<br>"_s) + 1;
            QVERIFY2(fm.lineSpacing() * qreal(lines) <= pitch, qPrintable(labels.at(i)));
        }
    }

    void projectorTypeIsBig()
    {
        // At 1920x1080 the projector look keeps every number and label at 24 px or more.
        const Theme t = Theme::projector();
        QVERIFY(t.textPx >= 24);
        QVERIFY(t.titlePx > t.textPx);
        WallCpuChart chart;
        chart.setTheme(t);
        chart.setResults(lessonResults());
        const auto axes = chart.axes();
        QCOMPARE(axes.size(), 2);
        for (QAbstractAxis *axis : axes)
            QVERIFY(axis->labelsFont().pixelSize() >= 24);
        QVERIFY(chart.titleFont().pixelSize() >= 24);
    }

    void modeColoursAreOkabeIto()
    {
        QCOMPARE(Theme::modeColor(Mode::Sequential), QColor(0x00, 0x72, 0xb2));
        QCOMPARE(Theme::modeColor(Mode::Threads), QColor(0xd5, 0x5e, 0x00));
        QCOMPARE(Theme::modeColor(Mode::Processes), QColor(0x00, 0x9e, 0x73));
        for (Theme::Kind kind : {Theme::Kind::Light, Theme::Kind::Dark, Theme::Kind::Projector})
            QCOMPARE(Theme::kindFromName(Theme::name(kind)), kind);
        QVERIFY(!Theme::kindFromName(u"neon"_s));
    }
};

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
