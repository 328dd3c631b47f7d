using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>Source-generated JSON for the billing-source engine's results (doctor report, inventory).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DoctorReport))]
public sealed partial class CredentialsJson : JsonSerializerContext;
