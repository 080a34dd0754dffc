#pragma once

namespace wordrace {

// The main loop of wordrace-worker: reads Hello/Task/Bye messages on stdin, counts, answers on
// stdout. Plain POSIX and no Qt, so that a worker starts in about a millisecond.
// Returns the process exit status.
int runWorker(int argc, char **argv);

} // namespace wordrace
