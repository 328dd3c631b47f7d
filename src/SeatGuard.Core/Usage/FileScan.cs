using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SeatGuard.Core.Usage;

/// <summary>What one pass over a transcript file produced.</summary>
/// <param name="Entries">Usage entries in file order.</param>
/// <param name="MalformedLines">Lines that are not valid JSON objects (complete lines only).</param>
/// <param name="EndOffset">Byte offset just after the last complete line: where an incremental read resumes.</param>
/// <param name="TailMalformed">The file ends in an unterminated line that is not valid JSON (perhaps still being written).</param>
public sealed record FileScan(List<UsageEntry> Entries, int MalformedLines, long EndOffset, bool TailMalformed);
