using System.CommandLine;
using SeatGuard.Cli.Help;
using SeatGuard.Core.Common;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard completion bash|zsh|fish</c>: the shell completion script.</summary>
public static class CompletionCommand
{
    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells]);
        var command = new Command("completion", "Print the shell completion script for bash, zsh or fish: commands, options and their values complete with Tab.") { shell };
        command.SetAction(parse =>
        {
            context.Terminal.Out.Write(CompletionScripts.For(parse.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return command.WithoutJson().WithExamples(
            "source <(seatguard completion bash)                      # this shell; add the line to ~/.bashrc for every shell",
            "seatguard completion zsh > \"${fpath[1]}/_seatguard\"",
            "seatguard completion fish > ~/.config/fish/completions/seatguard.fish");
    }
}
