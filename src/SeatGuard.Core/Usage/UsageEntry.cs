namespace SeatGuard.Core.Usage;

/// <summary>
/// One counted assistant response (a line with <c>"type":"assistant"</c> and <c>message.usage</c>).
/// Identifiers are kept as stable 64-bit hashes (FNV-1a of their UTF-8 bytes) so millions of entries stay small
/// and can be cached; the token fields follow usage-rules.md.
/// </summary>
public readonly record struct UsageEntry
{
    /// <summary>Unix time in milliseconds (UTC).</summary>
    public long TimestampMs { get; init; }
    /// <summary>Which transcript (session, project) it is from.</summary>
    public TranscriptSource Source { get; init; }
    /// <summary>The model.</summary>
    public string Model { get; init; }
    /// <summary>Hash of <c>message.id</c> (0 when absent).</summary>
    public ulong MessageKey { get; init; }
    /// <summary>Hash of <c>message.id</c> + <c>requestId</c> (the duplicate key; <c>message.id</c> alone when requestId is missing).</summary>
    public ulong DedupKey { get; init; }
    /// <summary>Flags.</summary>
    public UsageEntryFlags Flags { get; init; }
    // Token counts of one request fit in 32 bits; stored as int (saturating) to keep an entry at 72 bytes.
    private readonly int _input, _output, _cache5m, _cache1h, _cacheRead;

    /// <summary>Input tokens.</summary>
    public long InputTokens { get => _input; init => _input = Clamp(value); }
    /// <summary>Output tokens.</summary>
    public long OutputTokens { get => _output; init => _output = Clamp(value); }
    /// <summary>5-minute cache writes (all of <c>cache_creation_input_tokens</c> when the split object is absent).</summary>
    public long CacheWrite5mTokens { get => _cache5m; init => _cache5m = Clamp(value); }
    /// <summary>1-hour cache writes.</summary>
    public long CacheWrite1hTokens { get => _cache1h; init => _cache1h = Clamp(value); }
    /// <summary>Cache reads.</summary>
    public long CacheReadTokens { get => _cacheRead; init => _cacheRead = Clamp(value); }
    /// <summary>The line's own <c>costUSD</c> (NaN when absent).</summary>
    public double CostUsd { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs);
    /// <summary>All cache writes.</summary>
    public long CacheCreationTokens => CacheWrite5mTokens + CacheWrite1hTokens;
    /// <summary>input + output + cache write + cache read.</summary>
    public long TotalTokens => InputTokens + OutputTokens + CacheCreationTokens + CacheReadTokens;
    /// <summary>The request's input side: input + cache write + cache read (long-context test).</summary>
    public long InputSideTokens => InputTokens + CacheCreationTokens + CacheReadTokens;
    /// <summary>From a subagent (sidechain) transcript.</summary>
    public bool IsSidechain => (Flags & UsageEntryFlags.Sidechain) != 0;
    /// <summary>Has a speed field.</summary>
    public bool HasSpeed => (Flags & UsageEntryFlags.HasSpeed) != 0;
    /// <summary>Has a message id.</summary>
    public bool HasMessageId => (Flags & UsageEntryFlags.HasMessageId) != 0;

    private static int Clamp(long v) => v <= 0 ? 0 : v >= int.MaxValue ? int.MaxValue : (int)v;
}
