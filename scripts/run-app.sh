#!/usr/bin/env bash
# Installs what is missing, builds WordRace and opens it on the lesson's experiment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset default
cmake --build --preset default
# Without a display Qt could not open a window: say what to do instead (the app says so too).
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run-app.sh: WordRace is built, but this machine has no display to open its window on." >&2
  echo "  On a desktop, run: ./build/default/bin/wordrace" >&2
  echo "  Without one, use a virtual display: xvfb-run -a ./build/default/bin/wordrace" >&2
  echo "  or the command line: ./build/default/bin/wordrace-cli run --help" >&2
  exit 1
fi
exec ./build/default/bin/wordrace "$@"
