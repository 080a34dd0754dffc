#include "io/textwriter.h"

#include <QIODevice>

#include <charconv>
#include <cmath>
#include <utility>

namespace wordrace {

TextWriter::TextWriter(QIODevice *device) : m_device(device)
{
    m_buffer.reserve(m_device ? kFlushBytes + 4096 : 4096);
}

TextWriter::~TextWriter()
{
    flush();
}

void TextWriter::appendNumber(double v)
{
    if (!std::isfinite(v)) {
        // Neither CSV readers nor JSON know a spelling for these that all of them accept.
        append("null");
        return;
    }
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    append(QByteArrayView(buf, res.ptr - buf));
}

void TextWriter::appendNumber(std::uint64_t v)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    append(QByteArrayView(buf, res.ptr - buf));
}

void TextWriter::appendNumber(std::int64_t v)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    append(QByteArrayView(buf, res.ptr - buf));
}

void TextWriter::appendFixed(double v, int decimals)
{
    if (!std::isfinite(v)) {
        append("null");
        return;
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (res.ec != std::errc()) {
        appendNumber(v);
        return;
    }
    append(QByteArrayView(buf, res.ptr - buf));
}

void TextWriter::appendJsonString(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    m_buffer.append('"');
    for (char c : utf8) {
        switch (c) {
        case '"':
            m_buffer.append("\\\"");
            break;
        case '\\':
            m_buffer.append("\\\\");
            break;
        case '\n':
            m_buffer.append("\\n");
            break;
        case '\r':
            m_buffer.append("\\r");
            break;
        case '\t':
            m_buffer.append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                const char esc[] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
                m_buffer.append(esc, sizeof esc);
            } else {
                m_buffer.append(c);
            }
        }
    }
    append('"');
}

void TextWriter::appendCsvField(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r')) {
        append(utf8);
        return;
    }
    QByteArray quoted = utf8;
    quoted.replace("\"", "\"\"");
    m_buffer.append('"');
    m_buffer.append(quoted);
    append("\"");
}

bool TextWriter::flush()
{
    if (!m_device || m_buffer.isEmpty())
        return m_ok;
    if (m_ok && m_device->write(m_buffer) != m_buffer.size())
        m_ok = false;
    m_buffer.resize(0); // keeps the capacity for the next megabyte
    return m_ok;
}

QByteArray TextWriter::take()
{
    flush();
    return std::exchange(m_buffer, {});
}

} // namespace wordrace
