using System.Text.Json.Serialization;

namespace SeatGuard.Core.Ledger;

/// <summary>The <c>seatguard ledger --json</c> document.</summary>
public sealed record LedgerListing(string Path, IReadOnlyList<LedgerEntry> Launches);
