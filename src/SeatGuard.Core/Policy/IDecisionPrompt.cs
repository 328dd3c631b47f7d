namespace SeatGuard.Core.Policy;

/// <summary>Asks one framework question and returns the answer (true = yes). Implemented by the CLI with Spectre.Console prompts, and by tests.</summary>
public interface IDecisionPrompt
{
    bool Ask(PolicyQuestion question, int number, int total);
}
