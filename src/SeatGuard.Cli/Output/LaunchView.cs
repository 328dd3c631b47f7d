using Spectre.Console;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Cli.Output;

/// <summary>Human output of run --dry-run, verify and ledger.</summary>
public static class LaunchView
{
    public static void RenderPlan(Terminal t, LaunchPlan p)
    {
        var c = t.Console_;
        c.MarkupLine($"[bold]Launch plan[/]: mode [bold]{p.Mode}[/] for [bold]{Markup.Escape(p.Beneficiary)}[/] (seat owner {Markup.Escape(p.Owner)})");
        c.MarkupLine($"  credential: {p.Credential.Kind} from {Markup.Escape(p.Credential.Source)}{(p.Credential.Fingerprint is null ? "" : " " + p.Credential.Fingerprint)}");
        c.MarkupLine($"  removed from the environment: {Markup.Escape(p.EnvRemoved.Count == 0 ? "nothing" : string.Join(", ", p.EnvRemoved))}");
        c.MarkupLine($"  credential variables kept: {Markup.Escape(p.EnvSet.Count == 0 ? "none" : string.Join(", ", p.EnvSet))}");
        c.MarkupLine($"  arguments added: {Markup.Escape(p.ArgsAdded.Count == 0 ? "none" : string.Join(' ', p.ArgsAdded))}");
        c.MarkupLine($"  command: {Markup.Escape(string.Join(' ', p.Command))}");
        foreach (var w in p.Warnings) c.MarkupLine($"[red bold]WARNING:[/] {Markup.Escape(w)}");
    }

    public static void RenderVerify(Terminal t, VerifyReport r)
    {
        var c = t.Console_;
        string color = r.Verdict switch { "subscription" => "green", "unknown" => "red", _ => "yellow" };
        c.MarkupLine($"[bold {color}]Billed: {r.Verdict}[/] — {Markup.Escape(r.Evidence)}");
        c.MarkupLine($"  apiKeySource {Markup.Escape(r.ApiKeySource ?? "?")} · rate limit {Markup.Escape(r.RateLimitType ?? "none")} {Markup.Escape(r.Status ?? "")} · resets {Markup.Escape(r.ResetsAt ?? "-")} · overage in use {(r.OverageInUse is null ? "-" : r.OverageInUse.Value ? "yes" : "no")}");
        c.MarkupLine($"  claude {Markup.Escape(r.ClaudeVersion ?? "?")} · model {Markup.Escape(r.Model ?? "?")} · cost {(r.CostUsd is null ? "-" : "$" + r.CostUsd.Value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture))}");
    }

    public static void RenderLedger(Terminal t, string path, IReadOnlyList<LedgerEntry> entries)
    {
        var c = t.Console_;
        if (entries.Count == 0)
        {
            c.MarkupLine($"No launches recorded yet ({Markup.Escape(path)}). `seatguard run` and `seatguard verify` record each launch.");
            return;
        }
        var table = new Table().AddColumns("time (UTC)", "beneficiary", "mode", "credential", "verdict", "exit", "cost", "directory");
        foreach (var e in entries)
        {
            table.AddRow(e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.Beneficiary) + (e.Forced ? " [red](forced)[/]" : ""),
                e.Mode, Markup.Escape($"{e.CredentialKind} {e.CredentialFingerprint}"), e.Verdict, e.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                e.CostUsd is null ? "-" : "$" + e.CostUsd.Value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.Cwd));
        }
        c.Write(table);
    }
}
