#include "corpus.h"
#include "mappieces.h"
#include "referencecounter.h"
#include "wordcounter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace wordrace;

class TestCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qulonglong>("repeat");
        QTest::addColumn<QString>("path");
        QTest::newRow("lesson default")
            << u"lesson"_s << true << int(CorpusSpec::Kind::Lesson) << 10000000ull << QString();
        QTest::newRow("lesson repeat")
            << u"lesson:42"_s << true << int(CorpusSpec::Kind::Lesson) << 42ull << QString();
        QTest::newRow("lesson zero") << u"lesson:0"_s << true << int(CorpusSpec::Kind::Lesson) << 0ull
                                     << QString();
        QTest::newRow("nicehat default")
            << u"nicehat"_s << true << int(CorpusSpec::Kind::NiceHat) << 100ull << QString();
        QTest::newRow("nicehat repeat")
            << u"nicehat:7"_s << true << int(CorpusSpec::Kind::NiceHat) << 7ull << QString();
        QTest::newRow("negative repeat") << u"lesson:-1"_s << false << 0 << 0ull << QString();
        QTest::newRow("junk repeat") << u"lesson:ten"_s << false << 0 << 0ull << QString();
        QTest::newRow("empty") << QString() << false << 0 << 0ull << QString();
        QTest::newRow("file") << u"/tmp/some.txt"_s << true << int(CorpusSpec::Kind::File) << 0ull
                              << u"/tmp/some.txt"_s;
        QTest::newRow("file named lesson")
            << u"file:lesson"_s << true << int(CorpusSpec::Kind::File) << 0ull << u"lesson"_s;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(int, kind);
        QFETCH(qulonglong, repeat);
        QFETCH(QString, path);
        QString error;
        const auto spec = CorpusSpec::parse(text, &error);
        QCOMPARE(spec.has_value(), ok);
        if (!ok) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QCOMPARE(int(spec->kind), kind);
        QCOMPARE(qulonglong(spec->repeat), repeat);
        QCOMPARE(spec->path, path);
        if (spec->kind != CorpusSpec::Kind::File)
            QCOMPARE(CorpusSpec::parse(spec->toString()), spec);
    }

    void generated_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<qulonglong>("bytes");
        QTest::addColumn<qulonglong>("lines");
        QTest::addColumn<qulonglong>("words");
        QTest::newRow("lesson:1") << u"lesson:1"_s << 58ull << 3ull << 11ull;
        QTest::newRow("lesson:1000") << u"lesson:1000"_s << 58000ull << 3000ull << 11000ull;
        QTest::newRow("lesson:123457")
            << u"lesson:123457"_s << 58ull * 123457 << 3ull * 123457 << 11ull * 123457;
        QTest::newRow("nicehat") << u"nicehat"_s << 5100ull << 300ull << 1100ull;
        QTest::newRow("empty lesson") << u"lesson:0"_s << 0ull << 0ull << 0ull;
    }
    void generated()
    {
        QFETCH(QString, spec);
        QFETCH(qulonglong, bytes);
        QFETCH(qulonglong, lines);
        QFETCH(qulonglong, words);
        QString error;
        const auto corpus = Corpus::open(*CorpusSpec::parse(spec), &error);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(qulonglong(corpus->size()), bytes);
        QCOMPARE(qulonglong(corpus->lineCount()), lines);
        QCOMPARE(qulonglong(WordCounter::count(corpus->bytes())), words);
        if (bytes > 0) {
            QVERIFY(corpus->fd() >= 0);
            const std::string_view b = corpus->bytes();
            QVERIFY(b.substr(0, 12) == "hello world\n" || b.substr(0, 9) == "nice hat\n");
            QCOMPARE(b.back(), '\n');
            // The lesson's own oracle: every string, split, summed.
            QCOMPARE(reference::countWords(b.substr(0, std::min<std::size_t>(b.size(), 100000))),
                     WordCounter::count(b.substr(0, std::min<std::size_t>(b.size(), 100000))));
        }
    }

    void hugeRepeatIsRefusedUpFront()
    {
        QString error;
        Corpus::Failure failure = Corpus::Failure::None;
        QVERIFY(!Corpus::open(CorpusSpec::lesson(1'000'000'000'000ull), &error, &failure));
        QCOMPARE(failure, Corpus::Failure::BadInput);
        QVERIFY2(error.contains(u"would need"_s), qPrintable(error));
        QVERIFY(!Corpus::open(CorpusSpec::lesson(~0ull), &error, &failure));
        QCOMPARE(failure, Corpus::Failure::BadInput);
    }

    void files()
    {
        const QString path = QFINDTESTDATA("data/lesson-excerpt.txt");
        QString error;
        const auto corpus = Corpus::open(CorpusSpec::file(path), &error);
        QVERIFY2(corpus, qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QCOMPARE(qsizetype(corpus->size()), content.size());
        QVERIFY(corpus->bytes() == std::string_view(content.constData(), std::size_t(content.size())));
        QCOMPARE(qsizetype(corpus->lineCount()), content.count('\n'));
        QVERIFY(!corpus->looksBinary());
    }

    void lastLineWithoutNewline()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"x.txt"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("one\ntwo");
        f.close();
        QString error;
        const auto corpus = Corpus::open(CorpusSpec::file(path), &error);
        QVERIFY(corpus);
        QCOMPARE(corpus->lineCount(), 2u);
    }

    void emptyFile()
    {
        QString error;
        const auto corpus = Corpus::open(CorpusSpec::file(QFINDTESTDATA("data/empty.txt")), &error);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(corpus->size(), 0u);
        QCOMPARE(corpus->lineCount(), 0u);
    }

    void binaryLooksBinary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bin"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x7f"
                           "ELF\x02\x01\x01\0\0\0",
                           10));
        f.close();
        QString error;
        const auto corpus = Corpus::open(CorpusSpec::file(path), &error);
        QVERIFY(corpus);
        QVERIFY(corpus->looksBinary());
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << u"/nonexistent/wordrace/file.txt"_s << u"no such file"_s;
        QTest::newRow("directory") << u"/tmp"_s << u"is a directory"_s;
        QTest::newRow("device") << u"/dev/zero"_s << u"not a regular file"_s;
        QTest::newRow("empty path") << QString() << u"no file"_s;
    }
    void badFiles()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        QString error;
        Corpus::Failure failure = Corpus::Failure::None;
        QVERIFY(!Corpus::open(CorpusSpec::file(path), &error, &failure));
        QCOMPARE(failure, Corpus::Failure::BadInput);
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!error.contains(u'\n'));
    }

    void fifoDoesNotHang()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath(u"fifo"_s));
        QCOMPARE(::mkfifo(path.constData(), 0600), 0);
        QString error;
        Corpus::Failure failure = Corpus::Failure::None;
        QVERIFY(!Corpus::open(CorpusSpec::file(QFile::decodeName(path)), &error, &failure));
        QCOMPARE(failure, Corpus::Failure::BadInput);
        QVERIFY2(error.contains(u"not a regular file"_s), qPrintable(error));
    }

    // Memory about to be freed gives its pages back in pieces first: only whole pages inside the
    // range, and nothing for a range too small to be worth it.
    void dropPagesKeepsTheEdges_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("dropped");
        const qint64 mib = 1 << 20;
        QTest::newRow("page-aligned, 24 MiB") << qint64(0) << 24 * mib << true;
        QTest::newRow("unaligned, about 20 MiB") << qint64(100) << 20 * mib + 333 << true;
        QTest::newRow("3 MiB: left alone") << qint64(0) << 3 * mib << false;
    }

    void dropPagesKeepsTheEdges()
    {
        QFETCH(qint64, offset);
        QFETCH(qint64, size);
        QFETCH(bool, dropped);
        const std::size_t page = std::size_t(::sysconf(_SC_PAGESIZE));
        const std::size_t mapped = std::size_t(offset + size) + 2 * page;
        void *map = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        QVERIFY(map != MAP_FAILED);
        auto *bytes = static_cast<unsigned char *>(map);
        std::memset(bytes, 0xAB, mapped);
        dropPagesInPieces(bytes + offset, std::size_t(size));
        const std::size_t firstWhole = (std::size_t(offset) + page - 1) / page * page;
        const std::size_t endWhole = std::size_t(offset + size) / page * page;
        qint64 zeros = 0;
        bool edgesKept = true;
        for (std::size_t i = 0; i < mapped; ++i) {
            const bool inside = i >= firstWhole && i < endWhole;
            if (bytes[i] == 0)
                ++zeros;
            if (!inside && bytes[i] != 0xAB)
                edgesKept = false;
        }
        ::munmap(map, mapped);
        QVERIFY(edgesKept); // the bytes of partial pages, and everything outside the range
        QCOMPARE(zeros, dropped ? qint64(endWhole - firstWhole) : qint64(0));
    }

    void unreadableFile()
    {
        if (::geteuid() == 0)
            QSKIP("root reads every file; permission errors cannot be provoked");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"secret.txt"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("words here");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::Permissions()));
        QString error;
        Corpus::Failure failure = Corpus::Failure::None;
        QVERIFY(!Corpus::open(CorpusSpec::file(path), &error, &failure));
        QCOMPARE(failure, Corpus::Failure::BadInput);
        QVERIFY2(error.contains(u"permission denied"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
