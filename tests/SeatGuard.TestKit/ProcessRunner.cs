using System.Diagnostics;

namespace SeatGuard.TestKit;

public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public IEnumerable<string> StdOutLines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>
/// Runs a program the way a user would with <c>env -i PATH=… HOME=…</c>: only the variables given, never
/// this machine's own environment.
/// </summary>
public static class ProcessRunner
{
    /// <summary>The minimal clean environment: PATH of this process (to find node, git) and the given HOME.</summary>
    public static Dictionary<string, string> CleanEnvironment(string home) => new(StringComparer.Ordinal)
    {
        ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
        ["HOME"] = home,
        ["LANG"] = "C.UTF-8",
    };

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment,
        string workingDirectory, string? stdin = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (var (k, v) in environment) psi.Environment[k] = v;

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} {string.Join(' ', args)} did not finish within {timeout ?? TimeSpan.FromSeconds(90)}\n{await stderr}");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
