using System.Globalization;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Integration;

/// <summary>
/// <c>seatguard statusline</c>: one short line for Claude Code's status bar — the billing source of the
/// session's directory in plain words, then the active 5-hour block and today's cost when known.
/// </summary>
public static class StatusLine
{
    public const string Separator = " · ";

    /// <summary>The host whose project settings count: the session's directory when it exists, else <paramref name="host"/>'s.</summary>
    public static HostContext HostFor(HostContext host, string? directory) =>
        directory is { Length: > 0 } && Path.IsPathFullyQualified(directory) && System.IO.Directory.Exists(directory)
            ? host.WithWorkingDirectory(directory)
            : host;

    public static string Build(StatusLineInput? input, HostContext host, string? configDir, IUsageGlance usage, DateTimeOffset now) =>
        Report(input, host, configDir, usage, now).Line;

    /// <summary>The line with what it was built from (<c>statusline --json</c>).</summary>
    public static StatusLineReport Report(StatusLineInput? input, HostContext host, string? configDir, IUsageGlance usage, DateTimeOffset now)
    {
        var sessionHost = HostFor(host, input?.Directory);
        var glance = BillingGlance.For(sessionHost, configDir, now, interactive: true);
        UsageGlance? numbers;
        try
        {
            numbers = usage.Get(sessionHost, now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            numbers = null; // the billing part is what matters; usage is a bonus
        }
        return new StatusLineReport(Render(glance, input, numbers, now), glance.Verdict, glance.Words, glance.ExpectedMode, glance.NeedsWarning,
            sessionHost.WorkingDirectory, numbers);
    }

    public static string Render(BillingGlance glance, StatusLineInput? input, UsageGlance? usage, DateTimeOffset now)
    {
        var parts = new List<string>(5);
        string billing = glance.Words;
        if (glance.NeedsWarning) billing = "⚠ " + billing + (glance.Mismatch ? $" — expected {glance.ExpectedMode}" : " — set by this repository");
        parts.Add(billing);
        if (input?.Model?.DisplayName is { Length: > 0 } model) parts.Add(OneLine(model));
        if (usage is not null)
        {
            string block = $"block {Tokens(usage.BlockTokens)} {Money(usage.BlockCost)}";
            if (usage.BlockEnds is { } ends && ends > now) block += " (" + Remaining(ends - now) + " left)";
            parts.Add(block);
            parts.Add("today " + Money(usage.TodayCost));
        }
        else if (input?.Cost?.TotalCostUsd is { } sessionCost)
        {
            parts.Add("session " + Money(sessionCost));
        }
        return Redactor.Scrub(string.Join(Separator, parts));
    }

    public static string Tokens(long tokens) => tokens switch
    {
        >= 1_000_000 => (tokens / 1_000_000d).ToString("0.0", CultureInfo.InvariantCulture) + "M tok",
        >= 1_000 => (tokens / 1_000d).ToString("0.0", CultureInfo.InvariantCulture) + "k tok",
        _ => tokens.ToString(CultureInfo.InvariantCulture) + " tok",
    };

    public static string Money(decimal amount) => "$" + amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Remaining(TimeSpan left) =>
        left.TotalHours >= 1 ? $"{(int)left.TotalHours}h{left.Minutes:00}m" : $"{Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))}m";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}

/// <summary>The status line and its parts, for <c>seatguard statusline --json</c>. Never holds a secret.</summary>
public sealed record StatusLineReport(string Line, string Verdict, string Billing, string ExpectedMode, bool Warning, string Directory, UsageGlance? Usage);
