#include "knobs.h"

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
    return start == Start::Spawn ? u"spawn"_s : u"fork"_s;
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
    return fromName(name, startName, {Start::Spawn, Start::Fork});
}

} // namespace wordrace
