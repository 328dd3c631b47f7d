using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF run.</summary>
/// <param name="Tool">SeatGuard.</param>
/// <param name="Results">The findings.</param>
public sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results);
