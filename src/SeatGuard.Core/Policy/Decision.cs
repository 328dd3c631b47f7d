using System.Text.Json.Serialization;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Policy;

/// <summary>
/// The verdict of <c>seatguard decide</c>. <see cref="DecidedBy"/> is a question id (<c>q1</c>…<c>q5</c>)
/// or <c>scenario:&lt;id&gt;</c>; <see cref="Answers"/> maps question ids to "yes"/"no" (empty when a
/// scenario without answers decided); <see cref="Matches"/> lists the scenarios a manifest matched.
/// <see cref="Sources"/> are the addresses; <see cref="SourceDetails"/> the same sources with title and read date.
/// </summary>
public sealed record Decision(
    Tier Tier,
    Recommendation Credential,
    string DecidedBy,
    string Reason,
    IReadOnlyList<string> Sources,
    string Rule,
    IReadOnlyDictionary<string, string> Answers,
    string? Scenario,
    IReadOnlyList<string> Matches,
    string PolicyVersion,
    IReadOnlyList<PolicySource> SourceDetails)
{
    /// <summary>Whether the use is in the red tier.</summary>
    [JsonIgnore]
    public bool IsRed => Tier == Tier.Red;
}
