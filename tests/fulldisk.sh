#!/usr/bin/env bash
# A full disk: every writer of WordRace (run/sweep/scenario --json and --csv, chart, and the app's
# session save, data export and chart export) onto a small tmpfs that fills up must leave the
# earlier file whole, leave no partial or temporary file behind, and say so: exit 1 and one line
# naming the file in the CLI, the reason in the app.
#
#   tests/fulldisk.sh BIN_DIR
#
# It mounts the tmpfs in a mount namespace of its own (unshare), so it needs neither root nor a
# clean-up; where namespaces are not allowed it says so and exits 77 (CTest's skip).
set -euo pipefail
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

if [ "${WORDRACE_FULLDISK_INSIDE:-0}" != 1 ]; then
  if ! unshare -rm true 2>/dev/null; then
    echo "SKIP: this machine allows no mount namespace (unshare -rm), so no tmpfs can be mounted"
    exit 77
  fi
  exec env WORDRACE_FULLDISK_INSIDE=1 unshare -rm bash "$0" "$@"
fi

disk=$(mktemp -d)
mount -t tmpfs -o size=4m tmpfs "$disk"
scratch=$(mktemp -d)
trap 'umount "$disk" 2>/dev/null; rm -rf "$disk" "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Earlier files the writers are about to replace, then the disk filled to all but a few pages
# (room K): enough for a writer to open its temporary file and start, not enough to finish.
for f in run.json run.csv tasks.csv trace.json sweep.json sweep.csv scenario.json chart.png chart.svg chart.pdf; do
  echo "the earlier $f" > "$disk/$f"
done
room() {
  rm -f "$disk/filler"
  dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null || true
  truncate -s "-$1K" "$disk/filler"
}
room 24
listing() { (cd "$disk" && ls -A | sort | tr '\n' ' '); }
before=$(listing)

# expect NAME FILE COMMAND...: exit 1, one line naming FILE, FILE as it was, nothing left over.
expect() {
  local name=$1 file=$2
  shift 2
  local rc=0 before_failures=$failures
  "$@" > "$scratch/out" 2> "$scratch/err" || rc=$?
  if [ "$rc" != 1 ]; then fail "$name: exit $rc, expected 1"; cat "$scratch/err"; fi
  if ! grep -q "$file" "$scratch/err"; then fail "$name: no line names $file"; cat "$scratch/err"; fi
  if ! grep -qi "no space left" "$scratch/err"; then fail "$name: the reason is not given"; cat "$scratch/err"; fi
  if [ "$(cat "$disk/$file")" != "the earlier $file" ]; then fail "$name: the earlier $file was changed"; fi
  if [ "$(listing)" != "$before" ]; then fail "$name: left files behind: $(listing)"; fi
  [ "$failures" = "$before_failures" ] && echo "ok: $name: $(grep -i 'no space' "$scratch/err" | head -1)"
  return 0
}

cli=$bin/wordrace-cli
small=(--corpus lesson:20000 --chunk 50)
expect "run --json" run.json "$cli" run "${small[@]}" --json "$disk/run.json"
expect "run --csv-tasks" tasks.csv "$cli" run "${small[@]}" --csv-tasks "$disk/tasks.csv"
expect "run --trace" trace.json "$cli" run "${small[@]}" --trace "$disk/trace.json"
expect "sweep --json" sweep.json "$cli" sweep --workers 1,2 "${small[@]}" --json "$disk/sweep.json"
# A row per run is smaller than the room left: these two get a disk with none.
room 0
expect "run --csv" run.csv "$cli" run "${small[@]}" --csv "$disk/run.csv"
expect "sweep --csv" sweep.csv "$cli" sweep --workers 1,2 "${small[@]}" --csv "$disk/sweep.csv"
room 24
expect "scenario --json" scenario.json "$cli" scenario return-values --json "$disk/scenario.json"

"$cli" run "${small[@]}" --json "$scratch/result.json" > /dev/null
for format in png svg pdf; do
  expect "chart $format" "chart.$format" "$cli" chart "$scratch/result.json" --kind timeline \
    --out "$disk/chart.$format" --size 1920x1080
done

# Standard output onto a full device: the data is lost, but the exit status must say so.
rc=0
"$cli" run "${small[@]}" --json - > /dev/full 2> "$scratch/err" || rc=$?
if [ "$rc" != 1 ] || ! grep -q "standard output" "$scratch/err"; then
  fail "run --json - onto a full device: exit $rc"; cat "$scratch/err"
else
  echo "ok: run --json - > /dev/full: $(grep 'standard output' "$scratch/err")"
fi

# The app's writers, through its window (tst_sessionui reads WORDRACE_FULL_DISK).
if [ -x "$bin/tst_sessionui" ]; then
  WORDRACE_FULL_DISK=$disk QT_QPA_PLATFORM=offscreen "$bin/tst_sessionui" writesOntoAFullDisk || fail "the app's writers"
  if [ "$(listing)" != "$before" ]; then fail "the app left files behind: $(listing)"; fi
fi

[ "$failures" = 0 ] && echo "full disk: every writer kept the earlier file and said why" && exit 0
exit 1
