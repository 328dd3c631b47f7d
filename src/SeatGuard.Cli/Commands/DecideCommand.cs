using System.CommandLine;
using System.Text.Json;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Policy;
using Spectre.Console;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard decide</c>: the five-question framework, interactively or from answers, a scenario or a manifest.</summary>
public static class DecideCommand
{
    public static Command Create(CliContext context)
    {
        var answers = new Option<string?>("--answers")
        {
            Description = "Five yes|no answers in the framework's order, comma-separated (e.g. yes,no,yes,no,no; y/n accepted).",
            HelpName = "A1,…,A5",
        };
        var scenario = new Option<string?>("--scenario")
        {
            Description = "Decide a named scenario from the policy book (see --list-scenarios).",
            HelpName = "ID",
        };
        var list = new Option<bool>("--list-scenarios") { Description = "List the policy book's named scenarios." };
        var manifest = new Option<string?>("--manifest")
        {
            Description = "A YAML file describing a setup (runsFor, consumers, work, harness, deployedOn, users, …); see docs/policy.md.",
            HelpName = "FILE",
        };

        var command = new Command("decide",
            "Which tier is this use of your subscription, and which credential does it need? Asks five questions on a terminal; " +
            "otherwise give --answers, --scenario or --manifest. Exit 1 when the verdict is red.");
        command.Options.Add(answers);
        command.Options.Add(scenario);
        command.Options.Add(list);
        command.Options.Add(manifest);
        command.Options.Add(PolicyCommand.PolicyFile);

        command.SetAction(parse =>
        {
            var terminal = context.Terminal;
            bool json = context.Json(parse);
            string? answerText = parse.GetValue(answers), scenarioId = parse.GetValue(scenario), manifestPath = parse.GetValue(manifest);
            bool listing = parse.GetValue(list);
            if ((answerText is null ? 0 : 1) + (scenarioId is null ? 0 : 1) + (manifestPath is null ? 0 : 1) + (listing ? 1 : 0) > 1)
                throw new UsageException("choose one of --answers, --scenario, --manifest or --list-scenarios");

            var host = context.Host(parse);
            var book = PolicyCommand.Load(context, parse);
            if (listing)
            {
                if (json) terminal.Out.WriteLine(JsonSerializer.Serialize(new ScenarioList(book.Version, book.Scenarios), PolicyJson.Readable.ScenarioList));
                else RenderScenarios(terminal.Console_, book);
                return ExitCodes.Ok;
            }

            Decision decision;
            if (answerText is not null)
            {
                var parsed = PolicyEvaluator.ParseAnswers(answerText, out var problem) ?? throw new UsageException(problem);
                decision = PolicyEvaluator.Evaluate(book, parsed);
            }
            else if (scenarioId is not null)
            {
                if (book.FindScenario(scenarioId) is null)
                    throw new UsageException($"unknown scenario '{scenarioId}' (known: {string.Join(", ", book.Scenarios.Select(s => s.Id))})");
                decision = PolicyEvaluator.ForScenario(book, scenarioId);
            }
            else if (manifestPath is not null)
            {
                var path = Path.IsPathRooted(manifestPath) ? manifestPath : Path.Combine(host.WorkingDirectory, manifestPath);
                if (!File.Exists(path)) throw new UsageException($"manifest not found: {manifestPath}");
                decision = SetupManifest.Parse(File.ReadAllText(path), manifestPath).Decide(book);
            }
            else if (terminal.StdinIsTerminal)
            {
                var prompt = new SpectreDecisionPrompt(SpectreDecisionPrompt.CreateConsole(terminal));
                prompt.Introduce(book);
                decision = DecisionInterview.Run(book, prompt);
                terminal.Err.WriteLine();
            }
            else
            {
                throw new UsageException(
                    "stdin is not a terminal, so there is nobody to ask: give --answers yes,no,yes,no,no (five yes|no in framework order), " +
                    "--scenario ID (see --list-scenarios) or --manifest FILE");
            }

            if (json) terminal.Out.WriteLine(JsonSerializer.Serialize(decision, PolicyJson.Readable.Decision));
            else RenderDecision(terminal.Console_, book, decision);
            return decision.IsRed ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What a credential verdict asks the user to do.</summary>
    public static string CredentialAdvice(string credential) => credential switch
    {
        RecommendedCredentials.Subscription => "your subscription's OAuth credential is fine",
        RecommendedCredentials.ApiKey => "use an API key",
        RecommendedCredentials.Stop => "stop: restructure before running this again",
        _ => credential,
    };

    private static void RenderDecision(IAnsiConsole c, PolicyBook book, Decision d)
    {
        var style = SpectreDecisionPrompt.TierStyle(d.Tier);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        grid.AddRow(new Markup("[bold]tier[/]"), new Markup($"[bold {style}]{E(d.Tier.ToUpperInvariant())}[/] [grey]({E(book.Tier(d.Tier).Title)})[/]"));
        grid.AddRow(new Markup("[bold]credential[/]"), new Markup($"[{style}]{E(d.Credential)}[/] [grey]— {E(CredentialAdvice(d.Credential))}[/]"));
        grid.AddRow(new Markup("[bold]decided by[/]"), new Markup(E(DecidedByText(book, d))));
        if (d.Answers.Count > 0)
            grid.AddRow(new Markup("[bold]answers[/]"), new Markup(E(string.Join("  ", d.Answers.Select(a => $"{a.Key} {a.Value}")))));
        grid.AddRow(new Markup("[bold]reason[/]"), new Markup(E(d.Reason)));
        grid.AddRow(new Markup("[bold]rule[/]"), new Markup($"[grey]{E(d.Rule)}[/]"));
        grid.AddRow(new Markup("[bold]sources[/]"), new Markup(E(string.Join("\n", d.Sources))));
        c.Write(grid);
    }

    private static string DecidedByText(PolicyBook book, Decision d)
    {
        if (d.DecidedBy.StartsWith("scenario:", StringComparison.Ordinal)) return d.DecidedBy;
        if (d.Tier == Tiers.Green) return $"q1–{d.DecidedBy}: no answer raised a concern";
        var q = book.Questions.FirstOrDefault(q => q.Id == d.DecidedBy);
        return q is null ? d.DecidedBy : $"{q.Id}: {q.Text}";
    }

    private static void RenderScenarios(IAnsiConsole c, PolicyBook book)
    {
        var table = new Table().AddColumn(new TableColumn("id").NoWrap()).AddColumn("tier").AddColumn("credential").AddColumn("scenario");
        foreach (var s in book.Scenarios.OrderBy(s => Tiers.Severity(s.Tier)))
        {
            var style = SpectreDecisionPrompt.TierStyle(s.Tier);
            table.AddRow(new Markup(E(s.Id)), new Markup($"[{style}]{E(s.Tier)}[/]"), new Markup(E(s.Credential)), new Markup(E(s.Title)));
        }
        c.Write(table);
        c.MarkupLine("[grey]seatguard decide --scenario ID explains one.[/]");
    }

    private static string E(string text) => Markup.Escape(text);
}
