#pragma once

#include <QString>

#include <functional>

class QFileDevice;
class QIODevice;

namespace wordrace {

// The files a command writes its results to: checked before a run (so that a typo costs nothing),
// written after it through QSaveFile (so that a failed write never leaves half a file behind).
class OutputFile
{
public:
    // Empty when `path` can be written later; otherwise a one-line reason naming `option` and the
    // file ("--csv out/runs.csv: the folder out does not exist").
    static QString checkTarget(const QString &option, const QString &path);
    // Opens `path`, lets `produce` write into it, and commits. Empty on success; otherwise a
    // one-line reason naming the file. `produce` returns false when one of its writes failed.
    static QString write(const QString &path, const std::function<bool(QIODevice *)> &produce);
    // Why a write to `file` failed: its own error, else the system's (errno of the failed write:
    // a short write leaves Qt's error unset), else "write failed".
    static QString reason(const QFileDevice &file, int osError);
};

} // namespace wordrace
