using SeatGuard.Cli;

// A run of the CLI is short: a status line or an incremental report allocates ~15 MB and exits, yet the first
// multi-megabyte array (the usage store's cells) used up the large-object budget and started a full collection of
// everything read so far (~10 ms of a 55 ms report). Collections are held off for the first 64 MB a run allocates;
// past that (a cold read of a big history, a long `run`) the collector works as always, so memory stays bounded.
// The one collection starting the region costs microseconds on the empty heap of a starting process.
try
{
    GC.TryStartNoGCRegion(64L << 20);
}
catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
{
    // a runtime that cannot reserve that much: collect as usual
}
return await CliApp.RunAsync(args);
