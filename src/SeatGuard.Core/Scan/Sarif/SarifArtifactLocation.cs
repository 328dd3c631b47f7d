using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

public sealed record SarifArtifactLocation(string Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UriBaseId);
