using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>
/// How Claude Code will be launched: exactly one credential, conflicting ones removed from the environment
/// or neutralised through <c>--settings</c>. The JSON form lists names only, never values.
/// </summary>
public sealed record LaunchPlan(
    string Mode,
    string Beneficiary,
    string Owner,
    CredentialRef Credential,
    IReadOnlyList<string> EnvRemoved,
    IReadOnlyList<string> EnvSet,
    IReadOnlyList<string> ArgsAdded,
    IReadOnlyList<string> Command,
    bool Forced,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The child's full environment (values included): never serialised, never logged.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The executable to start.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Executable => Command[0];

    /// <summary>The arguments exactly as passed (the <see cref="Command"/> shown to users is redacted).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> LaunchArguments { get; init; } = [];
}

/// <summary>What was asked for: mode, beneficiary, override, and the claude command line.</summary>
public sealed record LaunchRequest(string? Mode, string? For, bool Force, string ClaudeExecutable, IReadOnlyList<string> ClaudeArguments, string? ConfigDir);

/// <summary>The planner's answer: a plan, or a refusal (exit 4, fail closed) with the reason.</summary>
public sealed record PlanOutcome(LaunchPlan? Plan, string? Refusal)
{
    public bool Refused => Refusal is not null;
}
