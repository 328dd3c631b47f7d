using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Team;

/// <summary>
/// A test that needs the real PostgreSQL server of <c>SEATGUARD_TEST_POSTGRES</c>. Reported as not run where no server
/// was started (a developer machine); in CI (<c>CI=true</c>, where .ci/run starts one) it always runs.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason) Skip = reason;
    }
}
