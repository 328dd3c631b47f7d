using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DoctorReport))]
[JsonSerializable(typeof(MatrixReport))]
public sealed partial class CredentialsJson : JsonSerializerContext;
