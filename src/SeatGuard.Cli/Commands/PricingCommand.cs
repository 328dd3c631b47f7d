using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard pricing show|update</c>: the effective price book, and importing a newer one.</summary>
public static class PricingCommand
{
    public static Command Create(CliContext context)
    {
        // Options of this tree only (an option remembers every command it is added to).
        var pricing = new Option<string?>("--pricing") { Description = "A price book laid over the embedded and imported ones (default: pricing.json in SeatGuard's config dir, if present).", HelpName = "FILE", Recursive = true };
        var from = new Option<string>("--from") { Description = "LiteLLM's model_prices_and_context_window.json or a SeatGuard price book: a file or an http(s) URL.", HelpName = "FILE|URL", Required = true };
        var command = new Command("pricing", "The price book usage costs come from: dated per-model rates, prompt bands, fast mode, regional multipliers.");
        command.Options.Add(pricing);

        var show = new Command("show", "The effective price book: its date, the files it comes from, and every model's rates now (--json: the whole book).");
        show.SetAction(parse =>
        {
            var services = context.Services(parse);
            var file = parse.GetValue(pricing) is { } given ? Path.GetFullPath(given, services.Host.WorkingDirectory) : null;
            var report = PricingWorkflow.Show(services.Host, file, services.Now);
            if (context.Json(parse)) context.WriteJson(report, UsageJson.Default.PricingShowReport);
            else PricingView.RenderShow(context.Terminal, report);
            return ExitCodes.Ok;
        });

        var update = new Command("update", "Import a price file (LiteLLM's model-price JSON, or SeatGuard's own format) into SeatGuard's data dir, validated and dated.");
        update.Options.Add(from);
        update.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("seatguard");
            var report = await PricingWorkflow.UpdateAsync(services.Host, parse.GetValue(from)!, services.Now, http, ct);
            if (context.Json(parse)) context.WriteJson(report, UsageJson.Default.PricingUpdateReport);
            else PricingView.RenderUpdate(context.Terminal, report);
            return ExitCodes.Ok;
        });

        command.Subcommands.Add(show.WithExamples("seatguard pricing show", "seatguard pricing show --json | jq '.current[] | select(.id==\"claude-opus-5-5\")'"));
        command.Subcommands.Add(update.WithExamples(
            "seatguard pricing update --from https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json",
            "seatguard pricing update --from ./my-price-book.json --json"));
        return command.WithExamples("seatguard pricing show", "seatguard pricing update --from model_prices_and_context_window.json");
    }
}
