using System.Globalization;
using SeatGuard.TestKit;

// Transcript-corpus generator for bench/usage.sh:
//   dotnet run --project bench/SeatGuard.Bench -c Release -- corpus <config-dir> [--mb 1024] [--seed 1] [--everything] [--many-files]
// Writes <config-dir>/projects/… with big tool results, resumed sessions, streamed duplicates, sidechains, subagent
// files, >200k requests, 1-hour cache writes and broken lines (and with --everything the shapes ccusage mishandles).
// Tool output is written twice per user line, in message.content and toolUseResult, as Claude Code does;
// --single-tool-results writes it once (a corpus with twice the share of assistant lines). --many-files: shorter sessions
// with smaller tool results over 20 projects, one main model per session and turns in bursts — thousands of files and
// about 460k lines per GB, the shape of issue 15's history.
if (args.Length == 2 && args[0] == "profile") return Profile.Run(args[1]);
// Precision and recall per tier of `seatguard scan` on the labelled corpora (bench/scan-corpus.sh).
if (args.Length >= 1 && args[0] == "scan-corpus")
{
    foreach (var name in args.Length > 1 ? args[1..] : ScanCorpus.Names) Console.WriteLine(ScanCorpus.Measure(name).Table());
    return 0;
}
if (args.Length == 2 && args[0] == "load") return Profile.Load(args[1]);
if (args.Length < 2 || args[0] != "corpus")
{
    Console.Error.WriteLine("usage: SeatGuard.Bench corpus <config-dir> [--mb N] [--seed N] [--everything] [--single-tool-results] [--many-files]\n       SeatGuard.Bench scan-corpus [research|heldout …]");
    return 2;
}
string dir = args[1];
long mb = 1024;
int seed = 1;
bool everything = false;
bool single = false;
bool many = false;
for (int i = 2; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--mb": mb = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--everything": everything = true; break;
        case "--single-tool-results": single = true; break;
        case "--many-files": many = true; break;
        default: Console.Error.WriteLine("unknown option " + args[i]); return 2;
    }
}
var options = (everything ? CorpusOptions.Everything : CorpusOptions.CcusageCompatible) with
{
    Seed = seed,
    TargetBytes = mb * 1024 * 1024,
    Projects = 12,
    TurnsPerSession = 120,
    ToolResultBytes = 6000,
    Days = 120,
    ToolUseResultCopies = !single,
    // A real history's files keep the time they were last written (what lets a status line skip old ones).
    FileTimesFromLines = true,
};
if (many) options = options with { Projects = 20, TurnsPerSession = 60, ToolResultBytes = 1100, RealisticPacing = true };
var stats = TranscriptCorpus.Generate(dir, options);
Console.WriteLine($"{stats.Files} files, {stats.Bytes / 1048576.0:0.0} MB, {stats.AssistantLines} assistant lines, {stats.BrokenLines} broken lines in {dir}");
return 0;
