#include "kernel/workerprotocol.h"

#include <algorithm>
#include <cstring>

namespace wordrace::protocol {

std::optional<std::uint32_t> payloadSize(Type type)
{
    switch (type) {
    case Type::Hello:
        return sizeof(Hello);
    case Type::Ready:
        return sizeof(Ready);
    case Type::Task:
        return sizeof(Task);
    case Type::Done:
        return sizeof(Done);
    case Type::Bye:
        return 0;
    case Type::Usage:
        return sizeof(Usage);
    case Type::Error:
        return std::nullopt;
    }
    return std::nullopt;
}

bool isKnownType(std::uint16_t type)
{
    return type >= static_cast<std::uint16_t>(Type::Hello) && type <= static_cast<std::uint16_t>(Type::Error);
}

std::string encodeEmpty(Type type)
{
    Header h{kMagic, static_cast<std::uint16_t>(type), kVersion, 0};
    return std::string(reinterpret_cast<const char *>(&h), sizeof h);
}

std::string encodeError(std::string_view message)
{
    if (message.size() > kMaxErrorLength)
        message = message.substr(0, kMaxErrorLength);
    Header h{kMagic, static_cast<std::uint16_t>(Type::Error), kVersion,
             static_cast<std::uint32_t>(message.size())};
    std::string out(reinterpret_cast<const char *>(&h), sizeof h);
    out.append(message);
    return out;
}

char *Decoder::reserveTail(std::size_t n)
{
    compact();
    const std::size_t size = m_buffer.size();
    m_buffer.resize(size + n);
    return m_buffer.data() + size;
}

void Decoder::commitTail(std::size_t reserved, std::size_t got)
{
    m_buffer.resize(m_buffer.size() - reserved + std::min(got, reserved));
}

void Decoder::compact()
{
    // Now and then, so that the buffer does not grow for the whole run.
    if (m_offset > 65536 && m_offset * 2 > m_buffer.size()) {
        m_buffer.erase(0, m_offset);
        m_offset = 0;
    }
}

Decoder::Status Decoder::next(Message &out)
{
    std::string_view payload;
    const Status st = next(out.type, payload);
    if (st == Status::Ok)
        out.payload.assign(payload);
    return st;
}

Decoder::Status Decoder::next(Type &outType, std::string_view &outPayload)
{
    compact();
    if (!m_error.empty())
        return Status::Malformed;
    if (buffered() < sizeof(Header))
        return Status::NeedMore;
    Header h{};
    std::memcpy(&h, m_buffer.data() + m_offset, sizeof h);
    if (h.magic != kMagic) {
        m_error = "bad magic (not a WordRace worker message)";
        return Status::Malformed;
    }
    if (h.version != kVersion) {
        m_error = "protocol version " + std::to_string(h.version) + ", expected " + std::to_string(kVersion);
        return Status::Malformed;
    }
    if (!isKnownType(h.type)) {
        m_error = "unknown message type " + std::to_string(h.type);
        return Status::Malformed;
    }
    const Type type = static_cast<Type>(h.type);
    const auto expected = payloadSize(type);
    if (expected ? h.length != *expected : h.length > kMaxErrorLength) {
        m_error =
            "message of type " + std::to_string(h.type) + " has a bad length " + std::to_string(h.length);
        return Status::Malformed;
    }
    if (buffered() < sizeof(Header) + h.length)
        return Status::NeedMore;
    outType = type;
    outPayload = std::string_view(m_buffer.data() + m_offset + sizeof h, h.length);
    m_offset += sizeof h + h.length;
    return Status::Ok;
}

} // namespace wordrace::protocol
