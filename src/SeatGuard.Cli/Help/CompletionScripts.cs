namespace SeatGuard.Cli.Help;

/// <summary>
/// Shell completion scripts. Each asks seatguard itself what fits at the cursor, through System.CommandLine's
/// <c>[suggest:POSITION]</c> directive, so completions always match the installed version's commands and options;
/// where it has nothing to offer (a PATH), the shell completes file names.
/// </summary>
public static class CompletionScripts
{
    /// <summary>The shells there is a script for.</summary>
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "fish"];

    /// <summary>The script for <paramref name="shell"/> (one of <see cref="Shells"/>).</summary>
    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "bash, zsh or fish"),
    };

    private const string Bash = """
        # seatguard completion for bash. Load it now:  source <(seatguard completion bash)
        # or for every shell:  seatguard completion bash > ~/.local/share/bash-completion/completions/seatguard
        _seatguard_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            local rest="${line#*[[:space:]]}"
            [ "$rest" = "$line" ] && rest=""
            local IFS=$'\n'
            local cur="${COMP_WORDS[COMP_CWORD]}"
            COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#rest}]" "$rest" 2>/dev/null)" -- "$cur") )
        }
        complete -o default -o bashdefault -F _seatguard_complete seatguard

        """;

    private const string Zsh = """
        #compdef seatguard
        # seatguard completion for zsh. Load it now:  source <(seatguard completion zsh)
        # or for every shell:  seatguard completion zsh > "${fpath[1]}/_seatguard"
        _seatguard() {
            local line="${BUFFER[1,CURSOR]}"
            local rest="${line#*[[:space:]]}"
            [[ "$rest" == "$line" ]] && rest=""
            local -a items
            items=("${(@f)$(${words[1]} "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
            if (( ${#items} )) && [[ -n "${items[1]}" ]]; then compadd -a items; else _files; fi
        }
        if [ "$funcstack[1]" = "_seatguard" ]; then _seatguard "$@"; else compdef _seatguard seatguard; fi

        """;

    private const string Fish = """
        # seatguard completion for fish. Load it now:  seatguard completion fish | source
        # or for every shell:  seatguard completion fish > ~/.config/fish/completions/seatguard.fish
        function __seatguard_complete
            set -l line (commandline -cp)
            set -l rest (string replace -r '^\s*\S+\s*' '' -- $line)
            set -l exe (commandline -opc)[1]
            $exe "[suggest:"(string length -- "$rest")"]" "$rest" 2>/dev/null
        end
        complete -c seatguard -a '(__seatguard_complete)'

        """;
}
