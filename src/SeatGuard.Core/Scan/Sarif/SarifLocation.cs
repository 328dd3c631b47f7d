using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF location.</summary>
/// <param name="PhysicalLocation">The file and region.</param>
public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);
