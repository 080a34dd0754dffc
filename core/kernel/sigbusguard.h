#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wordrace {

// Reading a memory-mapped file that another program truncates raises SIGBUS on the pages past
// its new end. Counting goes through this guard, which turns that signal into an error the run
// can report instead of a crash.
class SigbusGuard
{
public:
    enum class Status
    {
        Ok,
        Faulted
    };

    // Counts words in [from, to) of buffer like WordCounter::countRange; Faulted when the mapping
    // under buffer lost pages while it was read.
    static Status countRange(std::string_view buffer, std::size_t from, std::size_t to, std::uint64_t &words);

    // Installs the process-wide handler (once); safe to call from any thread.
    static void install();
};

} // namespace wordrace
