using System.Text.Json.Serialization;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Team;

/// <summary>The <c>seatguard sync --json</c> document.</summary>
public sealed record SyncReport(
    [property: JsonPropertyName("store")] string Store,
    [property: JsonPropertyName("machineId")] string MachineId,
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("person")] string Person,
    [property: JsonPropertyName("osUser")] string OsUser,
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("days")] SyncCounts Days,
    [property: JsonPropertyName("usageRows")] int UsageRows,
    [property: JsonPropertyName("launches")] SyncCounts Launches,
    [property: JsonPropertyName("doctor")] DoctorFacts Doctor,
    [property: JsonPropertyName("totals")] UsageTotals Totals,
    [property: JsonPropertyName("syncedAt")] string SyncedAt,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);
