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
/// Serves documents (policy books, price books) on 127.0.0.1 for <c>--from URL</c> tests: a path answers with its
/// bytes, a redirect, or a status code. Nothing leaves the machine.
/// </summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    public string BaseUrl { get; }

    /// <summary>How many requests arrived, per path.</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    private LoopbackFileServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<LoopbackFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackFileServer? self = null;
        app.Run(context => self!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new LoopbackFileServer(app, address);
        return self;
    }

    /// <summary>Serves <paramref name="text"/> at <paramref name="path"/>; returns its address.</summary>
    public string Serve(string path, string text, string contentType = "text/plain") => Route(path, async c =>
    {
        c.Response.ContentType = contentType;
        await c.Response.WriteAsync(text);
    });

    /// <summary>Answers <paramref name="path"/> with a redirect to <paramref name="location"/>.</summary>
    public string Redirect(string path, string location) => Route(path, c =>
    {
        c.Response.StatusCode = 302;
        c.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    /// <summary>Answers <paramref name="path"/> with an endless body (for size caps).</summary>
    public string Endless(string path) => Route(path, async c =>
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        try
        {
            for (int i = 0; i < 100_000 && !c.RequestAborted.IsCancellationRequested; i++) await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client stopped reading: what the test wants.
        }
    });

    private string Route(string path, Func<HttpContext, Task> handler)
    {
        _routes[path] = handler;
        return BaseUrl + path;
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_routes.TryGetValue(path, out var handler)) return handler(context);
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
