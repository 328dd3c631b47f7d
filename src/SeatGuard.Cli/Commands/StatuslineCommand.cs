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
            "One line for Claude Code's status bar: which bill this session hits, in plain words, and the active 5-hour block and today's cost when known. " +
            "Reads Claude Code's status-line JSON on stdin (bad or missing input still prints the billing part). Install it with `seatguard hooks install`.");
        command.SetAction(parse =>
        {
            var host = context.Host(parse);
            var input = HookInput.Parse(context.Terminal.ReadInput(HookInput.MaxChars), IntegrationJson.Default.StatusLineInput);
            StatusLineReport report;
            try
            {
                report = StatusLine.Report(input, host, context.ConfigDir(parse), context.UsageGlance, DateTimeOffset.UtcNow);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                var words = "billing source unknown (" + Redactor.Scrub(e.Message) + ")";
                report = new StatusLineReport("SeatGuard: " + words, BillingVerdicts.Unknown, words, "", false, host.WorkingDirectory, null);
            }
            if (context.Json(parse)) JsonOutput.Write(context.Terminal.Out, report, IntegrationJson.Default.StatusLineReport);
            else context.Terminal.Out.WriteLine(report.Line);
            return ExitCodes.Ok;
        });
        return command.WithExamples("echo '{\"workspace\":{\"current_dir\":\"'$PWD'\"}}' | seatguard statusline");
    }
}
