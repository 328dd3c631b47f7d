using SeatGuard.Core.Common;

namespace SeatGuard.Core.Scan;

/// <summary>Bad input to a scan (missing path, bad rules or baseline file): the CLI maps it to exit 2.</summary>
public sealed class ScanInputException(string message) : InputException(message);
