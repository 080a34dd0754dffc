#include "kernel/wordcounter.h"
#include "referencecounter.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <string>

using namespace Qt::StringLiterals;
using wordrace::WordCounter;

namespace {

std::string utf8(char32_t cp)
{
    std::string s;
    if (cp < 0x80) {
        s += char(cp);
    } else if (cp < 0x800) {
        s += char(0xC0 | (cp >> 6));
        s += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += char(0xE0 | (cp >> 12));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
    } else {
        s += char(0xF0 | (cp >> 18));
        s += char(0x80 | ((cp >> 12) & 0x3F));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
    }
    return s;
}

const char32_t kPythonSpaces[] = {0x09,   0x0A,   0x0B,   0x0C,   0x0D,   0x1C,   0x1D,   0x1E,
                                  0x1F,   0x20,   0x85,   0xA0,   0x1680, 0x2000, 0x2001, 0x2002,
                                  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
                                  0x2028, 0x2029, 0x202F, 0x205F, 0x3000};

// Counts with every path and with the buffer cut into ranges at the given points; all must agree.
void checkAllWays(const std::string &text, std::uint64_t expected)
{
    QCOMPARE(WordCounter::count(text, WordCounter::Path::Portable), expected);
    QCOMPARE(WordCounter::count(text, WordCounter::Path::Avx2), expected);
    QCOMPARE(WordCounter::count(text, WordCounter::Path::Auto), expected);
    // Every single cut point, both paths.
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        for (auto path : {WordCounter::Path::Portable, WordCounter::Path::Avx2}) {
            const auto sum = WordCounter::countRange(text, 0, cut, path) +
                             WordCounter::countRange(text, cut, text.size(), path);
            if (sum != expected)
                QFAIL(qPrintable(u"cut at %1 (%2) gives %3, expected %4"_s.arg(cut)
                                     .arg(QLatin1String(WordCounter::pathName(path)))
                                     .arg(sum)
                                     .arg(expected)));
        }
    }
}

} // namespace

class TestWordCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qInfo("counter path on this CPU: %s", WordCounter::pathName(WordCounter::Path::Auto));
    }

    void eachWhitespaceCodePoint_data()
    {
        QTest::addColumn<uint>("codePoint");
        for (char32_t cp : kPythonSpaces)
            QTest::addRow("U+%04X", unsigned(cp)) << uint(cp);
    }
    void eachWhitespaceCodePoint()
    {
        QFETCH(uint, codePoint);
        const std::string ws = utf8(char32_t(codePoint));
        checkAllWays("alpha" + ws + "beta", 2);
        checkAllWays(ws + ws + ws, 0);
        checkAllWays(ws + "x" + ws, 1);
        // Straddling the 32- and 64-byte blocks of the SIMD path at every offset.
        for (int pad = 24; pad < 70; ++pad)
            checkAllWays(std::string(std::size_t(pad), 'a') + ws + "b" + std::string(70, 'c'), 2);
    }

    void notWhitespace_data()
    {
        QTest::addColumn<uint>("codePoint");
        // Look-alikes that str.isspace() rejects, and neighbours of the real ones.
        for (char32_t cp : {0x00u,   0x08u,   0x0Eu,   0x1Bu,   0x21u,   0x84u,   0x86u,   0x9Fu,   0xA1u,
                            0x167Fu, 0x1681u, 0x180Eu, 0x200Bu, 0x200Cu, 0x200Du, 0x2027u, 0x202Au, 0x202Eu,
                            0x2030u, 0x205Eu, 0x2060u, 0x2FFFu, 0x3001u, 0xFEFFu, 0x10000u})
            QTest::addRow("U+%04X", unsigned(cp)) << uint(cp);
    }
    void notWhitespace()
    {
        QFETCH(uint, codePoint);
        const std::string c = utf8(char32_t(codePoint));
        checkAllWays("alpha" + c + "beta", 1);
        checkAllWays(" " + c + " ", 1);
    }

    void cases_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qulonglong>("expected");
        QTest::newRow("empty") << QByteArray() << 0ull;
        QTest::newRow("one word") << "word"_ba << 1ull;
        QTest::newRow("lesson line") << "this is yet another line"_ba << 5ull;
        QTest::newRow("leading and trailing") << "  a b  "_ba << 2ull;
        QTest::newRow("crlf") << "first\r\nsecond\r\n\r\nthird"_ba << 3ull;
        QTest::newRow("nul is not space") << QByteArray("a\0b c", 5) << 2ull;
        QTest::newRow("only nuls") << QByteArray("\0\0\0", 3) << 1ull;
        QTest::newRow("truncated E2 80 then space") << "a \xE2\x80 b"_ba << 3ull;
        QTest::newRow("truncated ideographic at end") << "a \xE3\x80"_ba << 2ull;
        QTest::newRow("lone C2 before space") << "\xC2 x"_ba << 2ull;
        QTest::newRow("C2 C2 85 is escape then NEL") << "a\xC2\xC2\x85"
                                                        "b"_ba
                                                     << 2ull;
        QTest::newRow("E2 E2 80 80") << "a\xE2\xE2\x80\x80"
                                        "b"_ba
                                     << 2ull;
        QTest::newRow("overlong space C0 A0") << "a\xC0\xA0"
                                                 "b"_ba
                                              << 1ull;
        QTest::newRow("surrogate ED A0 80") << "a \xED\xA0\x80 b"_ba << 3ull;
        QTest::newRow("continuation bytes alone") << "\x80\x85\xA0"_ba << 1ull;
        QTest::newRow("85 without C2") << "a\x85"
                                          "b"_ba
                                       << 1ull;
        QTest::newRow("E2 80 8B zero width") << "a\xE2\x80\x8B"
                                                "b"_ba
                                             << 1ull;
        QTest::newRow("E2 80 8A hair space") << "a\xE2\x80\x8A"
                                                "b"_ba
                                             << 2ull;
        QTest::newRow("4-byte emoji") << "\xF0\x9F\x98\x80 \xF0\x9F\x98\x80"_ba << 2ull;
        QTest::newRow("FF FE") << "\xFF\xFE"_ba << 1ull;
        QTest::newRow("file separators") << "a\x1C"
                                            "b\x1D"
                                            "c\x1E"
                                            "d\x1F"
                                            "e"_ba
                                         << 5ull;
        QTest::newRow("vertical tab form feed") << "a\vb\fc"_ba << 3ull;
    }
    void cases()
    {
        QFETCH(QByteArray, text);
        QFETCH(qulonglong, expected);
        const std::string s = text.toStdString();
        QCOMPARE(reference::countWords(s), std::uint64_t(expected)); // the oracle agrees with Python
        checkAllWays(s, expected);
    }

    // Counts the Python oracle printed for the files under tests/data.
    void dataFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qulonglong>("expected");
        QTest::newRow("crlf") << u"crlf.txt"_s << 6ull;
        QTest::newRow("empty") << u"empty.txt"_s << 0ull;
        QTest::newRow("invalid utf-8") << u"invalid-utf8.bin"_s << 12ull;
        QTest::newRow("lesson excerpt") << u"lesson-excerpt.txt"_s << 131ull;
        QTest::newRow("multilingual") << u"multilingual.txt"_s << 31ull;
        QTest::newRow("unicode whitespace") << u"unicode-whitespace.txt"_s << 30ull;
        QTest::newRow("whitespace only") << u"whitespace-only.txt"_s << 0ull;
    }
    void dataFiles()
    {
        QFETCH(QString, file);
        QFETCH(qulonglong, expected);
        const QString path = QFINDTESTDATA(u"data/"_s + file);
        QVERIFY2(!path.isEmpty(), qPrintable(file));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const std::string s = f.readAll().toStdString();
        QCOMPARE(reference::countWords(s), std::uint64_t(expected));
        checkAllWays(s, expected);
    }

    // Inputs the fuzzer found or was seeded with; every one must agree on every path.
    void fuzzRegressions()
    {
        const QString dirPath = QFINDTESTDATA("data/fuzz-regressions");
        QVERIFY(!dirPath.isEmpty());
        const QDir dir(dirPath);
        const QStringList files = dir.entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray raw = f.readAll();
            // Same layout as the fuzz target: first byte seeds the cuts, the rest is the text.
            const std::string s = raw.isEmpty() ? std::string() : raw.mid(1).toStdString();
            checkAllWays(s, reference::countWords(s));
        }
    }

    // Random bytes drawn mostly from the bytes that matter (whitespace, lead and continuation
    // bytes of the multibyte whitespace, invalid bytes), in random lengths, cut at random points.
    void randomized()
    {
        static const unsigned char alphabet[] = {' ',  'a',  'b',  '\n', '\t', 0x00, 0x1C, 0x1F, 0x85, 0xA0,
                                                 0xC2, 0xE1, 0x9A, 0x80, 0xE2, 0x81, 0x9F, 0x8A, 0x8B, 0xA8,
                                                 0xA9, 0xAF, 0xE3, 0xFF, 0xED, 0xF0, 0x9F, 0xBF, 0xC3, 0x7F};
        QRandomGenerator rng(20261125);
        for (int round = 0; round < 3000; ++round) {
            const int len = int(rng.bounded(1, 400));
            std::string s(std::size_t(len), '\0');
            for (char &c : s)
                c = char(rng.bounded(8) == 0 ? rng.bounded(256)
                                             : alphabet[rng.bounded(int(sizeof alphabet))]);
            const std::uint64_t expected = reference::countWords(s);
            QCOMPARE(WordCounter::count(s, WordCounter::Path::Portable), expected);
            QCOMPARE(WordCounter::count(s, WordCounter::Path::Avx2), expected);
            // Several random partitions into chunks.
            for (int p = 0; p < 4; ++p) {
                std::uint64_t sum = 0;
                std::size_t at = 0;
                while (at < s.size()) {
                    const std::size_t next = std::min(s.size(), at + std::size_t(rng.bounded(1, 80)));
                    sum += WordCounter::countRange(
                        s, at, next, p % 2 ? WordCounter::Path::Avx2 : WordCounter::Path::Portable);
                    at = next;
                }
                QCOMPARE(sum, expected);
            }
        }
    }

    // The SIMD path classifies multibyte whitespace with lookup tables; every three-byte sequence
    // that starts with one of their lead bytes (and a sample of the rest), at offsets on either side
    // of the 32-, 64- and 128-byte block edges, must count as the reference decoder does.
    void everyThreeByteSequenceAtBlockEdges()
    {
        std::string s(200, 'x');
        for (const std::size_t at : {std::size_t(0), std::size_t(31), std::size_t(63), std::size_t(127)}) {
            for (int a = 0x80; a < 0x100; ++a) {
                const bool lead = a == 0xC2 || (a >= 0xE1 && a <= 0xE3);
                for (int b = 0; b < 0x100; ++b) {
                    for (int c = 0; c < 0x100; c += lead ? 1 : 37) {
                        s[at] = char(a);
                        s[at + 1] = char(b);
                        s[at + 2] = char(c);
                        const std::uint64_t simd = WordCounter::count(s, WordCounter::Path::Avx2);
                        const std::uint64_t portable = WordCounter::count(s, WordCounter::Path::Portable);
                        if (simd != portable || (lead && simd != reference::countWords(s)))
                            QFAIL(qPrintable(
                                QStringLiteral("%1 %2 %3 at %4: avx2 %5, portable %6, reference %7")
                                    .arg(a, 2, 16)
                                    .arg(b, 2, 16)
                                    .arg(c, 2, 16)
                                    .arg(at)
                                    .arg(simd)
                                    .arg(portable)
                                    .arg(reference::countWords(s))));
                    }
                }
                s[at] = s[at + 1] = s[at + 2] = 'x';
            }
        }
    }

    void largeAsciiAgreesAcrossPaths()
    {
        std::string s;
        for (int i = 0; i < 20000; ++i)
            s += (i % 7 == 0) ? "hello world\n" : (i % 3 ? "this is another line\n" : "x\t\t  y\r\n");
        const auto expected = reference::countWords(s);
        QCOMPARE(WordCounter::count(s, WordCounter::Path::Portable), expected);
        QCOMPARE(WordCounter::count(s, WordCounter::Path::Avx2), expected);
    }

    void whitespaceHelpers()
    {
        const std::string s = "a\xE3\x80\x80"
                              "b c";
        QCOMPARE(WordCounter::whitespaceLengthAt(s, 0), 0);
        QCOMPARE(WordCounter::whitespaceLengthAt(s, 1), 3);
        QCOMPARE(WordCounter::whitespaceLengthAt(s, 2), 0); // a continuation byte starts nothing
        QVERIFY(WordCounter::isWhitespaceByte(s, 2));
        QVERIFY(WordCounter::isWhitespaceByte(s, 3));
        QVERIFY(!WordCounter::isWhitespaceByte(s, 4));
        QCOMPARE(WordCounter::whitespaceLengthAt(s, 5), 1);
    }
};

QTEST_GUILESS_MAIN(TestWordCounter)
#include "tst_wordcounter.moc"
