using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Policy;

/// <summary>JSON for the policy capability (<c>decide</c>, <c>policy show</c>, <c>policy history</c>), source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(PolicyBook))]
[JsonSerializable(typeof(PolicyHistory))]
[JsonSerializable(typeof(ScenarioList))]
public sealed partial class PolicyJson : JsonSerializerContext
{
    /// <summary>The context with relaxed escaping, so apostrophes and dashes stay readable.</summary>
    public static PolicyJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary><c>policy history --json</c>: the book's version and its dated events, oldest first.</summary>
public sealed record PolicyHistory(string Version, string Date, IReadOnlyList<PolicyEvent> Events, IReadOnlyList<PolicySource> Sources);

/// <summary><c>decide --list-scenarios --json</c>.</summary>
public sealed record ScenarioList(string Version, IReadOnlyList<PolicyScenario> Scenarios);
