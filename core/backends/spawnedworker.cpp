#include "backends/spawnedworker.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <vector>

#include <spawn.h>
#include <unistd.h>

extern char **environ;

namespace wordrace {

SpawnedWorker::SpawnedWorker(const QString &program, const QStringList &arguments, QObject *parent)
    : PipedWorker(parent), m_program(QFile::encodeName(program))
{
    m_arguments.append(m_program);
    for (const QString &a : arguments)
        m_arguments.append(a.toLocal8Bit());
}

pid_t SpawnedWorker::launch(int stdinFd, int stdoutFd, int stderrFd)
{
    std::vector<char *> argv;
    for (QByteArray &a : m_arguments)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_adddup2(&files, stdinFd, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&files, stdoutFd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&files, stderrFd, STDERR_FILENO);
    // Any descriptor this process opened without close-on-exec (a library's) would keep a pipe
    // of another worker open in this one.
    posix_spawn_file_actions_addclosefrom_np(&files, 3);
    // The worker starts with no signal blocked and SIGPIPE as the system has it, whatever this
    // program (Qt, a test harness) did to its own.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = -1;
    const int error = posix_spawn(&pid, m_program.constData(), &files, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&files);
    if (error != 0) {
        errno = error;
        return -1;
    }
    return pid;
}

} // namespace wordrace
