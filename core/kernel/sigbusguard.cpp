#include "kernel/sigbusguard.h"

#include "kernel/wordcounter.h"

#include <csetjmp>
#include <csignal>
#include <mutex>

namespace wordrace {

namespace {

thread_local sigjmp_buf *t_jump = nullptr;
struct sigaction g_previous
{};

void onSigbus(int sig, siginfo_t *info, void *context)
{
    if (t_jump) {
        sigjmp_buf *jump = t_jump;
        t_jump = nullptr;
        siglongjmp(*jump, 1);
    }
    // Not ours: let whoever was there before (or the default action) handle it.
    if (g_previous.sa_flags & SA_SIGINFO) {
        if (g_previous.sa_sigaction) {
            g_previous.sa_sigaction(sig, info, context);
            return;
        }
    } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
        g_previous.sa_handler(sig);
        return;
    }
    ::signal(SIGBUS, SIG_DFL);
    ::raise(SIGBUS);
}

} // namespace

void SigbusGuard::install()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction sa
        {};
        sa.sa_sigaction = onSigbus;
        sa.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGBUS, &sa, &g_previous);
    });
}

SigbusGuard::Status SigbusGuard::countRange(std::string_view buffer, std::size_t from, std::size_t to,
                                            std::uint64_t &words)
{
    install();
    sigjmp_buf jump;
    // volatile: the value must survive the longjmp.
    volatile std::uint64_t result = 0;
    if (sigsetjmp(jump, 1) != 0)
        return Status::Faulted;
    t_jump = &jump;
    result = WordCounter::countRange(buffer, from, to);
    t_jump = nullptr;
    words = result;
    return Status::Ok;
}

} // namespace wordrace
