using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>How much a doctor finding matters. An error is a check that failed (doctor exits 1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Worth knowing.</summary>
    [JsonStringEnumMemberName("info")] Info,
    /// <summary>Likely not what was meant.</summary>
    [JsonStringEnumMemberName("warning")] Warning,
    /// <summary>Wrong: bills the wrong account, leaks, or fails.</summary>
    [JsonStringEnumMemberName("error")] Error,
}
