using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>SeatGuard's properties of a SARIF result.</summary>
/// <param name="Tier">green, gray or red.</param>
/// <param name="Commit">The commit (history scans), or null.</param>
/// <param name="Confidence">high or low.</param>
/// <param name="Context">Where the match sits (code, comment, test, docs, example, scanner rules).</param>
public sealed record SarifResultProperties(string Tier, string? Commit, string Confidence, string Context);
