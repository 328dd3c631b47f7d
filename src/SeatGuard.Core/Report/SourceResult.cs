using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>
/// What a source gave: its data, or why there is none (<see cref="Missing"/>) and what the user can do
/// about it (<see cref="HowToGet"/>). Exactly one of <see cref="Data"/> and <see cref="Missing"/> is set.
/// </summary>
public sealed record SourceResult<T>(T? Data, string? Missing, string? HowToGet) where T : class
{
    /// <summary>Data was found.</summary>
    public static SourceResult<T> Found(T data) => new(data, null, null);
    /// <summary>No data: what is missing and how to get it.</summary>
    public static SourceResult<T> None(string missing, string howToGet) => new(null, missing, howToGet);
}
