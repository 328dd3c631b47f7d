using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

public sealed record SarifConfiguration(string Level);
