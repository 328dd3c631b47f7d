namespace SeatGuard.Core.Launch;

/// <summary>What Claude Code's stream-json output said about billing, limits and cost.</summary>
public sealed class StreamObservation
{
    private readonly List<string> _models = [];
    private readonly List<string> _requestIds = [];
    private readonly List<RateLimitEvent> _rateLimitEvents = [];
    private readonly List<ResultMessage> _results = [];
    private readonly List<byte[]> _lines = [];

    public bool SawInit { get; internal set; }
    public string? ApiKeySource { get; internal set; }
    public string? ClaudeVersion { get; internal set; }
    /// <summary>The model the session started with (the init event's).</summary>
    public string? Model { get; internal set; }
    public string? SessionId { get; internal set; }
    /// <summary>The init event's <c>fast_mode_state</c> (<c>off</c>, <c>on</c>, …).</summary>
    public string? FastModeState { get; internal set; }
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

    /// <summary>Every model the run used (init, assistant messages, the result's model usage), in first-seen order.</summary>
    public IReadOnlyList<string> Models => _models;

    /// <summary>The API request ids of the assistant messages, in order.</summary>
    public IReadOnlyList<string> RequestIds => _requestIds;

    /// <summary>Every rate-limit event, in order.</summary>
    public IReadOnlyList<RateLimitEvent> RateLimitEvents => _rateLimitEvents;

    /// <summary>Every result, in order (a run with queued turns can have several).</summary>
    public IReadOnlyList<ResultMessage> Results => _results;

    /// <summary>The well-formed JSON lines exactly as written, when <see cref="StreamJsonObserver"/> was asked to keep them.</summary>
    public IReadOnlyList<byte[]> KeptLines => _lines;

    internal void AddModel(string? model)
    {
        if (model is { Length: > 0 } && model != "<synthetic>" && !_models.Contains(model)) _models.Add(model);
    }

    internal void AddRequestId(string? id)
    {
        if (id is { Length: > 0 } && !_requestIds.Contains(id)) _requestIds.Add(id);
    }

    internal void Add(RateLimitEvent e) => _rateLimitEvents.Add(e);

    internal void Add(ResultMessage r) => _results.Add(r);

    internal void Keep(byte[] line) => _lines.Add(line);
}
