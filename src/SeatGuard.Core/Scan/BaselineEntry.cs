using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;
using System.Text.Json;

namespace SeatGuard.Core.Scan;

public sealed record BaselineEntry(string Fingerprint, string Rule, string Path, string? Commit);
