#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string_view>
#include <thread>

namespace wordrace {

// Writes byte ranges into a pipe from a thread of its own, straight from where they lie (the
// corpus mapping): the pipe transport's data path. Handing the bytes to QProcess instead copied
// each into its write buffer and wrote a pipe's worth per wake-up of the parent's event loop,
// which also serves every other worker.
class PipeFeeder
{
public:
    // Takes the pipe's write end, and makes it non-blocking.
    explicit PipeFeeder(int writeFd);
    // Stops, even in the middle of a range, and closes the pipe.
    ~PipeFeeder();
    PipeFeeder(const PipeFeeder &) = delete;
    PipeFeeder &operator=(const PipeFeeder &) = delete;

    // Queues bytes to write after those queued before; they must stay valid until written or
    // until the feeder is destroyed.
    void send(std::string_view bytes);

private:
    void loop();
    bool writeAll(std::string_view bytes);

    int m_fd = -1;
    int m_wakeFd = -1; // an eventfd: wakes the thread from poll() to stop
    std::mutex m_mutex;
    std::condition_variable m_queued;
    std::deque<std::string_view> m_queue;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace wordrace
