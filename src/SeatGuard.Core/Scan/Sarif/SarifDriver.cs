using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>The SARIF tool driver: SeatGuard and its rules.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Version">The tool's version.</param>
/// <param name="SemanticVersion">The tool's semantic version.</param>
/// <param name="Rules">Every rule of the run.</param>
public sealed record SarifDriver(string Name, string Version, string SemanticVersion, IReadOnlyList<SarifRule> Rules);
