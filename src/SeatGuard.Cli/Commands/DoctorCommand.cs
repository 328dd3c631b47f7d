using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Policy;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard doctor</c>: which credential Claude Code will use here, and why.</summary>
public static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var expect = ExpectOption.Create(Billing.Subscription, Billing.ApiKey, Billing.Gateway, Billing.CloudProvider, Billing.None);
        var probe = new Option<bool>("--probe")
        {
            Description = "Also run the installed claude once against an in-process loopback endpoint and report which credential it actually sent (nothing leaves the machine; the credential is classified and discarded).",
        };
        var timeout = new Option<int>("--probe-timeout") { Description = "Seconds to wait for claude during --probe.", DefaultValueFactory = _ => 45, HelpName = "SECONDS" }.AtLeast(1);
        var command = new Command("doctor",
            "Which credential Claude Code will use here, from every layer (environment, settings files, apiKeyHelper, /login), which ones are shadowed, and what to change.")
        {
            expect, probe, timeout,
        };
        command.Uses(CommonOptions.Claude, CommonOptions.Dir, CommonOptions.ConfigDir);
        command.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var options = new DoctorOptions(context.ConfigDir(parse), parse.GetValue(probe), context.ClaudeExecutable(parse, services.Host),
                TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))));
            var report = await services.Doctor.DiagnoseAsync(services.Host, options, ct);
            if (PolicyFreshness.Warning(PolicyFreshness.InForce(services.Host), services.Now) is { } stale) context.Terminal.Error("seatguard: note: " + stale);
            if (context.Json(parse)) context.WriteJson(report, CredentialsJson.Default.DoctorReport);
            else DoctorView.Render(context.Terminal, report);

            if (ExpectOption.Value(parse, expect) is { } expected && expected != report.Verdict)
            {
                context.Terminal.Error($"seatguard: expected {expected.Name()}, but this directory bills {report.Verdict.Name()}.");
                return ExitCodes.BillingMismatch;
            }
            return ExitCodes.Ok;
        });
        return command.WithExamples(
            "seatguard doctor",
            "seatguard doctor --expect subscription   # exit 3 if this directory would bill anything else",
            "seatguard doctor --probe --json");
    }
}
