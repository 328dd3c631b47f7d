using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF run.</summary>
/// <param name="Tool">SeatGuard.</param>
/// <param name="Results">The findings.</param>
public sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results)
{
    /// <summary>One invocation carrying the scan's notes (what it could not read) as tool notifications; absent without notes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SarifInvocation>? Invocations { get; init; }
}
