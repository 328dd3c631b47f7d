using System.Diagnostics;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Launch;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// <c>seatguard doctor --probe --matrix</c>: builds every <see cref="MatrixEnvironments"/> environment in its own
/// temporary HOME with fake credentials, runs the installed Claude Code in each (several at once) against one
/// in-process loopback listener — each environment under its own random path — and compares what reached the wire
/// with SeatGuard's prediction for exactly that environment. The children get an exact environment (never the
/// user's variables, files or keychain item), so nothing real is used or touched.
/// </summary>
public sealed class ProbeMatrix(ICommandRunner runner, TimeProvider clock)
{
    private static readonly string[] ProviderPaths = ["/bedrock", "/vertex", "/foundry", "/aws", "/gcloud", "/mantle"];

    /// <summary>Runs every environment (default <see cref="MatrixEnvironments.All"/>) with up to <paramref name="parallelism"/> at once and compares each with SeatGuard's prediction; returns a report with a refusal, and nothing run, when the environments would not be isolated on this machine.</summary>
    /// <param name="host">The machine SeatGuard runs on.</param>
    /// <param name="claudeExecutable">The claude executable to run.</param>
    /// <param name="parallelism">How many environments run at once (at least 1).</param>
    /// <param name="timeout">How long one environment's run may take.</param>
    /// <param name="environments">The environments to run; null for all.</param>
    /// <param name="cancellationToken">Cancels the runs.</param>
    public async Task<MatrixReport> RunAsync(HostContext host, string claudeExecutable, int parallelism, TimeSpan timeout,
        IReadOnlyList<MatrixEnvironment>? environments = null, CancellationToken cancellationToken = default)
    {
        environments ??= MatrixEnvironments.All;
        parallelism = Math.Max(1, parallelism);
        var started = Stopwatch.StartNew();
        var parent = Path.Combine(Path.GetTempPath(), "seatguard-matrix-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(parent);
        try
        {
            if (Refusal(host, parent) is { } refusal)
                return new MatrixReport(null, [], 0, environments.Count) { Refusal = refusal, Claude = claudeExecutable, Parallelism = parallelism };

            await using var endpoint = new ProbeEndpoint(clock);
            using var gate = new SemaphoreSlim(parallelism);
            var tasks = environments.Select(async e =>
            {
                await gate.WaitAsync(cancellationToken);
                try { return await RunOneAsync(host, claudeExecutable, e, endpoint, parent, timeout, cancellationToken); }
                finally { gate.Release(); }
            }).ToArray();
            var results = await Task.WhenAll(tasks);
            var version = results.Select(r => r.Version).FirstOrDefault(v => v is not null);
            return new MatrixReport(version, results.Select(r => r.Result).ToArray(), results.Count(r => r.Result.Agrees), results.Length)
            {
                Seconds = Math.Round(started.Elapsed.TotalSeconds, 1),
                Parallelism = parallelism,
                Claude = claudeExecutable,
            };
        }
        finally
        {
            try { Directory.Delete(parent, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The default number of environments run at once: claude is mostly waiting at start-up, so twice the cores, at most 8.</summary>
    public static int DefaultParallelism => Math.Clamp(Environment.ProcessorCount * 2, 2, 8);

    private async Task<(MatrixResult Result, string? Version)> RunOneAsync(HostContext host, string claude, MatrixEnvironment environment,
        ProbeEndpoint endpoint, string parent, TimeSpan timeout, CancellationToken ct)
    {
        var baseUrl = endpoint.NewBaseUrl();
        using var sandbox = new MatrixSandbox(parent, environment.Name, baseUrl, host.Get("PATH") ?? "/usr/local/bin:/usr/bin:/bin", host.Os);
        environment.Setup(sandbox);

        var env = ProbeLaunch.Environment(sandbox.Env, baseUrl);
        var flag = SettingsLayer.FromObject(SettingsScope.Flag, "--settings", sandbox.Flag);
        var childHost = new HostContext(env, sandbox.Home, sandbox.Project, host.Os);
        var inventory = new CredentialReader(NoKeychain.Instance).Gather(childHost, null, [flag]);
        var mode = sandbox.Args.Contains("--bare") ? StartMode.Bare : StartMode.Print;
        var predicted = BillingResolver.Resolve(inventory, mode);

        var (file, args) = sandbox.Command(claude, [.. ProbeLaunch.PingArguments, "--settings", sandbox.Flag.ToJsonString(), .. sandbox.Args]);
        var watch = Stopwatch.StartNew();
        var result = await runner.RunAsync(new CommandSpec(file, args, env, sandbox.Project, timeout), ct);
        string? error = result.TimedOut ? $"did not finish within {timeout.TotalSeconds:0} s" : null;
        var events = StreamJsonObserver.ReadAll(result.StdOut);

        var known = new Dictionary<string, CredentialKind>(sandbox.Planted, StringComparer.Ordinal);
        foreach (var minted in endpoint.MintedFingerprints) known[minted] = CredentialKind.Federation;
        var under = endpoint.Under(baseUrl);
        var prefix = new Uri(baseUrl).AbsolutePath.TrimEnd('/');
        bool cloud = under.Any(r => ProviderPaths.Any(p => r.Path.StartsWith(prefix + p + "/", StringComparison.Ordinal)));
        var request = endpoint.Messages(baseUrl).FirstOrDefault(r => !ProviderPaths.Any(p => r.Path.StartsWith(prefix + p + "/", StringComparison.Ordinal)));
        var seen = cloud ? new WireAttribution.Result(CredentialKind.Cloud, null, null, false) : WireAttribution.Attribute(request, inventory, predicted, known);
        bool agrees = predicted.Winner.Kind == CredentialKind.Cloud ? seen.Kind == CredentialKind.Cloud : WireAttribution.Agrees(seen, predicted);

        var prediction = new MatrixPrediction(predicted.Winner.Kind, predicted.Winner.Source.ToString(), predicted.Verdict, predicted.AlsoSent.FirstOrDefault()?.Kind);
        var observation = new MatrixObservation(events.ApiKeySource, seen.Kind, seen.Second)
        {
            RateLimitEvent = events.RateLimitEvent,
            EmptyCredential = seen.EmptyCredential,
            ExitCode = result.TimedOut ? null : result.ExitCode,
            Seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            Error = error,
        };
        return (new MatrixResult(environment.Name, environment.Rule, prediction, observation, agrees && error is null), events.ClaudeVersion);
    }

    /// <summary>
    /// The children read this machine's managed settings like any claude would. When those set a credential, a helper,
    /// the base URL or a proxy, the environments are not isolated (a real key would be used, or a request could leave the
    /// machine), so the matrix does not run.
    /// </summary>
    private static string? Refusal(HostContext host, string parent)
    {
        var home = Path.Combine(parent, "refusal-check");
        Directory.CreateDirectory(home);
        var probeHost = new HostContext(new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = home }, home, home, host.Os);
        var inv = new CredentialReader(NoKeychain.Instance).Gather(probeHost);
        foreach (var layer in inv.Layers.Where(l => l.Scope == SettingsScope.Managed && l.Usable))
        {
            var risky = layer.Env.Keys.Where(k => BillingVariables.Secrets.Contains(k) || k == BillingVariables.BaseUrl
                || BillingVariables.Proxies.Contains(k, StringComparer.OrdinalIgnoreCase) || BillingVariables.CloudFlags.Contains(k)).ToList();
            if (layer.ApiKeyHelper is { Length: > 0 }) risky.Add("apiKeyHelper");
            if (!layer.Policy.IsEmpty) risky.Add("a login policy");
            if (risky.Count > 0)
                return $"this machine's managed settings ({layer.Path}) set {string.Join(", ", risky)}, which every claude run here obeys; the matrix cannot build isolated environments (nothing was run)";
        }
        if (inv.BrokenManagedLayer is { } broken)
            return $"this machine's managed settings file {broken.Path} cannot be read ({broken.Error}); claude refuses to start here (nothing was run)";
        return null;
    }
}
