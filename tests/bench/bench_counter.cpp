// The counter against the machine's floors, on the lesson's corpus in memory (580 MB).
//   bench_counter --benchmark_filter=. --benchmark_min_time=1
// Ratios matter, not absolute numbers: run the floors and the counter in the same invocation.
#include "corpus/corpus.h"
#include "kernel/hugepages.h"
#include "kernel/wordcounter.h"

#include <benchmark/benchmark.h>

#include <cstring>
#include <memory>
#include <numeric>
#include <string>

#include <sys/mman.h>

using namespace wordrace;

namespace {

const Corpus &lessonCorpus()
{
    static const std::unique_ptr<Corpus> corpus = [] {
        QString error;
        // In huge pages, as a run builds it (Runner: SharedHuge), so that counter and floor
        // read what the modes read.
        auto c = Corpus::open(CorpusSpec::lesson(), &error, nullptr, Corpus::Storage::SharedHuge);
        if (!c)
            std::abort();
        return c;
    }();
    return *corpus;
}

// Multibyte-heavy text of the same size class: Russian, Greek and Japanese with ideographic spaces.
const std::string &multibyteText()
{
    static const std::string text = [] {
        const std::string unit = "Было бы славно посчитать слова. Καλημέρα κόσμε, μετράμε λέξεις. "
                                 "日本語の文章\xE3\x80\x80全角スペース\xE3\x80\x80で区切る。\n";
        std::string s;
        s.reserve(256u << 20);
        while (s.size() + unit.size() <= (256u << 20))
            s += unit;
        return s;
    }();
    return text;
}

void counter(benchmark::State &state, WordCounter::Path path, bool multibyte)
{
    const std::string_view bytes = multibyte ? std::string_view(multibyteText()) : lessonCorpus().bytes();
    std::uint64_t words = 0;
    for (auto _ : state) {
        words = WordCounter::count(bytes, path);
        benchmark::DoNotOptimize(words);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes.size()));
    state.counters["words"] = double(words);
    state.SetLabel(WordCounter::pathName(path));
}

// The floor: the fastest way to touch every byte once, memchr for a byte that is not there.
void memchrFloor(benchmark::State &state)
{
    const std::string_view bytes = lessonCorpus().bytes();
    for (auto _ : state)
        benchmark::DoNotOptimize(std::memchr(bytes.data(), 0x01, bytes.size()));
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes.size()));
}

void byteSumFloor(benchmark::State &state)
{
    const std::string_view bytes = lessonCorpus().bytes();
    for (auto _ : state) {
        std::uint64_t sum = 0;
        const auto *p = reinterpret_cast<const std::uint64_t *>(bytes.data());
        for (std::size_t i = 0, n = bytes.size() / 8; i < n; ++i)
            sum += p[i];
        benchmark::DoNotOptimize(sum);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes.size()));
}

// Shared is the plain memfd; SharedHuge the memfd in 2 MiB pages that exec'd workers map;
// Inherited the anonymous huge-page memory forked workers inherit.
void buildLessonCorpus(benchmark::State &state, Corpus::Storage storage)
{
    for (auto _ : state) {
        QString error;
        auto c = Corpus::open(CorpusSpec::lesson(), &error, nullptr, storage);
        benchmark::DoNotOptimize(c->bytes().data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * 580'000'000);
}

// What building the corpus is measured against: memset of as many fresh bytes, in the machine's
// default pages or (huge) in 2 MiB ones, which a virtual machine may have to back first.
void memsetFreshMemory(benchmark::State &state, bool huge)
{
    constexpr std::size_t n = 580'000'000;
    for (auto _ : state) {
        void *p = ::mmap(nullptr, n + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        auto *out = reinterpret_cast<char *>(roundUpToHugePage(reinterpret_cast<std::uintptr_t>(p)));
        if (huge)
            ::madvise(out, n, MADV_HUGEPAGE);
        std::memset(out, 'x', n);
        benchmark::DoNotOptimize(out);
        ::munmap(p, n + kHugePage);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(n));
}

} // namespace

BENCHMARK_CAPTURE(counter, ascii_auto, WordCounter::Path::Auto, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(counter, ascii_portable, WordCounter::Path::Portable, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(counter, multibyte_auto, WordCounter::Path::Auto, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(counter, multibyte_portable, WordCounter::Path::Portable, true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(memchrFloor)->Unit(benchmark::kMillisecond);
BENCHMARK(byteSumFloor)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(buildLessonCorpus, shared, Corpus::Storage::Shared)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(buildLessonCorpus, shared_huge, Corpus::Storage::SharedHuge)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(buildLessonCorpus, inherited, Corpus::Storage::Inherited)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(memsetFreshMemory, small_pages, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(memsetFreshMemory, huge_pages, true)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
