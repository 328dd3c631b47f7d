using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SeatGuard.Core.Common.Processes;

/// <summary><see cref="IProcessLauncher"/> on real processes, writing passed-through output to <paramref name="stdout"/>.</summary>
public sealed class SystemProcessLauncher(Stream stdout) : IProcessLauncher
{
    /// <inheritdoc />
    public async Task<int> RunAsync(CommandSpec spec, Action<ReadOnlyMemory<byte>>? stdoutLineObserver, CancellationToken cancellationToken = default)
    {
        var psi = SystemCommandRunner.StartInfo(spec);
        psi.RedirectStandardOutput = stdoutLineObserver is not null;
        using var process = SystemCommandRunner.Start(psi, spec.FileName);
        using var signals = ForwardSignals(process);
        if (stdoutLineObserver is not null)
            await PumpAsync(process.StandardOutput.BaseStream, stdoutLineObserver, cancellationToken);
        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }

    /// <summary>Copies the child's stdout to ours byte for byte and hands every complete line to the observer.</summary>
    private async Task PumpAsync(Stream source, Action<ReadOnlyMemory<byte>> observer, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var pending = new MemoryStream();
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            await stdout.WriteAsync(buffer.AsMemory(0, read), ct);
            await stdout.FlushAsync(ct);
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
        if (pending.Length > 0) observer(pending.ToArray());
    }

    private static IDisposable ForwardSignals(Process child)
    {
        var registrations = new List<PosixSignalRegistration>();
        if (OperatingSystem.IsWindows()) return new Registrations(registrations);
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT, PosixSignal.SIGINT })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // The child gets the same signal; we keep running until it exits and report its code.
                context.Cancel = true;
                if (signal == PosixSignal.SIGINT) return; // a terminal's Ctrl-C already reaches the whole process group
                try { Kill(child.Id, signal == PosixSignal.SIGTERM ? 15 : signal == PosixSignal.SIGHUP ? 1 : 3); } catch (InvalidOperationException) { }
            }));
        }
        return new Registrations(registrations);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private sealed class Registrations(List<PosixSignalRegistration> items) : IDisposable
    {
        public void Dispose() { foreach (var r in items) r.Dispose(); }
    }
}
