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

    /// <summary>What the billing part says when the input's <c>rate_limits</c> prove a subscription session.</summary>
    public const string Confirmed = "confirmed by Claude Code";

    /// <summary>The line with what it was built from (<c>statusline --json</c>).</summary>
    /// <param name="input">Claude Code's status-line JSON, or null when there was none.</param>
    /// <param name="host">The host (the session's working directory comes from the input when it names one).</param>
    /// <param name="configDir">Claude Code's config directory (<c>--config-dir</c>), or null.</param>
    /// <param name="now">The time the line is made.</param>
    /// <param name="limits">The input's <c>rate_limits</c> (<see cref="StatusLineRateLimits.Read"/>): proof of a subscription session and the plan's own use.</param>
    public StatusLineReport Report(StatusLineInput? input, HostContext host, string? configDir, DateTimeOffset now, StatusLineRateLimits? limits = null)
    {
        var sessionHost = HostFor(host, input?.Directory);
        var billing = SessionBilling.Read(credentials, sessionHost, configDir, now, interactive: true);
        if (limits is not null)
        {
            // Claude Code sends rate_limits only for responses billed to a subscription: evidence beats the prediction.
            string words = billing.Verdict == Billing.Subscription ? billing.Words : "subscription";
            billing = billing with { Verdict = Billing.Subscription, Words = $"{words} ({Confirmed})" };
        }
        StatusLineUsage? numbers;
        try
        {
            numbers = usage.Read(sessionHost, now) is { } recent ? StatusLineUsage.From(recent) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or InputException)
        {
            numbers = null; // the billing part is what matters; usage is a bonus
        }
        return new StatusLineReport(Render(billing, input, numbers, now, limits), billing.Verdict, billing.Words, billing.ExpectedMode, billing.NeedsWarning,
            sessionHost.WorkingDirectory, numbers)
        {
            RateLimits = limits,
            ConfirmedByClaudeCode = limits is not null,
        };
    }

    /// <summary>The one line: the billing words (confirmed by Claude Code when it sent <c>rate_limits</c>), the model, the plan's 5h/7d use and pace, the block and today's cost when known.</summary>
    public static string Render(SessionBilling billing, StatusLineInput? input, StatusLineUsage? usage, DateTimeOffset now, StatusLineRateLimits? limits = null)
    {
        var parts = new List<string>(5);
        string words = billing.Words;
        if (billing.NeedsWarning) words = "⚠ " + words + (billing.Mismatch ? $" — expected {billing.ExpectedMode.Name()}" : " — set by this repository");
        parts.Add(words);
        if (input?.Model?.DisplayName is { Length: > 0 } model) parts.Add(model.ReplaceLineEndings(" "));
        if (limits is not null)
        {
            if (limits.FiveHour is { } five) parts.Add(Window("five_hour", five, now));
            if (limits.SevenDay is { } seven) parts.Add(Window("seven_day", seven, now));
        }
        if (usage is not null)
        {
            string block = $"block {Tokens(usage.BlockTokens)} {Cost(usage.BlockCost)}";
            if (usage.BlockEnds is { } ends && ends > now) block += " (" + Format.Remaining(ends - now) + " left)";
            parts.Add(block);
            parts.Add("today " + Cost(usage.TodayCost));
        }
        else if (input?.Cost?.TotalCostUsd is { } sessionCost)
        {
            parts.Add("session " + Format.Money(sessionCost));
        }
        return Redactor.Scrub(string.Join(Separator, parts));
    }

    /// <summary>
    /// One plan window: <c>5h 42% · 58% of the 5 hours gone</c>; with a warning sign and when it runs out when the use at
    /// this pace runs out before the reset; just the share used when the reset is unknown.
    /// </summary>
    public static string Window(string name, StatusLineWindow w, DateTimeOffset now)
    {
        var pace = StatusLineRateLimits.Pace(name, w, now);
        string label = name == "five_hour" ? "5h" : "7d";
        if (pace is null) return $"{label} {WindowPace.Percent(w.UsedPercentage / 100)}";
        if (pace.RunsOutAt is not { } end) return pace.Describe();
        return "⚠ " + pace.Describe() + (end <= now
            ? $", used up until the reset in {Format.Remaining(pace.ResetsAt - now)}"
            : $", at this pace used up in {Format.Remaining(end - now)}, before the reset in {Format.Remaining(pace.ResetsAt - now)}");
    }

    /// <summary>A cost, or "cost unknown" when a model has no price (never $0.00 for that).</summary>
    public static string Cost(decimal? usd) => usd is { } v ? Format.Money(v) : "cost unknown";

    /// <summary>Tokens as the status line shows them: 999 tok, 12.3k tok, 2.0M tok.</summary>
    public static string Tokens(long tokens) => Format.Compact(tokens, fixedDecimal: true) + " tok";
}
