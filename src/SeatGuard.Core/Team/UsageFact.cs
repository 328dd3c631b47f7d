namespace SeatGuard.Core.Team;

/// <summary>
/// One machine's usage of one day, model, project and billing source, counted and priced exactly as
/// <c>seatguard usage daily</c> counts and prices it (default cost mode). <see cref="UnpricedEntries"/> are
/// responses of a model without a price: their tokens count, their cost is unknown (not in <see cref="CostUsd"/>).
/// </summary>
public sealed record UsageFact(
    DateOnly Day,
    string Model,
    string Project,
    string BillingSource,
    long InputTokens,
    long OutputTokens,
    long CacheCreationTokens,
    long CacheReadTokens,
    long TotalTokens,
    double CostUsd,
    int Entries,
    int UnpricedEntries);
