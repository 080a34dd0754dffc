#!/usr/bin/env bash
# WordRace beside the alternatives, measured in one run on this machine: each WordRace mode, the
# lesson's own Python code (sequential_word_count and parallel_word_count with Pool.map, as written
# there), `wc -w`, and the memory-bandwidth floor (memchr over the same bytes), then a table of
# times and ratios. Absolute times drift on a shared machine; the ratios within one run count.
#
# Usage: tests/bench/compare.sh [BUILD_DIR] [REPEAT]
#   BUILD_DIR  default: build/default, else build/dev (needs wordrace-cli, bench_counter, bench_backends)
#   REPEAT     lesson corpus repeat, default 10000000 (the lesson's: 110,000,000 words, 580 MB)
# Environment: RUNS=N measured WordRace runs per mode (median reported, default 5);
#              COMPARE_TSV=FILE also writes the rows (what, wall_s, cpu_s, words) as TSV;
#              SKIP_PYTHON=1 leaves the lesson's Python out (it takes about a minute).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-}
if [ -z "$build" ]; then
    build=build/default
    [ -x "$build/bin/wordrace-cli" ] || build=build/dev
fi
repeat=${2:-10000000}
runs=${RUNS:-5}
bin="$build/bin"
[ -x "$bin/wordrace-cli" ] || {
    echo "compare.sh: no $bin/wordrace-cli; build first (cmake --preset default && cmake --build --preset default)" >&2
    exit 2
}
command -v python3 > /dev/null || { echo "compare.sh: python3 is needed (the lesson's code, and to read JSON)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows="$work/rows.tsv"
: > "$rows"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# The lesson's corpus as a file too, for the tools that read files: the three strings, one per line.
python3 - "$work/lesson.txt" "$repeat" << 'PY'
import sys
unit = b"hello world\nthis is another line\nthis is yet another line\n"
n = int(sys.argv[2])
with open(sys.argv[1], "wb") as f:
    block = unit * 100000
    for _ in range(n // 100000):
        f.write(block)
    f.write(unit * (n % 100000))
PY
bytes=$(stat -c %s "$work/lesson.txt")
cat "$work/lesson.txt" > /dev/null # into the page cache, so every reader starts equal
# Written back now: otherwise the kernel writes the 580 MB out while the first runs are timed
# (WordRace sequential measured 49-51 ms here instead of 35-38).
sync "$work/lesson.txt"

# Runs a command, its output to $work/out; prints its wall and CPU (user + sys) seconds, tab-separated.
timed() {
    python3 - "$work/out" "$@" << 'PY'
import resource, subprocess, sys, time
t0 = time.perf_counter()
with open(sys.argv[1], "wb") as out:
    subprocess.run(sys.argv[2:], stdout=out, check=True)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.4f}\t{ru.ru_utime + ru.ru_stime:.4f}")
PY
}

# WordRace: the median of RUNS measured runs per mode, after one warm-up, modes interleaved; the
# in-memory corpus, as the lesson builds its list in memory.
median_rows() { # JSON file, label suffix
    python3 - "$1" "$2" >> "$rows" << 'PY'
import json, statistics, sys
runs = json.load(open(sys.argv[1]))["runs"]
for mode in dict.fromkeys(r["mode"] for r in runs):
    rs = [r for r in runs if r["mode"] == mode]
    wall = statistics.median(r["wall_s"] for r in rs)
    parent = statistics.median(r["parent_cpu_s"] for r in rs)
    w = rs[0]["workers"]
    label = f"WordRace {mode}" + (f", {w} workers" if mode != "sequential" else "") + sys.argv[2]
    print(f"{label}\t{wall:.4f}\t{parent:.4f}\t{rs[0]['words']}")
PY
}
"$bin/wordrace-cli" run --corpus "lesson:$repeat" --runs "$runs" --warmup 1 --json "$work/wr.json" > /dev/null 2>&1
median_rows "$work/wr.json" ""
"$bin/wordrace-cli" run --mode processes --transport pipe --corpus "lesson:$repeat" --runs "$runs" --warmup 1 \
    --json "$work/wrp.json" > /dev/null 2>&1
median_rows "$work/wrp.json" ", --transport pipe"
"$bin/wordrace-cli" run --mode processes --start fork --corpus "lesson:$repeat" --runs "$runs" --warmup 1 \
    --json "$work/wrk.json" > /dev/null 2>&1
median_rows "$work/wrk.json" ", --start fork"
"$bin/wordrace-cli" run --mode sequential,threads --corpus "file:$work/lesson.txt" --runs "$runs" --warmup 1 \
    --json "$work/wrf.json" > /dev/null 2>&1
median_rows "$work/wrf.json" " (mapped file)"

# wc -w in the C locale (ASCII whitespace only) and in a UTF-8 locale, which decodes characters.
t=$(timed env LC_ALL=C wc -w "$work/lesson.txt")
printf 'wc -w (LC_ALL=C)\t%s\t%s\n' "$t" "$(awk '{print $1}' "$work/out")" >> "$rows"
if locale -a 2> /dev/null | grep -qi '^C\.utf-\?8$'; then
    t=$(timed env LC_ALL=C.UTF-8 wc -w "$work/lesson.txt")
    printf 'wc -w (LC_ALL=C.UTF-8)\t%s\t%s\n' "$t" "$(awk '{print $1}' "$work/out")" >> "$rows"
fi

# The lesson's Python, as written there (Pool(processes = 4) included), timed as %time would:
# wall, and the CPU of this process alone (the pool's workers are other processes).
if [ -z "${SKIP_PYTHON:-}" ]; then
    python3 - "$repeat" >> "$rows" << 'PY'
import os, sys, time
from multiprocessing import Pool

def word_count(string):
    return len(string.split())

def sequential_word_count(strings):
    return sum([word_count(string) for string in strings])

def parallel_word_count(strings):
    pool = Pool(processes = 4)
    results = pool.map(word_count, strings)
    #print(type(results))
    #print(results)
    return sum(results)

def timed(label, f, strings):
    c0, t0 = os.times(), time.perf_counter()
    words = f(strings)
    t1, c1 = time.perf_counter(), os.times()
    cpu = (c1.user - c0.user) + (c1.system - c0.system)
    print(f"{label}\t{t1 - t0:.3f}\t{cpu:.3f}\t{words}", flush=True)

if __name__ == "__main__":
    n = int(sys.argv[1])
    strings = [
        'hello world',
        'this is another line',
        'this is yet another line'] * n
    v = sys.version.split()[0]
    timed(f"Python {v} sequential_word_count", sequential_word_count, strings)
    timed(f"Python {v} parallel_word_count (Pool(4).map)", parallel_word_count, strings)
PY
fi

# The floor: the fastest read of the same bytes in memory (glibc memchr for an absent byte), on
# one thread and on two (halves), measured by the benchmark suites; scaled to this corpus's size.
floor1="" floor2=""
if [ -x "$bin/bench_counter" ]; then
    "$bin/bench_counter" --benchmark_filter='^memchrFloor$' --benchmark_min_time=0.5 \
        --benchmark_format=json > "$work/floor.json" 2> /dev/null
    floor1=$(python3 -c "import json,sys; b=json.load(open(sys.argv[1]))['benchmarks'][0]; print(b['real_time']/1e3*$bytes/580000000)" "$work/floor.json")
    printf 'memchr over the same bytes, 1 thread (floor)\t%.4f\t-\t-\n' "$floor1" >> "$rows"
fi
if [ -x "$bin/bench_backends" ]; then
    "$bin/bench_backends" --benchmark_filter='floorScaling/memchr' --benchmark_format=json > "$work/floor2.json" 2> /dev/null
    floor2=$(python3 -c "import json,sys; b=json.load(open(sys.argv[1]))['benchmarks'][0]; print(b['par_ms']/1e3*$bytes/580000000)" "$work/floor2.json")
    printf 'memchr over the same bytes, 2 threads (floor)\t%.4f\t-\t-\n' "$floor2" >> "$rows"
fi

[ -n "${COMPARE_TSV:-}" ] && cp "$rows" "$COMPARE_TSV"

echo "Machine: $(nproc) logical CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r), $(python3 --version)"
echo "Corpus: lesson x$repeat, $bytes bytes; WordRace: median of $runs runs per mode after 1 warm-up"
echo "Load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$rows" << 'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
def find(prefix):
    return next((float(r[1]) for r in rows if r[0].startswith(prefix)), None)
seq = find("WordRace sequential")
py = next((float(r[1]) for r in rows if r[0].startswith("Python") and "sequential" in r[0]), None)
floor = find("memchr over the same bytes, 1 thread")
def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "-"
head = ["what", "wall (s)", "CPU of the timed process (s)", "words", "x floor (1 thread)", "x WordRace seq", "speed-up vs Python seq"]
print("| " + " | ".join(head) + " |")
print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
for what, wall, cpu, words in rows:
    w = float(wall)
    words = f"{int(words):,}" if words.isdigit() else words
    cpu = f"{float(cpu):.3f}" if cpu != "-" else cpu
    print(f"| {what} | {w:.3f} | {cpu} | {words} | {ratio(w, floor)} | {ratio(w, seq)} | {ratio(py, w)} |")
# Issue 21's ratios, all from this run: each parallel mode's speed-up over sequential against the
# floor's own 2-thread speed-up (targets 0.9 for threads, 0.8 for processes), and sequential
# against one thread's memchr (target 0.8).
floor2 = find("memchr over the same bytes, 2 threads")
threads = find("WordRace threads, 2 workers")
processes = next((float(r[1]) for r in rows if r[0] == "WordRace processes, 2 workers"), None)
if seq and floor and floor2:
    print()
    print(f"floor's own 2-thread speed-up: {floor / floor2:.2f}x")
    for name, wall, target in (("threads", threads, 0.9), ("processes", processes, 0.8)):
        if wall:
            r = (seq / wall) / (floor / floor2)
            print(f"{name}: {seq / wall:.2f}x sequential = {r:.2f} of the floor's scaling "
                  f"(target {target}: {'met' if r >= target else 'missed'})")
    r = floor / seq
    print(f"sequential run against memchr on one thread: {r:.2f} (target 0.8: {'met' if r >= 0.8 else 'missed'})")
PY
