namespace SeatGuard.Core.Policy;

/// <summary><c>decide --list-scenarios --json</c>.</summary>
public sealed record ScenarioList(string Version, IReadOnlyList<PolicyScenario> Scenarios);
