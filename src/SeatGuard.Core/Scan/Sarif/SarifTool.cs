using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>The SARIF tool.</summary>
/// <param name="Driver">The driver.</param>
public sealed record SarifTool(SarifDriver Driver);
