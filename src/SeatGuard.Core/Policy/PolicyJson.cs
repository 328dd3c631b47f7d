using System.Text.Json.Serialization;

namespace SeatGuard.Core.Policy;

/// <summary>JSON for the policy capability (<c>decide</c>, <c>policy show</c>, <c>policy history</c>), source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(PolicyBook))]
[JsonSerializable(typeof(PolicyHistory))]
[JsonSerializable(typeof(ScenarioList))]
[JsonSerializable(typeof(InstalledPolicyBook))]
[JsonSerializable(typeof(PolicyUpdateResult))]
[JsonSerializable(typeof(PolicyChanges))]
public sealed partial class PolicyJson : JsonSerializerContext;
