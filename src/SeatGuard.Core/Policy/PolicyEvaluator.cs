using SeatGuard.Core.Common;

namespace SeatGuard.Core.Policy;

/// <summary>
/// The five-question framework. Every answer is taken in; the most severe tier any answer leads to
/// wins (q5 "yes" → red/stop; a concern on q1–q4 → gray/api-key), and <c>decidedBy</c> names the
/// first question, in framework order, whose answer leads to that tier. With no concern at all the
/// verdict is green/subscription and <c>decidedBy</c> is the last question, whose clean answer
/// completed the check.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>How many questions the framework asks.</summary>
    public const int QuestionCount = 5;

    /// <summary>The decision for five answers in framework order: the first question whose answer raises a concern decides; <paramref name="matches"/> names matching scenarios.</summary>
    public static Decision Evaluate(PolicyBook book, IReadOnlyList<bool> answers, IReadOnlyList<string>? matches = null)
    {
        if (answers.Count != book.Questions.Count)
            throw new ArgumentException($"expected {book.Questions.Count} answers, got {answers.Count}", nameof(answers));

        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < answers.Count; i++) recorded[book.Questions[i].Id] = answers[i] ? "yes" : "no";

        int index = -1;
        for (int i = 0; i < answers.Count; i++)
        {
            var q = book.Questions[i];
            if (q.RaisesConcern(answers[i]) && (index < 0 || q.Tier > book.Questions[index].Tier)) index = i;
        }

        matches ??= [];
        string suffix = matches.Count == 0 ? "" : " Matches: " + string.Join("; ", matches.Select(id => book.FindScenario(id)?.Title ?? id)) + ".";
        if (index < 0)
        {
            var last = book.Questions[^1];
            var green = book.Tier(Tier.Green);
            return new Decision(Tier.Green, green.Credential, last.Id,
                "No answer raised a concern. " + green.Summary + suffix,
                book.Cite(book.Rule.Sources), book.Rule.Summary, recorded, null, matches, book.Version, book.SourcesOf(book.Rule.Sources));
        }

        var decider = book.Questions[index];
        return new Decision(decider.Tier, decider.Credential, decider.Id,
            $"{decider.Id} \"{decider.Text}\" answered {recorded[decider.Id]}: {decider.Implication(answers[index])}" + suffix,
            book.Cite(decider.Sources.Concat(book.Rule.Sources)), book.Rule.Summary, recorded, null, matches, book.Version,
            book.SourcesOf(decider.Sources.Concat(book.Rule.Sources)));
    }

    /// <summary>The verdict for a named scenario; unknown ids are bad input.</summary>
    public static Decision ForScenario(PolicyBook book, string id)
    {
        var scenario = book.FindScenario(id)
            ?? throw new ArgumentException($"unknown scenario '{id}' (see 'seatguard decide --list-scenarios')");
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < scenario.Answers.Count && i < book.Questions.Count; i++) answers[book.Questions[i].Id] = scenario.Answers[i];
        return new Decision(scenario.Tier, scenario.Credential, "scenario:" + scenario.Id,
            scenario.Title + ": " + scenario.Why,
            book.Cite(scenario.Sources.Concat(book.Rule.Sources)), book.Rule.Summary, answers, scenario.Id, [scenario.Id], book.Version,
            book.SourcesOf(scenario.Sources.Concat(book.Rule.Sources)));
    }

    /// <summary>One answer: yes/y or no/n in any case; null for anything else.</summary>
    public static bool? ParseAnswer(string text) => text.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" => true,
        "no" or "n" => false,
        _ => null,
    };

    /// <summary>
    /// Parses <c>--answers</c>: exactly five comma-separated values, each yes/no (y/n accepted, any case).
    /// Returns null and a one-line problem when the text is not that.
    /// </summary>
    public static bool[]? ParseAnswers(string text, out string problem)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != QuestionCount)
        {
            problem = $"--answers needs exactly {QuestionCount} comma-separated yes|no values in framework order (e.g. yes,no,yes,no,no), got {parts.Length}";
            return null;
        }
        var result = new bool[QuestionCount];
        for (int i = 0; i < parts.Length; i++)
        {
            if (ParseAnswer(parts[i]) is not { } answer)
            {
                problem = $"--answers value {i + 1} is '{parts[i]}'; each value must be yes or no (y/n accepted)";
                return null;
            }
            result[i] = answer;
        }
        problem = "";
        return result;
    }
}
