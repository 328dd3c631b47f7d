using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests;

/// <summary>A fact that needs <see cref="MountNamespace"/>; it reports itself as skipped, with the reason, where overlays are unavailable.</summary>
public sealed class MountNamespaceFactAttribute : FactAttribute
{
    public MountNamespaceFactAttribute()
    {
        if (MountNamespace.Unavailable is { } why) Skip = why;
    }
}
