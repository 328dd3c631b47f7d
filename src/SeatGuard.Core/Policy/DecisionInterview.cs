namespace SeatGuard.Core.Policy;

/// <summary>The interactive flow of <c>seatguard decide</c>: every question once, in framework order, then the verdict.</summary>
public static class DecisionInterview
{
    /// <summary>Asks the five questions through <paramref name="prompt"/> and evaluates the answers.</summary>
    public static Decision Run(PolicyBook book, IDecisionPrompt prompt)
    {
        var answers = new bool[book.Questions.Count];
        for (int i = 0; i < answers.Length; i++) answers[i] = prompt.Ask(book.Questions[i], i + 1, answers.Length);
        return PolicyEvaluator.Evaluate(book, answers);
    }
}
