using SeatGuard.Core.Common;

namespace SeatGuard.Core.Team;

/// <summary>
/// Something in the team's use of its seats that needs a person's attention: <c>pooled-seat</c> (one subscription
/// credential used by several people, or on more machines than one person plausibly has), <c>someone-elses-seat</c>
/// (a person's runs on another person's subscription), <c>subscription-for-others</c> (subscription launches whose
/// work was for someone else).
/// </summary>
public sealed record TeamFinding(
    string Id,
    Tier Tier,
    string? Fingerprint,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Machines,
    int Launches,
    string Message);
