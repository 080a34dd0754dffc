#include "kernel/workerprotocol.h"

#include <QTest>

using namespace wordrace;
using namespace wordrace::protocol;

class TestWorkerProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripByteByByte()
    {
        const Done done{7, 100, 250, 11, 58};
        std::string stream = encode(Type::Done, done) + encodeEmpty(Type::Bye) + encodeError("boom");
        Decoder d;
        std::vector<Decoder::Message> got;
        for (char c : stream) {
            d.append(std::string_view(&c, 1));
            Decoder::Message m;
            Decoder::Status st;
            while ((st = d.next(m)) == Decoder::Status::Ok)
                got.push_back(m);
            QCOMPARE(st, Decoder::Status::NeedMore);
        }
        QCOMPARE(got.size(), 3u);
        QCOMPARE(got[0].type, Type::Done);
        Done back{};
        QVERIFY(decodePayload(got[0].payload, back));
        QCOMPARE(back.index, 7);
        QCOMPARE(back.words, 11u);
        QCOMPARE(got[1].type, Type::Bye);
        QCOMPARE(got[2].type, Type::Error);
        QCOMPARE(got[2].payload, std::string("boom"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        auto header = [](std::uint32_t magic, std::uint16_t type, std::uint16_t version,
                         std::uint32_t length) {
            const Header h{magic, type, version, length};
            return QByteArray(reinterpret_cast<const char *>(&h), sizeof h);
        };
        QTest::newRow("garbage") << QByteArray("hello, I am not a worker") << QStringLiteral("magic");
        QTest::newRow("other version") << header(kMagic, 4, 99, sizeof(Done)) << QStringLiteral("version");
        QTest::newRow("unknown type") << header(kMagic, 42, kVersion, 0) << QStringLiteral("type");
        QTest::newRow("truncated done length") << header(kMagic, 4, kVersion, 8) << QStringLiteral("length");
        QTest::newRow("oversized error") << header(kMagic, 7, kVersion, 1u << 30) << QStringLiteral("length");
    }
    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        Decoder d;
        d.append(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        Decoder::Message m;
        QCOMPARE(d.next(m), Decoder::Status::Malformed);
        QVERIFY2(QString::fromStdString(d.error()).contains(reason), d.error().c_str());
    }

    void incompletePayloadWaits()
    {
        const std::string full = encode(Type::Task, Task{1, 0, 10});
        Decoder d;
        d.append(std::string_view(full).substr(0, full.size() - 1));
        Decoder::Message m;
        QCOMPARE(d.next(m), Decoder::Status::NeedMore);
        d.append(std::string_view(full).substr(full.size() - 1));
        QCOMPARE(d.next(m), Decoder::Status::Ok);
        QCOMPARE(m.type, Type::Task);
    }
};

QTEST_GUILESS_MAIN(TestWorkerProtocol)
#include "tst_workerprotocol.moc"
