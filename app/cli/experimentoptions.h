#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;

namespace wordrace {

struct Experiment;

// The lesson's knobs as command-line options, shared by `run`, `sweep` and `scenario`:
// --io-latency MS, --work-per-word NS, --gil, --spawn pool|per-task, --transport shared|pipe,
// --task-timeout S.
class ExperimentOptions
{
public:
    ExperimentOptions();
    void addTo(QCommandLineParser &parser) const;
    // Reads the options into experiment; returns a one-line reason when one is bad.
    QString apply(const QCommandLineParser &parser, Experiment &experiment) const;

private:
    QCommandLineOption m_ioLatency;
    QCommandLineOption m_workPerWord;
    QCommandLineOption m_gil;
    QCommandLineOption m_spawn;
    QCommandLineOption m_transport;
    QCommandLineOption m_start;
    QCommandLineOption m_taskTimeout;
};

} // namespace wordrace
