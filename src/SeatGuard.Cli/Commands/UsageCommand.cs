using System.CommandLine;
using System.Globalization;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Cli.Commands;

/// <summary>
/// <c>seatguard usage daily|weekly|monthly|session|blocks</c>: token and cost reports from local transcripts, with the
/// report options of <c>ccusage claude &lt;report&gt;</c> 20.0.24, so scripts can switch.
/// </summary>
public sealed class UsageCommand
{
    private readonly Option<string?> Since = new("--since", "-s") { Description = "First day included (YYYY-MM-DD or YYYYMMDD).", HelpName = "DATE", Recursive = true };
    private readonly Option<string?> Until = new("--until", "-u") { Description = "Last day included (YYYY-MM-DD or YYYYMMDD).", HelpName = "DATE", Recursive = true };
    private readonly Option<string?> TimeZoneOpt = new("--timezone", "-z") { Description = "IANA time zone for grouping by day (default: $TZ, else the system's).", HelpName = "IANA", Recursive = true };
    private readonly Option<bool> Breakdown = new("--breakdown", "-b") { Description = "Per-model rows (tables and CSV).", Recursive = true };
    private readonly Option<string?> Project = new("--project", "-p") { Description = "Only this project (its directory under projects/, or its last segment).", HelpName = "NAME", Recursive = true };
    private readonly Option<bool> Csv = new("--csv") { Description = "CSV on stdout.", Recursive = true };
    private readonly Option<bool> NoCache = new("--no-cache") { Description = "Read every transcript (cold run); the cache is neither read nor written.", Recursive = true };
    private readonly Option<string> CostModeOpt = new("--cost-mode") { Description = "anthropic (published prices and rules, default) or ccusage (ccusage 20.0.24's figures, its $0 for models it does not know).", HelpName = "MODE", Recursive = true, DefaultValueFactory = _ => "anthropic" };
    private readonly Option<string?> ModeOpt = new("--mode", "-m") { Description = "What a line's own costUSD counts for: calculate (ignored; default under anthropic pricing), auto (used when present; ccusage's default), display (only costUSD).", HelpName = "MODE", Recursive = true };
    private readonly Option<string?> Plan = new("--plan") { Description = "Compare the API-equivalent cost with a plan's monthly price: pro, max5, max20.", HelpName = "PLAN", Recursive = true };
    private readonly Option<string?> Pricing = new Option<string?>("--pricing") { Description = "A price book laid over the embedded one and the imported one (default: pricing.json in SeatGuard's config dir, if present).", HelpName = "FILE", Recursive = true }.FilePath();
    private readonly Option<bool> ByProject = new("--by-project") { Description = "Add per-project totals.", Recursive = true };
    private readonly Option<string?> Order = new("--order", "-o") { Description = "asc (oldest first, default) or desc: the order of days, weeks, months and blocks.", HelpName = "ORDER", Recursive = true };
    private readonly Option<bool> Compact = new("--compact") { Description = "Narrow table (also chosen by itself when the terminal is too narrow).", Recursive = true };
    private readonly Option<int?> Last = new("--last") { Description = "Only the newest N days, weeks or months.", HelpName = "N", Recursive = true };
    private readonly Option<string?> ProjectAliases = new("--project-aliases") { Description = "Display names for projects in tables: dir=Name,dir2=Name2.", HelpName = "LIST", Recursive = true };
    private readonly Option<bool> SingleThread = new("--single-thread") { Description = "Read transcripts on one thread.", Recursive = true };
    private readonly Option<bool> Debug = new("--debug", "-d") { Description = "On stderr: which price each model got.", Recursive = true };
    private readonly Option<int?> DebugSamples = new("--debug-samples") { Description = "Accepted for ccusage compatibility (no effect).", HelpName = "N", Recursive = true, Hidden = true };
    private readonly Option<bool> Offline = new("--offline", "-O") { Description = "Accepted for ccusage compatibility: SeatGuard never fetches prices while reporting (see `seatguard pricing update`).", Recursive = true };
    private readonly Option<bool> NoOffline = new("--no-offline") { Description = "Accepted for ccusage compatibility (no effect).", Recursive = true, Hidden = true };
    private readonly Option<bool> ColorOpt = new("--color") { Description = "Accepted for ccusage compatibility (colour follows the terminal).", Recursive = true, Hidden = true };
    private readonly Option<bool> NoColorOpt = new("--no-color") { Description = "No colour (like NO_COLOR).", Recursive = true };
    private readonly Option<string?> ConfigFile = new("--config") { Description = "Accepted for ccusage compatibility (ccusage's config file is not read).", HelpName = "FILE", Recursive = true, Hidden = true };
    private readonly Option<string> StartOfWeek = new("--start-of-week", "-w") { Description = "First day of a week (weekly): sunday … saturday.", HelpName = "DAY", DefaultValueFactory = _ => "sunday" };
    private readonly Option<bool> Instances = new("--instances", "-i") { Description = "Daily rows per project (JSON: {\"projects\": {…}, \"totals\"}).", };
    private readonly Option<string?> SessionId = new("--id", "-i") { Description = "Only this session: its requests (JSON: {\"sessionId\", \"totalCost\", \"totalTokens\", \"entries\"}).", HelpName = "ID" };
    private readonly Option<string?> TokenLimit = new("--token-limit", "-t") { Description = "Token limit for the active block: a number or 'max' (largest previous block).", HelpName = "N|max" };
    private readonly Option<bool> Active = new("--active", "-a") { Description = "Only the active block, with its burn rate and projection." };
    private readonly Option<bool> Recent = new("--recent", "-r") { Description = "Blocks of the last 3 days, the active one included." };
    private readonly Option<double?> SessionLength = new("--session-length", "-n") { Description = "Block length in hours (default 5; whole quarter hours, at least 1).", HelpName = "HOURS" };
    private readonly Option<bool> Live = new("--live") { Description = "Live view of the active block, refreshed as transcripts grow (Ctrl+C ends)." };

    // The options are this instance's: one set per command tree (an option remembers every command it is added to,
    // so options kept in static fields would keep every tree a process ever built alive).
    private UsageCommand() { }

    /// <summary>The <c>usage</c> command and its reports, with options of their own.</summary>
    public static Command Create(CliContext context) => new UsageCommand().Build(context);

    private Command Build(CliContext context)
    {
        var usage = new Command("usage", "Token and cost reports from Claude Code's local transcripts (ccusage-compatible JSON and options).");
        foreach (var o in new Option[] { Since, Until, TimeZoneOpt, Breakdown, Project, Csv, NoCache, CostModeOpt, ModeOpt, Plan, Pricing, ByProject, Order, Compact, Last,
            ProjectAliases, SingleThread, Debug, DebugSamples, Offline, NoOffline, ColorOpt, NoColorOpt, ConfigFile }) usage.Options.Add(o);
        var daily = Report(context, "daily", "Usage by day.");
        daily.Options.Add(Instances);
        usage.Subcommands.Add(daily);
        var weekly = Report(context, "weekly", "Usage by week.");
        weekly.Options.Add(StartOfWeek);
        usage.Subcommands.Add(weekly);
        usage.Subcommands.Add(Report(context, "monthly", "Usage by month."));
        var session = Report(context, "session", "Usage by session (subagent and workflow transcripts count in their parent session).");
        session.Options.Add(SessionId);
        usage.Subcommands.Add(session);
        var blocks = Report(context, "blocks", "Usage by 5-hour block, with the active block's burn rate and projection.");
        foreach (var o in new Option[] { TokenLimit, Live, Active, Recent, SessionLength }) blocks.Options.Add(o);
        usage.Subcommands.Add(blocks);
        return usage.WithExamples("seatguard usage daily", "seatguard usage monthly --breakdown", "seatguard usage blocks --live");
    }

    private Command Report(CliContext context, string name, string description)
    {
        var kind = Enum.Parse<UsageReportKind>(name, ignoreCase: true);
        var command = new Command(name, description).Uses(context.Common.ConfigDir);
        command.SetAction(async (parse, ct) =>
        {
            var host = context.Host(parse);
            var (request, pricingFiles) = Parse(context, parse, kind, host);
            var terminal = parse.GetValue(NoColorOpt) ? new Terminal(context.Terminal.Out, context.Terminal.Err, color: false) { Width = context.Terminal.Width } : context.Terminal;
            if (parse.GetValue(ConfigFile) is not null) terminal.Error("seatguard: note: --config (ccusage's config file) is accepted but not read");
            if (kind == UsageReportKind.Blocks && parse.GetValue(Live))
            {
                await UsageLiveView.RunAsync(terminal, host, request, () => context.Services(parse).Now, ct);
                return ExitCodes.Ok;
            }
            bool json = context.Json(parse), csv = parse.GetValue(Csv);
            var view = new UsageView(json, csv, parse.GetValue(Breakdown), parse.GetValue(Compact), Aliases(parse.GetValue(ProjectAliases)));

            // Machine-readable period reports of unchanged transcripts are answered from the output cache. The
            // transcripts are listed once, for the cache key and the load.
            if (json || csv) request = request with { Load = UsageLoader.WithListing(host, request.Load) };
            ulong? outputKey = json || csv ? UsageWorkflow.OutputCacheKey(host, request, parse.Tokens.Select(t => t.Value), pricingFiles) : null;
            var cachePath = ReportOutputCache.CacheFile(host, request.Load);
            if (outputKey is { } hitKey && !parse.GetValue(Debug) && ReportOutputCache.TryGet(cachePath, hitKey) is { } hit)
            {
                terminal.Err.Write(hit.StdErr);
                terminal.Out.Write(hit.StdOut);
                return ExitCodes.Ok;
            }
            var outBuffer = outputKey is null ? null : new StringWriter();
            var errBuffer = outputKey is null ? null : new StringWriter();
            var target = outputKey is null ? terminal : new Terminal(outBuffer!, errBuffer!, color: false) { Width = terminal.Width };

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = UsageWorkflow.Run(host, request);
            UsageTables.ReportDiagnostics(target, outcome);
            if (outcome.Data.FilesFound == 0)
                target.Error("seatguard: no Claude Code transcripts found in " +
                             string.Join(", ", ClaudePaths.TranscriptRoots(host, request.Load.ConfigDir).Select(r => Path.Combine(r, "projects"))) +
                             " (CLAUDE_CONFIG_DIR or --config-dir point elsewhere)");
            if (parse.GetValue(Debug)) UsageTables.ReportPrices(terminal, outcome);
            if (host.Has("SEATGUARD_USAGE_STATS")) UsageTables.ReportStatistics(target, outcome, clock.Elapsed);
            UsageTables.Render(target, outcome, view);

            if (outputKey is { } key)
            {
                // Rendered through the buffer terminal's scrubbing, sanitizing writers: written as they are.
                string stdout = outBuffer!.ToString(), stderr = errBuffer!.ToString();
                terminal.Err.WriteScrubbed(stderr);
                terminal.Out.WriteScrubbed(stdout);
                ReportOutputCache.Store(cachePath, key, stdout, stderr);
            }
            return ExitCodes.Ok;
        });
        return kind switch
        {
            UsageReportKind.Blocks => command.WithExamples("seatguard usage blocks", "seatguard usage blocks --active --json", "seatguard usage blocks --live --token-limit max",
                "seatguard usage blocks --recent --order desc"),
            UsageReportKind.Session => command.WithExamples("seatguard usage session", "seatguard usage session --id 0f112eb4-a676-476d-8986-d6c78693cd5b --json",
                "seatguard usage session --json | jq '.sessions[0]'"),
            UsageReportKind.Daily => command.WithExamples("seatguard usage daily", "seatguard usage daily --since 2026-11-01 --breakdown --order desc",
                "seatguard usage daily --instances --json", "seatguard usage daily --csv --breakdown --last 7"),
            _ => command.WithExamples($"seatguard usage {name}", $"seatguard usage {name} --since 2026-11-01 --breakdown", $"seatguard usage {name} --json | jq .totals"),
        };
    }

    /// <summary>The options, validated into a request (bad values: <see cref="InputException"/>, exit 2).</summary>
    private (UsageRequest Request, IReadOnlyList<string> PricingFiles) Parse(CliContext context, ParseResult parse, UsageReportKind kind, HostContext host)
    {
        var tz = parse.GetValue(TimeZoneOpt) is { } explicitZone ? ParseTimeZone(explicitZone) : ZoneFromEnvironment(host.Get("TZ"));
        var mode = parse.GetValue(CostModeOpt)?.ToLowerInvariant() switch
        {
            "anthropic" => CostMode.Anthropic,
            "ccusage" => CostMode.Ccusage,
            var other => throw new InputException($"--cost-mode must be anthropic or ccusage, not '{other}'"),
        };
        CostSource? source = parse.GetValue(ModeOpt)?.ToLowerInvariant() switch
        {
            null => null,
            "calculate" => CostSource.Calculate,
            "auto" => CostSource.Auto,
            "display" => CostSource.Display,
            var other => throw new InputException($"--mode must be auto, calculate or display, not '{other}'"),
        };
        bool descending = parse.GetValue(Order)?.ToLowerInvariant() switch
        {
            null or "asc" => false,
            "desc" => true,
            var other => throw new InputException($"--order must be asc or desc, not '{other}'"),
        };
        if (parse.GetValue(Last) is { } last && last < 1) throw new InputException($"--last must be a positive number of periods, not {last}");
        if (parse.GetValue(Last) is not null && (parse.GetValue(Since) is not null || parse.GetValue(Until) is not null)) throw new InputException("--last cannot be combined with --since or --until");
        var plan = parse.GetValue(Plan);
        var explicitPricing = parse.GetValue(Pricing) is { } given ? Path.GetFullPath(given, host.WorkingDirectory) : null;
        var pricing = PricingStore.Load(host, explicitPricing);
        if (plan is not null && !pricing.Plans.Any(p => string.Equals(p.Id, plan, StringComparison.OrdinalIgnoreCase)))
            throw new InputException($"--plan must be one of {string.Join(", ", pricing.Plans.Select(p => p.Id))}, not '{plan}'");
        var weekStart = parse.GetValue(StartOfWeek) ?? "sunday";
        if (!Enum.TryParse<DayOfWeek>(weekStart, ignoreCase: true, out var dow) || int.TryParse(weekStart, out _))
            throw new InputException($"--start-of-week must be a day name (sunday … saturday), not '{weekStart}'");
        var blockLength = TimeSpan.FromHours(5);
        if (kind == UsageReportKind.Blocks && parse.GetValue(SessionLength) is { } hours)
        {
            if (!double.IsFinite(hours) || hours < 1 || hours > 24 * 7 || Math.Abs(hours * 4 - Math.Round(hours * 4)) > 1e-9)
                throw new InputException($"--session-length must be hours from 1 to 168 in whole quarter hours (e.g. 5 or 2.5), not {hours.ToString(CultureInfo.InvariantCulture)}");
            blockLength = TimeSpan.FromMinutes(Math.Round(hours * 60));
        }
        var query = new UsageQuery
        {
            Since = DateArgument.Parse(parse.GetValue(Since), "--since"),
            Until = DateArgument.Parse(parse.GetValue(Until), "--until"),
            TimeZone = tz,
            CostMode = mode,
            CostSource = source,
            Pricing = pricing,
            StartOfWeek = dow,
            Now = context.Services(parse).Now,
            BlockLength = blockLength,
            Descending = descending,
            Last = kind is UsageReportKind.Daily or UsageReportKind.Weekly or UsageReportKind.Monthly ? parse.GetValue(Last) : null,
        };
        if (query.Since > query.Until) throw new InputException("--since is after --until");
        var load = new UsageLoadOptions
        {
            ConfigDir = context.ConfigDir(parse),
            UseCache = !parse.GetValue(NoCache),
            ModifiedSince = query.EarliestInstant,
            Project = parse.GetValue(Project),
            Parallelism = parse.GetValue(SingleThread) ? 1 : null,
            Pricing = pricing,
        };
        var request = new UsageRequest(kind, query, load, parse.GetValue(ByProject), plan, kind == UsageReportKind.Blocks ? parse.GetValue(TokenLimit) : null)
        {
            SessionId = kind == UsageReportKind.Session ? parse.GetValue(SessionId) : null,
            Instances = kind == UsageReportKind.Daily && parse.GetValue(Instances),
            ActiveOnly = kind == UsageReportKind.Blocks && parse.GetValue(Active),
            Recent = kind == UsageReportKind.Blocks && parse.GetValue(Recent),
        };
        return (request, PricingStore.Files(host, explicitPricing));
    }

    /// <summary><c>--project-aliases a=Name,b=Other</c>.</summary>
    private static IReadOnlyDictionary<string, string> Aliases(string? text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return map;
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1) throw new InputException($"--project-aliases must be dir=Name pairs separated by commas, not '{pair}'");
            map[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return map;
    }

    /// <summary>
    /// The query <c>usage daily</c> runs with no options: days in $TZ (else the system's zone), the default cost mode,
    /// the embedded prices under the user's pricing.json. <c>sync</c> counts with exactly this.
    /// </summary>
    internal static UsageQuery DefaultQuery(HostContext host, DateTimeOffset now) => new()
    {
        TimeZone = ZoneFromEnvironment(host.Get("TZ")),
        CostMode = CostMode.Anthropic,
        Pricing = PricingStore.Load(host),
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
