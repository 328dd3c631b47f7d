using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Credentials.Probe;
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
            Description = "Also run the installed claude once against an in-process loopback endpoint and report which credential it actually sent (nothing leaves the machine; the credential is classified and discarded). The run starts no hook, MCP server, plugin or tool and no repository apiKeyHelper, and gets no proxy.",
        };
        var matrix = new Option<bool>("--matrix")
        {
            Description = "With --probe: re-measure SeatGuard's whole precedence model against the installed claude — dozens of credential environments in temporary homes with fake credentials, each run against the loopback endpoint. Never uses your own credentials or settings. Exit 1 when any prediction disagrees.",
        };
        var parallel = new Option<int>("--parallel") { Description = "With --matrix: how many environments run at once (default: twice the CPU cores, at most 8).", HelpName = "N" };
        var trustProject = new Option<bool>("--trust-project")
        {
            Description = "With --probe: let the probe run this directory's apiKeyHelper from .claude/settings(.local).json (by default a stand-in replaces it, so no command of the repository runs).",
        };
        var timeout = new Option<int>("--probe-timeout") { Description = "Seconds to wait for claude during --probe (per environment with --matrix).", DefaultValueFactory = _ => 45, HelpName = "SECONDS" }.AtLeast(1);
        var command = new Command("doctor",
            "Which credential Claude Code will use here, from every layer (environment, settings files, apiKeyHelper, /login, ant profiles, federation, managed policy), for each way of starting it (claude -p, interactive, --bare), which ones are shadowed, and what to change.")
        {
            expect, probe, matrix, parallel, trustProject, timeout,
        };
        command.Uses(context.Common.Claude, context.Common.Dir, context.Common.ConfigDir);
        command.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var claude = context.ClaudeExecutable(parse, services.Host);
            var seconds = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout)));
            if (parse.GetValue(matrix))
            {
                if (!parse.GetValue(probe)) throw new InputException("--matrix needs --probe: it runs the real claude (seatguard doctor --probe --matrix).");
                int n = parse.GetValue(parallel) is > 0 and var p ? p : ProbeMatrix.DefaultParallelism;
                var report = await services.Matrix.RunAsync(services.Host, claude, n, seconds, cancellationToken: ct);
                if (context.Json(parse)) context.WriteJson(report, CredentialsJson.Default.MatrixReport);
                else MatrixView.Render(context.Terminal, report);
                return report.Refusal is not null ? ExitCodes.RefusedByPolicy : report.AllAgree ? ExitCodes.Ok : ExitCodes.CheckFailed;
            }

            var options = new DoctorOptions(context.ConfigDir(parse), parse.GetValue(probe), claude, seconds, parse.GetValue(trustProject));
            var doctor = await services.Doctor.DiagnoseAsync(services.Host, options, ct);
            if (PolicyFreshness.Warning(PolicyFreshness.InForce(services.Host), services.Now) is { } stale) context.Terminal.Error("seatguard: note: " + stale);
            if (context.Json(parse)) context.WriteJson(doctor, CredentialsJson.Default.DoctorReport);
            else DoctorView.Render(context.Terminal, doctor);

            if (ExpectOption.Value(parse, expect) is { } expected && expected != doctor.Verdict)
            {
                context.Terminal.Error($"seatguard: expected {expected.Name()}, but this directory bills {doctor.Verdict.Name()}.");
                return ExitCodes.BillingMismatch;
            }
            return doctor.HasErrors ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        return command.WithExamples(
            "seatguard doctor",
            "seatguard doctor --expect subscription   # exit 3 if this directory would bill anything else",
            "seatguard doctor --probe --json",
            "seatguard doctor --probe --matrix        # re-measure every rule against the installed claude");
    }
}
