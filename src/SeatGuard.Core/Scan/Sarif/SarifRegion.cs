using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF region.</summary>
/// <param name="StartLine">1-based line.</param>
/// <param name="StartColumn">1-based column.</param>
public sealed record SarifRegion(int StartLine, int StartColumn);
