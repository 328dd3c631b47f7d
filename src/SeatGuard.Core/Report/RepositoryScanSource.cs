using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Scan;

namespace SeatGuard.Core.Report;

/// <summary>The report's scan section: a fresh scan of one path with the built-in rules, counted by tier and rule.</summary>
public sealed class RepositoryScanSource(string path, DateTimeOffset now, int threads, ICommandRunner commands, string? pathVariable) : IScanReportSource
{
    /// <inheritdoc />
    public SourceResult<ScanSummary> Load()
    {
        var result = new Scanner(RuleBook.Load(), commands, pathVariable).Scan(new ScanOptions { Paths = [path], Threads = Math.Max(1, threads) });
        var counts = result.Findings
            .GroupBy(f => (f.Tier, f.Rule))
            .Select(g => new FindingCount(g.Key.Tier, g.Key.Rule, g.Count()))
            .OrderByDescending(c => c.Tier).ThenByDescending(c => c.Count).ThenBy(c => c.Rule, StringComparer.Ordinal)
            .ToList();
        return SourceResult<ScanSummary>.Found(new ScanSummary(Path.GetFullPath(path), now, counts));
    }
}
