namespace SeatGuard.Core.Common.Files;

/// <summary>
/// What changes when a directory's entries change: its identity (device, inode) and its modification and change times
/// in nanoseconds. Creating, removing or renaming an entry sets both times; replacing the directory changes its inode.
/// </summary>
public readonly record struct DirectoryStamp(ulong Device, ulong Inode, long ModifiedNs, long ChangedNs);
