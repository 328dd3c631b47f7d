namespace SeatGuard.Core.Scan;

/// <summary>One file (or directory) the scan did not read, and why: <c>too large</c>, <c>binary</c>, <c>unreadable: …</c>, <c>not a regular file: …</c>.</summary>
public sealed record SkippedFile(string Path, string Reason);
