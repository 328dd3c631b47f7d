using System.Text.Json.Serialization;

namespace SeatGuard.Core.Launch;

/// <summary>
/// One <c>rate_limit_event</c> of Claude Code's stream-json output (emitted only for subscription credentials), as
/// recorded in the ledger: the representative window (<c>type</c> = <c>rateLimitType</c>), its status and utilisation
/// (0–1), when it resets, the overage (usage-credit) flags, and every window the server reported.
/// </summary>
public sealed record RateLimitEvent(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("utilization")] double? Utilization,
    [property: JsonPropertyName("resetsAt")] DateTimeOffset? ResetsAt,
    [property: JsonPropertyName("overageStatus")] string? OverageStatus,
    [property: JsonPropertyName("overageInUse")] bool? OverageInUse,
    [property: JsonPropertyName("isUsingOverage")] bool? IsUsingOverage,
    [property: JsonPropertyName("errorCode")] string? ErrorCode,
    [property: JsonPropertyName("windows")] IReadOnlyDictionary<string, RateLimitWindow>? Windows)
{
    /// <summary>
    /// The request drew (or would draw) the usage-credit pool: <c>overageInUse</c> or <c>isUsingOverage</c> is true.
    /// Measured on 2.1.330: <c>isUsingOverage</c> is true when the server answered a rejected window with overage allowed
    /// (the request was served and paid from credits); <c>overageInUse</c> echoes the server's overage-in-use header.
    /// </summary>
    [JsonIgnore]
    public bool DrawsCredits => OverageInUse == true || IsUsingOverage == true;

    /// <summary>A window is exhausted (the request was refused, or served only from credits).</summary>
    [JsonIgnore]
    public bool Rejected => Status == "rejected";

    /// <summary>What the overage tripwire stops at.</summary>
    [JsonIgnore]
    public bool Trips => DrawsCredits || Rejected;

    /// <summary>The reported utilisation of a window (0–1): from <c>unifiedWindows</c>, else the top-level one when it is that window.</summary>
    public double? UtilizationOf(string window) =>
        Windows is not null && Windows.TryGetValue(window, out var w) && w.Utilization is { } u ? u
        : Type == window ? Utilization : null;

    /// <summary>When a window resets: from <c>unifiedWindows</c>, else the top-level reset when it is that window.</summary>
    public DateTimeOffset? ResetOf(string window) =>
        Windows is not null && Windows.TryGetValue(window, out var w) && w.ResetsAt is { } r ? r
        : Type == window ? ResetsAt : null;

    /// <summary>One line for people: <c>five_hour rejected, 100% used, overage in use</c>.</summary>
    public string Describe()
    {
        var parts = new List<string> { (Type ?? "window") + " " + (Status ?? "status unknown") };
        var u = Type is null ? Utilization : UtilizationOf(Type);
        if (u is { } value) parts.Add(Math.Round(value * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "% used");
        if (IsUsingOverage == true) parts.Add("served from usage credits");
        else if (OverageInUse == true) parts.Add("overage (usage credits) in use");
        if (ErrorCode is { Length: > 0 } code) parts.Add(code);
        return string.Join(", ", parts);
    }
}
