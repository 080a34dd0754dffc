#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>

namespace wordrace {

// One worker process as ProcessBackend drives it: the part of QProcess it uses, so that a worker
// may be exec'd (SpawnedWorker) or fork()ed (ForkedWorker) alike. Its output is all read before
// finished() is emitted.
class WorkerProcess : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Starts the process; failedToStart() follows when it could not be.
    virtual void start() = 0;
    // 0 until started.
    virtual qint64 processId() const = 0;
    virtual bool isRunning() const = 0;
    virtual void write(const QByteArray &bytes) = 0;
    // The worker reads end-of-file once what was written is through.
    virtual void closeWriteChannel() = 0;
    virtual void kill() = 0;
    // Emits finished() if the process ends within ms.
    virtual bool waitForFinished(int ms) = 0;
    virtual QByteArray readAllStandardOutput() = 0;
    virtual QByteArray readAllStandardError() = 0;
    virtual QString errorString() const = 0;

Q_SIGNALS:
    void readyReadStandardOutput();
    void readyReadStandardError();
    void finished(int exitCode, QProcess::ExitStatus status);
    void failedToStart();
};

} // namespace wordrace
