using System.Text.Json;
using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

/// <summary>Builds transcript lines and sandbox config dirs for the usage tests.</summary>
internal static class Lines
{
    public const string Sonnet45 = "claude-sonnet-4-5-20250929";
    public const string Opus45 = "claude-opus-4-5-20251101";
    public const string Haiku45 = "claude-haiku-4-5-20251001";

    public static string Assistant(string timestamp, string? messageId = "msg_1", string? requestId = "req_1", string model = Sonnet45,
        long input = 0, long output = 0, long cacheWrite = 0, long cacheRead = 0, long? cache5m = null, long? cache1h = null,
        bool sidechain = false, bool speed = false, bool apiError = false, double? costUsd = null, bool spaced = false, bool fast = false, string? geo = null, int webSearch = 0)
    {
        var usage = new JsonObject
        {
            ["input_tokens"] = input, ["output_tokens"] = output,
            ["cache_creation_input_tokens"] = cacheWrite, ["cache_read_input_tokens"] = cacheRead,
        };
        if (cache5m is not null || cache1h is not null)
            usage["cache_creation"] = new JsonObject { ["ephemeral_5m_input_tokens"] = cache5m ?? 0, ["ephemeral_1h_input_tokens"] = cache1h ?? 0 };
        if (speed || fast) usage["speed"] = fast ? "fast" : "standard";
        if (geo is not null) usage["inference_geo"] = geo;
        if (webSearch > 0) usage["server_tool_use"] = new JsonObject { ["web_search_requests"] = webSearch };
        var message = new JsonObject { ["model"] = model, ["role"] = "assistant", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "usage of \"assistant\"" }), ["usage"] = usage };
        if (messageId is not null) message["id"] = messageId;
        var line = new JsonObject { ["parentUuid"] = null, ["isSidechain"] = sidechain, ["type"] = "assistant", ["timestamp"] = timestamp, ["sessionId"] = "s", ["message"] = message };
        if (requestId is not null) line["requestId"] = requestId;
        if (apiError) line["isApiErrorMessage"] = true;
        if (costUsd is not null) line["costUSD"] = costUsd;
        return line.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) is var s && spaced
            ? s.Replace("\":", "\": ", StringComparison.Ordinal).Replace(",\"", ", \"", StringComparison.Ordinal)
            : s;
    }

    public static string User(string timestamp, string text = "hello") =>
        new JsonObject { ["type"] = "user", ["timestamp"] = timestamp, ["message"] = new JsonObject { ["role"] = "user", ["content"] = text } }.ToJsonString();

    public static FileScan Scan(params string[] lines) => Scan(string.Join("\n", lines) + "\n");

    public static FileScan Scan(string text) =>
        TranscriptParser.Scan(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), new TranscriptSource("mem.jsonl", "p", "s", false));

    public static UsageEntry Entry(string timestamp, long input = 0, long output = 0, long cacheWrite = 0, long cacheRead = 0, string model = Sonnet45,
        long cache1h = 0, string session = "s", string project = "p", bool fast = false, string? geo = null, int webSearch = 0)
    {
        var scan = Scan(Assistant(timestamp, "msg_" + Guid.NewGuid().ToString("N"), "req_x", model, input, output, cacheWrite, cacheRead,
            cache1h > 0 ? cacheWrite - cache1h : null, cache1h > 0 ? cache1h : null, fast: fast, geo: geo, webSearch: webSearch));
        return scan.Entries.Single() with { Source = new TranscriptSource(session + ".jsonl", project, session, false) };
    }

    public static UsageDataset Dataset(params UsageEntry[] entries) => new() { Entries = entries.OrderBy(e => e.TimestampMs).ToList() };
}

/// <summary>A sandbox config dir with transcripts, and a host whose HOME is the sandbox.</summary>
internal sealed class TranscriptSandbox : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "seatguard-usage-" + Guid.NewGuid().ToString("N")[..10]);
    public string Home => Path.Combine(Root, "home");
    public string ConfigDir => Path.Combine(Home, ".claude");
    public string CachePath => Path.Combine(Root, "cache", "usage-cache.db");

    public TranscriptSandbox() => Directory.CreateDirectory(Home);

    public HostContext Host => new(new Dictionary<string, string> { ["HOME"] = Home }, Home, Root, HostOs.Linux);

    public string Write(string relative, params string[] lines)
    {
        var path = Path.Combine(ConfigDir, "projects", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    public UsageDataset Load(bool cache = false) =>
        UsageLoader.Load(Host, new UsageLoadOptions { UseCache = cache, CachePath = CachePath });

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
