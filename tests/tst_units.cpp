#include "io/units.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace wordrace;

// One rule for units: every view says a time, a count or a size the same way.
class TestUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seconds_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << u"0 s"_s;
        QTest::newRow("the GPL's 35 µs, never 0.000 s") << 35e-6 << u"35.0 µs"_s;
        QTest::newRow("milliseconds") << 0.05210 << u"52.10 ms"_s;
        QTest::newRow("just under a second") << 0.9994 << u"999.40 ms"_s;
        QTest::newRow("seconds") << 7.0714 << u"7.071 s"_s;
        QTest::newRow("negative stays signed") << -0.002 << u"-2.00 ms"_s;
        QTest::newRow("not a number") << std::numeric_limits<double>::quiet_NaN() << u"n/a"_s;
    }
    void seconds()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(Units::seconds(value), text);
    }

    void bytes_data()
    {
        QTest::addColumn<qulonglong>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("one") << 1ull << u"1 byte"_s;
        QTest::newRow("bytes") << 812ull << u"812 bytes"_s;
        QTest::newRow("KiB") << 3584ull << u"3.5 KiB"_s;
        QTest::newRow("the lesson corpus") << 580'000'000ull << u"553.1 MiB"_s;
        QTest::newRow("GiB") << 1'288'490'189ull << u"1.2 GiB"_s;
    }
    void bytes()
    {
        QFETCH(qulonglong, value);
        QFETCH(QString, text);
        QCOMPARE(Units::bytes(value), text);
    }

    void countsAndTicks()
    {
        QCOMPARE(Units::count(110'000'000), u"110,000,000"_s);
        QCOMPARE(Units::fixedSeconds(0.0521), u"0.052 s"_s);
        QCOMPARE(Units::axisSeconds(0.005, 0.005), u"0.005 s"_s);
        QCOMPARE(Units::axisSeconds(12.0, 2.0), u"12 s"_s);
        QCOMPARE(Units::axisSeconds(-1e-12, 0.001), u"0.000 s"_s);
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
