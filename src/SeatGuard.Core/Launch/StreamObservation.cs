namespace SeatGuard.Core.Launch;

/// <summary>What Claude Code's stream-json output said about billing and cost.</summary>
public sealed class StreamObservation
{
    /// <summary>Whether the system init event was seen.</summary>
    public bool SawInit { get; internal set; }
    /// <summary>The init event's <c>apiKeySource</c> (which credential Claude Code used).</summary>
    public string? ApiKeySource { get; internal set; }
    /// <summary>The claude version the init event named.</summary>
    public string? ClaudeVersion { get; internal set; }
    /// <summary>The model the init event named.</summary>
    public string? Model { get; internal set; }
    /// <summary>The session id.</summary>
    public string? SessionId { get; internal set; }
    /// <summary>Whether a rate-limit event was seen (they are sent for subscription credentials only).</summary>
    public bool RateLimitEvent { get; internal set; }
    /// <summary>The rate-limit window (<c>five_hour</c>, <c>seven_day</c>, …).</summary>
    public string? RateLimitType { get; internal set; }
    /// <summary>The rate-limit status (<c>allowed</c>, <c>allowed_warning</c>, <c>rejected</c>).</summary>
    public string? RateLimitStatus { get; internal set; }
    /// <summary>When the rate-limit window resets.</summary>
    public DateTimeOffset? ResetsAt { get; internal set; }
    /// <summary>Whether paid overage was in use.</summary>
    public bool? OverageInUse { get; internal set; }
    /// <summary>How much of the window was used (0–1), when reported.</summary>
    public double? Utilization { get; internal set; }
    /// <summary>Whether the final result event was seen.</summary>
    public bool SawResult { get; internal set; }
    /// <summary>Whether the result was an error.</summary>
    public bool? IsError { get; internal set; }
    /// <summary>The result's text.</summary>
    public string? ResultText { get; internal set; }
    /// <summary>The run's cost in dollars, as Claude Code reported it.</summary>
    public double? CostUsd { get; internal set; }
    /// <summary>Input tokens.</summary>
    public long InputTokens { get; internal set; }
    /// <summary>Output tokens.</summary>
    public long OutputTokens { get; internal set; }
    /// <summary>Cache-creation input tokens.</summary>
    public long CacheCreationTokens { get; internal set; }
    /// <summary>Cache-read input tokens.</summary>
    public long CacheReadTokens { get; internal set; }
    /// <summary>Lines seen.</summary>
    public int Lines { get; internal set; }
    /// <summary>Lines that were not JSON objects.</summary>
    public int MalformedLines { get; internal set; }
    /// <summary>Events of types not known to SeatGuard.</summary>
    public int UnknownTypes { get; internal set; }
}
