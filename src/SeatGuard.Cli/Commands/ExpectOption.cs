using System.CommandLine;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Cli.Commands;

/// <summary><c>--expect subscription|api-key|…</c>: exit 3 when the observed billing differs.</summary>
public static class ExpectOption
{
    public static Option<string?> Create(params Billing[] allowed)
    {
        var names = allowed.Select(a => a.Name()).ToArray();
        var option = new Option<string?>("--expect")
        {
            Description = "Exit 3 when the billing verdict is not this one.",
            HelpName = string.Join('|', names),
        };
        option.AcceptOnlyFromAmong(names);
        return option;
    }

    /// <summary>The expected billing, or null when not given.</summary>
    public static Billing? Value(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text && BillingNames.TryParse(text, out Billing b) ? b : null;
}
