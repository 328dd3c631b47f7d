using System.Text.RegularExpressions;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Credentials;

/// <summary>A billing variable set in a shell startup file. Holds the location, never the value.</summary>
public sealed record ShellExport(string Path, int Line, string Variable);
