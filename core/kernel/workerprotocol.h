#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace wordrace {

// The wire format between the parent and wordrace-worker: fixed-size, length-checked messages
// over the worker's stdin/stdout pipes. Only task descriptors and results cross them. The corpus
// is shared through the parent's file descriptor (memfd or mapped file), or, with the pipe
// transport, each task's bytes follow its Task through a pipe of their own (PipeFeeder).
namespace protocol {

constexpr std::uint32_t kMagic = 0x31505257; // "WRP1" read little-endian
constexpr std::uint16_t kVersion = 3;        // 3: Usage carries the worker's wait for a core
constexpr std::uint32_t kMaxErrorLength = 4096;
// The pipe transport: the largest task sent; the worker holds a whole task, as unpickling does.
constexpr std::uint32_t kMaxTaskData = 1u << 30;

enum class Type : std::uint16_t
{
    Hello = 1, // parent -> worker: where the corpus is
    Ready = 2, // worker -> parent: mapped the corpus, waiting for tasks
    Task = 3,  // parent -> worker: count bytes [begin, end)
    Done = 4,  // worker -> parent: one task's result and timing
    Bye = 5,   // parent -> worker: no more tasks; report CPU usage and exit
    Usage = 6, // worker -> parent: CPU the worker consumed, last message before exiting
    Error = 7, // worker -> parent: a reason, then the worker exits non-zero
};

#pragma pack(push, 1)
struct Header
{
    std::uint32_t magic;
    std::uint16_t type;
    std::uint16_t version;
    std::uint32_t length; // payload bytes after the header
};

struct Hello
{
    std::int32_t parentPid;
    // Opened by the worker as /proc/<parentPid>/fd/<corpusFd>: the corpus, or with the pipe
    // transport the read end of the task-data pipe.
    std::int32_t corpusFd;
    std::uint64_t corpusSize;
    std::int32_t workerIndex;
    std::int32_t transport;       // 0: map the shared corpus, 1: task bytes arrive through corpusFd
    std::int64_t ioLatencyNs;     // emulated I/O wait before each task
    double workIterationsPerWord; // emulated interpreter cost, in calibrated spin iterations
    std::int32_t gil;             // an emulated GIL of the worker's own (it has one thread)
    std::int32_t reserved;
};

struct Ready
{
    std::int32_t pid;
    std::int32_t reserved;
    std::int64_t launchedNs; // when the worker's main() began
    std::int64_t readyNs;    // when the corpus was mapped
};

struct Task
{
    std::int64_t index;
    std::uint64_t begin;
    std::uint64_t end;
};

struct Done
{
    std::int64_t index;
    std::int64_t startNs;
    std::int64_t endNs;
    std::uint64_t words;
    std::uint64_t bytes;
    std::int64_t ioNs;
    std::int64_t gilWaitNs;
    std::int64_t computeNs;
    std::int64_t transferNs; // receiving the task's bytes (pipe transport)
};

struct Usage
{
    std::int64_t userUs;
    std::int64_t sysUs;
    std::int64_t runDelayUs; // time the worker waited, ready to run, for a core; -1: unknown
};
#pragma pack(pop)

// Expected payload size of a message type, or nullopt for a type of variable length (Error) or an
// unknown one.
std::optional<std::uint32_t> payloadSize(Type type);
bool isKnownType(std::uint16_t type);

template<typename Payload> std::string encode(Type type, const Payload &payload)
{
    Header h{kMagic, static_cast<std::uint16_t>(type), kVersion, sizeof(Payload)};
    std::string out(sizeof(Header) + sizeof(Payload), '\0');
    std::memcpy(out.data(), &h, sizeof h);
    std::memcpy(out.data() + sizeof h, &payload, sizeof payload);
    return out;
}
std::string encodeEmpty(Type type);
std::string encodeError(std::string_view message);

// Incremental decoding of a byte stream into messages.
class Decoder
{
public:
    struct Message
    {
        Type type;
        std::string payload;
    };
    enum class Status
    {
        NeedMore,
        Ok,
        Malformed
    };

    void append(std::string_view bytes) { m_buffer.append(bytes); }
    // Reading without a copy: room for up to n bytes at the end of the buffer to read() into,
    // then commit() with how many arrived. Large task data then crosses user space only once.
    char *reserveTail(std::size_t n);
    void commitTail(std::size_t reserved, std::size_t got);
    // Takes the next complete message off the buffer. On Malformed, error() says why.
    Status next(Message &out);
    // As next(), but the payload is a view into the buffer, valid until the next call to any
    // member of this decoder.
    Status next(Type &type, std::string_view &payload);
    const std::string &error() const { return m_error; }
    std::size_t buffered() const { return m_buffer.size() - m_offset; }

private:
    void compact();

    std::string m_buffer;
    std::size_t m_offset = 0;
    std::string m_error;
};

template<typename Payload> bool decodePayload(std::string_view payload, Payload &out)
{
    if (payload.size() != sizeof(Payload))
        return false;
    std::memcpy(&out, payload.data(), sizeof out);
    return true;
}

} // namespace protocol
} // namespace wordrace
