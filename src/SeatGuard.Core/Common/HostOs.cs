namespace SeatGuard.Core.Common;

/// <summary>The operating system SeatGuard runs on, as far as Claude Code's file locations differ.</summary>
public enum HostOs
{
    /// <summary>Linux (and other Unix systems).</summary>
    Linux,

    /// <summary>macOS: credentials may be in the keychain.</summary>
    MacOS,

    /// <summary>Windows.</summary>
    Windows,
}
