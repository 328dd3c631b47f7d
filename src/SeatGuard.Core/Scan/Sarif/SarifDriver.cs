using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

public sealed record SarifDriver(string Name, string Version, string SemanticVersion, IReadOnlyList<SarifRule> Rules);
