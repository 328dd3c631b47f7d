using SeatGuard.Core.Common;

namespace SeatGuard.Core.Policy;

/// <summary>A named scenario. <see cref="Answers"/> are the five answers it gives, in framework order.</summary>
public sealed record PolicyScenario(
    string Id, string Title, Tier Tier, Recommendation Credential, IReadOnlyList<string> Answers,
    string Why, IReadOnlyList<string> Sources);
