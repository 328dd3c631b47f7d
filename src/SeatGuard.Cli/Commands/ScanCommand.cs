using System.CommandLine;
using System.Reflection;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Scan;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard scan [PATH…]</c>: audit files (and with --history the git history) for what puts a seat at risk.</summary>
public static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or directories to scan (default: --dir or the current directory).", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "Output format: table, json or sarif (SARIF 2.1.0 for GitHub code scanning).", DefaultValueFactory = _ => "table", HelpName = "table|json|sarif" };
        format.AcceptOnlyFromAmong("table", "json", "sarif");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding at or above this tier remains: red, gray or any.", DefaultValueFactory = _ => "red", HelpName = "red|gray|any" };
        failOn.AcceptOnlyFromAmong("red", "gray", "any");
        var history = new Option<bool>("--history") { Description = "Also scan the lines every commit added (git log -p, all refs); findings name the commit." };
        var baseline = new Option<string?>("--baseline") { Description = "Ignore findings whose fingerprints this file lists (a baseline or a saved --json report).", HelpName = "FILE" }.FilePath();
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write every current finding's fingerprint to FILE, then report only what is new.", HelpName = "FILE" }.FilePath();
        var rules = new Option<string?>("--rules") { Description = "A YAML rules file that adds rules or disables built-in ones (see docs/scan.md).", HelpName = "FILE" }.FilePath();
        var maxSize = new Option<long>("--max-filesize") { Description = "Skip files larger than this many bytes.", DefaultValueFactory = _ => 10 * 1024 * 1024, HelpName = "BYTES" }.AtLeast(1);
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" }.AtLeast(1);
        var listRules = new Option<bool>("--list-rules") { Description = "Print the rules (after --rules) and exit." };
        var verbose = new Option<bool>("--verbose") { Description = "List every file not read and why (too large, binary, unreadable, not a regular file); --json adds skippedFiles." };
        var staged = new Option<bool>("--staged") { Description = "Scan only what is staged in git (the index version of added, copied, modified and renamed files): the pre-commit hook." };
        var minConfidence = new Option<string>("--min-confidence") { Description = "Report findings of at least this confidence: low (default; matches in comments, tests, docs, examples and other scanners' rules are listed apart) or high.", DefaultValueFactory = _ => "low", HelpName = "low|high" };
        minConfidence.AcceptOnlyFromAmong("low", "high");

        var command = new Command("scan", "Audit a repository (and with --history its git history) for what puts a subscription seat at risk.\n" +
                                          "Exit 1 when a high-confidence finding at or above --fail-on remains (low-confidence ones, in comments, tests, docs,\n" +
                                          "examples or other scanners' rules, are listed apart and never fail); a line containing 'seatguard:allow' is skipped; .gitignore is respected.")
        {
            paths, format, failOn, history, staged, baseline, writeBaseline, rules, maxSize, threads, listRules, minConfidence, verbose,
        };
        command.Uses(context.Common.Dir);
        command.SetAction(parse =>
        {
            var services = context.Services(parse);
            var host = services.Host;
            {
                var book = RuleBook.Load(Resolve(parse.GetValue(rules), host));
                var scanner = new Scanner(book, services.Commands, host.Get("PATH"), host);
                bool json = context.Json(parse);
                string fmt = json ? "json" : parse.GetValue(format) ?? "table";
                if (parse.GetValue(listRules)) return ListRules(context, scanner, json);

                var targets = parse.GetValue(paths) is { Length: > 0 } given ? given.Select(p => Resolve(p, host)!).ToArray() : [host.WorkingDirectory];
                var options = new ScanOptions
                {
                    Paths = targets,
                    History = parse.GetValue(history),
                    Staged = parse.GetValue(staged),
                    BaselinePath = Resolve(parse.GetValue(baseline), host),
                    MaxFileBytes = Math.Clamp(parse.GetValue(maxSize), 1, 1L << 30),
                    Threads = Math.Clamp(parse.GetValue(threads), 1, 64),
                    RelativeTo = host.WorkingDirectory,
                    ListSkipped = parse.GetValue(verbose),
                };
                if (options.History && options.Staged) throw new ScanInputException("--staged and --history cannot be combined: --staged scans the next commit, --history every past one");
                var writeTo = Resolve(parse.GetValue(writeBaseline), host);
                ScanReport report;
                if (writeTo is not null)
                {
                    var all = scanner.Scan(options with { BaselinePath = null });
                    Baseline.Write(writeTo, all.Findings);
                    context.Terminal.Error($"seatguard: wrote {all.Findings.Count} finding(s) to the baseline {writeTo}");
                    report = Scanner.ApplyBaseline(all, Baseline.Load(writeTo));
                    if (options.BaselinePath is not null) report = Scanner.ApplyBaseline(report, Baseline.Load(options.BaselinePath));
                }
                else
                {
                    report = scanner.Scan(options);
                }

                if (parse.GetValue(minConfidence) == "high") report = report with { Findings = report.Findings.Where(f => f.IsHighConfidence).ToList() };
                switch (fmt)
                {
                    case "json":
                        context.WriteJson(report, ScanJson.Default.ScanReport);
                        break;
                    case "sarif":
                        context.WriteJson(SarifWriter.Build(report, scanner.Rules, Version()), ScanJson.Default.SarifLog);
                        break;
                    default:
                        ScanTable.Write(context.Terminal.Console_, report);
                        break;
                }
                // What the scan could not do goes to stderr in every format (a note never changes the exit code).
                foreach (var note in report.Notes) context.Terminal.Error("seatguard: note: " + note);
                var failTier = parse.GetValue(failOn) switch { "gray" => Tier.Gray, "any" => Tier.Green, _ => Tier.Red };
                return Scanner.Fails(report, failTier) ? ExitCodes.CheckFailed : ExitCodes.Ok;
            }
        });
        return command.WithExamples(
            "seatguard scan .",
            "seatguard scan . --history --format sarif > seatguard.sarif",
            "seatguard scan . --verbose   # also list the files not read (too large, binary, unreadable) and why",
            "seatguard scan --write-baseline .seatguard-baseline.json .   # accept what is there today, report only what is new",
            "seatguard scan --staged                 # pre-commit: only what the next commit contains",
            "seatguard scan --min-confidence high --format sarif > seatguard.sarif");
    }

    private static string? Resolve(string? path, HostContext host) =>
        string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path, host.WorkingDirectory);

    private static int ListRules(CliContext context, Scanner scanner, bool json)
    {
        if (json)
        {
            var log = SarifWriter.Build(new ScanReport([], new ScanStats(0, 0, 0, 0, 0, 0)), scanner.Rules, Version());
            context.WriteJson(log, ScanJson.Default.SarifLog);
            return ExitCodes.Ok;
        }
        ScanTable.WriteRules(context.Terminal.Out, scanner.Rules, scanner.Prefilter.Keywords);
        return ExitCodes.Ok;
    }

    private static string Version() =>
        typeof(ScanCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
