#include "model/runresult.h"

using namespace Qt::StringLiterals;

namespace wordrace {

QString modeName(Mode mode)
{
    switch (mode) {
    case Mode::Sequential:
        return u"sequential"_s;
    case Mode::Threads:
        return u"threads"_s;
    case Mode::Processes:
        return u"processes"_s;
    case Mode::Cluster:
        return u"cluster"_s;
    }
    return {};
}

std::optional<Mode> modeFromName(const QString &name)
{
    for (Mode m : knownModes())
        if (modeName(m) == name)
            return m;
    return std::nullopt;
}

QList<Mode> allModes()
{
    return {Mode::Sequential, Mode::Threads, Mode::Processes};
}

} // namespace wordrace

namespace wordrace {

QList<Mode> knownModes()
{
    return {Mode::Sequential, Mode::Threads, Mode::Processes, Mode::Cluster};
}

} // namespace wordrace
