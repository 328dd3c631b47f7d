using System.Diagnostics;
using CsCheck;

namespace SeatGuard.Tests.Fuzz;

/// <summary>
/// How the property-based fuzz tests run: a fixed seed and a small number of inputs per parser in the suite
/// (together well under a minute), or as many as <c>SEATGUARD_FUZZ_ITER</c> says (bench/fuzz.sh: 100,000 per parser)
/// from <c>SEATGUARD_FUZZ_SEED</c>. Every input must be handled without an unhandled exception and within
/// <see cref="InputBound"/> (a generous guard against hangs and blow-ups, not a timing measurement). With
/// <c>SEATGUARD_FUZZ_REPORT</c> set, one line per parser (inputs, seconds, slowest input) is appended to that file.
/// </summary>
internal static class Fuzz
{
    /// <summary>A valid CsCheck seed (PCG stream 1, state 12345).</summary>
    public const string DefaultSeed = "0000000030Y1";

    public static readonly TimeSpan InputBound = TimeSpan.FromSeconds(10);

    /// <summary>The seed: <see cref="DefaultSeed"/>, the one <c>SEATGUARD_FUZZ_SEED</c> names, or none (CsCheck picks and reports one) for <c>random</c>.</summary>
    public static string? Seed => Environment.GetEnvironmentVariable("SEATGUARD_FUZZ_SEED") switch
    {
        "random" => null,
        { Length: > 0 } s => s,
        _ => DefaultSeed,
    };

    /// <summary>Inputs per parser: <paramref name="inSuite"/> unless <c>SEATGUARD_FUZZ_ITER</c> is set.</summary>
    public static long Iterations(long inSuite) =>
        long.TryParse(Environment.GetEnvironmentVariable("SEATGUARD_FUZZ_ITER"), out var n) && n > 0 ? n : inSuite;

    /// <summary>Runs <paramref name="property"/> on inputs from <paramref name="gen"/>; a failure is shrunk and reported with its seed.</summary>
    public static void Run<T>(string parser, Gen<T> gen, Action<T> property, long inSuite = 1000, int threads = -1, Func<T, string>? print = null)
    {
        var iterations = Iterations(inSuite);
        long slowestTicks = 0;
        var clock = Stopwatch.StartNew();
        gen.Sample(input =>
        {
            var sw = Stopwatch.StartNew();
            property(input);
            sw.Stop();
            if (sw.Elapsed > InputBound) throw new TimeoutException($"{parser}: one input took {sw.Elapsed.TotalSeconds:0.0} s (bound {InputBound.TotalSeconds} s)");
            long ticks = sw.ElapsedTicks;
            long seen;
            while (ticks > (seen = Interlocked.Read(ref slowestTicks)) && Interlocked.CompareExchange(ref slowestTicks, ticks, seen) != seen) { }
        }, seed: Seed, iter: iterations, threads: threads, print: print ?? (x => Shorten(x?.ToString())));
        clock.Stop();
        // Generated words read from credential fields were remembered as secrets: forget them, or other tests' output
        // containing the same words ("fingerprint") would be scrubbed.
        SeatGuard.Core.Common.Redactor.ForgetAll();
        if (Environment.GetEnvironmentVariable("SEATGUARD_FUZZ_REPORT") is { Length: > 0 } report)
        {
            var line = $"{parser}\t{iterations}\t{clock.Elapsed.TotalSeconds:0.0}\t{TimeSpan.FromTicks(slowestTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalMilliseconds:0.0}\n";
            lock (ReportLock) File.AppendAllText(report, line);
        }
    }

    private static readonly Lock ReportLock = new();

    private static string Shorten(string? s) => s is null ? "null" : s.Length <= 400 ? s : s[..400] + $"…({s.Length} chars)";

    /// <summary>A per-thread scratch file for parsers that read files (the same path each time on one thread).</summary>
    public static string ScratchFile(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "seatguard-fuzz-" + Environment.ProcessId, Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
