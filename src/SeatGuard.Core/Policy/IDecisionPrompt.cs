namespace SeatGuard.Core.Policy;

/// <summary>Asks one framework question and returns the answer (true = yes). Implemented by the CLI with Spectre.Console prompts, and by tests.</summary>
public interface IDecisionPrompt
{
    /// <summary>Asks question <paramref name="number"/> of <paramref name="total"/> and returns the answer (true: yes).</summary>
    bool Ask(PolicyQuestion question, int number, int total);
}
