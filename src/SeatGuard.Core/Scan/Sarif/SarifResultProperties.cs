using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>SeatGuard's own result properties: the rule's tier, the commit (with --history), and how sure the finding is and why.</summary>
public sealed record SarifResultProperties(string Tier, string? Commit, string Confidence, string Context);
