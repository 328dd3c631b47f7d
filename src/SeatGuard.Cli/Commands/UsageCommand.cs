using System.CommandLine;
using System.Globalization;
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
    private static readonly Option<string?> Pricing = new Option<string?>("--pricing") { Description = "A pricing file laid over the embedded table (default: pricing.json in SeatGuard's config dir, if present).", HelpName = "FILE", Recursive = true }.FilePath();
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
        return usage.WithExamples("seatguard usage daily", "seatguard usage monthly --breakdown", "seatguard usage blocks --live");
    }

    private static Command Report(CliContext context, string name, string description)
    {
        var kind = Enum.Parse<UsageReportKind>(name, ignoreCase: true);
        var command = new Command(name, description).Uses(CommonOptions.ConfigDir);
        command.SetAction(async (parse, ct) =>
        {
            var host = context.Host(parse);
            var (request, pricingFile) = Parse(context, parse, kind, host);
            if (kind == UsageReportKind.Blocks && parse.GetValue(Live))
            {
                await UsageLiveView.RunAsync(context.Terminal, host, request, () => context.Services(parse).Now, ct);
                return ExitCodes.Ok;
            }
            bool json = context.Json(parse), csv = parse.GetValue(Csv);

            // Machine-readable period reports of unchanged transcripts are answered from the output cache.
            ulong? outputKey = json || csv ? UsageWorkflow.OutputCacheKey(host, request, parse.Tokens.Select(t => t.Value), pricingFile) : null;
            var cachePath = ReportOutputCache.CacheFile(host, request.Load);
            if (outputKey is { } hitKey && ReportOutputCache.TryGet(cachePath, hitKey) is { } hit)
            {
                context.Terminal.Err.Write(hit.StdErr);
                context.Terminal.Out.Write(hit.StdOut);
                return ExitCodes.Ok;
            }
            var outBuffer = outputKey is null ? null : new StringWriter();
            var errBuffer = outputKey is null ? null : new StringWriter();
            var terminal = outputKey is null ? context.Terminal : new Terminal(outBuffer!, errBuffer!, color: false);

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = UsageWorkflow.Run(host, request);
            UsageTables.ReportDiagnostics(terminal, outcome);
            if (outcome.Data.FilesFound == 0)
                terminal.Error("seatguard: no Claude Code transcripts found in " +
                               string.Join(", ", ClaudePaths.TranscriptRoots(host, request.Load.ConfigDir).Select(r => Path.Combine(r, "projects"))) +
                               " (CLAUDE_CONFIG_DIR or --config-dir point elsewhere)");
            if (host.Has("SEATGUARD_USAGE_STATS")) UsageTables.ReportStatistics(terminal, outcome, clock.Elapsed);
            UsageTables.Render(terminal, outcome, json, csv, parse.GetValue(Breakdown));

            if (outputKey is { } key)
            {
                context.Terminal.Err.Write(errBuffer!.ToString());
                context.Terminal.Out.Write(outBuffer!.ToString());
                ReportOutputCache.Store(cachePath, key, outBuffer.ToString(), errBuffer.ToString());
            }
            return ExitCodes.Ok;
        });
        return kind == UsageReportKind.Blocks
            ? command.WithExamples("seatguard usage blocks", "seatguard usage blocks --live --token-limit max", "seatguard usage blocks --json")
            : command.WithExamples($"seatguard usage {name}", $"seatguard usage {name} --since 2026-11-01 --breakdown", $"seatguard usage {name} --json | jq .totals");
    }

    /// <summary>The options, validated into a request (bad values: <see cref="InputException"/>, exit 2).</summary>
    private static (UsageRequest Request, string PricingFile) Parse(CliContext context, ParseResult parse, UsageReportKind kind, HostContext host)
    {
        var tz = parse.GetValue(TimeZoneOpt) is { } explicitZone ? ParseTimeZone(explicitZone) : ZoneFromEnvironment(host.Get("TZ"));
        var mode = parse.GetValue(CostModeOpt)?.ToLowerInvariant() switch
        {
            "anthropic" => CostMode.Anthropic,
            "ccusage" => CostMode.Ccusage,
            var other => throw new InputException($"--cost-mode must be anthropic or ccusage, not '{other}'"),
        };
        var plan = parse.GetValue(Plan);
        var explicitPricing = parse.GetValue(Pricing) is { } given ? Path.GetFullPath(given, host.WorkingDirectory) : null;
        var pricingFile = explicitPricing ?? Path.Combine(ClaudePaths.SeatGuardConfigDir(host), "pricing.json");
        if (explicitPricing is not null && !File.Exists(explicitPricing)) throw new InputException($"pricing file not found: {parse.GetValue(Pricing)}");
        var pricing = PricingTable.WithOverride(pricingFile);
        if (plan is not null && !pricing.Data.Plans.Any(p => string.Equals(p.Id, plan, StringComparison.OrdinalIgnoreCase)))
            throw new InputException($"--plan must be one of {string.Join(", ", pricing.Data.Plans.Select(p => p.Id))}, not '{plan}'");
        var weekStart = parse.GetValue(StartOfWeek) ?? "sunday";
        if (!Enum.TryParse<DayOfWeek>(weekStart, ignoreCase: true, out var dow) || int.TryParse(weekStart, out _))
            throw new InputException($"--start-of-week must be a day name (sunday … saturday), not '{weekStart}'");
        var query = new UsageQuery
        {
            Since = DateArgument.Parse(parse.GetValue(Since), "--since"),
            Until = DateArgument.Parse(parse.GetValue(Until), "--until"),
            TimeZone = tz,
            CostMode = mode,
            Pricing = pricing,
            StartOfWeek = dow,
            Now = context.Services(parse).Now,
        };
        if (query.Since > query.Until) throw new InputException("--since is after --until");
        var load = new UsageLoadOptions
        {
            ConfigDir = context.ConfigDir(parse),
            UseCache = !parse.GetValue(NoCache),
            ModifiedSince = query.EarliestInstant,
            Project = parse.GetValue(Project),
        };
        var request = new UsageRequest(kind, query, load, parse.GetValue(ByProject), plan, kind == UsageReportKind.Blocks ? parse.GetValue(TokenLimit) : null);
        return (request, pricingFile);
    }

    /// <summary>
    /// The query <c>usage daily</c> runs with no options: days in $TZ (else the system's zone), the default cost mode,
    /// the embedded prices under the user's pricing.json. <c>sync</c> counts with exactly this.
    /// </summary>
    internal static UsageQuery DefaultQuery(HostContext host, DateTimeOffset now) => new()
    {
        TimeZone = ZoneFromEnvironment(host.Get("TZ")),
        CostMode = CostMode.Anthropic,
        Pricing = PricingTable.WithOverride(Path.Combine(ClaudePaths.SeatGuardConfigDir(host), "pricing.json")),
        Now = now,
    };

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
            throw new InputException($"unknown time zone '{id}' (use an IANA name such as Europe/Berlin)");
        }
    }

    /// <summary>$TZ when it names a zone (e.g. "Europe/Berlin"), else the system's zone; never an error.</summary>
    internal static TimeZoneInfo ZoneFromEnvironment(string? tz)
    {
        try
        {
            return ParseTimeZone(tz);
        }
        catch (InputException)
        {
            return TimeZoneInfo.Local;
        }
    }
}
