using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>Tokens and API-equivalent cost one model used on one day. Cost is null when the model's price is unknown.</summary>
public sealed record DailyModelUsage(DateOnly Date, string Model, long Tokens, decimal? Cost);
