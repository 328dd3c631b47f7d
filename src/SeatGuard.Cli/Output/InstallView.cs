using SeatGuard.Core.Install;

namespace SeatGuard.Cli.Output;

/// <summary>Human output of <c>seatguard install|uninstall</c>: what is where now, and what to do next.</summary>
public static class InstallView
{
    public static void Render(Terminal terminal, InstallResult result)
    {
        string would = result.DryRun ? "would be " : "";
        if (result.Action == "install")
        {
            terminal.Out.WriteLine(result.Changed
                ? $"seatguard {result.Version ?? ""} {would}installed: {result.Command} -> {result.Directory}".Replace("  ", " ", StringComparison.Ordinal)
                : $"seatguard {result.Version ?? ""} is installed: {result.Command} -> {result.Directory}".Replace("  ", " ", StringComparison.Ordinal));
        }
        else
        {
            terminal.Out.WriteLine(result.Changed
                ? $"seatguard {would}uninstalled: {result.Command} and {result.Directory} {(result.DryRun ? "would be" : "were")} removed"
                : $"nothing to uninstall under {result.Prefix}");
        }
        foreach (var notice in result.Notices) terminal.Error("seatguard: " + notice);
        if (result.Action == "install" && !result.DryRun && result.OnPath)
            terminal.Error("seatguard: next: seatguard hooks install   # the billing source in Claude Code's status line");
    }
}
