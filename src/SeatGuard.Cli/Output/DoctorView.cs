using Spectre.Console;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Cli.Output;

/// <summary>The doctor's one-screen human output: verdict first, then the other start modes when they differ, shadowed credentials, findings with fixes.</summary>
public static class DoctorView
{
    public static void Render(Terminal terminal, DoctorReport r)
    {
        var c = terminal.Console_;
        bool disagrees = r.Probe is { Agrees: false, Error: null };
        string color = disagrees ? "red" : r.Verdict switch { Billing.Subscription => "green", Billing.None => "grey", _ => "yellow" };
        c.MarkupLine($"[bold {color}]{TerminalText.Markup(r.Summary)}[/]");
        c.MarkupLine($"  verdict [bold]{r.Verdict.Name()}[/] (claude -p) · credential {Describe(r.Credential)}");
        var print = r.Modes.FirstOrDefault(m => m.Mode == StartMode.Print);
        foreach (var m in r.Modes.Where(m => m.Mode != StartMode.Print && print is not null && (m.Verdict != print.Verdict || m.Credential != print.Credential)))
        {
            string how = m.Mode == StartMode.Bare ? "claude --bare" : "interactive";
            c.MarkupLine($"  {how} bills [bold]{m.Verdict.Name()}[/] · credential {Describe(m.Credential)}{(m.Refusal is null ? "" : " · " + TerminalText.Markup(m.Refusal))}");
        }
        if (r.BaseUrl is { } url) c.MarkupLine($"  ANTHROPIC_BASE_URL = {TerminalText.Markup(url)}");
        foreach (var s in r.AlsoSent) c.MarkupLine($"  [yellow]also sent on every request:[/] {Describe(s)}");
        if (r.Shadowed.Count > 0)
        {
            c.MarkupLine("[bold]Shadowed[/] (present, not used):");
            foreach (var s in r.Shadowed) c.MarkupLine($"  • {Describe(s)}");
        }
        if (r.Findings.Count > 0)
        {
            c.MarkupLine("[bold]Findings[/]:");
            foreach (var f in r.Findings)
            {
                string sev = f.Severity switch { Severity.Error => "[red]error[/]", Severity.Warning => "[yellow]warning[/]", _ => "[blue]info[/]" };
                c.MarkupLine($"  {sev} [dim]{f.Id}[/] {TerminalText.Markup(f.Message)}");
                c.MarkupLine($"      [dim]fix:[/] {TerminalText.Markup(f.Fix)}");
            }
        }
        if (r.Probe is { } p)
        {
            if (p.Error is not null) c.MarkupLine($"[bold]Probe[/]: [yellow]{TerminalText.Markup(p.Error)}[/]");
            else c.MarkupLine($"[bold]Probe[/] (claude {TerminalText.Markup(p.ClaudeVersion ?? "?")}): sent [bold]{TerminalText.Markup(BillingWords.Observed(p))}[/]{(p.ObservedFingerprint is null ? "" : " " + p.ObservedFingerprint)}, apiKeySource {TerminalText.Markup(p.ApiKeySource ?? "?")}, rate_limit_event {(p.RateLimitEvent ? "yes" : "no")} → {(p.Agrees ? "[green]agrees with the model[/]" : "[red]disagrees with the model[/]")}");
        }
        c.MarkupLine($"[dim]project {TerminalText.Markup(r.ProjectDir)} · config {TerminalText.Markup(r.ConfigDir)}[/]");
    }

    private static string Describe(CredentialRef c) => TerminalText.Markup(BillingWords.Technical(c));
}
