using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF physical location.</summary>
/// <param name="ArtifactLocation">The file.</param>
/// <param name="Region">The line and column.</param>
public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);
