#include "engine/runner.h"
#include "model/experiment.h"
#include "patience.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <map>

using namespace wordrace;
using namespace Qt::StringLiterals;

namespace {

QList<RunResult> run(const Experiment &e)
{
    Runner runner;
    QList<RunResult> results;
    QObject::connect(&runner, &Runner::runFinished, [&](quint64, const RunResult &r) { results.append(r); });
    QSignalSpy done(&runner, &Runner::experimentFinished);
    runner.start(e);
    done.wait(kPatienceMs);
    return results;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

} // namespace

// Every mode of an experiment starts from the same state: a mode's cost must not depend on its
// place in the order. Checked on CPU seconds per byte, which another program on the machine barely
// moves (unlike wall time), with a wide margin: the fault this guards against made the first mode
// after the corpus was prepared count 5 to 10 times slower.
class TestOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modeCostDoesNotDependOnItsPlace()
    {
        const QList<Mode> forward{Mode::Sequential, Mode::Threads, Mode::Processes};
        QList<Mode> backward = forward;
        std::reverse(backward.begin(), backward.end());
        std::map<Mode, std::vector<double>> first, last;
        constexpr int kTries = 3; // fresh experiments, each preparing its corpus anew
        for (int t = 0; t < kTries; ++t) {
            for (const QList<Mode> &order : {forward, backward}) {
                Experiment e;
                e.corpus = CorpusSpec::lesson(3'000'000);
                e.modes = order;
                e.workers = 2;
                const QList<RunResult> r = run(e);
                QCOMPARE(r.size(), 3);
                for (const RunResult &x : r) {
                    QCOMPARE(x.words, 33'000'000u);
                    const double cpuPerByte =
                        std::max(1e-9, x.totalCpu().total() - x.samplerCpuS) / double(x.corpusBytes);
                    if (x.mode == order.first())
                        first[x.mode].push_back(cpuPerByte);
                    else if (x.mode == order.last())
                        last[x.mode].push_back(cpuPerByte);
                }
            }
        }
        for (Mode m : {Mode::Sequential, Mode::Processes}) {
            const double a = median(first[m]), b = median(last[m]);
            QVERIFY(a > 0.0 && b > 0.0);
            const double ratio = std::max(a, b) / std::min(a, b);
            QVERIFY2(ratio < 2.5,
                     qPrintable(u"%1 used %2 ns of CPU per KB first and %3 last (%4x)"_s.arg(modeName(m))
                                    .arg(a * 1e12, 0, 'f', 0)
                                    .arg(b * 1e12, 0, 'f', 0)
                                    .arg(ratio, 0, 'f', 2)));
        }
    }
};

QTEST_GUILESS_MAIN(TestOrder)
#include "tst_order.moc"
