using System.CommandLine;
using System.Text.Json.Serialization.Metadata;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Services;
using SeatGuard.Core.Usage;

namespace SeatGuard.Cli.Commands;

/// <summary>What every command's action needs: where to write, and the services (created once, in <see cref="CliApp"/>).</summary>
public sealed class CliContext(Terminal terminal, SeatGuardServices services)
{
    public Terminal Terminal { get; } = terminal;

    /// <summary>The common options of this run's command tree.</summary>
    public CommonOptionSet Common { get; } = new();

    /// <summary>Where the status line's usage numbers come from (tests replace it).</summary>
    public IRecentUsageSource RecentUsage { get; init; } = new RecentUsageReader();

    /// <summary>The services as created (the process's own working directory).</summary>
    public SeatGuardServices RootServices => services;

    /// <summary>
    /// The running seatguard program (null when it cannot be told): this process's executable when it is seatguard, else
    /// the apphost beside the CLI assembly. Tests replace it.
    /// </summary>
    public string? ProgramPath { get; init; } = CurrentProgram();

    /// <summary>Where this program's code is (a .NET tool's shim lives elsewhere). Tests replace it.</summary>
    public string ProgramDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Whether this program is natively compiled (Native AOT: no JIT, no .NET runtime needed).</summary>
    public bool NativelyCompiled { get; init; } = !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>The services, looking at --dir (or the current directory).</summary>
    /// <exception cref="InputException">--dir names no directory.</exception>
    public SeatGuardServices Services(ParseResult parse)
    {
        var dir = parse.GetValue(Common.Dir);
        var scoped = services.ForDirectory(dir);
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(scoped.Host.WorkingDirectory))
            throw new InputException(File.Exists(scoped.Host.WorkingDirectory) ? $"--dir {dir}: is a file, not a directory" : $"--dir {dir}: no such directory");
        return scoped;
    }

    /// <summary>The host as seen from --dir (or the current directory).</summary>
    public HostContext Host(ParseResult parse) => Services(parse).Host;

    public bool Json(ParseResult parse) => parse.GetValue(Common.Json);

    public string? ConfigDir(ParseResult parse) => parse.GetValue(Common.ConfigDir);

    /// <summary>The Claude Code executable: --claude, else $SEATGUARD_CLAUDE, else 'claude' on PATH.</summary>
    public string ClaudeExecutable(ParseResult parse, HostContext host)
    {
        var explicitPath = parse.GetValue(Common.Claude);
        if (!string.IsNullOrEmpty(explicitPath)) return explicitPath;
        var env = host.Get("SEATGUARD_CLAUDE");
        return string.IsNullOrEmpty(env) ? "claude" : env;
    }

    private static string? CurrentProgram()
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("seatguard", StringComparison.OrdinalIgnoreCase)) return process;
        var appHost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "seatguard.exe" : "seatguard");
        return File.Exists(appHost) ? appHost : null;
    }

    /// <summary>Writes one JSON document to stdout (the one JSON writer).</summary>
    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo) => JsonText.Write(Terminal.Out, value, typeInfo);
}
