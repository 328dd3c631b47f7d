namespace SeatGuard.Core.Common;

/// <summary>
/// Everything SeatGuard reads from the host: environment variables, home and working directory, the
/// operating system and the OS user. Passed in explicitly so the core never touches process globals and can
/// be driven by tests and other programs; <see cref="Services.SystemServices"/> builds the real one once.
/// </summary>
public sealed record HostContext(
    IReadOnlyDictionary<string, string> Environment,
    string Home,
    string WorkingDirectory,
    HostOs Os)
{
    /// <summary>The OS account name: <c>USER</c>, else <c>LOGNAME</c>, else what the process reported at start.</summary>
    public string User
    {
        get => Get("USER") is { Length: > 0 } u ? u : Get("LOGNAME") is { Length: > 0 } l ? l : _fallbackUser;
        init => _fallbackUser = value;
    }

    private readonly string _fallbackUser = "user";

    /// <summary>This computer's host name (what the process reported at start; "localhost" when unknown).</summary>
    public string MachineName { get; init; } = "localhost";

    /// <summary>The environment variable's value, or null when it is not set.</summary>
    public string? Get(string name) => Environment.TryGetValue(name, out var v) ? v : null;

    /// <summary>Set and non-empty.</summary>
    public bool Has(string name) => Environment.TryGetValue(name, out var v) && v.Length > 0;

    /// <summary>The same host with exactly this environment (nothing inherited).</summary>
    public HostContext WithEnvironment(IReadOnlyDictionary<string, string> env) => this with { Environment = env };

    /// <summary>The same host with another working directory (made absolute).</summary>
    public HostContext WithWorkingDirectory(string dir) => this with { WorkingDirectory = Path.GetFullPath(dir) };
}
