#pragma once

#include "patience.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// wordrace-cli, built next to the tests.
inline QString cliPath()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/wordrace-cli");
}

// What a run of wordrace-cli left: its exit status (-1: it crashed or ran out of time) and output.
// The table's lines of a run's output, without the warnings printed under it (a busy machine,
// as CI's often is, adds a busy-machine line to any run).
inline QList<QByteArray> tableLines(const QByteArray &out)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : out.trimmed().split('\n'))
        if (!line.startsWith("warning: "))
            lines.append(line);
    return lines;
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs wordrace-cli and waits for it, killing it after timeoutMs.
inline CliRun runCli(const QStringList &args,
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = kPatienceMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(cliPath(), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}
