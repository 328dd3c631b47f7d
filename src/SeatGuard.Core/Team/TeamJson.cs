using System.Text.Json.Serialization;

namespace SeatGuard.Core.Team;

/// <summary>Source-generated JSON for <c>sync</c> and <c>team report</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SyncReport))]
[JsonSerializable(typeof(TeamReport))]
public sealed partial class TeamJson : JsonSerializerContext;
