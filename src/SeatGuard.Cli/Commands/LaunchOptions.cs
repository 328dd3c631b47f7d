using System.CommandLine;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;

namespace SeatGuard.Cli.Commands;

/// <summary>Options shared by <c>run</c> and <c>verify</c> that shape the launch plan.</summary>
public static class LaunchOptions
{
    public static Option<string?> Mode(string description)
    {
        var option = new Option<string?>("--mode") { Description = description, HelpName = "subscription|api-key" };
        option.AcceptOnlyFromAmong(Billing.Subscription.Name(), Billing.ApiKey.Name());
        return option;
    }

    /// <summary>The mode asked for, or null.</summary>
    public static Billing? ModeValue(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text && BillingNames.TryParseMode(text, out var mode) ? mode : null;

    public static Option<string?> For() => new("--for")
    {
        Description = "Whose request this is (default: the seat owner from ~/.config/seatguard/config.json, else your OS user). Someone else forces api-key mode.",
        HelpName = "NAME",
    };

    public static Option<bool> Force() => new("--force")
    {
        Description = "Launch even when policy says no (recorded in the ledger with a loud warning).",
    };

    public static Option<string?> OnOverage()
    {
        var option = new Option<string?>("--on-overage")
        {
            Description = "When Claude Code's events show usage credits (overage) drawn or a plan window rejected: stop it (exit 3), warn and continue, or allow. Default: stop in subscription mode.",
            HelpName = string.Join('|', OverageActions.Names),
        };
        option.AcceptOnlyFromAmong(OverageActions.Names);
        return option;
    }

    public static OverageAction? OnOverageValue(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text && OverageActions.TryParse(text, out var a) ? a : null;

    public static Option<bool> NoLedger() => new("--no-ledger")
    {
        Description = "Launch without recording it in the ledger (a forced launch for someone else otherwise needs a usable ledger).",
    };
}
