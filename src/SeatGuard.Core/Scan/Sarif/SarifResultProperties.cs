using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>SeatGuard's properties of a SARIF result.</summary>
/// <param name="Tier">green, gray or red.</param>
/// <param name="Commit">The commit (history scans), or null.</param>
public sealed record SarifResultProperties(string Tier, string? Commit);
