using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Integration;

/// <summary>
/// <c>seatguard statusline</c>: one short line for Claude Code's status bar — the billing source of the
/// session's directory in plain words, then the active 5-hour block and today's cost when known.
/// </summary>
public sealed class StatusLine(CredentialReader credentials, IRecentUsageSource usage)
{
    /// <summary>What separates the parts of the line.</summary>
    public const string Separator = " · ";

    /// <summary>The host whose project settings count: the session's directory when it exists, else <paramref name="host"/>'s.</summary>
    public static HostContext HostFor(HostContext host, string? directory) =>
        directory is { Length: > 0 } && Path.IsPathFullyQualified(directory) && System.IO.Directory.Exists(directory)
            ? host.WithWorkingDirectory(directory)
            : host;

    /// <summary>The line with what it was built from (<c>statusline --json</c>).</summary>
    public StatusLineReport Report(StatusLineInput? input, HostContext host, string? configDir, DateTimeOffset now)
    {
        var sessionHost = HostFor(host, input?.Directory);
        var billing = SessionBilling.Read(credentials, sessionHost, configDir, now, interactive: true);
        StatusLineUsage? numbers;
        try
        {
            numbers = usage.Read(sessionHost, now) is { } recent ? StatusLineUsage.From(recent) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or InputException)
        {
            numbers = null; // the billing part is what matters; usage is a bonus
        }
        return new StatusLineReport(Render(billing, input, numbers, now), billing.Verdict, billing.Words, billing.ExpectedMode, billing.NeedsWarning,
            sessionHost.WorkingDirectory, numbers);
    }

    /// <summary>The one line: the billing words, then the model, the block and today's cost when known.</summary>
    public static string Render(SessionBilling billing, StatusLineInput? input, StatusLineUsage? usage, DateTimeOffset now)
    {
        var parts = new List<string>(5);
        string words = billing.Words;
        if (billing.NeedsWarning) words = "⚠ " + words + (billing.Mismatch ? $" — expected {billing.ExpectedMode.Name()}" : " — set by this repository");
        parts.Add(words);
        if (input?.Model?.DisplayName is { Length: > 0 } model) parts.Add(model.ReplaceLineEndings(" "));
        if (usage is not null)
        {
            string block = $"block {Tokens(usage.BlockTokens)} {Format.Money(usage.BlockCost)}";
            if (usage.BlockEnds is { } ends && ends > now) block += " (" + Format.Remaining(ends - now) + " left)";
            parts.Add(block);
            parts.Add("today " + Format.Money(usage.TodayCost));
        }
        else if (input?.Cost?.TotalCostUsd is { } sessionCost)
        {
            parts.Add("session " + Format.Money(sessionCost));
        }
        return Redactor.Scrub(string.Join(Separator, parts));
    }

    /// <summary>Tokens as the status line shows them: 999 tok, 12.3k tok, 2.0M tok.</summary>
    public static string Tokens(long tokens) => Format.Compact(tokens, fixedDecimal: true) + " tok";
}
