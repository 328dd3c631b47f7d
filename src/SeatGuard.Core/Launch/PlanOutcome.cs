namespace SeatGuard.Core.Launch;

/// <summary>The planner's answer: a plan, or a refusal (exit 4, fail closed) with the reason.</summary>
public sealed record PlanOutcome(LaunchPlan? Plan, string? Refusal)
{
    /// <summary>Whether the launch was refused.</summary>
    public bool Refused => Refusal is not null;
}
