using Microsoft.Data.Sqlite;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Ledger;

/// <summary>The ledger database could not be used (broken file, locked, unwritable).</summary>
public sealed class LedgerException(string message, Exception? inner = null) : Exception(message, inner);
