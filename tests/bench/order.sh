#!/usr/bin/env bash
# Does a mode's time depend on its place in the order? Runs the same experiment N times in fresh
# processes with the modes forward and backward, and prints each mode's median wall and CPU time
# when it ran first and when it ran last, and their ratio, with the load average beside them.
# Usage: tests/bench/order.sh [N] [extra wordrace-cli run options...]
#   tests/bench/order.sh 9 --corpus lesson --workers 2
#   tests/bench/order.sh 9 --corpus lesson:300000 --gil --work-per-word 95 --workers 2
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-9}
shift || true
cli=${WORDRACE_CLI:-build/default/bin/wordrace-cli}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$n"); do
  "$cli" run --mode sequential,threads,processes "$@" --json "$out/f$i.json" >/dev/null 2>&1
  "$cli" run --mode processes,threads,sequential "$@" --json "$out/b$i.json" >/dev/null 2>&1
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$n" <<'PY'
import json, statistics, sys
out, n = sys.argv[1], int(sys.argv[2])
pos = {}  # (mode, place) -> [(wall, cpu)]
for prefix in ("f", "b"):
    for i in range(1, n + 1):
        runs = json.load(open(f"{out}/{prefix}{i}.json"))["runs"]
        for k, r in enumerate(runs):
            place = "first" if k == 0 else ("last" if k == len(runs) - 1 else "middle")
            pos.setdefault((r["mode"], place), []).append((r["wall_s"], r["cpu_total_s"]))
print(f"{'mode':<11} {'first: wall':>12} {'cpu':>9} {'last: wall':>11} {'cpu':>9} {'wall first/last':>16} {'cpu first/last':>15}")
for mode in ("sequential", "threads", "processes"):
    f, l = pos.get((mode, "first"), []), pos.get((mode, "last"), [])
    if not f or not l:
        continue
    fw, fc = statistics.median(x[0] for x in f), statistics.median(x[1] for x in f)
    lw, lc = statistics.median(x[0] for x in l), statistics.median(x[1] for x in l)
    print(f"{mode:<11} {fw*1e3:>10.2f}ms {fc*1e3:>7.2f}ms {lw*1e3:>9.2f}ms {lc*1e3:>7.2f}ms {fw/lw:>16.2f} {fc/lc:>15.2f}")
print(f"(medians of {n} fresh runs in each order)")
PY
