#pragma once

#include "model/experiment.h"
#include "model/runresult.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wordrace {

// The measured verdict of a scenario: which choice the numbers support, and why, written from
// the measurements (never canned).
struct Verdict
{
    QString answer;       // one of the scenario's choices
    QString headline;     // the measured answer in one line, for a slide: "processes won: 1.9x faster"
    QString explanation;  // several sentences with the measured numbers
    QStringList evidence; // short "label: value" lines, for a table or a slide
};

// One of the lesson's experiments, ready to run: its question, the class's possible predictions,
// the experiments that answer it, and how to read their results.
struct Scenario
{
    QString id; // for `wordrace-cli scenario ID`
    QString title;
    QString lesson;   // the part of the lesson it reproduces
    QString question; // asked before the run
    QStringList choices;
    QList<Experiment> experiments; // run one after the other; their results are concatenated
    QString notes;                 // for the presenter: what to say, and what the class should see

    // Built-in scenarios for a machine with `workers` logical CPUs.
    static QList<Scenario> all(int workers = Experiment::defaultWorkers());
    static std::optional<Scenario> byId(const QString &id, int workers = Experiment::defaultWorkers());

    // Reads the results of this scenario's experiments. cancelledWorkers: for the zombie
    // scenario, the worker PIDs that were alive when the run was cancelled, and which of them
    // still exist afterwards.
    Verdict verdict(const QList<RunResult> &results, const QList<qint64> &workerPids = {},
                    const QList<qint64> &survivors = {}) const;
};

} // namespace wordrace
