#include "clirun.h"

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// No display at all: the chart command must find its way to the offscreen platform by itself.
QProcessEnvironment headless()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    return env;
}

CliRun runHeadless(const QStringList &args)
{
    return runCli(args, headless());
}

} // namespace

class TestChartCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_json;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_json = m_dir.filePath(u"nicehat.json"_s);
        const CliRun r = runHeadless({u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--json"_s, m_json});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFile::exists(m_json));
    }

    void drawsWithoutDisplay_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QSize>("size");
        for (const QString &kind : {u"wall-cpu"_s, u"timeline"_s}) {
            for (const QString &suffix : {u"png"_s, u"svg"_s, u"pdf"_s}) {
                QTest::newRow(qPrintable(kind + u' ' + suffix))
                    << kind << suffix << QStringList() << QSize(1920, 1080);
                QTest::newRow(qPrintable(kind + u' ' + suffix + u" 4K projector"_s))
                    << kind << suffix
                    << QStringList{u"--size"_s, u"3840x2160"_s, u"--theme"_s, u"projector"_s}
                    << QSize(3840, 2160);
            }
            QTest::newRow(qPrintable(kind + u" small"_s))
                << kind << u"png"_s << QStringList{u"--size"_s, u"640x480"_s} << QSize(640, 480);
        }
    }

    void drawsWithoutDisplay()
    {
        QFETCH(QString, kind);
        QFETCH(QString, suffix);
        QFETCH(QStringList, extra);
        QFETCH(QSize, size);
        const QString out =
            m_dir
                .filePath(
                    u"%1-%2.%3"_s.arg(kind).arg(QString::fromLatin1(QTest::currentDataTag())).arg(suffix))
                .replace(u' ', u'_');
        const CliRun r =
            runHeadless(QStringList{u"chart"_s, m_json, u"--kind"_s, kind, u"--out"_s, out} + extra);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // nothing to say when all went well
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (suffix == u"png") {
            QImage image;
            QVERIFY(image.loadFromData(bytes, "PNG"));
            QCOMPARE(image.size(), size);
        } else if (suffix == u"svg") {
            QVERIFY(bytes.startsWith("<?xml"));
            QVERIFY(bytes.contains("<svg"));
        } else {
            QVERIFY(bytes.startsWith("%PDF"));
        }
    }

    // The damage the issue found drawn as pictures (and a worker number that hung chart), made
    // from a real run's file: refused with exit 2, one line naming the file and the field, quickly.
    void refusesDamagedResults_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("tasks null") << u"tasks"_s << "null"_ba << u"runs[0]: tasks must be an array"_s;
        QTest::newRow("tasks a string") << u"tasks"_s << "\"x\""_ba << u"runs[0]: tasks must be an array"_s;
        QTest::newRow("a null task") << u"tasks"_s << "[null]"_ba << u"runs[0]: tasks[0] must be an object"_s;
        QTest::newRow("worker a string")
            << u"tasks"_s << "[{\"worker\":\"a\"}]"_ba << u"runs[0]: tasks[0].worker must be a number"_s;
        QTest::newRow("absurd task")
            << u"tasks"_s << R"([{"worker":99999999,"start_s":-5,"end_s":1e300,"words":-1,"bytes":-1}])"_ba
            << u"runs[0]: tasks[0].worker is 99999999"_s;
        QTest::newRow("wall a string") << u"wall_s"_s << "\"x\""_ba << u"runs[0]: wall_s must be a number"_s;
        QTest::newRow("wall null") << u"wall_s"_s << "null"_ba << u"runs[0]: wall_s must be a number"_s;
        QTest::newRow("workers a word")
            << u"workers"_s << "\"two\""_ba << u"runs[0]: workers must be a number"_s;
    }
    void refusesDamagedResults()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, value);
        QFETCH(QString, named);
        QFile good(m_json);
        QVERIFY(good.open(QIODevice::ReadOnly));
        QJsonObject doc = QJsonDocument::fromJson(good.readAll()).object();
        QJsonArray runs = doc[u"runs"_s].toArray();
        QJsonObject run = runs.first().toObject();
        run[key] = QJsonDocument::fromJson("[" + value + "]").array().first();
        runs[0] = run;
        doc[u"runs"_s] = runs;
        const QString damaged = m_dir.filePath(u"damaged.json"_s);
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QJsonDocument(doc).toJson());
        out.close();
        for (const QString &kind : {u"timeline"_s, u"wall-cpu"_s}) {
            const CliRun r = runHeadless(
                {u"chart"_s, damaged, u"--kind"_s, kind, u"--out"_s, m_dir.filePath(u"damaged.png"_s)});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.count('\n') == 1, r.err.constData());
            QVERIFY2(
                QString::fromUtf8(r.err).startsWith(u"wordrace-cli chart: "_s + damaged + u": "_s + named),
                r.err.constData());
            QVERIFY(!QFile::exists(m_dir.filePath(u"damaged.png"_s)));
        }
    }

    void rejectsBadUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("reason");
        const QString out = u"OUT"_s;
        QTest::newRow("no file") << QStringList{u"chart"_s} << 2 << u"RESULT.json"_s;
        QTest::newRow("no kind") << QStringList{u"chart"_s, u"JSON"_s, u"--out"_s, out} << 2 << u"--kind"_s;
        QTest::newRow("bad kind") << QStringList{u"chart"_s, u"JSON"_s,  u"--kind"_s,
                                                 u"pie"_s,   u"--out"_s, out}
                                  << 2 << u"pie"_s;
        QTest::newRow("no out") << QStringList{u"chart"_s, u"JSON"_s, u"--kind"_s, u"timeline"_s} << 2
                                << u"--out"_s;
        QTest::newRow("bad format") << QStringList{u"chart"_s,    u"JSON"_s,  u"--kind"_s,
                                                   u"timeline"_s, u"--out"_s, u"x.gif"_s}
                                    << 2 << u"x.gif"_s;
        QTest::newRow("bad size") << QStringList{u"chart"_s, u"JSON"_s, u"--kind"_s, u"timeline"_s,
                                                 u"--out"_s, out,       u"--size"_s, u"big"_s}
                                  << 2 << u"--size"_s;
        QTest::newRow("bad theme") << QStringList{u"chart"_s, u"JSON"_s, u"--kind"_s,  u"timeline"_s,
                                                  u"--out"_s, out,       u"--theme"_s, u"neon"_s}
                                   << 2 << u"neon"_s;
        QTest::newRow("missing json")
            << QStringList{u"chart"_s, u"MISSING"_s, u"--kind"_s, u"wall-cpu"_s, u"--out"_s, out} << 2
            << u"cannot read"_s;
        QTest::newRow("not json") << QStringList{u"chart"_s,    u"GARBAGE"_s, u"--kind"_s,
                                                 u"wall-cpu"_s, u"--out"_s,   out}
                                  << 2 << u"not valid JSON"_s;
        QTest::newRow("unwritable") << QStringList{u"chart"_s,  u"JSON"_s,
                                                   u"--kind"_s, u"wall-cpu"_s,
                                                   u"--out"_s,  u"/nonexistent-wordrace-folder/x.png"_s}
                                    << 1 << u"cannot write"_s;
    }

    void rejectsBadUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, reason);
        const QString garbage = m_dir.filePath(u"garbage.json"_s);
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("{ this is not json");
        g.close();
        for (QString &a : args) {
            if (a == u"JSON")
                a = m_json;
            else if (a == u"OUT")
                a = m_dir.filePath(u"out.png"_s);
            else if (a == u"MISSING")
                a = m_dir.filePath(u"missing.json"_s);
            else if (a == u"GARBAGE")
                a = garbage;
        }
        const CliRun r = runHeadless(args);
        QCOMPARE(r.exitCode, exitCode);
        // One line that says why, and nothing else.
        QVERIFY2(r.err.endsWith('\n') && r.err.count('\n') == 1, r.err.constData());
        QVERIFY2(r.err.startsWith("wordrace-cli chart: "), r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(reason), r.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(u"out.png"_s)));
    }
};

QTEST_MAIN(TestChartCli)
#include "tst_chartcli.moc"
