using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SeatGuard.Core.Common.Processes;

/// <summary><see cref="IProcessLauncher"/> on real processes, writing passed-through output to <paramref name="stdout"/>.</summary>
public sealed class SystemProcessLauncher(Stream stdout, bool stdoutIsTerminal = false, bool stderrIsTerminal = false, Stream? stderr = null, Stream? stdin = null) : IProcessLauncher
{
    /// <summary>How long a program's stdout may stay open after it exited (a grandchild holding the pipe) before SeatGuard stops reading.</summary>
    public static readonly TimeSpan DrainAfterExit = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public Stream Stdout => stdout;

    /// <inheritdoc />
    public Stream Stderr => stderr ?? Stream.Null;

    /// <inheritdoc />
    public Stream Stdin => stdin ?? Stream.Null;

    /// <inheritdoc />
    public bool StdoutIsTerminal => stdoutIsTerminal;

    /// <inheritdoc />
    public bool StderrIsTerminal => stderrIsTerminal;

    /// <inheritdoc />
    public IRunningProcess Start(CommandSpec spec, LaunchStreams streams)
    {
        var psi = SystemCommandRunner.StartInfo(spec);
        psi.RedirectStandardOutput = streams.Stdout != StdoutHandling.Inherit;
        psi.RedirectStandardError = streams.CaptureStderr;
        psi.RedirectStandardInput = streams.CloseStdin;
        var running = new Running(streams, stdout);
        running.CatchSignals(); // before the start: a signal in between must not kill SeatGuard with the child unrecorded
        try
        {
            running.Begin(SystemCommandRunner.Start(psi, spec.FileName));
        }
        catch
        {
            running.Dispose();
            throw;
        }
        return running;
    }

    private sealed class Running(LaunchStreams streams, Stream stdout) : IRunningProcess
    {
        private readonly List<PosixSignalRegistration> _registrations = [];
        private readonly Lock _gate = new();
        private Process? _process;
        private Task<string>? _stderr;
        private int _received;

        public Task<int> Exited { get; private set; } = Task.FromResult(0);

        public event Action<ChildSignal>? SignalReceived;

        public ChildSignal? ReceivedSignal => _received == 0 ? null : (ChildSignal)_received;

        public string CapturedStderr => _stderr is { IsCompletedSuccessfully: true } s ? s.Result : "";

        public void CatchSignals()
        {
            if (OperatingSystem.IsWindows()) return;
            foreach (var (posix, signal) in new[] { (PosixSignal.SIGTERM, ChildSignal.Terminate), (PosixSignal.SIGINT, ChildSignal.Interrupt), (PosixSignal.SIGHUP, ChildSignal.Hangup), (PosixSignal.SIGQUIT, ChildSignal.Quit) })
            {
                _registrations.Add(PosixSignalRegistration.Create(posix, context =>
                {
                    context.Cancel = true; // SeatGuard keeps running until the child is handled and the launch recorded
                    Interlocked.CompareExchange(ref _received, (int)signal, 0);
                    var handler = SignalReceived;
                    if (handler is null) Send(signal);
                    else ThreadPool.QueueUserWorkItem(_ => handler(signal));
                }));
            }
        }

        public void Begin(Process process)
        {
            _process = process;
            if (streams.CloseStdin) process.StandardInput.Close();
            if (streams.CaptureStderr) _stderr = process.StandardError.ReadToEndAsync();
            var pump = streams.Stdout == StdoutHandling.Inherit
                ? Task.CompletedTask
                : Task.Run(() => PumpAsync(process.StandardOutput.BaseStream));
            Exited = WaitAsync(process, pump);
        }

        private async Task<int> WaitAsync(Process process, Task pump)
        {
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAny(pump, Task.Delay(DrainAfterExit));
            if (_stderr is not null) await Task.WhenAny(_stderr, Task.Delay(DrainAfterExit));
            return process.ExitCode;
        }

        /// <summary>Copies the child's stdout byte for byte (when passing through) and hands every complete line to the observer.</summary>
        private async Task PumpAsync(Stream source)
        {
            var buffer = new byte[64 * 1024];
            var pending = new MemoryStream();
            bool passThrough = streams.Stdout == StdoutHandling.PassThrough;
            var observer = streams.OnStdoutLine;
            int read;
            try
            {
                while ((read = await source.ReadAsync(buffer)) > 0)
                {
                    if (passThrough)
                    {
                        try
                        {
                            await stdout.WriteAsync(buffer.AsMemory(0, read));
                            await stdout.FlushAsync();
                        }
                        catch (IOException)
                        {
                            // Our reader went away: the child must see the same closed pipe it would have seen.
                            source.Dispose();
                            return;
                        }
                    }
                    if (observer is null) continue;
                    int start = 0;
                    for (int i = 0; i < read; i++)
                    {
                        if (buffer[i] != (byte)'\n') continue;
                        if (pending.Length > 0)
                        {
                            pending.Write(buffer, start, i - start);
                            observer(pending.ToArray());
                            pending.SetLength(0);
                        }
                        else observer(buffer.AsMemory(start, i - start));
                        start = i + 1;
                    }
                    if (start < read) pending.Write(buffer, start, read - start);
                }
                if (pending.Length > 0) observer?.Invoke(pending.ToArray());
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The pipe broke (the child was killed): what arrived has been handed on.
            }
        }

        public void Send(ChildSignal signal)
        {
            var process = _process;
            if (process is null) return;
            lock (_gate)
            {
                try
                {
                    if (process.HasExited) return;
                    if (signal == ChildSignal.Kill || OperatingSystem.IsWindows()) process.Kill(entireProcessTree: true);
                    else _ = Kill(process.Id, (int)signal);
                }
                catch (InvalidOperationException) { }
                catch (System.ComponentModel.Win32Exception) { }
            }
        }

        public void Dispose()
        {
            foreach (var r in _registrations) r.Dispose();
            _registrations.Clear();
            _process?.Dispose();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
