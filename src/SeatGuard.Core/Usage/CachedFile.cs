using Microsoft.Data.Sqlite;

namespace SeatGuard.Core.Usage;

/// <summary>What the cache remembers about one transcript file.</summary>
internal sealed record CachedFile(long Size, long MtimeTicks, long Offset, int Malformed, bool TailMalformed);
