#pragma once

#include "model/runresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace wordrace {

class JsonFields;

// The JSON that `wordrace-cli run --json` writes and `wordrace-cli chart` reads back:
// {"runs": [...]} with each run's keys as the CLI contract names them, and "summaries": one per
// mode (and worker count and corpus) with the statistics of its repeated runs.
class ResultJson
{
public:
    static QJsonObject toJson(const RunResult &run);
    // Fast for runs with millions of tasks. `extra` adds top-level keys (a sweep's "sweep"); it
    // cannot replace the header's, "summaries" or "runs".
    static QByteArray serialize(const QList<RunResult> &runs, const QJsonObject &extra = {});
    // The "summaries" array alone.
    static QJsonArray summaries(const QList<RunResult> &runs);

    static std::optional<RunResult> fromJson(const QJsonObject &run, QString *error = nullptr);
    // The same for a run inside another file (a session's entry): its errors are `fields`' own,
    // named by their path in that file.
    static std::optional<RunResult> fromFields(JsonFields &fields);
    static std::optional<QList<RunResult>> parse(const QByteArray &json, QString *error = nullptr);
    // The "knobs" object of a run, and of a session's experiment.
    static QJsonObject knobs(const Knobs &knobs);

private:
    static QJsonObject header();
    static QJsonObject scalars(const RunResult &run);
};

} // namespace wordrace
