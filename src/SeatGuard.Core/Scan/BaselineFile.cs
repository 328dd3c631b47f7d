using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;
using System.Text.Json;

namespace SeatGuard.Core.Scan;

/// <summary>A baseline file.</summary>
/// <param name="Version">The file format's version.</param>
/// <param name="Findings">The accepted findings.</param>
public sealed record BaselineFile(int Version, IReadOnlyList<BaselineEntry> Findings);
