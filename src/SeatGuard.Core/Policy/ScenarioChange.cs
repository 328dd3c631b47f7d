namespace SeatGuard.Core.Policy;

/// <summary>A scenario whose verdict moved: tier and recommended credential before and after.</summary>
public sealed record ScenarioChange(string Id, string Title, Common.Tier FromTier, Common.Tier ToTier, Recommendation FromCredential, Recommendation ToCredential);
