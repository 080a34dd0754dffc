#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;

namespace wordrace {

struct Experiment;

// The options that describe an experiment, shared by `run` and `sweep` so that both read them the
// same way: the lesson's knobs (--io-latency MS, --work-per-word NS, --gil, --spawn, --transport,
// --start, --task-timeout) always; --corpus, --chunk, --runs, --warmup and --mode as the command asks.
class ExperimentOptions
{
public:
    struct Config
    {
        bool corpus = false;
        bool chunk = false;
        bool runs = false;
        bool autoRuns = false; // --runs auto: an automatic count (run only)
        QString runsHelp =
            QStringLiteral("Measured runs of each mode, interleaved across modes (default 1).");
        bool modes = false;
        QString modesDefault = QStringLiteral("sequential,threads,processes");
        QString modesHelp;
        // Sweeps: sequential is always the baseline, so --mode lists the parallel modes only.
        bool sequentialIsBaseline = false;
    };

    explicit ExperimentOptions(Config config);
    void addTo(QCommandLineParser &parser) const;
    // Reads the options into experiment; returns a one-line reason when one is bad.
    QString apply(const QCommandLineParser &parser, Experiment &experiment) const;

private:
    QString applyKnobs(const QCommandLineParser &parser, Experiment &e) const;
    QString applyModes(const QCommandLineParser &parser, Experiment &e) const;
    QString applyRuns(const QCommandLineParser &parser, Experiment &e) const;

    Config m_config;
    QCommandLineOption m_corpus;
    QCommandLineOption m_chunk;
    QCommandLineOption m_runs;
    QCommandLineOption m_warmup;
    QCommandLineOption m_modes;
    QCommandLineOption m_ioLatency;
    QCommandLineOption m_workPerWord;
    QCommandLineOption m_gil;
    QCommandLineOption m_spawn;
    QCommandLineOption m_transport;
    QCommandLineOption m_start;
    QCommandLineOption m_taskTimeout;
};

} // namespace wordrace
