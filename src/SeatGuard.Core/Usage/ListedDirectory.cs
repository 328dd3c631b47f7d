using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary>
/// A directory below a project as <see cref="ListingMemo"/> remembers it: its stamp when it was listed, the
/// <c>*.jsonl</c> names in it that are not directories, and its subdirectories (each remembered too, or null: listed
/// afresh next time). Immutable: a run that lists anything again builds new nodes.
/// </summary>
public sealed class ListedDirectory
{
    /// <summary>The directory's stamp when it was listed.</summary>
    public required DirectoryStamp Stamp { get; init; }
    /// <summary>Names of the <c>*.jsonl</c> entries that are not directories.</summary>
    public required string[] Files { get; init; }
    /// <summary>Names of the subdirectories.</summary>
    public required string[] Directories { get; init; }
    /// <summary>Per entry of <see cref="Directories"/>: what is remembered of it, or null.</summary>
    public required ListedDirectory?[] Children { get; init; }
}
