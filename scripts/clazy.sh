#!/usr/bin/env bash
# KDE's Qt-aware checks (clazy, levels 0 and 1) over WordRace's own sources, from the compile
# commands of a configured build (default: build/default). Fails on any warning.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/default}
[ -f "$build/compile_commands.json" ] || { echo "clazy: configure $build first" >&2; exit 2; }
files=$(python3 - "$build/compile_commands.json" "$PWD" <<'PY'
import json, sys
root = sys.argv[2] + '/'
seen = set()
for e in json.load(open(sys.argv[1])):
    f = e['file']
    # Our sources only: not moc/rcc output, not the tests (their QTest macros are Qt's to answer for).
    if f.startswith(root) and '/build/' not in f and '/tests/' not in f and f not in seen:
        seen.add(f)
        print(f)
PY
)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# The generated moc and rcc files live under the build tree; their headers are Qt's.
echo "$files" | xargs -P "$(nproc)" -n 4 clazy-standalone -p "$build" -checks=level0,level1 \
  --ignore-dirs="$PWD/$build/.*" >"$out" 2>&1 || true
if grep -E "warning:|error:" "$out" | grep -v "^/usr/" | sort -u | grep .; then
  echo "clazy: the warnings above (levels 0 and 1) must be fixed" >&2
  exit 1
fi
echo "clazy: $(echo "$files" | wc -l) files, levels 0 and 1 clean"
