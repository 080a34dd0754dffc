#!/usr/bin/env bash
# The emulated GIL against CPython's real one (issue 19): runs the real-gil scenario K times
# (default 5), each in a fresh wordrace-cli, and prints each language's threads-over-sequential
# speed-up and their difference, with the load average beside them.
# Usage: tests/bench/gil-agreement.sh [K] [BUILD_DIR]
set -euo pipefail
k=${1:-5}
build=${2:-build/default}
cli="$build/bin/wordrace-cli"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %-14s %-14s %-10s %s\n' run emulated real difference "ns/word"
for i in $(seq 1 "$k"); do
  "$cli" scenario real-gil --json "$out/$i.json" > /dev/null
  python3 - "$out/$i.json" "$i" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ev = d["scenario"]["evidence"]
runs = d["runs"]
ns = next(r["knobs"]["work_per_word_ns"] for r in runs if r["mode"] == "threads")
emulated = ev[0].split(": ")[1]
real = ev[1].split(": ")[1]
diff = ev[2].split(": ")[1]
print("%-4s %-14s %-14s %-10s %.1f" % (sys.argv[2], emulated.split("x")[0], real.split("x")[0], diff, ns))
PY
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
