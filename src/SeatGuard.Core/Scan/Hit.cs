using SeatGuard.Core.Common;
using System.Text.RegularExpressions;

namespace SeatGuard.Core.Scan;

/// <summary>A raw match: where in the text, which rule, and the secret (unredacted, never printed) if any.</summary>
internal readonly record struct Hit(ScanRule Rule, int Offset, int Length, string? Secret);
