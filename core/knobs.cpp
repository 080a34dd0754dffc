#include "knobs.h"

using namespace Qt::StringLiterals;

namespace wordrace {

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

} // namespace wordrace
