using SeatGuard.Core.Common;
using System.Text.RegularExpressions;

namespace SeatGuard.Core.Scan;

/// <summary>One text to run detectors on: a file's content, or the added lines of one file in one commit.</summary>
internal sealed class ScanUnit(string path, string text, Func<int>? humanContributors = null, bool wholeFile = true, Func<Regex, bool>? packageHas = null)
{
    public string Path { get; } = path;
    public string Text { get; } = text;
    /// <summary>Structured detectors (workflow, settings) need the whole file; history hunks are not.</summary>
    public bool WholeFile { get; } = wholeFile;
    /// <summary>Human contributors of the repository holding the file, or -1 when unknown (not a git repository, or a file it does not track).</summary>
    public int HumanContributors() => humanContributors?.Invoke() ?? -1;
    /// <summary>True when some other file of the same package matches (package-scope <c>requires</c>/<c>unless</c>); false when unknown.</summary>
    public bool PackageHas(Regex regex) => packageHas?.Invoke(regex) ?? false;
}
