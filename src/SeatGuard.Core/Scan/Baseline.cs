using System.Text.Json;

namespace SeatGuard.Core.Scan;

/// <summary>
/// Known findings to ignore, by fingerprint. The file is JSON: <c>{"version":1,"findings":[{"fingerprint",…}]}</c>;
/// a saved <c>seatguard scan --json</c> report works as a baseline too.
/// </summary>
public sealed class Baseline
{
    public IReadOnlySet<string> Fingerprints { get; }

    private Baseline(IReadOnlySet<string> fingerprints) => Fingerprints = fingerprints;

    public bool Contains(Finding f) => Fingerprints.Contains(f.Fingerprint);

    public static Baseline Load(string path)
    {
        if (!File.Exists(path)) throw new ScanInputException($"baseline file not found: {path}");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
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

    public static void Write(string path, IEnumerable<Finding> findings)
    {
        var file = new BaselineFile(1, findings.Select(f => new BaselineEntry(f.Fingerprint, f.Rule, f.Path, f.Commit)).DistinctBy(e => e.Fingerprint).ToList());
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, JsonSerializer.Serialize(file, ScanJson.Readable.BaselineFile) + "\n");
    }
}

public sealed record BaselineEntry(string Fingerprint, string Rule, string Path, string? Commit);

public sealed record BaselineFile(int Version, IReadOnlyList<BaselineEntry> Findings);
