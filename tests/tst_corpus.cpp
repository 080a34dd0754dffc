#include "corpus/corpus.h"
#include "hugepageprobe.h"
#include "kernel/hugepages.h"
#include "kernel/mappieces.h"
#include "kernel/wordcounter.h"
#include "referencecounter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace wordrace;

Q_DECLARE_METATYPE(wordrace::Corpus::Storage)

namespace {

// A field of /proc/self/smaps (in KiB) for the mapping that holds address, or -1.
qint64 smapsKiB(const void *address, const char *field)
{
    QFile f(u"/proc/self/smaps"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    bool inside = false;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        if (dash > 0 && space > dash && !line.endsWith(" kB")) {
            bool ok1 = false, ok2 = false;
            const auto start = line.left(dash).toULongLong(&ok1, 16);
            const auto end = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
            inside = ok1 && ok2 && at >= start && at < end;
        } else if (inside && line.startsWith(field)) {
            return line.mid(qsizetype(std::strlen(field))).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}

// Anonymous mappings that grant no access at all, as an aligning reservation would leave.
qsizetype reservedRanges()
{
    QFile f(u"/proc/self/maps"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    qsizetype n = 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 5 && fields.at(1) == "---p")
            ++n;
    }
    return n;
}

} // namespace

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
        QTest::addColumn<Corpus::Storage>("storage");
        const auto shared = Corpus::Storage::Shared;
        const auto huge = Corpus::Storage::SharedHuge;
        const auto inherited = Corpus::Storage::Inherited;
        QTest::newRow("lesson:1") << u"lesson:1"_s << 58ull << 3ull << 11ull << shared;
        QTest::newRow("lesson:1000") << u"lesson:1000"_s << 58000ull << 3000ull << 11000ull << shared;
        QTest::newRow("lesson:123457")
            << u"lesson:123457"_s << 58ull * 123457 << 3ull * 123457 << 11ull * 123457 << shared;
        QTest::newRow("nicehat") << u"nicehat"_s << 5100ull << 300ull << 1100ull << shared;
        QTest::newRow("empty lesson") << u"lesson:0"_s << 0ull << 0ull << 0ull << shared;
        QTest::newRow("huge: lesson:1000, too small for it")
            << u"lesson:1000"_s << 58000ull << 3000ull << 11000ull << huge;
        QTest::newRow("huge: lesson:1157050, just over 64 MiB")
            << u"lesson:1157050"_s << 58ull * 1157050 << 3ull * 1157050 << 11ull * 1157050 << huge;
        QTest::newRow("huge: nicehat:1400000")
            << u"nicehat:1400000"_s << 51ull * 1400000 << 3ull * 1400000 << 11ull * 1400000 << huge;
        QTest::newRow("huge: empty") << u"lesson:0"_s << 0ull << 0ull << 0ull << huge;
        QTest::newRow("inherited: lesson:123457")
            << u"lesson:123457"_s << 58ull * 123457 << 3ull * 123457 << 11ull * 123457 << inherited;
    }
    void generated()
    {
        QFETCH(QString, spec);
        QFETCH(qulonglong, bytes);
        QFETCH(qulonglong, lines);
        QFETCH(qulonglong, words);
        QFETCH(Corpus::Storage, storage);
        QString error;
        const auto corpus = Corpus::open(*CorpusSpec::parse(spec), &error, nullptr, storage);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(qulonglong(corpus->size()), bytes);
        QCOMPARE(qulonglong(corpus->lineCount()), lines);
        QCOMPARE(qulonglong(WordCounter::count(corpus->bytes())), words);
        if (bytes > 0 && storage == Corpus::Storage::Inherited)
            QCOMPARE(corpus->fd(), -1);
        if (bytes > 0 && storage != Corpus::Storage::Inherited) {
            QVERIFY(corpus->fd() >= 0);
            // What a worker maps: the corpus, then only zeros up to the end of the memfd.
            struct stat st = {};
            QCOMPARE(::fstat(corpus->fd(), &st), 0);
            QVERIFY(std::uint64_t(st.st_size) >= bytes);
            QVERIFY(std::uint64_t(st.st_size) - bytes < kHugePage);
            void *map = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_SHARED, corpus->fd(), 0);
            QVERIFY(map != MAP_FAILED);
            const std::string_view all(static_cast<const char *>(map), std::size_t(st.st_size));
            const bool same = all.substr(0, bytes) == corpus->bytes();
            const bool zeros = all.find_first_not_of('\0', bytes) == std::string_view::npos;
            ::munmap(map, std::size_t(st.st_size));
            QVERIFY(same);
            QVERIFY(zeros);
        }
        if (bytes > 0) {
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

    // The point of SharedHuge: the parent's mapping and every later mapping of the memfd, as a
    // worker makes it, use 2 MiB entries, down to the last (partly filled) huge page.
    void hugeCorpusIsMappedInHugePagesByEveryone()
    {
        QString error;
        const auto corpus = Corpus::open(*CorpusSpec::parse(u"lesson:1200000"_s), &error, nullptr,
                                         Corpus::Storage::SharedHuge);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(corpus->inHugePages(), kernelCollapsesMemfds());
        if (!corpus->inHugePages())
            QSKIP("this kernel does not collapse memfd pages into huge ones (MADV_COLLAPSE, Linux 6.1)");
        const std::size_t whole = roundUpToHugePage(std::size_t(corpus->size()));
        QCOMPARE(reinterpret_cast<std::uintptr_t>(corpus->bytes().data()) % kHugePage, std::uintptr_t(0));
        QCOMPARE(smapsKiB(corpus->bytes().data(), "ShmemPmdMapped:"), qint64(whole / 1024));

        // As a worker maps it.
        const ReadMapping mapping = mapForReading(corpus->fd(), std::size_t(corpus->size()));
        QVERIFY(mapping.data);
        QCOMPARE(mapping.size, whole);
        const void *map = mapping.data;
        QCOMPARE(reinterpret_cast<std::uintptr_t>(map) % kHugePage, std::uintptr_t(0));
        const auto *bytes = mapping.data;
        std::uint64_t sum = 0;
        for (std::size_t at = 0; at < whole; at += 4096)
            sum += std::uint64_t(bytes[at]);
        const qint64 mapped = smapsKiB(map, "ShmemPmdMapped:");
        const bool same = std::string_view(bytes, corpus->size()) == corpus->bytes();
        ::munmap(const_cast<void *>(map), whole);
        QVERIFY(sum > 0);
        QCOMPARE(mapped, qint64(whole / 1024));
        QVERIFY(same);
    }

    // The aligned mapping gives back the room it reserved for aligning, and fails cleanly.
    void mapHugeAlignedLeavesNothingBehind_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::newRow("one byte") << qint64(1);
        QTest::newRow("3 MiB and a bit") << qint64((3 << 20) + 123);
        QTest::newRow("8 MiB") << qint64(8 << 20);
    }
    void mapHugeAlignedLeavesNothingBehind()
    {
        QFETCH(qint64, size);
        const int fd = ::memfd_create("test", MFD_CLOEXEC);
        QVERIFY(fd >= 0);
        QCOMPARE(::ftruncate(fd, off_t(size)), 0);
        const qsizetype before = reservedRanges();
        void *map = mapHugeAligned(fd, std::size_t(size), PROT_READ | PROT_WRITE);
        QVERIFY(map);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(map) % kHugePage, std::uintptr_t(0));
        static_cast<char *>(map)[size - 1] = 'x';
        const qsizetype during = reservedRanges();
        ::munmap(map, std::size_t(size));
        char last = 0;
        QCOMPARE(::pread(fd, &last, 1, off_t(size - 1)), ssize_t(1));
        ::close(fd);
        QCOMPARE(last, 'x');
        QCOMPARE(during, before); // no PROT_NONE room left around it
        QVERIFY(!mapHugeAligned(-1, 4096, PROT_READ));
        QCOMPARE(reservedRanges(), before);
        QVERIFY(!mapHugeAligned(fd, 0, PROT_READ));
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
