namespace SeatGuard.Core.Team;

/// <summary><c>seatguard team report</c>: reads the team store (creating its schema when it is new) and builds the report.</summary>
public sealed class TeamReporter(Func<TeamStoreAddress, ITeamStore> stores, TimeProvider clock)
{
    public async Task<TeamReport> BuildAsync(TeamReportRequest request, CancellationToken cancellationToken = default)
    {
        await using var store = stores(request.Store);
        await store.OpenAsync(cancellationToken);
        var snapshot = await store.ReadAsync(request.Since, cancellationToken);
        return TeamReportBuilder.Build(snapshot, request, clock.GetUtcNow());
    }
}
