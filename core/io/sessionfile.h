#pragma once

#include "analysis/sweep.h"
#include "model/experiment.h"
#include "model/historyentry.h"
#include "model/runresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace wordrace {

// What the app had on screen: the experiment panel, the history and which entries were shown.
struct Session
{
    Experiment experiment;
    QList<HistoryEntry> entries; // ended ones only: a running entry is not written
    QList<int> selected;         // rows of `entries` on show (two when comparing)
    // The Scaling tab's last sweep: its kind and every run it made (the analysis is recomputed
    // from them on reading, as for a result file).
    struct SavedSweep
    {
        Sweep::Kind kind = Sweep::Kind::Workers;
        QList<RunResult> runs;
    };
    std::optional<SavedSweep> sweep;
};

// A `.wordrace.json` file: {"format": "wordrace-session", "version": 1, "experiment": {...},
// "selected": [...], "entries": [{..., "scenario": {"title", "question", "verdict", "explanation"},
// "results": RESULT}], "sweep": {"kind", "results": RESULT}}, the sweep and an entry's scenario
// verdict optional, where RESULT is exactly what
// `wordrace-cli run --json` writes (ResultJson), so every run keeps every field its charts need and
// summaries are recomputed on reading. Reading checks every field's presence and type, and says what
// is wrong in one line.
class SessionFile
{
public:
    static constexpr int kVersion = 1;
    static constexpr auto kSuffix = ".wordrace.json";

    static QByteArray serialize(const Session &session);
    static std::optional<Session> parse(const QByteArray &json, QString *error = nullptr);

    // Through QSaveFile: a failed write leaves whatever was at `path` untouched. Empty on success,
    // otherwise a one-line reason.
    static QString write(const QString &path, const Session &session);
    static std::optional<Session> read(const QString &path, QString *error = nullptr);
};

} // namespace wordrace
