using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF rule's default configuration.</summary>
/// <param name="Level">error, warning or note.</param>
public sealed record SarifConfiguration(string Level);
