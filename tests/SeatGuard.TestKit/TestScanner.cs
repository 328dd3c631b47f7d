using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Scan;

namespace SeatGuard.TestKit;

/// <summary>A scanner on real processes (git) with the test process's PATH, as the CLI builds it.</summary>
public static class TestScanner
{
    public static Scanner Create(RuleBook? rules = null) =>
        new(rules ?? RuleBook.Load(), new SystemCommandRunner(), Environment.GetEnvironmentVariable("PATH"));
}
