#!/usr/bin/env bash
# Screenshots of the lesson walkthrough for docs/screenshots: the first question, then the reveal
# of every step, on a virtual screen of SIZE (default 1920x1080). Needs Xvfb, xdotool and
# ImageMagick (apt-get install xvfb xdotool imagemagick). A doc tool, not a test: it waits a
# generous fixed time for each step's runs.
# Usage: scripts/walkthrough-screenshots.sh [BUILD_DIR] [OUT_DIR] [PREFIX]
set -euo pipefail
build=${1:-build/default}
out=${2:-docs/screenshots}
prefix=${3:-walkthrough}
size=${SIZE:-1920x1080}
home=$(mktemp -d)
export HOME=$home XDG_CONFIG_HOME=$home/.config
display=:97
Xvfb $display -screen 0 "${size}x24" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$home"' EXIT
export DISPLAY=$display
sleep 1
"$build/bin/wordrace" --presentation --lesson >/dev/null 2>&1 &
app=$!
sleep 4
win=$(xdotool search --name WordRace | head -1)
# No window manager: keys go where the pointer is.
xdotool mousemove --window "$win" 200 200
key() { xdotool key "$@"; sleep 0.5; }
shot() { import -window root "$out/$prefix-$1.png"; echo "$out/$prefix-$1.png"; }
# The class votes: two for the first answer, three for the second.
key 1 1 2 2 2
shot 1-question
steps=${STEPS:-7}
for i in $(seq 1 "$steps"); do
  [ "$i" -gt 1 ] && key 2 2 1
  key Next # PageDown: run
  sleep "${STEP_WAIT:-25}"
  shot "$i-reveal"
  key Next # the next step's question
done
