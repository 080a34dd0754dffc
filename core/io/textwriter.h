#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>

class QIODevice;

namespace wordrace {

// Appends text for exports that can have millions of rows (CSV of tasks, trace events) without a
// Qt object per row: numbers through std::to_chars, and the buffer handed to the device every
// megabyte so that a two-million-task export never sits in memory twice.
class TextWriter
{
public:
    // Without a device everything stays in the buffer; take it with take().
    explicit TextWriter(QIODevice *device = nullptr);
    ~TextWriter();
    TextWriter(const TextWriter &) = delete;
    TextWriter &operator=(const TextWriter &) = delete;

    void append(QByteArrayView text)
    {
        m_buffer.append(text);
        if (m_device && m_buffer.size() >= kFlushBytes)
            flush();
    }
    void append(char c) { m_buffer.append(c); }
    // Shortest text that reads back as the same double.
    void appendNumber(double v);
    void appendNumber(std::uint64_t v);
    void appendNumber(std::int64_t v);
    void appendNumber(int v) { appendNumber(std::int64_t(v)); }
    // Exactly `decimals` digits after the point (microsecond timestamps with nanosecond digits).
    void appendFixed(double v, int decimals);
    // A JSON string literal, quotes included.
    void appendJsonString(const QString &s);
    // One CSV field (RFC 4180): quoted, with quotes doubled, only when it holds a comma, a quote or
    // a line break.
    void appendCsvField(const QString &s);

    // Hands the buffer to the device; false once any write has failed.
    bool flush();
    bool ok() const { return m_ok; }
    QByteArray take();

private:
    static constexpr qsizetype kFlushBytes = 1 << 20;
    QIODevice *m_device = nullptr;
    QByteArray m_buffer;
    bool m_ok = true;
};

} // namespace wordrace
