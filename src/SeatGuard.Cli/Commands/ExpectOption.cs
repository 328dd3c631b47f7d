using System.CommandLine;

namespace SeatGuard.Cli.Commands;

/// <summary><c>--expect subscription|api-key|…</c>: exit 3 when the observed billing differs.</summary>
public static class ExpectOption
{
    public static Option<string?> Create(params string[] allowed)
    {
        var option = new Option<string?>("--expect")
        {
            Description = "Exit 3 when the billing verdict is not this one.",
            HelpName = string.Join('|', allowed),
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
