using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

/// <summary>Source-generated JSON for the integration's inputs (Claude Code's stdin) and outputs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(StatusLineInput))]
[JsonSerializable(typeof(SessionStartInput))]
[JsonSerializable(typeof(SessionStartOutput))]
[JsonSerializable(typeof(HooksResult))]
[JsonSerializable(typeof(StatusLineReport))]
public sealed partial class IntegrationJson : JsonSerializerContext;
