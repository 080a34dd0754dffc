#include "model/knobs.h"

#include <QCoreApplication>
#include <QStringList>

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

template<typename E>
std::optional<E> fromName(const QString &name, QString (*nameOf)(E), std::initializer_list<E> values)
{
    for (const E value : values)
        if (nameOf(value) == name)
            return value;
    return std::nullopt;
}

} // namespace

QString conditionsText(const Knobs &k)
{
    QStringList parts;
    if (!k.latencyPatternMs.isEmpty()) {
        QStringList ms;
        for (double v : k.latencyPatternMs)
            ms << QString::number(v);
        parts << QCoreApplication::translate("wordrace::Knobs", "I/O %1 ms in turn").arg(ms.join(u"/"_s));
    } else if (k.ioLatencyMs > 0)
        parts << QCoreApplication::translate("wordrace::Knobs", "I/O %1 ms per task").arg(k.ioLatencyMs);
    if (k.workPerWordNs == Knobs::kAutoWorkPerWord)
        parts << QCoreApplication::translate("wordrace::Knobs", "CPython's ns/word");
    else if (k.workPerWordNs > 0)
        parts << QCoreApplication::translate("wordrace::Knobs", "%1 ns/word").arg(k.workPerWordNs, 0, 'g', 3);
    if (k.gil)
        parts << QCoreApplication::translate("wordrace::Knobs", "emulated GIL");
    if (k.spawn != Spawn::Pool)
        parts << QCoreApplication::translate("wordrace::Knobs", "%1 spawn").arg(spawnName(k.spawn));
    if (k.transport != Transport::Shared)
        parts
            << QCoreApplication::translate("wordrace::Knobs", "%1 transport").arg(transportName(k.transport));
    if (k.start != Start::Spawn && k.start != Start::Default)
        parts << QCoreApplication::translate("wordrace::Knobs", "%1 start").arg(startName(k.start));
    return parts.join(u", "_s);
}

QString spawnName(Spawn spawn)
{
    return spawn == Spawn::Pool ? u"pool"_s : u"per-task"_s;
}

QString transportName(Transport transport)
{
    return transport == Transport::Shared ? u"shared"_s : u"pipe"_s;
}

QString startName(Start start)
{
    switch (start) {
    case Start::Spawn:
        return u"spawn"_s;
    case Start::Fork:
        return u"fork"_s;
    case Start::Forkserver:
        return u"forkserver"_s;
    case Start::Default:
        break;
    }
    return u"default"_s;
}

std::optional<Spawn> spawnFromName(const QString &name)
{
    return fromName(name, spawnName, {Spawn::Pool, Spawn::PerTask});
}

std::optional<Transport> transportFromName(const QString &name)
{
    return fromName(name, transportName, {Transport::Shared, Transport::Pipe});
}

std::optional<Start> startFromName(const QString &name)
{
    return fromName(name, startName, {Start::Spawn, Start::Fork, Start::Forkserver, Start::Default});
}

} // namespace wordrace
