using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>One launch from the ledger, reduced to what the report shows (never a credential).</summary>
public sealed record LaunchRecord(DateTimeOffset Time, string Beneficiary, string Owner, Billing Verdict, string Mode, string CredentialKind, string Command, double? CostUsd, bool Forced);
