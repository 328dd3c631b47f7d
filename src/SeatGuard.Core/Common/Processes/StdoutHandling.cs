namespace SeatGuard.Core.Common.Processes;

/// <summary>What happens to a launched program's stdout.</summary>
public enum StdoutHandling
{
    /// <summary>The program writes to SeatGuard's stdout itself.</summary>
    Inherit,
    /// <summary>Copied to SeatGuard's stdout byte for byte as it arrives, and handed to the observer line by line.</summary>
    PassThrough,
    /// <summary>Handed to the observer only; SeatGuard writes what stands in for it.</summary>
    Observe,
}
