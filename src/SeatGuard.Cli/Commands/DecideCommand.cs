using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Policy;

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
        }.FilePath();

        var command = new Command("decide",
            "Which tier is this use of your subscription, and which credential does it need? Asks five questions on a terminal; " +
            "otherwise give --answers, --scenario or --manifest. Exit 1 when the verdict is red.");
        command.Options.Add(answers);
        command.Options.Add(scenario);
        command.Options.Add(list);
        command.Options.Add(manifest);
        command.Options.Add(context.Common.PolicyFile);

        command.SetAction(parse =>
        {
            var terminal = context.Terminal;
            bool json = context.Json(parse);
            string? answerText = parse.GetValue(answers), scenarioId = parse.GetValue(scenario), manifestPath = parse.GetValue(manifest);
            bool listing = parse.GetValue(list);
            if ((answerText is null ? 0 : 1) + (scenarioId is null ? 0 : 1) + (manifestPath is null ? 0 : 1) + (listing ? 1 : 0) > 1)
                throw new InputException("choose one of --answers, --scenario, --manifest or --list-scenarios");

            var host = context.Host(parse);
            var book = PolicyCommand.Load(context, parse);
            if (PolicyFreshness.Warning(new PolicyBookId(book.Version, book.Date), context.Services(parse).Now) is { } stale) terminal.Error("seatguard: note: " + stale);
            if (listing)
            {
                if (json) context.WriteJson(new ScenarioList(book.Version, book.Scenarios), PolicyJson.Default.ScenarioList);
                else DecisionView.RenderScenarios(terminal.Console_, book);
                return ExitCodes.Ok;
            }

            Decision decision;
            if (answerText is not null)
            {
                var parsed = PolicyEvaluator.ParseAnswers(answerText, out var problem) ?? throw new InputException(problem);
                decision = PolicyEvaluator.Evaluate(book, parsed);
            }
            else if (scenarioId is not null)
            {
                if (book.FindScenario(scenarioId) is null)
                    throw new InputException($"unknown scenario '{scenarioId}' (known: {string.Join(", ", book.Scenarios.Select(s => s.Id))})");
                decision = PolicyEvaluator.ForScenario(book, scenarioId);
            }
            else if (manifestPath is not null)
            {
                var path = Path.GetFullPath(manifestPath, host.WorkingDirectory);
                decision = SetupManifest.Parse(UserFiles.ReadText(path, "manifest"), manifestPath).Decide(book);
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
                throw new InputException(
                    "stdin is not a terminal, so there is nobody to ask: give --answers yes,no,yes,no,no (five yes|no in framework order), " +
                    "--scenario ID (see --list-scenarios) or --manifest FILE");
            }

            if (json) context.WriteJson(decision, PolicyJson.Default.Decision);
            else DecisionView.RenderDecision(terminal.Console_, book, decision);
            return decision.IsRed ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        return command.WithExamples(
            "seatguard decide",
            "seatguard decide --answers yes,no,yes,no,no",
            "seatguard decide --scenario slack-bot-multiple-consumers --json",
            "seatguard decide --manifest setup.yaml");
    }

}
