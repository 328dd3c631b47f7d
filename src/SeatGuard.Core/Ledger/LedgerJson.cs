using System.Text.Json.Serialization;

namespace SeatGuard.Core.Ledger;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LedgerListing))]
[JsonSerializable(typeof(LedgerExport))]
public sealed partial class LedgerJson : JsonSerializerContext;
