namespace SeatGuard.Core.Report;

/// <summary>No scan was asked for (<c>--scan</c> not given): says how to include one.</summary>
public sealed class NoScanSource : IScanReportSource
{
    /// <summary>The one instance.</summary>
    public static readonly NoScanSource Instance = new();

    /// <inheritdoc />
    public SourceResult<ScanSummary> Load() => SourceResult<ScanSummary>.None(
        "No scan was included in this report.",
        "Pass `--scan PATH` to scan a repository for this report (the findings `seatguard scan --json PATH` lists).");
}
