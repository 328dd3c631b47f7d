using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>One SARIF result: a finding.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="RuleIndex">The rule's index in the driver's rules.</param>
/// <param name="Level">error, warning or note.</param>
/// <param name="Message">What was found and how to fix it.</param>
/// <param name="Locations">Where.</param>
/// <param name="PartialFingerprints">The stable fingerprint under <c>seatguard/v1</c>.</param>
/// <param name="Properties">The tier and commit.</param>
public sealed record SarifResult(string RuleId, int RuleIndex, string Level, SarifText Message, IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints, SarifResultProperties Properties);
