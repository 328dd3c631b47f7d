using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF artifact location.</summary>
/// <param name="Uri">The file, relative to <paramref name="UriBaseId"/>.</param>
/// <param name="UriBaseId">The base the URI is relative to, or null.</param>
public sealed record SarifArtifactLocation(string Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UriBaseId);
