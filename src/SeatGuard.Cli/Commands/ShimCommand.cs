using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Integration;
using SeatGuard.Core.Shim;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard shim install|uninstall|exec</c>: a <c>claude</c> for programs that start Claude Code themselves (the Agent SDKs).</summary>
public static class ShimCommand
{
    /// <summary>The <c>shim</c> command and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("shim",
            "A `claude` executable for programs that start Claude Code themselves (Agent SDK query(), subprocess, child_process): " +
            "it launches the real one with SeatGuard's one-credential plan, verifies and records it, and applies the overage guard.");
        command.Subcommands.Add(Install(context));
        command.Subcommands.Add(Uninstall(context));
        command.Subcommands.Add(Exec(context));
        return command.WithExamples(
            "seatguard shim install                      # prints the shim's path (last line)",
            "PATH=\"$HOME/.local/share/seatguard/shim:$PATH\" python my_agent.py",
            "SEATGUARD_FOR=client-acme node agent.mjs    # someone else's request: an API key, or a refusal",
            "seatguard shim uninstall");
    }

    private static Option<string?> Dir() => new("--dir") { Description = "The directory the shim goes in (default: shim/ in SeatGuard's data directory).", HelpName = "DIR" };

    private static Command Install(CliContext context)
    {
        var dir = Dir();
        var force = new Option<bool>("--force") { Description = "Replace a `claude` in that directory that is not SeatGuard's shim." };
        var program = new Option<string?>("--command")
        {
            Description = "The command the shim runs to start seatguard (default: the installed seatguard on PATH, else this program if it is not in a build folder).",
            HelpName = "COMMAND",
        };
        var command = new Command("install", "Write an executable `claude` that runs the real Claude Code through SeatGuard, and print its path.") { dir, force, program };
        command.SetAction(parse =>
        {
            var services = context.Services(parse);
            var target = parse.GetValue(dir) is { Length: > 0 } d ? Path.GetFullPath(d, services.Host.WorkingDirectory) : ClaudeShim.DefaultDirectory(services.Host);
            var result = ClaudeShim.Install(target, HooksProgram.Resolve(services.Host, parse.GetValue(program), context.ProgramPath), parse.GetValue(force));
            var t = context.Terminal;
            if (context.Json(parse))
            {
                context.WriteJson(result, ShimJson.Default.ShimResult);
                return ExitCodes.Ok;
            }
            t.Error($"seatguard: shim {result.Outcome}. Point programs at it: pathToClaudeCodeExecutable (TypeScript SDK), cli_path (Python SDK), " +
                    $"or put {Path.GetDirectoryName(result.Path)} first on their PATH. The real claude is found from SEATGUARD_CLAUDE, \"claude\" in config.json, or PATH without the shim.");
            t.Out.WriteLine(result.Path);
            return ExitCodes.Ok;
        });
        return command.WithExamples("seatguard shim install", "seatguard shim install --dir ~/bin");
    }

    private static Command Uninstall(CliContext context)
    {
        var dir = Dir();
        var command = new Command("uninstall", "Remove SeatGuard's `claude` shim (a `claude` that is not the shim is never touched).") { dir };
        command.SetAction(parse =>
        {
            var services = context.Services(parse);
            var target = parse.GetValue(dir) is { Length: > 0 } d ? Path.GetFullPath(d, services.Host.WorkingDirectory) : ClaudeShim.DefaultDirectory(services.Host);
            var result = ClaudeShim.Uninstall(target);
            if (context.Json(parse)) context.WriteJson(result, ShimJson.Default.ShimResult);
            else context.Terminal.Out.WriteLine(result.Outcome == "removed" ? "removed " + result.Path : "no shim at " + result.Path);
            return ExitCodes.Ok;
        });
        return command.WithExamples("seatguard shim uninstall", "seatguard shim uninstall --dir ~/bin");
    }

    private static Command Exec(CliContext context)
    {
        var shim = new Option<string?>("--shim") { Description = "The shim's own path (never launched as the real claude).", HelpName = "PATH" };
        var claudeArgs = new Argument<string[]>("claude-arguments") { Description = "The caller's arguments for claude, after --.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("exec", "What the shim runs: launch the real Claude Code with the caller's arguments through SeatGuard (SEATGUARD_FOR names the beneficiary).") { shim, claudeArgs };
        command.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var t = context.Terminal;
            var outcome = await services.ShimLauncher.RunAsync(services.Host, services.Config(), parse.GetValue(claudeArgs) ?? [], parse.GetValue(shim), services.OpenLedger,
                line => t.Error("seatguard: " + line));
            if (outcome.Plan is not null || outcome.Refusal is not null) LaunchView.RenderRunOutcome(t, outcome);
            return outcome.ExitCode;
        });
        return command.WithExamples("seatguard shim exec -- -p hi --output-format stream-json --verbose");
    }
}
