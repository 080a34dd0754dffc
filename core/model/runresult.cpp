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
    case Mode::PythonSequential:
        return u"python-sequential"_s;
    case Mode::PythonThreads:
        return u"python-threads"_s;
    case Mode::PythonProcesses:
        return u"python-processes"_s;
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
    return {Mode::Sequential,       Mode::Threads,       Mode::Processes,      Mode::Cluster,
            Mode::PythonSequential, Mode::PythonThreads, Mode::PythonProcesses};
}

QList<Mode> pythonModes()
{
    return {Mode::PythonSequential, Mode::PythonThreads, Mode::PythonProcesses};
}

bool isPython(Mode mode)
{
    return mode == Mode::PythonSequential || mode == Mode::PythonThreads || mode == Mode::PythonProcesses;
}

bool isSequential(Mode mode)
{
    return mode == Mode::Sequential || mode == Mode::PythonSequential;
}

Mode sequentialOf(Mode mode)
{
    return isPython(mode) ? Mode::PythonSequential : Mode::Sequential;
}

} // namespace wordrace
