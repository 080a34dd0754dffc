#!/usr/bin/env bash
# Keeps the hand-written man pages (docs/man/) in step with the programs' parsers: fails naming
# every option a parser lists that its page lacks, and every option a page lists that the parser
# no longer has; likewise for wordrace-cli's commands, scenarios and modes. Then checks that the
# pages render without a groff warning and that lexgrog (mandb's whatis) reads their NAME.
#   tests/mancheck.sh BIN_DIR MAN_DIR
# The pages' conventions (stated at their top): an option is the tag of a .TP entry, written with
# .B/.BI/.BR and starting with \-; wordrace-cli(1) gives each command a .SS under COMMANDS (its
# first word is the command) and the options every command shares under COMMON OPTIONS.
set -uo pipefail
bin=$1
man=$2
export QT_QPA_PLATFORM=offscreen

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Sorted, one a line: the options in the "Options:" block of a QCommandLineParser's help text.
help_options() {
  awk '
    /^Options:/ { on = 1; next }
    /^[A-Z][a-z]*:/ { on = 0 }
    on && /^  -/ { split($0, parts, /   */); n = split(parts[2], names, /, /)
                   for (i = 1; i <= n; i++) { sub(/ .*/, "", names[i]); print names[i] } }' | sort -u
}

# Sorted, one a line: the options tagged in PAGE, in section SH (and subsection SS, or every
# subsection when empty). Section names are matched without quotes.
page_options() {
  local page=$1 sh=$2 ss=${3-}
  awk -v want_sh="$sh" -v want_ss="$ss" '
    function unquote(s) { gsub(/"/, "", s); sub(/^ +/, "", s); return s }
    /^\.SH / { sh = unquote(substr($0, 5)); ss = ""; tag = 0; next }
    /^\.SS / { ss = unquote(substr($0, 5)); sub(/ .*/, "", ss); tag = 0; next }
    /^\.TP/ { tag = 1; next }
    tag {
      tag = 0
      if (sh != want_sh || (want_ss != "" && ss != want_ss)) next
      if ($0 !~ /^\.(B|BI|BR) +\\-/) next
      line = $0
      while (match(line, /(\\-)(\\-)?[A-Za-z0-9]([A-Za-z0-9]|\\-)*/)) {
        opt = substr(line, RSTART, RLENGTH); gsub(/\\-/, "-", opt); print opt
        line = substr(line, RSTART + RLENGTH)
      }
    }' "$page" | sort -u
}

# The .SS names under SH in PAGE (first word of each heading).
page_subsections() {
  awk -v want_sh="$2" '
    /^\.SH / { s = substr($0, 5); gsub(/"/, "", s); on = (s == want_sh); next }
    on && /^\.SS / { s = substr($0, 5); gsub(/"/, "", s); sub(/^ +/, "", s); sub(/ .*/, "", s); print s }' "$1"
}

# compare WHAT PARSER_LIST PAGE_LIST PAGE: names each option missing on either side.
compare() {
  local what=$1 parser=$2 page=$3 name=$4 o
  for o in $(comm -23 <(echo "$parser") <(echo "$page")); do
    fail "$what: the program has $o, $name lacks it"
  done
  for o in $(comm -13 <(echo "$parser") <(echo "$page")); do
    fail "$what: $name lists $o, which the program no longer has"
  done
}

render() {
  local page=$1 warnings
  # -ww: every warning; -z: no output, only the diagnostics. LC_ALL: the page's UTF-8 escapes.
  warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || fail "$(basename "$page") has groff warnings: $warnings"
  if command -v lexgrog >/dev/null; then
    lexgrog "$page" >/dev/null 2>&1 || fail "lexgrog cannot read the NAME section of $(basename "$page")"
  fi
  if command -v man >/dev/null; then
    warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man -l $(basename "$page") warns: $warnings"
  fi
}

# --- wordrace(1): the GUI, when this build has it.
if [ -x "$bin/wordrace" ]; then
  page="$man/wordrace.1"
  compare "wordrace" "$("$bin/wordrace" --help | help_options)" "$(page_options "$page" OPTIONS)" wordrace.1
  render "$page"
else
  echo "mancheck: note: no $bin/wordrace in this build; wordrace.1 not compared"
fi

# --- wordrace-cli(1)
cli="$bin/wordrace-cli"
page="$man/wordrace-cli.1"
common=$(page_options "$page" "COMMON OPTIONS")
documented=$(page_subsections "$page" COMMANDS | sort -u)

# The commands the program knows: those its usage error names ("expected the command 'run',
# 'sweep' or 'scenario'") and those its help texts send the reader to ("'wordrace-cli sweep
# --help'"); chart is dispatched before the parsers and named in the page, so its --help says.
known=$( {
  "$cli" 2>&1 >/dev/null | grep -o "'[a-z-]*'" | tr -d "'"
  for c in $documented; do "$cli" "$c" --help 2>/dev/null | grep -o "'wordrace-cli [a-z-]*" | sed 's/.* //'; done
} | sort -u)
for c in $(comm -23 <(echo "$known") <(echo "$documented")); do
  fail "wordrace-cli has the command '$c', which wordrace-cli.1 does not describe under COMMANDS"
done

for c in $documented; do
  if ! usage=$("$cli" "$c" --help 2>/dev/null | head -n 1); then
    if [ "$c" = chart ] && [ ! -x "$bin/wordrace-chart" ]; then
      echo "mancheck: note: no wordrace-chart in this build; chart's options not compared"
      continue
    fi
    fail "'wordrace-cli $c --help' failed"
    continue
  fi
  # An unknown command falls through to run's parser, whose usage names run, not it.
  if ! grep -Eq "\[options\] $c( |$)" <<<"$usage"; then
    fail "wordrace-cli.1 describes the command '$c', which wordrace-cli does not have ($usage)"
    continue
  fi
  parser=$("$cli" "$c" --help | help_options)
  own=$(page_options "$page" COMMANDS "$c")
  # Every command takes the common options its parser lists; the page names them once.
  shared=$(comm -12 <(echo "$parser") <(echo "$common"))
  compare "wordrace-cli $c" "$parser" "$(sort -u <(echo "$own") <(echo "$shared") | sed '/^$/d')" "wordrace-cli.1 ($c)"
  for o in $(comm -12 <(echo "$own") <(echo "$common")); do
    fail "wordrace-cli.1 lists $o under both '$c' and COMMON OPTIONS"
  done
done

# A common option that no command's parser lists is one the program answers before any command.
for o in $common; do
  in_some_parser=0
  for c in $documented; do
    "$cli" "$c" --help 2>/dev/null | help_options | grep -qx -- "$o" && in_some_parser=1
  done
  if [ "$in_some_parser" = 0 ] && ! "$cli" "$o" >/dev/null 2>&1; then
    fail "wordrace-cli.1 lists $o under COMMON OPTIONS, but 'wordrace-cli $o' fails"
  fi
done

# The scenarios the page lists (.IP \fBNAME\fR under scenario) against `wordrace-cli scenario`.
program_scenarios=$("$cli" scenario | awk '{ print $1 }' | sort -u)
page_scenarios=$(awk '
  /^\.SS / { on = ($0 ~ /^\.SS "?scenario/) ; next }
  /^\.S[HS] / { on = 0 }
  on && /^\.IP \\fB/ { s = $2; gsub(/\\fB|\\fR/, "", s); gsub(/\\-/, "-", s); print s }' "$page" | sort -u)
compare "wordrace-cli scenario" "$program_scenarios" "$page_scenarios" "wordrace-cli.1 (scenarios)"

# The modes under MODES against those run accepts (its refusal of an unknown mode lists them).
program_modes=$("$cli" run --mode no-such-mode 2>&1 >/dev/null |
  sed -n 's/.*(use \(.*\))$/\1/p' | sed 's/, / /g; s/ or / /' | tr ' ' '\n' | sort -u)
page_modes=$(awk '
  /^\.SH / { on = ($0 ~ /^\.SH "?MODES/); next }
  on && /^\.IP \\fB/ { s = $2; gsub(/\\fB|\\fR/, "", s); gsub(/\\-/, "-", s); print s }' "$page" | sort -u)
compare "wordrace-cli modes" "$program_modes" "$page_modes" "wordrace-cli.1 (MODES)"

render "$page"

# The version in each page's title line, against the program's own.
version=$("$cli" --version | awk '{ print $2 }')
for page in "$man"/*.1; do
  grep -q "^\.TH .*\"WordRace $version\"" "$page" ||
    fail "$(basename "$page"): its .TH line does not say WordRace $version ($(grep '^\.TH' "$page"))"
done

if ((failures)); then
  echo "mancheck: $failures failure(s)"
  exit 1
fi
echo "mancheck: the man pages match the parsers and render cleanly"
