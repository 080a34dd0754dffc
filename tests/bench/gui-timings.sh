#!/usr/bin/env bash
# The GUI's timing targets, measured on a virtual X server (xvfb-run):
# - start-up: `wordrace --measure-startup` prints the time from the kernel starting the process to
#   the window's first frame (first expose, painted and flushed), then quits; REPEAT times.
# - stalls: `wordrace --run --watch-stalls` runs the experiment and prints, per mode, the longest
#   gap between two ticks of a 10 ms timer on the GUI thread (a gap is time the thread was busy),
#   for the lesson's default experiment and for one of 1,000,000 tasks per mode (--chunk 30).
#   A "prepare" line covers the time from pressing Run to the first run (the corpus being built).
# Each run uses a fresh settings directory, so the experiment is the default one.
# Usage: tests/bench/gui-timings.sh [BUILD_DIR] [REPEAT]   (default build/default or build/dev, 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-}
if [ -z "$build" ]; then
    build=build/default
    [ -x "$build/bin/wordrace" ] || build=build/dev
fi
repeat=${2:-5}
app="$build/bin/wordrace"
[ -x "$app" ] || { echo "gui-timings.sh: no $app; build the GUI first" >&2; exit 2; }
command -v xvfb-run > /dev/null || { echo "gui-timings.sh: xvfb-run is needed (apt-get install xvfb)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
x() { XDG_CONFIG_HOME="$1" xvfb-run -a -s "-screen 0 1920x1080x24" "${@:2}" 2>&1 | grep -E '^(startup_ms|stall) ' || true; }

echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== start-up to first frame (target: 1000 ms), $repeat launches"
for i in $(seq "$repeat"); do
    x "$work/startup$i" "$app" --measure-startup
done

echo "== GUI-thread stalls during the default lesson experiment (target: 50 ms)"
for i in $(seq "$repeat"); do
    x "$work/default$i" "$app" --run --watch-stalls
done

echo "== GUI-thread stalls with 1,000,000 tasks per mode (--chunk 30)"
for i in $(seq "$repeat"); do
    mkdir -p "$work/million$i/WordRace"
    printf '[experiment]\nchunkLines=30\n' > "$work/million$i/WordRace/WordRace.conf"
    x "$work/million$i" "$app" --run --watch-stalls
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
