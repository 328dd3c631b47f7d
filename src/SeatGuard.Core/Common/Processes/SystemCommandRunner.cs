using System.ComponentModel;
using System.Diagnostics;

namespace SeatGuard.Core.Common.Processes;

/// <summary><see cref="ICommandRunner"/> on real OS processes.</summary>
public sealed class SystemCommandRunner : ICommandRunner
{
    /// <inheritdoc />
    public async Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken = default)
    {
        var psi = StartInfo(spec);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.RedirectStandardInput = true;
        using var process = Start(psi, spec.FileName);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(spec.Timeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None);
        }
        return new CommandResult(timedOut ? -1 : process.ExitCode, await stdout, await stderr, timedOut);
    }

    /// <inheritdoc />
    public async Task<CommandResult> RunLinesAsync(CommandSpec spec, Action<string> onLine, CancellationToken cancellationToken = default)
    {
        var psi = StartInfo(spec);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.RedirectStandardInput = true;
        psi.StandardOutputEncoding = new System.Text.UTF8Encoding(false);
        using var process = Start(psi, spec.FileName);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(spec.Timeout);
        bool timedOut = false;
        var deadline = DateTime.UtcNow + spec.Timeout;
        try
        {
            string? line;
            if (spec.IdleTimeout is { } idle) timeout.CancelAfter(Min(idle, spec.Timeout));
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null)
            {
                onLine(line);
                if (spec.IdleTimeout is { } quiet && spec.Timeout != Timeout.InfiniteTimeSpan) timeout.CancelAfter(Min(quiet, deadline - DateTime.UtcNow));
                else if (spec.IdleTimeout is { } quiet2) timeout.CancelAfter(quiet2);
            }
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None);
        }
        return new CommandResult(timedOut ? -1 : process.ExitCode, "", await stderr, timedOut);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => b == Timeout.InfiniteTimeSpan || a <= b ? a : b < TimeSpan.Zero ? TimeSpan.Zero : b;

    /// <summary>A start info with exactly the spec's environment.</summary>
    public static ProcessStartInfo StartInfo(CommandSpec spec)
    {
        var psi = new ProcessStartInfo(ResolveExecutable(spec.FileName, spec.Environment)) { WorkingDirectory = spec.WorkingDirectory, UseShellExecute = false };
        foreach (var a in spec.Arguments) psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (var (k, v) in spec.Environment) psi.Environment[k] = v;
        return psi;
    }

    /// <summary>Starts <paramref name="psi"/>; a program that cannot be started becomes an <see cref="ExecutableNotFoundException"/> naming <paramref name="displayName"/>.</summary>
    public static Process Start(ProcessStartInfo psi, string displayName)
    {
        try
        {
            return Process.Start(psi) ?? throw ExecutableNotFoundException.For(displayName, "it did not start");
        }
        catch (Win32Exception e)
        {
            throw ExecutableNotFoundException.For(displayName, e.Message);
        }
    }

    /// <summary>Looks a bare program name up on the PATH of the environment it will run in.</summary>
    public static string ResolveExecutable(string fileName, IReadOnlyDictionary<string, string> environment)
    {
        if (fileName.Contains('/') || fileName.Contains(Path.DirectorySeparatorChar)) return fileName;
        if (!environment.TryGetValue("PATH", out var path)) return fileName;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw ExecutableNotFoundException.For(fileName, "not on PATH");
    }
}
