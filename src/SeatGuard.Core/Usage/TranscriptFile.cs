using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>A transcript file found on disk, with what the cache compares.</summary>
public sealed record TranscriptFile(TranscriptSource Source, long Size, DateTime LastWriteUtc);
