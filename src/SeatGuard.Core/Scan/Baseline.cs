using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;
using System.Text.Json;

namespace SeatGuard.Core.Scan;

/// <summary>
/// Known findings to ignore, by fingerprint. The file is JSON: <c>{"version":1,"findings":[{"fingerprint",…}]}</c>;
/// a saved <c>seatguard scan --json</c> report works as a baseline too.
/// </summary>
public sealed class Baseline
{
    /// <summary>The fingerprints of the accepted findings.</summary>
    public IReadOnlySet<string> Fingerprints { get; }

    private Baseline(IReadOnlySet<string> fingerprints) => Fingerprints = fingerprints;

    /// <summary>Whether the finding is accepted by this baseline.</summary>
    public bool Contains(ScanFinding f) => Fingerprints.Contains(f.Fingerprint);

    /// <summary>Reads a baseline file, or a saved <c>--json</c> report, and takes its fingerprints.</summary>
    public static Baseline Load(string path)
    {
        var bytes = UserFiles.ReadBytes(path, "baseline file", m => new ScanInputException(m));
        try
        {
            using var doc = JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw new ScanInputException($"{path}: not a baseline (expected an object with a \"findings\" array)");
            var set = new HashSet<string>(StringComparer.Ordinal);
            int i = 0;
            foreach (var f in findings.EnumerateArray())
            {
                if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("fingerprint", out var fp) || fp.ValueKind != JsonValueKind.String)
                    throw new ScanInputException($"{path}: findings[{i}] has no \"fingerprint\" string");
                set.Add(fp.GetString()!);
                i++;
            }
            return new Baseline(set);
        }
        catch (JsonException ex)
        {
            throw new ScanInputException($"{path}:{(ex.LineNumber ?? 0) + 1}: not valid JSON: {ex.Message.Split(". ")[0]}");
        }
    }

    /// <summary>Writes the findings' fingerprints (with rule, path and commit for people) as a baseline file.</summary>
    public static void Write(string path, IEnumerable<ScanFinding> findings)
    {
        var file = new BaselineFile(1, findings.Select(f => new BaselineEntry(f.Fingerprint, f.Rule, f.Path, f.Commit)).DistinctBy(e => e.Fingerprint).ToList());
        AtomicFile.WriteAllBytes(path, JsonText.ToUtf8(file, ScanJson.Default.BaselineFile));
    }
}
