using System.Text.Json.Serialization;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>
/// How Claude Code will be launched: exactly one credential, conflicting ones removed from the environment
/// or neutralised through <c>--settings</c>. The JSON form lists names only, never values.
/// </summary>
public sealed record LaunchPlan(
    Billing Mode,
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
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The executable to start.</summary>
    [JsonIgnore]
    public string Executable => Command[0];

    /// <summary>The arguments exactly as passed (the <see cref="Command"/> shown to users is redacted).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> LaunchArguments { get; init; } = [];

    /// <summary>
    /// The credential picture of the launched process (its environment plus the <c>--settings</c> override), from
    /// which the plan was checked; the run's events are judged against this same picture.
    /// </summary>
    [JsonIgnore]
    public CredentialInventory? Inventory { get; init; }
}
