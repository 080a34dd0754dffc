#pragma once

#include <string_view>

namespace wordrace {

// The main loop of wordrace-worker: reads Hello/Task/Bye messages on stdin, counts, answers on
// stdout. Plain POSIX and no Qt, so that a worker starts in about a millisecond.
// Returns the process exit status.
int runWorker(int argc, char **argv);
// The same loop in a worker fork()ed from WordRace (--start fork): the corpus is the parent's,
// inherited with the address space, not mapped from a descriptor. Only for a forked child:
// the caller _exit()s with the status, so that nothing of the parent's runs at exit.
int runForkedWorker(long parentPid, std::string_view corpus);

} // namespace wordrace
