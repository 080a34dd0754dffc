#pragma once

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

namespace wordrace {

// What the user asked for: "lesson[:REPEAT]", "nicehat[:REPEAT]", or a path to a text file.
struct CorpusSpec
{
    enum class Kind
    {
        Lesson,
        NiceHat,
        File
    };
    Kind kind = Kind::Lesson;
    std::uint64_t repeat = 0; // generated kinds only
    QString path;             // File only

    static constexpr std::uint64_t kLessonDefaultRepeat = 10'000'000;
    static constexpr std::uint64_t kNiceHatDefaultRepeat = 100;

    static CorpusSpec lesson(std::uint64_t repeat = kLessonDefaultRepeat)
    {
        return {Kind::Lesson, repeat, {}};
    }
    static CorpusSpec niceHat(std::uint64_t repeat = kNiceHatDefaultRepeat)
    {
        return {Kind::NiceHat, repeat, {}};
    }
    static CorpusSpec file(const QString &path) { return {Kind::File, 0, path}; }

    // Parses the CLI form. "file:PATH" forces a file named like a built-in corpus.
    static std::optional<CorpusSpec> parse(const QString &text, QString *error = nullptr);
    QString toString() const;
    // Short human name: "lesson x10,000,000", "nicehat x100", or the file name.
    QString displayName() const;

    // The three strings the generated corpus repeats, one per line.
    std::string_view pattern() const;
    int patternLines() const { return 3; }

    bool operator==(const CorpusSpec &) const = default;
};

// The bytes to count, in memory shared with worker processes without copying: a generated corpus
// lives in a memfd, a file is memory-mapped. Either way a worker maps the same pages through the
// parent's file descriptor, so neither is ever copied.
class Corpus
{
public:
    enum class Failure
    {
        None,
        BadInput,
        Io
    };
    // Where a generated corpus is built. Shared: a memfd, which exec'd workers map. SharedHuge: the
    // same in 2 MiB pages where the kernel allows (Linux 6.1), for workers that map the corpus and
    // then need 512 times fewer page-table entries; getting huge pages costs more up front, so a
    // corpus below 1 MiB, where the entries cost little, stays Shared. Inherited: anonymous memory
    // in huge pages where the machine allows them (no descriptor), which only threads and fork()ed
    // workers see.
    enum class Storage
    {
        Shared,
        SharedHuge,
        Inherited
    };

    // Opens or builds the corpus. On failure returns null and sets *error to a one-line reason,
    // and *failure to whether the input was bad (exit 2) or the machine failed (exit 1).
    static std::unique_ptr<Corpus> open(const CorpusSpec &spec, QString *error, Failure *failure = nullptr,
                                        Storage storage = Storage::Shared);
    ~Corpus();
    Corpus(const Corpus &) = delete;
    Corpus &operator=(const Corpus &) = delete;

    const CorpusSpec &spec() const { return m_spec; }
    std::string_view bytes() const { return {m_data, m_size}; }
    std::uint64_t size() const { return m_size; }
    // A file descriptor a worker can open as /proc/<pid>/fd/<fd>; -1 for an empty corpus or one
    // built for Storage::Inherited.
    int fd() const { return m_fd; }
    // Lines as Python's splitlines-on-'\n' sees them: a last line without '\n' still counts.
    std::uint64_t lineCount() const;
    bool isGenerated() const { return m_spec.kind != CorpusSpec::Kind::File; }
    // How long building (generated) or opening and mapping (file) took.
    double prepareSeconds() const { return m_prepareSeconds; }
    // True when a SharedHuge corpus did get its 2 MiB pages (Inherited ones may too, unconfirmed).
    bool inHugePages() const { return m_hugePages; }
    // True when the first bytes look like binary data rather than text (many NULs or control bytes).
    bool looksBinary() const;

    // Bytes a generated corpus of this spec would take, or nullopt when it overflows.
    static std::optional<std::uint64_t> generatedSize(const CorpusSpec &spec);

private:
    // Maps and reads in every page before any mode runs (see Corpus::open).
    void touchEveryPage() const;

    Corpus() = default;

    CorpusSpec m_spec;
    const char *m_data = nullptr;
    std::uint64_t m_size = 0;
    std::size_t m_mapSize = 0;
    const char *m_mapStart = nullptr; // where m_mapSize bytes were mapped (aligned below m_data)
    int m_fd = -1;
    double m_prepareSeconds = 0.0;
    bool m_hugePages = false;
    mutable std::optional<std::uint64_t> m_lines;
    mutable unsigned char m_touchedSum =
        0; // keeps the page reads of touchEveryPage() from being optimized out
};

} // namespace wordrace
