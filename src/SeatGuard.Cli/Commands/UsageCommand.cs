using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard usage daily|weekly|monthly|session|blocks</c>: token and cost reports from local transcripts.</summary>
public static class UsageCommand
{
    private static readonly Option<string?> Since = new("--since", "-s") { Description = "First day included (YYYY-MM-DD or YYYYMMDD).", HelpName = "DATE", Recursive = true };
    private static readonly Option<string?> Until = new("--until", "-u") { Description = "Last day included (YYYY-MM-DD or YYYYMMDD).", HelpName = "DATE", Recursive = true };
    private static readonly Option<string?> TimeZoneOpt = new("--timezone", "-z") { Description = "IANA time zone for grouping by day (default: $TZ, else the system's).", HelpName = "IANA", Recursive = true };
    private static readonly Option<bool> Breakdown = new("--breakdown", "-b") { Description = "Show per-model rows.", Recursive = true };
    private static readonly Option<string?> Project = new("--project", "-p") { Description = "Only this project (its directory under projects/, or its last segment).", HelpName = "NAME", Recursive = true };
    private static readonly Option<bool> Csv = new("--csv") { Description = "CSV on stdout.", Recursive = true };
    private static readonly Option<bool> NoCache = new("--no-cache") { Description = "Read every transcript (cold run); the cache is neither read nor written.", Recursive = true };
    private static readonly Option<string> CostModeOpt = new("--cost-mode") { Description = "anthropic (published rules, default) or ccusage (ccusage 20.0.24's figures).", HelpName = "MODE", Recursive = true, DefaultValueFactory = _ => "anthropic" };
    private static readonly Option<string?> Plan = new("--plan") { Description = "Compare the API-equivalent cost with a plan's monthly price: pro, max5, max20.", HelpName = "PLAN", Recursive = true };
    private static readonly Option<string?> Pricing = new("--pricing") { Description = "A pricing file laid over the embedded table (default: pricing.json in SeatGuard's config dir, if present).", HelpName = "FILE", Recursive = true };
    private static readonly Option<bool> ByProject = new("--by-project") { Description = "Add per-project totals.", Recursive = true };
    private static readonly Option<string> StartOfWeek = new("--start-of-week", "-w") { Description = "First day of a week (weekly): sunday … saturday.", HelpName = "DAY", DefaultValueFactory = _ => "sunday" };
    private static readonly Option<string?> TokenLimit = new("--token-limit", "-t") { Description = "Token limit for the active block: a number or 'max' (largest previous block).", HelpName = "N|max" };
    private static readonly Option<bool> Live = new("--live") { Description = "Live view of the active block, refreshed as transcripts grow (Ctrl+C ends)." };

    public static Command Create(CliContext context)
    {
        var usage = new Command("usage", "Token and cost reports from Claude Code's local transcripts (ccusage-compatible JSON).");
        foreach (var o in new Option[] { Since, Until, TimeZoneOpt, Breakdown, Project, Csv, NoCache, CostModeOpt, Plan, Pricing, ByProject }) usage.Options.Add(o);
        usage.Subcommands.Add(Report(context, "daily", "Usage by day."));
        var weekly = Report(context, "weekly", "Usage by week.");
        weekly.Options.Add(StartOfWeek);
        usage.Subcommands.Add(weekly);
        usage.Subcommands.Add(Report(context, "monthly", "Usage by month."));
        usage.Subcommands.Add(Report(context, "session", "Usage by session (subagent transcripts count in their parent session)."));
        var blocks = Report(context, "blocks", "Usage by 5-hour block, with the active block's burn rate and projection.");
        blocks.Options.Add(TokenLimit);
        blocks.Options.Add(Live);
        usage.Subcommands.Add(blocks);
        return usage;
    }

    private static Command Report(CliContext context, string name, string description)
    {
        var command = new Command(name, description);
        command.SetAction(async (parse, ct) =>
        {
            // Bad input is reported here (one line, exit 2): System.CommandLine's default handler would print a stack trace.
            try
            {
                return await RunAsync(context, parse, name, ct);
            }
            catch (Exception ex) when (ex is UsageException or InvalidDataException)
            {
                context.Terminal.Error("seatguard: " + ex.Message);
                return ExitCodes.BadUsage;
            }
        });
        return command;
    }

    private sealed record Settings(UsageQuery Query, UsageLoadOptions Load, HostContext Host, bool Json, bool Csv, bool Breakdown, bool ByProject, string? Plan, string PricingFile);

    private static Settings Parse(CliContext context, ParseResult parse)
    {
        var host = context.Host(parse);
        var tz = parse.GetValue(TimeZoneOpt) is { } explicitZone ? ParseTimeZone(explicitZone) : ZoneFromEnvironment(host.Get("TZ"));
        var mode = parse.GetValue(CostModeOpt)?.ToLowerInvariant() switch
        {
            "anthropic" => CostMode.Anthropic,
            "ccusage" => CostMode.Ccusage,
            var other => throw new UsageException($"--cost-mode must be anthropic or ccusage, not '{other}'"),
        };
        var plan = parse.GetValue(Plan);
        var pricingFile = parse.GetValue(Pricing) ?? Path.Combine(ClaudePaths.SeatGuardConfigDir(host), "pricing.json");
        if (parse.GetValue(Pricing) is { } explicitFile && !File.Exists(explicitFile)) throw new UsageException($"pricing file not found: {explicitFile}");
        var pricing = PricingTable.WithOverride(pricingFile);
        if (plan is not null && !pricing.Data.Plans.Any(p => string.Equals(p.Id, plan, StringComparison.OrdinalIgnoreCase)))
            throw new UsageException($"--plan must be one of {string.Join(", ", pricing.Data.Plans.Select(p => p.Id))}, not '{plan}'");
        var weekStart = parse.GetValue(StartOfWeek) ?? "sunday";
        if (!Enum.TryParse<DayOfWeek>(weekStart, ignoreCase: true, out var dow) || int.TryParse(weekStart, out _))
            throw new UsageException($"--start-of-week must be a day name (sunday … saturday), not '{weekStart}'");
        var query = new UsageQuery
        {
            Since = ParseDate(parse.GetValue(Since), "--since"),
            Until = ParseDate(parse.GetValue(Until), "--until"),
            TimeZone = tz,
            CostMode = mode,
            Pricing = pricing,
            StartOfWeek = dow,
        };
        if (query.Since > query.Until) throw new UsageException("--since is after --until");
        var load = new UsageLoadOptions
        {
            ConfigDir = context.ConfigDir(parse),
            UseCache = !parse.GetValue(NoCache),
            ModifiedSince = query.EarliestInstant,
            Project = parse.GetValue(Project),
        };
        return new Settings(query, load, host, context.Json(parse), parse.GetValue(Csv), parse.GetValue(Breakdown), parse.GetValue(ByProject), plan, pricingFile);
    }

    internal static DateOnly? ParseDate(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new UsageException($"{option} must be a date as YYYY-MM-DD or YYYYMMDD, not '{text}'");
    }

    internal static TimeZoneInfo ParseTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Local;
        var name = id.Trim().TrimStart(':');
        if (name.Equals("UTC", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new UsageException($"unknown time zone '{id}' (use an IANA name such as Europe/Berlin)");
        }
    }

    /// <summary>$TZ when it names a zone (e.g. "Europe/Berlin"), else the system's zone; never an error.</summary>
    internal static TimeZoneInfo ZoneFromEnvironment(string? tz)
    {
        try
        {
            return ParseTimeZone(tz);
        }
        catch (UsageException)
        {
            return TimeZoneInfo.Local;
        }
    }

    internal static long? ParseTokenLimit(string? text, UsageReports reports)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // 'max': the largest finished block; no limit while there is none.
        if (text.Trim().Equals("max", StringComparison.OrdinalIgnoreCase)) return reports.MaxPreviousBlockTokens() is > 0 and var max ? max : null;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        throw new UsageException($"--token-limit must be a positive number or 'max', not '{text}'");
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, string report, CancellationToken ct)
    {
        var s = Parse(context, parse);
        if (report == "blocks" && parse.GetValue(Live))
        {
            await UsageLiveView.RunAsync(context.Terminal, s.Host, s.Load, s.Query, parse.GetValue(TokenLimit), ct);
            return ExitCodes.Ok;
        }

        // Machine-readable period reports of unchanged transcripts are answered from the output cache.
        ulong? outputKey = report != "blocks" && (s.Json || s.Csv) && s.Load.UseCache && !s.Host.Has("SEATGUARD_USAGE_STATS")
            ? ReportOutputCache.Key(UsageLoader.InputSignature(s.Host, s.Load), parse.Tokens.Select(t => t.Value),
                [s.Host.Get("TZ"), s.Host.Get("CLAUDE_CONFIG_DIR"), s.Host.Home, s.Host.WorkingDirectory, s.PricingFile],
                [s.PricingFile, SeatGuard.Core.Ledger.LedgerStore.DefaultPath(s.Host)])
            : null;
        var cachePath = ReportOutputCache.CacheFile(s.Host, s.Load);
        if (outputKey is { } hitKey && ReportOutputCache.TryGet(cachePath, hitKey) is { } hit)
        {
            context.Terminal.Err.Write(hit.StdErr);
            context.Terminal.Out.Write(hit.StdOut);
            return ExitCodes.Ok;
        }
        var outBuffer = outputKey is null ? null : new StringWriter();
        var errBuffer = outputKey is null ? null : new StringWriter();
        var terminal = outputKey is null ? context.Terminal : new Terminal(outBuffer!, errBuffer!, color: false);
        int code = Produce(terminal, s, parse, report);
        if (outputKey is { } key)
        {
            context.Terminal.Err.Write(errBuffer!.ToString());
            context.Terminal.Out.Write(outBuffer!.ToString());
            ReportOutputCache.Store(cachePath, key, outBuffer.ToString(), errBuffer.ToString());
        }
        return code;
    }

    private static int Produce(Terminal terminal, Settings s, ParseResult parse, string report)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var data = UsageLoader.Load(s.Host, s.Load);
        var loaded = clock.Elapsed;
        var reports = new UsageReports(data, s.Query);
        ReportDiagnostics(terminal, data, reports);
        if (s.Host.Has("SEATGUARD_USAGE_STATS"))
        {
            terminal.Error($"seatguard: stats: {data.FilesFound} files ({data.FilesRead} read, {data.FilesFromCache} from cache, {data.FilesSkipped} skipped), " +
                $"{data.Entries.Count} entries, load {loaded.TotalMilliseconds:0} ms, priced {clock.Elapsed.TotalMilliseconds:0} ms, " +
                $"allocated {GC.GetTotalAllocatedBytes() / 1048576} MB, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        }
        long? limit = report == "blocks" ? ParseTokenLimit(parse.GetValue(TokenLimit), reports) : null;
        var projects = s.ByProject ? reports.Projects() : null;
        var plan = s.Plan is null ? null : reports.ComparePlan(s.Plan);

        switch (report)
        {
            case "daily":
                var daily = reports.Daily();
                Emit(terminal, s, daily, projects, plan, UsageJson.Default.DailyReport, daily.Daily.Select(r => (r.Date, (UsageRow)r)), "Date");
                break;
            case "weekly":
                var weekly = reports.Weekly();
                Emit(terminal, s, weekly, projects, plan, UsageJson.Default.WeeklyReport, weekly.Weekly.Select(r => (r.Week, (UsageRow)r)), "Week");
                break;
            case "monthly":
                var monthly = reports.Monthly();
                Emit(terminal, s, monthly, projects, plan, UsageJson.Default.MonthlyReport, monthly.Monthly.Select(r => (r.Month, (UsageRow)r)), "Month");
                break;
            case "session":
                var sessions = reports.Sessions();
                var launches = LedgerUsageFacts.Launches(s.Host);
                if (launches.Any(l => l.SessionId is not null))
                    sessions.BillingSources = [.. LedgerUsageFacts.Split(sessions.Sessions, LedgerUsageFacts.SourceBySession(launches))];
                Emit(terminal, s, sessions, projects, plan, UsageJson.Default.SessionReport, sessions.Sessions.Select(r => ($"{r.SessionId}\n{r.ProjectPath}", (UsageRow)r)), "Session");
                break;
            default:
                var blocks = reports.Blocks(limit);
                var utilisation = LedgerUsageFacts.Utilisation(LedgerUsageFacts.Launches(s.Host));
                if (utilisation.Count > 0) blocks.PlanUtilisation = [.. utilisation];
                if (s.Json) terminal.Out.WriteLine(JsonSerializer.Serialize(blocks, UsageJson.Default.BlocksReport));
                else if (s.Csv) terminal.Out.Write(UsageTables.BlocksCsv(blocks));
                else
                {
                    UsageTables.RenderBlocks(terminal.Console_, blocks, s.Query.TimeZone, limit);
                    if (blocks.PlanUtilisation is { } windows) UsageTables.RenderUtilisation(terminal.Console_, windows);
                }
                break;
        }
        if (!s.Json && !s.Csv)
        {
            if (projects is not null) UsageTables.RenderProjects(terminal.Console_, projects);
            if (plan is not null) UsageTables.RenderPlan(terminal.Console_, plan);
        }
        return ExitCodes.Ok;
    }

    private static void Emit<T>(Terminal terminal, Settings s, T report, List<ProjectRow>? projects, PlanComparison? plan,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> jsonType, IEnumerable<(string Key, UsageRow Row)> rows, string keyTitle)
        where T : UsageReportBase
    {
        report.Projects = projects;
        report.Plan = plan;
        if (s.Json) terminal.Out.WriteLine(JsonSerializer.Serialize(report, jsonType));
        else if (s.Csv) terminal.Out.Write(UsageTables.RowsCsv(keyTitle, rows));
        else
        {
            UsageTables.RenderRows(terminal.Console_, keyTitle, rows, report.Totals, s.Breakdown, s.Query);
            if (report.BillingSources is { } sources) UsageTables.RenderBillingSources(terminal.Console_, sources);
        }
    }

    internal static void ReportDiagnostics(Terminal terminal, UsageDataset data, UsageReports reports)
    {
        foreach (var w in data.Warnings) terminal.Error("seatguard: warning: " + w);
        if (data.MalformedLines > 0) terminal.Error($"seatguard: {data.MalformedLines} malformed transcript line(s) skipped");
        if (reports.UnknownModels.Count > 0)
            terminal.Error($"seatguard: warning: no price for model(s) {string.Join(", ", reports.UnknownModels)}: their cost is unknown and not included in totals");
    }
}
