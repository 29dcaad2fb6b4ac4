# bash completion for recoup                              -*- shell-script -*-
#
# The subcommands and each one's options are read from recoup's own help
# (`recoup --help`, `recoup COMMAND --help`), scenario ids from
# `recoup list --ids` (honouring a --scenarios DIR already typed) and
# stored session ids from `recoup history --ids` (honouring --db), so the
# completion always matches the recoup that runs.

# The value of option $1 typed earlier on the line, if any.
_recoup_value()
{
    local i
    for ((i = 1; i < COMP_CWORD - 1; i++)); do
        if [[ ${COMP_WORDS[i]} == "$1" ]]; then
            printf '%s\n' "${COMP_WORDS[i + 1]}"
            return
        fi
    done
}

_recoup_commands()
{
    "$1" --help 2>/dev/null |
        awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'
}

# "--option ARG" (ARG empty for a flag), one a line, for command $2.
_recoup_options()
{
    "$1" "$2" --help 2>/dev/null |
        sed -n 's/^  *\(--[a-z][a-z-]*\)\( [A-Z][A-Z=]*\)\{0,1\}.*/\1\2/p'
    printf '%s\n' --help
}

_recoup_scenario_ids()
{
    local dir
    dir=$(_recoup_value --scenarios)
    "$1" list --ids ${dir:+--scenarios "$dir"} 2>/dev/null
}

_recoup_session_ids()
{
    local db
    db=$(_recoup_value --db)
    "$1" history --ids ${db:+--db "$db"} 2>/dev/null
}

# The values written "--option a|b|c" in command $2's usage.
_recoup_choices()
{
    "$1" "$2" --help 2>/dev/null | sed -n '1,3p' |
        grep -o -- "$3 [a-z|]*" | head -n 1 | cut -d' ' -f2 | tr '|' ' '
}

_recoup()
{
    local cur prev recoup cmd="" i word arg opts takes npos=0
    local IFS=$' \t\n'
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    recoup=${COMP_WORDS[0]}

    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} != -* ]]; then
            cmd=${COMP_WORDS[i]}
            break
        fi
    done
    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--help --version' -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_recoup_commands "$recoup")" -- "$cur"))
        fi
        return 0
    fi

    opts=$(_recoup_options "$recoup" "$cmd")
    # The options that take a value, with the value's name.
    takes=$(printf '%s\n' "$opts" | awk 'NF == 2')

    # The value of an option.
    arg=$(printf '%s\n' "$takes" | awk -v o="$prev" '$1 == o { print $2 }')
    if [[ -n $arg ]]; then
        case $arg in
        FILE | PATH)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
            ;;
        DIR)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -d -- "$cur"))
            ;;
        ID)
            COMPREPLY=($(compgen -W "$(_recoup_scenario_ids "$recoup")" -- "$cur"))
            ;;
        STATUS)
            COMPREPLY=($(compgen -W 'complete abandoned interrupted running' -- "$cur"))
            ;;
        *)
            COMPREPLY=($(compgen -W "$(_recoup_choices "$recoup" "$cmd" "$prev")" -- "$cur"))
            ;;
        esac
        return 0
    fi

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(printf '%s\n' "$opts" | awk '{ print $1 }')" -- "$cur"))
        return 0
    fi

    # Which positional argument this is: count the words after the
    # command that are neither options nor their values.
    for ((i = i + 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            if printf '%s\n' "$takes" | awk -v o="$word" '$1 == o { f = 1 } END { exit !f }'; then
                ((i++))
            fi
        else
            ((npos++))
        fi
    done
    case $cmd in
    play | run | graph | understand)
        if ((npos == 0)); then
            COMPREPLY=($(compgen -W "$(_recoup_scenario_ids "$recoup")" -- "$cur"))
            if [[ $cur == */* || $cur == .* ]]; then
                compopt -o filenames 2>/dev/null
                COMPREPLY+=($(compgen -f -- "$cur"))
            fi
        fi
        ;;
    test)
        COMPREPLY=($(compgen -W "$(_recoup_scenario_ids "$recoup")" -- "$cur"))
        ;;
    show | review)
        if ((npos == 0)); then
            COMPREPLY=($(compgen -W "$(_recoup_session_ids "$recoup")" -- "$cur"))
        fi
        ;;
    db)
        if ((npos == 0)); then
            COMPREPLY=($(compgen -W "init" -- "$cur"))
        fi
        ;;
    config)
        if ((npos == 0)); then
            COMPREPLY=($(compgen -W "get set unset list" -- "$cur"))
        elif ((npos == 1)) && [[ ${words[*]} != *" list"* ]]; then
            COMPREPLY=($(compgen -W "trainee cohort db pass-mark colour" -- "$cur"))
        fi
        ;;
    drill)
        # "recoup drill FILE" plays it; "recoup drill status FILE" reports.
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        if ((npos == 0)); then
            COMPREPLY+=($(compgen -W "status" -- "$cur"))
        fi
        ;;
    score | calibrate | lint)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        ;;
    esac
    return 0
}
complete -F _recoup recoup
