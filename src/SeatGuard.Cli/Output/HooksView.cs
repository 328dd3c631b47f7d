using SeatGuard.Core.Integration;

namespace SeatGuard.Cli.Output;

/// <summary>Human output of <c>seatguard hooks install|uninstall</c>: what changed, where the backup is (on stderr; a dry run prints the settings on stdout).</summary>
public static class HooksView
{
    public static void Render(Terminal terminal, HooksResult result)
    {
        if (result.DryRun)
        {
            terminal.Out.Write(TerminalText.Safe(result.Settings));
            terminal.Error($"seatguard: dry run, {result.File} not written.");
        }
        string verb = result.DryRun ? "would change" : "changed";
        terminal.Error(result.Changed
            ? $"seatguard: {verb} {result.File}: {string.Join(", ", result.Changes)}."
            : $"seatguard: {result.File} already {(result.Action == "install" ? "has SeatGuard's entries" : "has no SeatGuard entries")}; nothing to change.");
        if (result.Backup is not null) terminal.Error($"seatguard: previous file saved as {result.Backup}");
        foreach (var notice in result.Notices) terminal.Error("seatguard: " + notice);
        if (!result.DryRun && result.Changed && result.Action == "install")
            terminal.Error("seatguard: start a new Claude Code session to see the status line and the session-start check.");
    }
}
