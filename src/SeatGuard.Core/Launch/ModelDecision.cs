using System.Text.Json.Serialization;

namespace SeatGuard.Core.Launch;

/// <summary>What a model policy decided for one launch: the model (null: leave the launch as it is), the rule, and why.</summary>
public sealed record ModelDecision(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("changed")] bool Changed)
{
    /// <summary>The line printed on stderr and kept in the ledger.</summary>
    public string Describe() => Model is null
        ? "model policy: no rule applies (" + Reason + "); the launch keeps its model"
        : $"model policy: {Model} (rule '{Rule}': {Reason})" + (Changed ? "" : "; unchanged");
}
