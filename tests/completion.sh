#!/usr/bin/env bash
# Checks resources/completion/wordrace-cli.bash the way bash uses it: a command line cut into
# COMP_WORDS as readline cuts it (':' and '=' are word breaks), then the completion function, then
# COMPREPLY. Also checks that its lists are the program's: each command's options against
# `wordrace-cli COMMAND --help`, the modes against what `run --mode` accepts, the scenarios
# against `wordrace-cli scenario`, so that a new option or mode fails here until it completes.
#   tests/completion.sh BIN_DIR COMPLETION_FILE        (exit 77: skipped, no bash-completion)
set -uo pipefail
bin=$(cd "$1" && pwd)
script=$2
helpers=/usr/share/bash-completion/bash_completion
if [ ! -r "$helpers" ]; then
  echo "completion: SKIP: $helpers missing (apt-get install bash-completion)"
  exit 77
fi
# shellcheck disable=SC1090
source "$helpers"
# shellcheck disable=SC1090
if ! source "$script" || ! declare -F _wordrace_cli >/dev/null; then
  echo "FAIL: $script does not define _wordrace_cli"
  exit 1
fi
export PATH="$bin:$PATH"
export QT_QPA_PLATFORM=offscreen

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Cuts LINE as readline does (spaces separate words; each run of ':' or '=' is a word of its
# own) and completes its last word, which LINE ends in (a trailing space: an empty word).
complete_line() {
  local line=$1 word='' c i
  COMP_WORDS=()
  for ((i = 0; i < ${#line}; i++)); do
    c=${line:i:1}
    if [[ $c == ' ' ]]; then
      [[ -n $word ]] && COMP_WORDS+=("$word")
      word=''
    elif [[ $c == [:=] ]]; then
      [[ -n $word && $word != [:=]* ]] && { COMP_WORDS+=("$word"); word=''; }
      word+=$c
    else
      [[ $word == [:=]* ]] && { COMP_WORDS+=("$word"); word=''; }
      word+=$c
    fi
  done
  COMP_WORDS+=("$word")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMPREPLY=()
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  _wordrace_cli "${COMP_WORDS[0]}" "$cur" "$prev"
}

# expect LINE WORD...: every WORD is offered. "!WORD": WORD is not.
expect() {
  local line=$1 w r found
  shift
  complete_line "$line"
  for w in "$@"; do
    found=0
    for r in "${COMPREPLY[@]}"; do [[ $r == "${w#!}" ]] && found=1; done
    if [[ $w == !* ]]; then
      ((found)) && fail "'$line' offers ${w#!} (${COMPREPLY[*]})"
    else
      ((found)) || fail "'$line' does not offer $w (${COMPREPLY[*]})"
    fi
  done
}

# Sorted, one a line: the options a command's --help lists.
help_options() {
  "$bin/wordrace-cli" "$@" --help | awk '
    /^Options:/ { on = 1; next }
    /^[A-Z][a-z]*:/ { on = 0 }
    on && /^  -/ { split($0, parts, /   */); n = split(parts[2], names, /, /)
                   for (i = 1; i <= n; i++) { sub(/ .*/, "", names[i]); print names[i] } }' | sort -u
}

replies() { printf '%s\n' "${COMPREPLY[@]}" | sort -u; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/runs"
touch "$scratch/r.json" "$scratch/notes.txt" "$scratch/runs/s.json"
cd "$scratch" || exit 1

expect 'wordrace-cli ' run sweep scenario chart
expect 'wordrace-cli sw' sweep '!run'
expect 'wordrace-cli -' --help --version
expect 'wordrace-cli run --mo' --mode
expect 'wordrace-cli run --mode seq' sequential '!python-sequential'
expect 'wordrace-cli run --mode sequential,th' sequential,threads '!sequential,sequential'
expect 'wordrace-cli run --mode=pyth' python-sequential python-threads python-processes
expect 'wordrace-cli sweep --mode ' threads processes '!sequential' '!python-sequential'
expect 'wordrace-cli run --corpus les' lesson lesson:
expect 'wordrace-cli run --corpus lesson:1' 1000 1000000 '!lesson:1000'
expect 'wordrace-cli run --corpus ' nicehat file: notes.txt runs
expect 'wordrace-cli run --corpus file:no' notes.txt
expect 'wordrace-cli run --json ' r.json notes.txt
expect 'wordrace-cli run --start f' fork forkserver '!spawn'
expect 'wordrace-cli run --runs ' auto
expect 'wordrace-cli scenario ' race web-scraping zombies
expect 'wordrace-cli scenario race ' '!delays'
expect 'wordrace-cli chart ' r.json runs '!notes.txt'
expect 'wordrace-cli chart r.json --kind ' wall-cpu timeline scaling sizes-speedup
expect 'wordrace-cli chart r.json --theme p' projector
expect 'wordrace-cli chart r.json --kind timeline ' '!r.json'

# The options each command's parser has, and no other.
for command in run sweep scenario chart; do
  if ! "$bin/wordrace-cli" "$command" --help >/dev/null 2>&1; then
    echo "completion: note: '$command --help' does not run in this build; its options not compared"
    continue
  fi
  complete_line "wordrace-cli $command -"
  for option in $(comm -23 <(help_options "$command") <(replies)); do
    fail "$command: '$command --help' lists $option, the completion does not offer it"
  done
  for option in $(comm -13 <(help_options "$command") <(replies)); do
    fail "$command: the completion offers $option, which '$command --help' does not list"
  done
done

# The modes run accepts: its refusal of an unknown one lists them all.
known_modes=$("$bin/wordrace-cli" run --mode no-such-mode 2>&1 >/dev/null |
  sed -n 's/.*(use \(.*\))$/\1/p' | sed 's/, / /g; s/ or / /' | tr ' ' '\n' | sort -u)
if [ -z "$known_modes" ]; then
  fail "could not read the modes from 'run --mode no-such-mode'"
else
  complete_line 'wordrace-cli run --mode '
  diff <(echo "$known_modes") <(replies) >/dev/null ||
    fail "modes: completion offers $(replies | xargs), run accepts $(echo "$known_modes" | xargs)"
fi

# The scenarios, asked of the program at completion time and, when it cannot be run, the list
# written in the completion: both must be the program's.
scenarios=$("$bin/wordrace-cli" scenario | awk '{ print $1 }' | sort -u)
complete_line 'wordrace-cli scenario '
diff <(echo "$scenarios") <(replies) >/dev/null ||
  fail "scenarios: completion offers $(replies | xargs), the program has $(echo "$scenarios" | xargs)"
complete_line 'no-such-wordrace-cli scenario '
diff <(echo "$scenarios") <(replies) >/dev/null ||
  fail "scenarios written in the completion: $(replies | xargs); the program has $(echo "$scenarios" | xargs)"

if ((failures)); then
  echo "completion: $failures failure(s)"
  exit 1
fi
echo "completion: all checks passed"
