#pragma once

#include "backends/pipedworker.h"

#include <functional>

namespace wordrace {

// A worker that is a fork() of this program running `childMain` (Python's "fork" start method):
// it inherits the address space, so the corpus's pages (and their huge-page mappings) come with
// it at the cost of copying page tables, not pages. The child runs plain POSIX code only (no Qt,
// no other thread exists in it) and leaves with _exit().
class ForkedWorker : public PipedWorker
{
    Q_OBJECT
public:
    explicit ForkedWorker(std::function<int()> childMain, QObject *parent = nullptr);

protected:
    pid_t launch(int stdinFd, int stdoutFd, int stderrFd) override;

private:
    std::function<int()> m_childMain;
};

} // namespace wordrace
