using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Integration;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard statusline</c>: Claude Code's status line command (JSON on stdin, one line on stdout).</summary>
public static class StatuslineCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("statusline",
            "One line for Claude Code's status bar: which bill this session hits, in plain words, the plan's own 5-hour and 7-day use with pacing (from Claude Code's " +
            "rate_limits, which also confirm a subscription session), and the active 5-hour block and today's cost when known. " +
            "Reads Claude Code's status-line JSON on stdin (bad or missing input still prints the billing part). Install it with `seatguard hooks install`.");
        command.Uses(context.Common.Dir, context.Common.ConfigDir);
        command.SetAction(parse =>
        {
            // A --dir that does not exist is a mistake on the command line: exit 2 (CliApp), like every command.
            var services = context.Services(parse);
            var host = services.Host;
            string directory = host.WorkingDirectory;
            StatusLineReport report;
            try
            {
                var (input, limits) = StatusLineInput.Read(context.Terminal.ReadInput(HookInput.MaxChars), services.Now);
                report = new StatusLine(services.Credentials, context.RecentUsage).Report(input, host, context.ConfigDir(parse), services.Now, limits);
            }
            catch (Exception e)
            {
                // The status bar always gets a line, whatever went wrong.
                var words = "billing source unknown (" + Redactor.Scrub(e.Message.ReplaceLineEndings(" ")) + ")";
                report = new StatusLineReport("SeatGuard: " + words, Billing.Unknown, words, Billing.Unknown, false, directory, null);
            }
            if (context.Json(parse)) context.WriteJson(report, IntegrationJson.Default.StatusLineReport);
            else context.Terminal.Out.WriteLine(TerminalText.Safe(report.Line));
            return ExitCodes.Ok;
        });
        return command.WithExamples("echo '{\"workspace\":{\"current_dir\":\"'$PWD'\"}}' | seatguard statusline");
    }
}
