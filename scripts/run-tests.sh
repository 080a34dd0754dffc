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

stage "clazy (levels 0 and 1)"
bash scripts/clazy.sh build/default

stage "Debian package"
# cpack -G DEB from the normal build: the required files, lintian with no error, the desktop
# entry and metainfo valid, and wordrace-cli --version run from the unpacked package.
bash scripts/check-package.sh build/default

if [ "${WORDRACE_SKIP_SANITIZERS:-0}" != "1" ]; then
  stage "AddressSanitizer + UndefinedBehaviorSanitizer"
  cmake --preset asan
  cmake --build --preset asan
  # The asan test preset sets ASAN_OPTIONS, intercept_tls_get_addr=0 among them: GCC 12's
  # interceptor takes some of glibc's dynamic TLS blocks for an old layout, hands LeakSanitizer a
  # bogus range, and its tracer segfaults at exit (docs/testing.md).
  ctest --preset asan

  stage "libFuzzer: the counter's paths against each other (${WORDRACE_FUZZ_SECONDS:-60} s)"
  cmake --preset fuzz
  cmake --build --preset fuzz
  mkdir -p build/fuzz/corpus
  ASAN_OPTIONS=intercept_tls_get_addr=0 ./build/fuzz/bin/fuzz_counter -max_total_time="${WORDRACE_FUZZ_SECONDS:-60}" -max_len=4096 \
    -artifact_prefix=build/fuzz/ build/fuzz/corpus tests/data/fuzz-regressions

  stage "libFuzzer: the readers of result and session files (${WORDRACE_FUZZ_SECONDS:-60} s)"
  mkdir -p build/fuzz/readers-corpus
  ASAN_OPTIONS=intercept_tls_get_addr=0 ./build/fuzz/bin/fuzz_readers -max_total_time="${WORDRACE_FUZZ_SECONDS:-60}" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=build/fuzz/ build/fuzz/readers-corpus \
    tests/data/fuzz-readers

  stage "ThreadSanitizer (engine)"
  cmake --preset tsan
  cmake --build --preset tsan
  # Qt is not built with TSan, so suites whose threads hand results over through Qt's event queue
  # would drown in false reports; TSan runs the engine's suites that synchronise by their own means.
  # die_after_fork=0: QProcess forks worker processes from a threaded parent; the child only execs.
  TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$PWD/tests/tsan.supp" \
    ctest --preset tsan -R 'tst_(wordcounter|corpus|taskplanner|workerprotocol|resultjson|backends_direct|resourcesampler_direct)$'
fi
