using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Usage;

/// <summary>A fact that needs the real-world transcripts: reported as skipped, with the reason, where they are missing.</summary>
public sealed class RealWorldFactAttribute : FactAttribute
{
    public RealWorldFactAttribute()
    {
        if (RealWorldTranscripts.MissingReason is { } reason) Skip = reason;
    }
}
