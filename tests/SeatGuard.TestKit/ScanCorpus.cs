using System.Globalization;
using System.Reflection;
using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Scan;

namespace SeatGuard.TestKit;

/// <summary>
/// The labelled scan corpora (embedded <c>ScanCorpus/*.corpus</c>): files with the tier a correct scan
/// reports for each (red, gray, green or none), one mini-repository per top-level directory. <see cref="Measure"/>
/// writes a corpus to a directory (token markers replaced by run-time fakes), scans it and compares each
/// file's highest high-confidence tier with its label: precision and recall per tier.
/// </summary>
public static class ScanCorpus
{
    public sealed record Entry(string Path, string Tier, string Family, string Why, string Text);

    public sealed record TierScore(string Tier, int Labeled, int Reported, int Correct)
    {
        public double Precision => Reported == 0 ? 1 : (double)Correct / Reported;
        public double Recall => Labeled == 0 ? 1 : (double)Correct / Labeled;
    }

    public sealed record Outcome(string Path, string Label, string Reported, string Family, IReadOnlyList<string> Rules);

    public sealed record Result(string Name, IReadOnlyList<TierScore> Tiers, IReadOnlyList<Outcome> Files, double Seconds)
    {
        public IEnumerable<Outcome> Mismatches => Files.Where(f => f.Label != f.Reported);

        public TierScore Of(string tier) => Tiers.Single(t => t.Tier == tier);

        public string Table()
        {
            var sb = new StringBuilder();
            sb.AppendLine(CultureInfo.InvariantCulture, $"corpus {Name}: {Files.Count} files, scanned in {Seconds:0.000} s");
            sb.AppendLine("| tier | labelled | reported | correct | precision | recall |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var t in Tiers)
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {t.Tier} | {t.Labeled} | {t.Reported} | {t.Correct} | {t.Precision:0.00} | {t.Recall:0.00} |");
            foreach (var m in Mismatches)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  mismatch {m.Path}: labelled {m.Label}, reported {m.Reported} ({string.Join(", ", m.Rules)}) [{m.Family}]");
            return sb.ToString();
        }
    }

    public static readonly string[] Names = ["research", "heldout"];
    public static readonly string[] ScoredTiers = ["red", "gray", "green", "none"];

    public static IReadOnlyList<Entry> Load(string name)
    {
        using var stream = typeof(ScanCorpus).Assembly.GetManifestResourceStream($"ScanCorpus.{name}.corpus")
                           ?? throw new InvalidOperationException($"no embedded corpus '{name}'");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<Entry> Parse(string bundle)
    {
        var entries = new List<Entry>();
        string[]? header = null;
        var text = new StringBuilder();
        void Flush()
        {
            if (header is not null) entries.Add(new Entry(header[0], header[1], header[2], header[3], text.ToString()));
            text.Clear();
        }
        foreach (var line in bundle.Split('\n'))
        {
            if (line.StartsWith("=== FILE: ", StringComparison.Ordinal))
            {
                Flush();
                var h = line["=== FILE: ".Length..];
                if (h.EndsWith(" ===", StringComparison.Ordinal)) h = h[..^" ===".Length];
                header = h.Split(" | ", 4);
                if (header.Length != 4 || !ScoredTiers.Contains(header[1])) throw new FormatException("bad corpus header: " + line);
                continue;
            }
            if (header is null) continue; // the preamble
            text.Append(line).Append('\n');
        }
        Flush();
        // The last line of each file gained one newline too many from the split.
        return entries.Select(e => e with { Text = e.Text.EndsWith("\n\n", StringComparison.Ordinal) ? e.Text[..^1] : e.Text }).ToList();
    }

    /// <summary>Writes the entries under <paramref name="root"/>, replacing FAKE_TOKEN_OAT/ORT/API markers with fresh fakes.</summary>
    public static void Materialise(IEnumerable<Entry> entries, string root)
    {
        foreach (var e in entries)
        {
            var full = Path.Combine(root, e.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var text = e.Text;
            foreach (var (marker, make) in new (string, Func<string>)[] { ("FAKE_TOKEN_OAT", () => FakeTokens.OAuthPrefix + FakeTokens.Body(93) + "AA"), ("FAKE_TOKEN_ORT", () => FakeTokens.RefreshPrefix + FakeTokens.Body(93) + "AA"), ("FAKE_TOKEN_API", FakeTokens.ApiKey) })
            {
                int at;
                while ((at = text.IndexOf(marker, StringComparison.Ordinal)) >= 0) text = text[..at] + make() + text[(at + marker.Length)..];
            }
            File.WriteAllText(full, text);
        }
    }

    /// <summary>Scans the named corpus in a fresh directory and scores it per tier.</summary>
    public static Result Measure(string name, RuleBook? rules = null)
    {
        var entries = Load(name);
        var root = Path.Combine(Path.GetTempPath(), "seatguard-corpus-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Materialise(entries, root);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var report = TestScanner.Create(rules ?? RuleBook.Load()).Scan(new ScanOptions { Paths = [root], RelativeTo = root, Threads = 2 });
            double seconds = clock.Elapsed.TotalSeconds;
            var byPath = report.Findings.Where(f => f.IsHighConfidence).GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.ToList());
            var outcomes = entries.Select(e =>
            {
                var found = byPath.GetValueOrDefault(e.Path) ?? [];
                var top = found.Count == 0 ? "none" : Tiers.Name(found.Max(f => f.Tier));
                return new Outcome(e.Path, e.Tier, top, e.Family, found.Select(f => f.Rule).Distinct().Order().ToList());
            }).ToList();
            var tiers = ScoredTiers.Select(t => new TierScore(t, outcomes.Count(o => o.Label == t), outcomes.Count(o => o.Reported == t), outcomes.Count(o => o.Label == t && o.Reported == t))).ToList();
            return new Result(name, tiers, outcomes, seconds);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
