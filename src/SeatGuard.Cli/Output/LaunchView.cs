using Spectre.Console;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Cli.Output;

/// <summary>Human output of run --dry-run, verify and ledger.</summary>
public static class LaunchView
{
    public static void RenderPlan(Terminal t, LaunchPlan p)
    {
        var c = t.Console_;
        c.MarkupLine($"[bold]Launch plan[/]: mode [bold]{p.Mode.Name()}[/] for [bold]{TerminalText.Markup(p.Beneficiary)}[/] (seat owner {TerminalText.Markup(p.Owner)})");
        c.MarkupLine($"  credential: {TerminalText.Markup(BillingWords.Technical(p.Credential))}");
        c.MarkupLine($"  removed from the environment: {TerminalText.Markup(p.EnvRemoved.Count == 0 ? "nothing" : string.Join(", ", p.EnvRemoved))}");
        c.MarkupLine($"  credential variables kept: {TerminalText.Markup(p.EnvSet.Count == 0 ? "none" : string.Join(", ", p.EnvSet))}");
        c.MarkupLine($"  arguments added: {TerminalText.Markup(p.ArgsAdded.Count == 0 ? "none" : string.Join(' ', p.ArgsAdded))}");
        c.MarkupLine($"  command: {TerminalText.Markup(string.Join(' ', p.Command))}");
        foreach (var w in p.Warnings) c.MarkupLine($"[red bold]WARNING:[/] {TerminalText.Markup(w)}");
    }

    /// <summary>
    /// After a run: warnings, the proven verdict and any stop on stderr (stdout carried Claude Code's own output), and
    /// last the verdict line (<see cref="VerdictLine"/>) that tells SeatGuard's own exit codes from Claude Code's.
    /// </summary>
    public static void RenderRunOutcome(Terminal t, RunOutcome outcome)
    {
        if (outcome.Refusal is not null)
        {
            t.Error("seatguard: " + outcome.Refusal);
            t.Error(VerdictLine("refused", outcome.ExitCode, true, "refused"));
            return;
        }
        foreach (var w in outcome.Plan!.Warnings) t.Error("seatguard: WARNING: " + w);
        foreach (var c in outcome.UsageCredits) t.Error("seatguard: note: " + c.Describe());
        if (outcome.LedgerWarning is not null) t.Error("seatguard: warning: launch not recorded: " + outcome.LedgerWarning);
        if (outcome.Unrecorded) t.Error("seatguard: warning: launch not recorded (--no-ledger).");
        if (outcome.StopMessage is not null && outcome.StoppedBy is "overage" or "usage-credits") t.Error("seatguard: " + outcome.StopMessage);
        if (outcome.Verdict is { } v)
        {
            t.Error($"seatguard: billed {v.Verdict.Name()} ({v.Evidence}); asked for {outcome.Plan.Mode.Name()}.");
            if (outcome.Mismatch) t.Error($"seatguard: BILLING MISMATCH: asked for {outcome.Plan.Mode.Name()}, Claude Code's events show {v.Verdict.Name()}.");
        }
        string verdict = outcome.Verdict?.Verdict.Name() ?? "planned:" + outcome.Plan.Mode.Name();
        string? reason = outcome.StoppedBy ?? (outcome.Mismatch ? "billing-mismatch" : null);
        t.Error(VerdictLine(verdict, outcome.ExitCode, outcome.ExitBySeatGuard, reason));
    }

    /// <summary>
    /// The last stderr line of every <c>run</c>/<c>verify</c>: <c>seatguard: verdict &lt;billing&gt; exit=&lt;N&gt; by=&lt;claude|seatguard&gt;[ reason=&lt;why&gt;]</c>.
    /// <c>by=claude</c>: the exit code is Claude Code's own, passed through; <c>by=seatguard</c>: SeatGuard decided it.
    /// </summary>
    public static string VerdictLine(string verdict, int exit, bool bySeatGuard, string? reason) =>
        $"seatguard: verdict {verdict} exit={exit} by={(bySeatGuard ? "seatguard" : "claude")}" + (bySeatGuard && reason is { Length: > 0 } ? " reason=" + reason : "");

    public static void RenderVerify(Terminal t, VerifyReport r)
    {
        var c = t.Console_;
        string color = r.Verdict switch { Billing.Subscription => "green", Billing.Unknown => "red", _ => "yellow" };
        c.MarkupLine($"[bold {color}]Billed: {r.Verdict.Name()}[/] — {TerminalText.Markup(r.Evidence)}");
        c.MarkupLine($"  apiKeySource {TerminalText.Markup(r.ApiKeySource ?? "?")} · rate limit {TerminalText.Markup(r.RateLimitType ?? "none")} {TerminalText.Markup(r.Status ?? "")} · resets {TerminalText.Markup(r.ResetsAt ?? "-")} · overage in use {(r.OverageInUse is null ? "-" : r.OverageInUse.Value ? "yes" : "no")}");
        c.MarkupLine($"  claude {TerminalText.Markup(r.ClaudeVersion ?? "?")} · model {TerminalText.Markup(r.Model ?? "?")} · cost {(r.CostUsd is null ? "-" : Format.MoneyPrecise(r.CostUsd.Value))}");
    }

    public static void RenderLedger(Terminal t, string path, IReadOnlyList<LedgerEntry> entries)
    {
        var c = t.Console_;
        if (entries.Count == 0)
        {
            c.MarkupLine($"No launches recorded yet ({TerminalText.Markup(path)}). `seatguard run` and `seatguard verify` record each launch.");
            return;
        }
        if (Layout.Narrow(c))
        {
            // A narrow terminal: two lines per launch, so times, fingerprints and costs stay whole.
            foreach (var e in entries)
            {
                c.MarkupLine($"{e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC  [bold]{TerminalText.Markup(e.Beneficiary)}[/]" +
                             (e.Forced ? " [red](forced)[/]" : "") + $"  {TerminalText.Markup(e.Mode)}  {TerminalText.Markup($"{e.CredentialKind} {e.CredentialFingerprint}")}");
                c.MarkupLine($"    verdict {TerminalText.Markup(e.Verdict)} · exit {e.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} · " +
                             $"{(e.CostUsd is null ? "-" : Format.MoneyPrecise(e.CostUsd.Value))} · {TerminalText.Markup(e.Cwd)}");
            }
            return;
        }
        var table = new Table()
            .AddColumn(new TableColumn("time (UTC)").NoWrap()).AddColumn("beneficiary").AddColumn(new TableColumn("mode").NoWrap())
            .AddColumn(new TableColumn("credential").NoWrap()).AddColumn(new TableColumn("verdict").NoWrap()).AddColumn(new TableColumn("exit").NoWrap())
            .AddColumn(new TableColumn("cost").NoWrap()).AddColumn("directory");
        foreach (var e in entries)
        {
            table.AddRow(e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), TerminalText.Markup(e.Beneficiary) + (e.Forced ? " [red](forced)[/]" : ""),
                TerminalText.Markup(e.Mode), TerminalText.Markup($"{e.CredentialKind} {e.CredentialFingerprint}"), TerminalText.Markup(e.Verdict), e.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                e.CostUsd is null ? "-" : Format.MoneyPrecise(e.CostUsd.Value), TerminalText.Markup(e.Cwd));
        }
        c.Write(table);
    }
}
