using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;
using System.Text.Json;

namespace SeatGuard.Core.Scan;

/// <summary>One accepted finding in a baseline file.</summary>
/// <param name="Fingerprint">The finding's stable fingerprint.</param>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Path">Where it was found.</param>
/// <param name="Commit">The commit it was found in (history scans), or null.</param>
public sealed record BaselineEntry(string Fingerprint, string Rule, string Path, string? Commit);
