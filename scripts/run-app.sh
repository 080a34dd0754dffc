#!/usr/bin/env bash
# Installs what is missing, builds WordRace and opens it on the lesson's experiment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset default
cmake --build --preset default
exec ./build/default/bin/wordrace "$@"
