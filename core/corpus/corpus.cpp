#include "corpus/corpus.h"
#include "io/units.h"

#include "kernel/clock.h"
#include "kernel/hugepages.h"
#include "kernel/mappieces.h"

#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr std::string_view kLessonPattern = "hello world\nthis is another line\nthis is yet another line\n";
constexpr std::string_view kNiceHatPattern = "nice hat\nfor a clown to wear\nto the circus. idiot.\n";

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22 // Linux 5.14
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux 5.14
#endif

void populateInPieces(void *start, std::size_t size)
{
    bool supported = true;
    inPieces(start, size, [&](char *p, std::size_t n) {
        // Before Linux 5.14 the writes that fill the corpus fault its pages in instead.
        if (supported && ::madvise(p, n, MADV_POPULATE_WRITE) != 0)
            supported = false;
    });
}

void protectInPieces(const void *start, std::size_t size, int prot)
{
    inPieces(start, size, [&](char *p, std::size_t n) { ::mprotect(p, n, prot); });
}

void unmapInPieces(const void *start, std::size_t size)
{
    // Unmapping populated pages is the slow part (70 ms for 580 MB), and munmap does it under the
    // lock; MADV_DONTNEED does it under the lock of this mapping alone (Linux 6.16; before, under
    // the process's lock, shared with other readers), so the pages go first and the empty
    // mapping after.
    dropPagesInPieces(start, size);
    ::munmap(const_cast<void *>(start), size);
}

// One buffer, filled by doubling: log2(REPEAT) memcpy calls instead of REPEAT appends.
void fillGenerated(char *out, std::uint64_t size, std::string_view unit)
{
    std::memcpy(out, unit.data(), std::min<std::uint64_t>(unit.size(), size));
    std::uint64_t filled = std::min<std::uint64_t>(unit.size(), size);
    while (filled < size) {
        const std::uint64_t n = std::min(filled, size - filled);
        std::memcpy(out + filled, out, n);
        filled += n;
    }
}

std::optional<std::uint64_t> availableMemory()
{
    const long pages = sysconf(_SC_AVPHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0)
        return std::nullopt;
    // Free pages ignore reclaimable page cache; read MemAvailable when the kernel offers it.
    if (FILE *f = std::fopen("/proc/meminfo", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f)) {
            unsigned long long kb = 0;
            if (std::sscanf(line, "MemAvailable: %llu kB", &kb) == 1) {
                std::fclose(f);
                return std::uint64_t(kb) * 1024;
            }
        }
        std::fclose(f);
    }
    return std::uint64_t(pages) * std::uint64_t(pageSize);
}

} // namespace

std::optional<CorpusSpec> CorpusSpec::parse(const QString &text, QString *error)
{
    auto failWith = [&](const QString &why) -> std::optional<CorpusSpec> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (text.isEmpty())
        return failWith(u"empty corpus: use lesson[:REPEAT], nicehat[:REPEAT] or a file path"_s);
    if (text.startsWith(u"file:"_s))
        return file(text.mid(5));
    for (const auto &[name, kind, def] : {std::tuple{u"lesson"_s, Kind::Lesson, kLessonDefaultRepeat},
                                          std::tuple{u"nicehat"_s, Kind::NiceHat, kNiceHatDefaultRepeat}}) {
        if (text == name)
            return CorpusSpec{kind, def, {}};
        if (text.startsWith(name + u':')) {
            bool ok = false;
            const QString number = text.mid(name.size() + 1);
            const qulonglong repeat = number.toULongLong(&ok);
            if (!ok || number.startsWith(u'+'))
                return failWith(u"bad REPEAT in '%1': expected a whole number >= 0"_s.arg(text));
            return CorpusSpec{kind, repeat, {}};
        }
    }
    return file(text);
}

QString CorpusSpec::toString() const
{
    switch (kind) {
    case Kind::Lesson:
        return u"lesson:%1"_s.arg(repeat);
    case Kind::NiceHat:
        return u"nicehat:%1"_s.arg(repeat);
    case Kind::File:
        return path;
    }
    return {};
}

QString CorpusSpec::displayName() const
{
    switch (kind) {
    case Kind::Lesson:
        return u"lesson \u00d7%1"_s.arg(QLocale(QLocale::English).toString(qulonglong(repeat)));
    case Kind::NiceHat:
        return u"nicehat \u00d7%1"_s.arg(QLocale(QLocale::English).toString(qulonglong(repeat)));
    case Kind::File:
        return QFileInfo(path).fileName();
    }
    return {};
}

std::string_view CorpusSpec::pattern() const
{
    switch (kind) {
    case Kind::Lesson:
        return kLessonPattern;
    case Kind::NiceHat:
        return kNiceHatPattern;
    case Kind::File:
        break;
    }
    return {};
}

std::optional<std::uint64_t> Corpus::generatedSize(const CorpusSpec &spec)
{
    const std::uint64_t unit = spec.pattern().size();
    if (unit == 0)
        return std::nullopt;
    if (spec.repeat > std::numeric_limits<std::uint64_t>::max() / unit)
        return std::nullopt;
    return spec.repeat * unit;
}

std::unique_ptr<Corpus> Corpus::open(const CorpusSpec &spec, QString *error, Failure *failure,
                                     Storage storage)
{
    auto failWith = [&](Failure kind, const QString &why) -> std::unique_ptr<Corpus> {
        if (error)
            *error = why;
        if (failure)
            *failure = kind;
        return nullptr;
    };
    const std::int64_t t0 = monotonicNs();
    std::unique_ptr<Corpus> c(new Corpus);
    c->m_spec = spec;

    if (spec.kind == CorpusSpec::Kind::File) {
        const QByteArray path = QFile::encodeName(spec.path);
        if (path.isEmpty())
            return failWith(Failure::BadInput, u"no file given"_s);
        // O_NONBLOCK so that opening a FIFO cannot hang; a regular file ignores it.
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            const int err = errno;
            if (err == ENOENT)
                return failWith(Failure::BadInput, u"%1: no such file"_s.arg(spec.path));
            if (err == EACCES || err == EPERM)
                return failWith(Failure::BadInput, u"%1: permission denied"_s.arg(spec.path));
            return failWith(Failure::BadInput, u"%1: cannot open: %2"_s.arg(spec.path, errnoText(err)));
        }
        c->m_fd = fd;
        struct stat st
        {};
        if (::fstat(fd, &st) != 0)
            return failWith(Failure::Io, u"%1: cannot stat: %2"_s.arg(spec.path, errnoText(errno)));
        if (S_ISDIR(st.st_mode))
            return failWith(Failure::BadInput, u"%1: is a directory, not a text file"_s.arg(spec.path));
        if (!S_ISREG(st.st_mode))
            return failWith(
                Failure::BadInput,
                u"%1: not a regular file (a device, FIFO or socket cannot be mapped and counted)"_s.arg(
                    spec.path));
        c->m_size = std::uint64_t(st.st_size);
        if (c->m_size > 0) {
            void *map = ::mmap(nullptr, c->m_size, PROT_READ, MAP_SHARED, fd, 0);
            if (map == MAP_FAILED)
                return failWith(Failure::Io, u"%1: cannot map: %2"_s.arg(spec.path, errnoText(errno)));
            c->m_data = static_cast<const char *>(map);
            c->m_mapStart = c->m_data;
            c->m_mapSize = c->m_size;
        }
    } else {
        const auto size = generatedSize(spec);
        if (!size)
            return failWith(Failure::BadInput, u"REPEAT %1 is too large"_s.arg(spec.repeat));
        if (const auto avail = availableMemory(); avail && *size > *avail)
            return failWith(
                Failure::BadInput,
                u"%1 would need %2 of memory, but only %3 is available; choose a smaller REPEAT"_s.arg(
                    spec.toString(), Units::bytes(*size), Units::bytes(*avail)));
        c->m_size = *size;
        if (c->m_size > 0 && storage == Storage::Inherited) {
            // Aligned to 2 MiB, so that every page of it can be a huge one.
            const std::size_t mapSize = std::size_t(c->m_size) + kHugePage;
            void *map = ::mmap(nullptr, mapSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (map == MAP_FAILED)
                return failWith(Failure::Io, u"cannot allocate the corpus: %1"_s.arg(errnoText(errno)));
            c->m_mapStart = static_cast<const char *>(map);
            c->m_mapSize = mapSize;
            auto *out = reinterpret_cast<char *>(roundUpToHugePage(reinterpret_cast<std::uintptr_t>(map)));
            ::madvise(out, std::size_t(c->m_size), MADV_HUGEPAGE); // a hint: refused, pages stay small
            fillGenerated(out, c->m_size, spec.pattern());
            protectInPieces(map, mapSize, PROT_READ);
            c->m_data = out;
            c->m_lines = std::uint64_t(spec.patternLines()) * spec.repeat;
        } else if (c->m_size > 0) {
            // Huge pages from one megabyte on: a worker maps 4 KiB pages and tears them down at a
            // cost that grew with the corpus to 13 ms at 58 MB (5x the counting), where 70 MB in 2 MiB
            // pages cost 1 ms (docs/performance.md, "No cliff in corpus size"). Below a megabyte the
            // rounding to a whole page would be most of the memory, and small pages cost little.
            constexpr std::uint64_t kHugeWorthIt = std::uint64_t(1) << 20;
            const bool huge = storage == Storage::SharedHuge && c->m_size >= kHugeWorthIt;
            // In huge pages the file ends on a whole one; its tail past the corpus stays zeros and is
            // never counted.
            const std::size_t fileSize =
                huge ? roundUpToHugePage(std::size_t(c->m_size)) : std::size_t(c->m_size);
            const int fd = ::memfd_create("wordrace-corpus", MFD_CLOEXEC);
            if (fd < 0)
                return failWith(Failure::Io, u"cannot create shared memory: %1"_s.arg(errnoText(errno)));
            c->m_fd = fd;
            if (::ftruncate(fd, off_t(fileSize)) != 0)
                return failWith(Failure::Io, u"cannot size shared memory: %1"_s.arg(errnoText(errno)));
            void *map = huge ? mapHugeAligned(fd, fileSize, PROT_READ | PROT_WRITE)
                             : ::mmap(nullptr, fileSize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            if (map == MAP_FAILED || map == nullptr)
                return failWith(Failure::Io, u"cannot map shared memory: %1"_s.arg(errnoText(errno)));
            auto *out = static_cast<char *>(map);
            c->m_mapStart = out;
            c->m_mapSize = fileSize;
            c->m_hugePages = huge && collapseToHugePages(out, fileSize);
            // Populated ahead of the writes: faulting page by page takes a third longer. Populating
            // skips the pages that did become huge.
            if (!c->m_hugePages)
                populateInPieces(map, c->m_size);
            fillGenerated(out, c->m_size, spec.pattern());
            // Workers map it read-only; so does the parent from now on.
            protectInPieces(map, fileSize, PROT_READ);
            c->m_data = out;
            c->m_lines = std::uint64_t(spec.patternLines()) * spec.repeat;
        }
    }
    if (c->m_size == 0)
        c->m_lines = 0;
    // Every page read once before any mode runs: a file's pages come in from disk here, and a
    // generated corpus's pages are mapped in this process, so that whichever mode runs first does
    // not pay for it inside its time (every mode starts from the same state; docs/performance.md).
    c->touchEveryPage();
    c->m_prepareSeconds = double(monotonicNs() - t0) / 1e9;
    return c;
}

Corpus::~Corpus()
{
    if (m_mapStart && m_mapSize)
        unmapInPieces(m_mapStart, m_mapSize);
    if (m_fd >= 0)
        ::close(m_fd);
}

void Corpus::touchEveryPage() const
{
    if (!m_mapStart || m_mapSize == 0)
        return;
    // The kernel reads a file's pages in and maps them; an error (a file truncated meanwhile)
    // comes back as a return value, not as SIGBUS, and is left for the counting to report.
    if (::madvise(const_cast<char *>(m_mapStart), m_mapSize, MADV_POPULATE_READ) == 0 || !isGenerated())
        return;
    // Kernels before 5.14: a generated corpus is ours alone and cannot shrink, so reading it is safe.
    constexpr std::uint64_t kPage = 4096;
    unsigned char sum = 0;
    for (std::uint64_t at = 0; at < m_size; at += kPage)
        sum ^= static_cast<unsigned char>(*static_cast<const volatile char *>(m_data + at));
    m_touchedSum = sum;
}

std::uint64_t Corpus::lineCount() const
{
    if (!m_lines) {
        std::uint64_t lines = 0;
        const char *p = m_data;
        const char *end = m_data + m_size;
        while (p < end) {
            const void *nl = std::memchr(p, '\n', std::size_t(end - p));
            if (!nl)
                break;
            ++lines;
            p = static_cast<const char *>(nl) + 1;
        }
        if (m_size > 0 && m_data[m_size - 1] != '\n')
            ++lines;
        m_lines = lines;
    }
    return *m_lines;
}

bool Corpus::looksBinary() const
{
    const std::size_t n = std::size_t(std::min<std::uint64_t>(m_size, 8192));
    if (n == 0)
        return false;
    std::size_t suspicious = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(m_data[i]);
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
            ++suspicious;
    }
    return suspicious * 10 > n;
}

} // namespace wordrace
