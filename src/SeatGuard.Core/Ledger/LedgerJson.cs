using System.Text.Json.Serialization;

namespace SeatGuard.Core.Ledger;

/// <summary>Source-generated JSON for the ledger listing.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LedgerListing))]
public sealed partial class LedgerJson : JsonSerializerContext;
