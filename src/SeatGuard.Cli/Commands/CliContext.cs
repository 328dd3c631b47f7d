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

    /// <summary>Where the status line's usage numbers come from (tests replace it).</summary>
    public IRecentUsageSource RecentUsage { get; init; } = new RecentUsageReader();

    /// <summary>The services as created (the process's own working directory).</summary>
    public SeatGuardServices RootServices => services;

    /// <summary>The services, looking at --dir (or the current directory).</summary>
    public SeatGuardServices Services(ParseResult parse) => services.ForDirectory(parse.GetValue(CommonOptions.Dir));

    /// <summary>The host as seen from --dir (or the current directory).</summary>
    public HostContext Host(ParseResult parse) => Services(parse).Host;

    public bool Json(ParseResult parse) => parse.GetValue(CommonOptions.Json);

    public string? ConfigDir(ParseResult parse) => parse.GetValue(CommonOptions.ConfigDir);

    /// <summary>The Claude Code executable: --claude, else $SEATGUARD_CLAUDE, else 'claude' on PATH.</summary>
    public string ClaudeExecutable(ParseResult parse, HostContext host)
    {
        var explicitPath = parse.GetValue(CommonOptions.Claude);
        if (!string.IsNullOrEmpty(explicitPath)) return explicitPath;
        var env = host.Get("SEATGUARD_CLAUDE");
        return string.IsNullOrEmpty(env) ? "claude" : env;
    }

    /// <summary>Writes one JSON document to stdout (the one JSON writer).</summary>
    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo) => JsonText.Write(Terminal.Out, value, typeInfo);
}
