using SeatGuard.Cli;
using SeatGuard.Cli.Output;

namespace SeatGuard.TestKit;

public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>Runs the seatguard CLI in-process against a sandbox host, capturing stdout and stderr.</summary>
public static class CliHarness
{
    public static Task<CliResult> RunAsync(SandboxHome sandbox, Dictionary<string, string>? env, params string[] args) =>
        RunWithInputAsync(sandbox, env, null, args);

    /// <summary>Like <see cref="RunAsync"/>, as if the running seatguard program were <paramref name="programPath"/> (install, hooks).</summary>
    public static async Task<CliResult> RunAsProgramAsync(SandboxHome sandbox, Dictionary<string, string>? env, string? programPath, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var terminal = new Terminal(stdout, stderr, color: false);
        var context = new SeatGuard.Cli.Commands.CliContext(terminal, sandbox.Services(env, terminal.RawOut))
        {
            ProgramPath = programPath,
            ProgramDirectory = programPath is null ? AppContext.BaseDirectory : Path.GetDirectoryName(programPath)!,
        };
        int code = await CliApp.RunAsync(args, context);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Like <see cref="RunAsync"/>, with <paramref name="stdin"/> as standard input (Claude Code's JSON for statusline and hooks).</summary>
    public static Task<CliResult> RunWithInputAsync(SandboxHome sandbox, Dictionary<string, string>? env, string? stdin, params string[] args) =>
        RunAtAsync(sandbox, env, stdin, null, args);

    /// <summary>Like <see cref="RunWithInputAsync"/>, with the services' clock fixed at <paramref name="now"/> (null: the real clock).</summary>
    public static async Task<CliResult> RunAtAsync(SandboxHome sandbox, Dictionary<string, string>? env, string? stdin, DateTimeOffset? now, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var terminal = new Terminal(stdout, stderr, color: false) { In = new StringReader(stdin ?? "") };
        var services = sandbox.Services(env, terminal.RawOut);
        if (now is { } at) services = services with { Clock = new FixedClock(at) };
        int code = await CliApp.RunAsync(args, terminal, services);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
