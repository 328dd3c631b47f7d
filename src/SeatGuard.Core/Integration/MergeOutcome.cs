using System.Text.Json.Nodes;

namespace SeatGuard.Core.Integration;

/// <summary>What a merge did (or would do): one line per change, and what it refused to touch.</summary>
public sealed record MergeOutcome(IReadOnlyList<string> Changes, IReadOnlyList<string> Notices)
{
    /// <summary>Whether the settings changed.</summary>
    public bool Changed => Changes.Count > 0;
}
