#pragma once

#include "backends/workerprocess.h"

#include <QStringList>

namespace wordrace {

// A worker that is a program of its own, started with QProcess (Python's "spawn").
class SpawnedWorker : public WorkerProcess
{
    Q_OBJECT
public:
    SpawnedWorker(const QString &program, const QStringList &arguments, QObject *parent = nullptr);

    void start() override;
    qint64 processId() const override { return m_process.processId(); }
    bool isRunning() const override { return m_process.state() != QProcess::NotRunning; }
    void write(const QByteArray &bytes) override { m_process.write(bytes); }
    void closeWriteChannel() override { m_process.closeWriteChannel(); }
    void kill() override { m_process.kill(); }
    bool waitForFinished(int ms) override { return m_process.waitForFinished(ms); }
    QByteArray readAllStandardOutput() override { return m_process.readAllStandardOutput(); }
    QByteArray readAllStandardError() override { return m_process.readAllStandardError(); }
    QString errorString() const override { return m_process.errorString(); }

private:
    QProcess m_process;
};

} // namespace wordrace
