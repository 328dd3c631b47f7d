using System.Globalization;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>
/// <c>seatguard usage</c>'s one workflow: load the transcripts (through the incremental cache), build the report
/// asked for, and join what the ledger knows (billing source per session, the plan's own utilization).
/// </summary>
public static class UsageWorkflow
{
    /// <summary>Loads the transcripts and builds the report the request asks for.</summary>
    public static UsageOutcome Run(HostContext host, UsageRequest request)
    {
        var data = UsageLoader.Load(host, request.Load);
        var builder = new UsageReportBuilder(data, request.Query);
        var projects = request.ByProject ? builder.Projects() : null;
        var plan = request.Plan is null ? null : builder.ComparePlan(request.Plan);
        var outcome = new UsageOutcome(request, data, builder);
        T Period<T>(T report) where T : UsageReportBase
        {
            report.Projects = projects;
            report.Plan = plan;
            return report;
        }
        switch (request.Kind)
        {
            case UsageReportKind.Daily: return outcome with { Daily = Period(builder.Daily()) };
            case UsageReportKind.Weekly: return outcome with { Weekly = Period(builder.Weekly()) };
            case UsageReportKind.Monthly: return outcome with { Monthly = Period(builder.Monthly()) };
            case UsageReportKind.Session:
                var sessions = Period(builder.Sessions());
                var launches = LedgerUsageFacts.Launches(host);
                if (launches.Any(l => l.SessionId is not null))
                    sessions.BillingSources = [.. LedgerUsageFacts.Split(sessions.Sessions, LedgerUsageFacts.SourceBySession(launches))];
                return outcome with { Session = sessions };
            default:
                long? limit = ParseTokenLimit(request.TokenLimit, builder);
                var blocks = builder.Blocks(limit);
                var utilization = LedgerUsageFacts.Utilization(LedgerUsageFacts.Launches(host));
                if (utilization.Count > 0) blocks.PlanUtilization = [.. utilization];
                return outcome with { Blocks = blocks, TokenLimit = limit };
        }
    }

    /// <summary>
    /// The key of a machine-readable period report's exact output in <see cref="ReportOutputCache"/>: the transcripts'
    /// signature, the command line, what in the environment selects files and time zone, and the files the output
    /// depends on. Null when the output must not be cached (blocks depend on the current time; statistics were asked for).
    /// </summary>
    public static ulong? OutputCacheKey(HostContext host, UsageRequest request, IEnumerable<string> commandLine, string pricingFile)
    {
        if (request.Kind == UsageReportKind.Blocks || !request.Load.UseCache || host.Has("SEATGUARD_USAGE_STATS")) return null;
        return ReportOutputCache.Key(UsageLoader.InputSignature(host, request.Load), commandLine,
            [host.Get("TZ"), host.Get("CLAUDE_CONFIG_DIR"), host.Home, host.WorkingDirectory, pricingFile],
            [pricingFile, Ledger.LedgerStore.DefaultPath(host)]);
    }

    /// <summary><c>--token-limit</c>: a positive number, or 'max' (the largest finished block; no limit while there is none).</summary>
    public static long? ParseTokenLimit(string? text, UsageReportBuilder reports)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Trim().Equals("max", StringComparison.OrdinalIgnoreCase)) return reports.MaxPreviousBlockTokens() is > 0 and var max ? max : null;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        throw new InputException($"--token-limit must be a positive number or 'max', not '{text}'");
    }
}
