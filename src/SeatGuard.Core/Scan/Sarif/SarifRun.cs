using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

public sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results);
