using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SeatGuard.TestKit;

/// <summary>
/// A loopback HTTP server (Kestrel on 127.0.0.1, random port) that serves the files it is given by path, 404 for
/// anything else, and records the paths asked for: a stand-in for a download (e.g. LiteLLM's price file).
/// </summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, byte[] Body)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    public string BaseUrl { get; private set; } = "";
    public IReadOnlyList<string> Requests => _requests.ToArray();

    private LoopbackFileServer(WebApplication app) => _app = app;

    public static async Task<LoopbackFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackFileServer(app);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            server._requests.Enqueue(path);
            if (!server._files.TryGetValue(path, out var file)) { context.Response.StatusCode = 404; return; }
            context.Response.StatusCode = file.Status;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(file.Body);
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> and returns its URL.</summary>
    public string Serve(string path, string body, int status = 200)
    {
        _files[path] = (status, System.Text.Encoding.UTF8.GetBytes(body));
        return BaseUrl + path;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
