using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>How much a doctor finding matters. An error is a check that failed (doctor exits 1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}
