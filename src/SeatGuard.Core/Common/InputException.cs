namespace SeatGuard.Core.Common;

/// <summary>
/// Bad input from the user or from a file they pointed at (a missing path, a malformed rules file, a bad
/// option value). The message is one line a user understands; the CLI prints it and exits 2. Capabilities
/// derive their own input exceptions from it, so one mapping in the CLI covers all of them.
/// </summary>
public class InputException(string message, Exception? inner = null) : Exception(message, inner);
