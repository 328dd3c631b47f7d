using System.Net;
using System.Net.Sockets;

namespace SeatGuard.TestKit;

/// <summary>
/// A TCP proxy on loopback in front of a server that can drop the connection mid-stream: after
/// <see cref="CutAfterClientBytes"/> bytes from the client it resets both sides (RST, as a broken network does), so a
/// client's transaction is cut at an arbitrary point. Counts the bytes each direction carried.
/// </summary>
public sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private long _clientBytes;
    private long _serverBytes;

    public int Port { get; }

    /// <summary>Reset the connection once the client has sent this many bytes in all (null: never).</summary>
    public long? CutAfterClientBytes { get; set; }

    public long ClientBytes => Interlocked.Read(ref _clientBytes);
    public long ServerBytes => Interlocked.Read(ref _serverBytes);
    public bool Cut { get; private set; }

    public CuttingProxy(string host, int port)
    {
        _host = host;
        _port = port;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _pumps.Add(AcceptLoop());
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            var server = new TcpClient();
            try { await server.ConnectAsync(_host, _port, _stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException) { client.Dispose(); server.Dispose(); continue; }
            lock (_pumps) _pumps.Add(Connection(client, server));
        }
    }

    private async Task Connection(TcpClient client, TcpClient server)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var up = Pump(client, server, fromClient: true, done);
        var down = Pump(server, client, fromClient: false, done);
        await Task.WhenAny(up, down);
        done.Cancel();
        Reset(client);
        Reset(server);
        await Task.WhenAll(up, down);
    }

    private async Task Pump(TcpClient from, TcpClient to, bool fromClient, CancellationTokenSource done)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            while (true)
            {
                int n = await input.ReadAsync(buffer, done.Token);
                if (n == 0) return;
                if (fromClient && CutAfterClientBytes is { } limit)
                {
                    long before = Interlocked.Read(ref _clientBytes);
                    if (before + n >= limit)
                    {
                        int part = (int)Math.Max(0, limit - before);
                        if (part > 0) await output.WriteAsync(buffer.AsMemory(0, part), done.Token);
                        Interlocked.Add(ref _clientBytes, part);
                        Cut = true;
                        return;
                    }
                }
                await output.WriteAsync(buffer.AsMemory(0, n), done.Token);
                if (fromClient) Interlocked.Add(ref _clientBytes, n);
                else Interlocked.Add(ref _serverBytes, n);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    private static void Reset(TcpClient c)
    {
        try
        {
            c.Client.LingerState = new LingerOption(true, 0);
            c.Dispose();
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Task[] pumps;
        lock (_pumps) pumps = [.. _pumps];
        try { await Task.WhenAll(pumps).WaitAsync(TimeSpan.FromSeconds(10)); } catch (TimeoutException) { }
        _stop.Dispose();
    }
}
