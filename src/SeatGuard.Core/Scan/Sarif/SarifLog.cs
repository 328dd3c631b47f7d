using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF 2.1.0 log: what <c>seatguard scan --format sarif</c> writes.</summary>
/// <param name="Schema">The SARIF schema URI.</param>
/// <param name="Version">Always 2.1.0.</param>
/// <param name="Runs">One run.</param>
public sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);
