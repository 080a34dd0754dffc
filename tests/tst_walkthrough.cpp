#include "analysis/walkthrough.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

Scenario step(const QString &id, int choices)
{
    Scenario s;
    s.id = id;
    for (int i = 0; i < choices; ++i)
        s.choices << u"choice %1"_s.arg(i);
    return s;
}

Verdict verdict(const QString &headline)
{
    Verdict v;
    v.answer = u"choice 0"_s;
    v.headline = headline;
    return v;
}

} // namespace

// The lesson walkthrough's steps, as a presenter's clicker drives them.
class TestWalkthrough : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lessonStepsAreTheLessonsOrder()
    {
        const QList<Scenario> steps = Walkthrough::lessonSteps(2);
        QStringList ids;
        for (const Scenario &s : steps) {
            ids << s.id;
            QVERIFY2(!s.notes.isEmpty(), qPrintable(s.id)); // the presenter's notes
        }
        QCOMPARE(ids, (QStringList{u"delays"_s, u"return-values"_s, u"race"_s, u"web-scraping"_s,
                                   u"cpu-bound-gil"_s, u"tiny-tasks"_s, u"zombies"_s}));
    }

    void questionRunRevealNext()
    {
        Walkthrough w({step(u"a"_s, 3), step(u"b"_s, 2)});
        QCOMPARE(w.phase(), Walkthrough::Phase::Question);
        QVERIFY(w.vote(0));
        QVERIFY(w.vote(2));
        QVERIFY(w.vote(2));
        QVERIFY(!w.vote(3)); // no such choice
        QCOMPARE(w.tally(), (QList<int>{1, 0, 2}));
        QCOMPARE(w.forward(), Walkthrough::Action::Run);
        QCOMPARE(w.phase(), Walkthrough::Phase::Running);
        QVERIFY(!w.vote(0));                              // votes close when the run starts
        QCOMPARE(w.forward(), Walkthrough::Action::None); // a clicker press mid-run changes nothing
        w.back();
        QCOMPARE(w.phase(), Walkthrough::Phase::Running);
        w.runEnded(verdict(u"a won"_s));
        QCOMPARE(w.phase(), Walkthrough::Phase::Reveal);
        QCOMPARE(w.verdict()->headline, u"a won"_s);
        QCOMPARE(w.forward(), Walkthrough::Action::None);
        QCOMPARE(w.step(), 1);
        QCOMPARE(w.phase(), Walkthrough::Phase::Question);
        QCOMPARE(w.tally(), (QList<int>{0, 0}));
        // PageUp from a question goes back to the previous step's reveal, its votes kept.
        w.back();
        QCOMPARE(w.step(), 0);
        QCOMPARE(w.phase(), Walkthrough::Phase::Reveal);
        QCOMPARE(w.tally(), (QList<int>{1, 0, 2}));
        w.back();
        QCOMPARE(w.phase(), Walkthrough::Phase::Question);
        w.back();
        QCOMPARE(w.step(), 0); // nothing before the first
    }

    void aRunWithoutVerdictAsksAgain()
    {
        Walkthrough w({step(u"a"_s, 2)});
        QCOMPARE(w.forward(), Walkthrough::Action::Run);
        w.runEnded(std::nullopt); // cancelled or failed
        QCOMPARE(w.phase(), Walkthrough::Phase::Question);
        QVERIFY(!w.verdict());
    }

    void theLastRevealFinishes()
    {
        Walkthrough w({step(u"a"_s, 2)});
        w.forward();
        w.runEnded(verdict(u"done"_s));
        QCOMPARE(w.forward(), Walkthrough::Action::Finish);
        QCOMPARE(w.step(), 0);
    }

    void resumesAtAStep_data()
    {
        QTest::addColumn<int>("asked");
        QTest::addColumn<int>("step");
        QTest::newRow("in range") << 1 << 1;
        QTest::newRow("past the end") << 9 << 2;
        QTest::newRow("negative") << -3 << 0;
    }
    void resumesAtAStep()
    {
        QFETCH(int, asked);
        QFETCH(int, step);
        Walkthrough w({::step(u"a"_s, 2), ::step(u"b"_s, 2), ::step(u"c"_s, 2)});
        w.goTo(asked);
        QCOMPARE(w.step(), step);
        QCOMPARE(w.phase(), Walkthrough::Phase::Question);
    }
};

QTEST_GUILESS_MAIN(TestWalkthrough)
#include "tst_walkthrough.moc"
