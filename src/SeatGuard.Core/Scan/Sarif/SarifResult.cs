using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

public sealed record SarifResult(string RuleId, int RuleIndex, string Level, SarifText Message, IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints, SarifResultProperties Properties);
