using SeatGuard.Core.Common;

namespace SeatGuard.Core.Policy;

/// <summary>
/// One question of the framework. <see cref="Concern"/> is the answer ("yes" or "no") that raises a
/// concern; such an answer leads to <see cref="Tier"/> and <see cref="Credential"/>.
/// </summary>
public sealed record PolicyQuestion(
    string Id, string Text, string Why, string Concern, Tier Tier, Recommendation Credential,
    string IfYes, string IfNo, IReadOnlyList<string> Sources)
{
    /// <summary>Whether this answer raises the question's concern.</summary>
    public bool RaisesConcern(bool answer) => answer == (Concern == "yes");

    /// <summary>What this answer means for the use.</summary>
    public string Implication(bool answer) => answer ? IfYes : IfNo;
}
