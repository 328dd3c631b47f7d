using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SeatGuard.TestKit;

/// <summary>One OTLP/HTTP export the collector received.</summary>
public sealed record OtlpExport(string Path, string ContentType, byte[] Body)
{
    /// <summary>The body as JSON (OTEL_EXPORTER_OTLP_PROTOCOL=http/json), or null for protobuf.</summary>
    public JsonNode? Json => ContentType.Contains("json", StringComparison.OrdinalIgnoreCase) ? JsonNode.Parse(Body) : null;
}

/// <summary>
/// A small OTLP/HTTP collector on loopback for tests: accepts <c>POST /v1/metrics</c>, <c>/v1/logs</c> and
/// <c>/v1/traces</c> (JSON or protobuf, gzip or not), answers 200 with an empty response, and keeps every export.
/// Point a program at it with <c>OTEL_EXPORTER_OTLP_ENDPOINT=</c><see cref="Endpoint"/>.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpExport> _exports = new();

    public string Endpoint { get; }

    public IReadOnlyList<OtlpExport> Exports => _exports.ToArray();

    private OtlpCollector(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public static async Task<OtlpCollector> StartAsync()
    {
        OtlpCollector? self = null;
        var (app, endpoint) = await LoopbackHttp.StartAsync(async context => await self!.HandleAsync(context));
        self = new OtlpCollector(app, endpoint);
        return self;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        if (string.Equals(request.Headers.ContentEncoding.FirstOrDefault(), "gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress);
            await gzip.CopyToAsync(buffer);
        }
        else await request.Body.CopyToAsync(buffer);
        var contentType = request.ContentType ?? "";
        if (request.Method == "POST" && request.Path.Value is "/v1/metrics" or "/v1/logs" or "/v1/traces")
            _exports.Enqueue(new OtlpExport(request.Path.Value!, contentType, buffer.ToArray()));
        bool json = contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
        context.Response.StatusCode = 200;
        context.Response.ContentType = json ? "application/json" : "application/x-protobuf";
        if (json) await context.Response.WriteAsync("{}");
    }

    /// <summary>Waits until an export of <paramref name="path"/> arrived (or the timeout passed).</summary>
    public async Task<bool> WaitForAsync(string path, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_exports.Any(e => e.Path == path)) return true;
            await Task.Delay(100);
        }
        return _exports.Any(e => e.Path == path);
    }

    /// <summary>
    /// Every attribute set in the JSON exports: each resource's attributes, and each metric data point's and log
    /// record's own attributes, as key → string value.
    /// </summary>
    public IReadOnlyList<(string Where, IReadOnlyDictionary<string, string> Attributes)> AttributeSets()
    {
        var sets = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var e in Exports)
        {
            if (e.Json is not JsonObject root) continue;
            foreach (var (listName, scopeName, itemsName) in new[] { ("resourceMetrics", "scopeMetrics", "metrics"), ("resourceLogs", "scopeLogs", "logRecords") })
            {
                foreach (var resource in root[listName]?.AsArray() ?? [])
                {
                    sets.Add(("resource", Attributes(resource?["resource"]?["attributes"])));
                    foreach (var scope in resource?[scopeName]?.AsArray() ?? [])
                    {
                        foreach (var item in scope?[itemsName]?.AsArray() ?? [])
                        {
                            if (itemsName == "logRecords") sets.Add(("logRecord", Attributes(item?["attributes"])));
                            else
                            {
                                foreach (var kind in new[] { "sum", "gauge", "histogram" })
                                    foreach (var point in item?[kind]?["dataPoints"]?.AsArray() ?? [])
                                        sets.Add(("dataPoint", Attributes(point?["attributes"])));
                            }
                        }
                    }
                }
            }
        }
        return sets;
    }

    private static Dictionary<string, string> Attributes(JsonNode? list)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in list?.AsArray() ?? [])
        {
            if (a?["key"]?.GetValue<string>() is not { } key) continue;
            var value = a["value"] as JsonObject;
            var text = value?["stringValue"]?.GetValue<string>() ?? value?.FirstOrDefault().Value?.ToJsonString() ?? "";
            map[key] = text;
        }
        return map;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
