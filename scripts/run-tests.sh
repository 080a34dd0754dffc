#!/usr/bin/env bash
# Installs what is missing, builds WordRace and runs every test suite: a normal build, then the
# same suites under AddressSanitizer + UndefinedBehaviorSanitizer, then the engine's suites under
# ThreadSanitizer. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

export QT_QPA_PLATFORM=offscreen
start=$(date +%s)
stage() { echo; echo "=== $1 ($(($(date +%s) - start)) s)"; }

stage "normal build"
cmake --preset default
cmake --build --preset default
ctest --preset default

if [ "${WORDRACE_SKIP_SANITIZERS:-0}" != "1" ]; then
  stage "AddressSanitizer + UndefinedBehaviorSanitizer"
  cmake --preset asan
  cmake --build --preset asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset asan

  stage "ThreadSanitizer (engine)"
  cmake --preset tsan
  cmake --build --preset tsan
  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 ctest --preset tsan
fi
