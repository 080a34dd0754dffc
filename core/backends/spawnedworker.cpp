#include "backends/spawnedworker.h"

namespace wordrace {

SpawnedWorker::SpawnedWorker(const QString &program, const QStringList &arguments, QObject *parent)
    : WorkerProcess(parent)
{
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &WorkerProcess::readyReadStandardOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &WorkerProcess::readyReadStandardError);
    connect(&m_process, &QProcess::finished, this, &WorkerProcess::finished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            Q_EMIT failedToStart(); // crashes arrive through finished()
    });
}

void SpawnedWorker::start()
{
    m_process.start(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

} // namespace wordrace
