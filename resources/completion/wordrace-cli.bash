# bash completion for wordrace-cli                                         -*- shell-script -*-
# Installed as /usr/share/bash-completion/completions/wordrace-cli, where bash-completion loads
# it on first use (with its helpers: _init_completion, _filedir, __ltrim_colon_completions).
#
# The option lists are written out rather than read from --help at each Tab: --help costs a Qt
# start-up per keystroke, and the parser's list changes only with the program. tests/completion.sh
# fails when they and `wordrace-cli COMMAND --help` disagree, and likewise for the modes.
# shellcheck disable=SC2207 # the words compgen offers here never hold spaces (bash-completion's idiom)

_wordrace_cli_commands='run sweep scenario chart'
_wordrace_cli_common='-h --help --help-all'
_wordrace_cli_experiment='--corpus --chunk --runs --warmup --mode --io-latency --work-per-word --gil
    --spawn --transport --start --task-timeout'
_wordrace_cli_run_opts="$_wordrace_cli_common $_wordrace_cli_experiment --workers --json --csv
    --csv-tasks --markdown --trace --hostfile --hosts --cluster-schedule"
_wordrace_cli_sweep_opts="$_wordrace_cli_common $_wordrace_cli_experiment --workers --sizes --json --csv"
_wordrace_cli_scenario_opts="$_wordrace_cli_common --predict --workers --json"
_wordrace_cli_chart_opts="$_wordrace_cli_common --kind --out --size --theme --title"
# core/model/runresult.cpp's modeName(); a sweep's baseline is always sequential, so it takes
# only the parallel ones.
_wordrace_cli_modes='sequential threads processes cluster python-sequential python-threads python-processes'
_wordrace_cli_sweep_modes='threads processes cluster python-threads python-processes'
# core/analysis/scenario.cpp's ids: used only when `wordrace-cli scenario` cannot be run.
_wordrace_cli_scenarios='delays return-values race web-scraping cpu-bound-gil tiny-tasks zombies real-gil'

# Completes the last item of a comma-separated list ("sequential,thr") from $1, leaving out the
# items already given, so that each completion keeps the list typed so far.
_wordrace_cli_list()
{
    local prefix='' last=$cur item
    if [[ $cur == *,* ]]; then
        prefix=${cur%,*},
        last=${cur##*,}
    fi
    local given=,$prefix
    for item in $1; do
        [[ $given == *",$item,"* ]] && continue
        [[ $item == "$last"* ]] && COMPREPLY+=("$prefix$item")
    done
}

# Corpus specs: the built-in corpora, REPEAT values as examples (sizes by powers of ten), and
# files, plain or behind file: for a file named like a built-in corpus.
_wordrace_cli_corpus()
{
    local spec=$cur
    case $spec in
        file:*)
            local IFS=$'\n' path
            for path in $(compgen -f -- "${spec#file:}"); do
                if [[ -d $path ]]; then
                    # A folder: go on into it rather than end the word.
                    path+=/
                    compopt -o nospace 2>/dev/null
                fi
                COMPREPLY+=("file:$path")
            done
            ;;
        lesson:* | nicehat:*)
            local n
            for n in 1000 10000 100000 1000000 10000000; do
                [[ ${spec%%:*}:$n == "$spec"* ]] && COMPREPLY+=("${spec%%:*}:$n")
            done
            ;;
        *)
            COMPREPLY=($(compgen -W 'lesson nicehat lesson: nicehat: file:' -- "$spec"))
            _filedir
            ;;
    esac
    __ltrim_colon_completions "$cur"
}

# The scenarios this wordrace-cli has: `wordrace-cli scenario` lists them, one per line, the name
# first; when that program cannot be run, the names it had when this file was written.
_wordrace_cli_scenario_names()
{
    local cli=$1 names
    names=$("$cli" scenario 2>/dev/null | awk '{ print $1 }') || names=
    [[ $names ]] || names=$_wordrace_cli_scenarios
    # Unquoted: one name a line, whichever of the two lists it came from.
    # shellcheck disable=SC2086
    printf '%s\n' $names
}

_wordrace_cli()
{
    local cur prev words cword split
    _init_completion -s -n : || return

    # The command is the first word that is not an option; option values never come before it.
    local command='' i
    for ((i = 1; i < cword; i++)); do
        if [[ ${words[i]} != -* ]]; then
            command=${words[i]}
            break
        fi
    done

    case $prev in
        --mode)
            [[ $command == sweep ]] && _wordrace_cli_list "$_wordrace_cli_sweep_modes" ||
                _wordrace_cli_list "$_wordrace_cli_modes"
            return
            ;;
        --corpus)
            _wordrace_cli_corpus
            return
            ;;
        --sizes)
            # REPEAT values or corpus specs, comma-separated: suggest growing lesson sizes.
            _wordrace_cli_list 'lesson:1000 lesson:100000 lesson:10000000'
            __ltrim_colon_completions "$cur"
            return
            ;;
        --out)
            _filedir '@(png|svg|pdf)'
            return
            ;;
        --json | --csv | --csv-tasks | --markdown | --trace | --hostfile)
            _filedir
            return
            ;;
        --kind)
            COMPREPLY=($(compgen -W 'wall-cpu timeline overhead scaling efficiency sizes sizes-speedup' -- "$cur"))
            return
            ;;
        --theme)
            COMPREPLY=($(compgen -W 'light dark projector' -- "$cur"))
            return
            ;;
        --spawn)
            COMPREPLY=($(compgen -W 'pool per-task' -- "$cur"))
            return
            ;;
        --transport)
            COMPREPLY=($(compgen -W 'shared pipe' -- "$cur"))
            return
            ;;
        --start)
            COMPREPLY=($(compgen -W 'default spawn fork forkserver' -- "$cur"))
            return
            ;;
        --cluster-schedule)
            COMPREPLY=($(compgen -W 'dynamic static' -- "$cur"))
            return
            ;;
        --runs)
            COMPREPLY=($(compgen -W 'auto' -- "$cur"))
            return
            ;;
        --work-per-word)
            COMPREPLY=($(compgen -W 'auto' -- "$cur"))
            return
            ;;
        --size)
            COMPREPLY=($(compgen -W '1920x1080 1366x768 3840x2160' -- "$cur"))
            return
            ;;
        --workers | --chunk | --warmup | --io-latency | --task-timeout | --hosts | --predict | --title)
            # A number or free text: nothing to offer.
            return
            ;;
    esac
    $split && return

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$_wordrace_cli_common -v --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$_wordrace_cli_commands" -- "$cur"))
        fi
        return
    fi

    if [[ $cur == -* ]]; then
        local opts
        case $command in
            run) opts=$_wordrace_cli_run_opts ;;
            sweep) opts=$_wordrace_cli_sweep_opts ;;
            scenario) opts=$_wordrace_cli_scenario_opts ;;
            chart) opts=$_wordrace_cli_chart_opts ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi

    # Positional arguments after the command.
    local positionals=0
    for ((i = i + 1; i < cword; i++)); do
        [[ ${words[i]} == -* ]] && continue
        # A word right after an option that takes a value is that value.
        case ${words[i - 1]} in
            --gil | -h | --help | --help-all) ;;
            -*) continue ;;
        esac
        ((positionals++))
    done
    case $command in
        scenario)
            ((positionals == 0)) &&
                COMPREPLY=($(compgen -W "$(_wordrace_cli_scenario_names "$1")" -- "$cur"))
            ;;
        chart)
            ((positionals == 0)) && _filedir json
            ;;
    esac
} &&
    complete -F _wordrace_cli wordrace-cli

# ex: filetype=sh
