using SeatGuard.Core.Common;

namespace SeatGuard.Core.Policy;

/// <summary>One tier of the book: its title, the credential it calls for, what it means.</summary>
public sealed record PolicyTier(Tier Id, string Title, Recommendation Credential, string Summary);
