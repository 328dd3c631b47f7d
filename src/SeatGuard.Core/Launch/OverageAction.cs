namespace SeatGuard.Core.Launch;

/// <summary>What <c>--on-overage</c> does when Claude Code's events show the usage-credit pool in use or a window rejected.</summary>
public enum OverageAction
{
    /// <summary>Interrupt Claude Code (then terminate it after a grace period), record, exit 3. The default in subscription mode.</summary>
    Stop,
    /// <summary>Say so on stderr, record, let the run continue.</summary>
    Warn,
    /// <summary>Record only.</summary>
    Allow,
}

/// <summary>The option spellings of <see cref="OverageAction"/>.</summary>
public static class OverageActions
{
    /// <summary>The option values, in enum order.</summary>
    public static readonly string[] Names = ["stop", "warn", "allow"];

    /// <summary>The option value.</summary>
    public static string Name(this OverageAction a) => Names[(int)a];

    /// <summary>Reads an option value (case ignored).</summary>
    public static bool TryParse(string? text, out OverageAction action)
    {
        int i = Array.IndexOf(Names, text?.Trim().ToLowerInvariant());
        action = i < 0 ? OverageAction.Stop : (OverageAction)i;
        return i >= 0;
    }
}
