namespace SeatGuard.Core.Launch;

/// <summary>What Claude Code's stream-json output said about billing and cost.</summary>
public sealed class StreamObservation
{
    public bool SawInit { get; internal set; }
    public string? ApiKeySource { get; internal set; }
    public string? ClaudeVersion { get; internal set; }
    public string? Model { get; internal set; }
    public string? SessionId { get; internal set; }
    public bool RateLimitEvent { get; internal set; }
    public string? RateLimitType { get; internal set; }
    public string? RateLimitStatus { get; internal set; }
    public DateTimeOffset? ResetsAt { get; internal set; }
    public bool? OverageInUse { get; internal set; }
    public double? Utilization { get; internal set; }
    public bool SawResult { get; internal set; }
    public bool? IsError { get; internal set; }
    public string? ResultText { get; internal set; }
    public double? CostUsd { get; internal set; }
    public long InputTokens { get; internal set; }
    public long OutputTokens { get; internal set; }
    public long CacheCreationTokens { get; internal set; }
    public long CacheReadTokens { get; internal set; }
    public int Lines { get; internal set; }
    public int MalformedLines { get; internal set; }
    public int UnknownTypes { get; internal set; }
}
