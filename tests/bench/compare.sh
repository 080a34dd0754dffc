#!/usr/bin/env bash
# WordRace beside the alternatives, measured in one run on this machine: each WordRace mode, the
# lesson's own Python code (sequential and Pool.map), `wc -w`, and the memory-bandwidth floor.
# Usage: tests/bench/compare.sh [BUILD_DIR] [REPEAT]   (defaults: build/default, 10000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/default}
repeat=${2:-10000000}
bin="$build/bin"
[ -x "$bin/wordrace-cli" ] || { echo "compare.sh: build first (bash scripts/run-tests.sh or cmake --build --preset default)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The lesson's corpus as a file, for the tools that read files.
python3 - "$work/lesson.txt" "$repeat" <<'PY'
import sys
unit = b"hello world\nthis is another line\nthis is yet another line\n"
with open(sys.argv[1], "wb") as f:
    block = unit * 100000
    n = int(sys.argv[2])
    for _ in range(n // 100000):
        f.write(block)
    f.write(unit * (n % 100000))
PY
bytes=$(stat -c %s "$work/lesson.txt")
cat "$work/lesson.txt" > /dev/null # into the page cache, so every reader starts equal

now() { date +%s.%N; }
rows=()
add() { rows+=("$1|$2|$3"); }

# WordRace, each mode on the in-memory corpus (the lesson builds its list in memory too).
"$bin/wordrace-cli" run --corpus "lesson:$repeat" --json "$work/wr.json" > /dev/null 2>&1
python3 - "$work/wr.json" >> "$work/rows" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["runs"]:
    print(f"WordRace {r['mode']} ({r['workers']} workers)|{r['wall_s']:.3f}|{r['words']}")
PY
# WordRace on the file (memory-mapped).
"$bin/wordrace-cli" run --mode threads --corpus "$work/lesson.txt" --json "$work/wrf.json" > /dev/null 2>&1
python3 - "$work/wrf.json" >> "$work/rows" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]
print(f"WordRace threads, mapped file|{r['wall_s']:.3f}|{r['words']}")
PY

# wc -w in the C locale (fastest, ASCII whitespace only).
t0=$(now); w=$(LC_ALL=C wc -w < "$work/lesson.txt"); t1=$(now)
echo "wc -w (C locale)|$(awk "BEGIN {printf \"%.3f\", $t1 - $t0}")|$w" >> "$work/rows"

# The lesson's Python, as written there.
if command -v python3 > /dev/null; then
python3 - "$repeat" >> "$work/rows" <<'PY'
import sys, time
from multiprocessing import Pool, cpu_count
def word_count(string):
    return len(string.split())
def sequential_word_count(strings):
    return sum([word_count(string) for string in strings])
def parallel_word_count(strings):
    pool = Pool(processes=cpu_count())
    results = pool.map(word_count, strings)
    return sum(results)
n = int(sys.argv[1])
strings = ['hello world', 'this is another line', 'this is yet another line'] * n
t = time.perf_counter(); w = sequential_word_count(strings); print(f"Python sequential_word_count|{time.perf_counter()-t:.3f}|{w}")
t = time.perf_counter(); w = parallel_word_count(strings); print(f"Python Pool.map ({cpu_count()} processes)|{time.perf_counter()-t:.3f}|{w}")
PY
fi

# The floor: memchr over the same bytes in memory, from the benchmark suite.
floor=""
if [ -x "$bin/bench_counter" ]; then
  floor=$("$bin/bench_counter" --benchmark_filter='memchrFloor|counter/ascii_auto' --benchmark_format=csv 2>/dev/null \
          | awk -F, '/memchrFloor/ {print $3/1000}')
  [ -n "$floor" ] && echo "memchr over the same bytes (bandwidth floor)|$(awk "BEGIN {printf \"%.3f\", $floor * $bytes / 580000000}")|-" >> "$work/rows"
fi

echo "Machine: $(nproc) logical CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "Corpus: lesson x$repeat, $bytes bytes"
echo
seq_wall=$(awk -F'|' '/WordRace sequential/ {print $2}' "$work/rows")
printf '| %-42s | %9s | %11s | %12s |\n' "what" "wall (s)" "words" "vs WordRace seq"
printf '|%s|%s|%s|%s|\n' "--------------------------------------------" "-----------" "-------------" "--------------"
while IFS='|' read -r what wall words; do
  ratio=$(awk "BEGIN {printf \"%.2fx\", $wall / $seq_wall}")
  printf '| %-42s | %9s | %11s | %12s |\n' "$what" "$wall" "$words" "$ratio"
done < "$work/rows"
