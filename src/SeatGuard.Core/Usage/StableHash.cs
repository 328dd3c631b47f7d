namespace SeatGuard.Core.Usage;

/// <summary>FNV-1a 64-bit: stable across processes (cached on disk), unlike <see cref="HashCode"/>.</summary>
internal static class StableHash
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ulong Add(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash;
    }

    public static ulong Of(ReadOnlySpan<byte> bytes) => Finish(Add(Seed, bytes));

    /// <summary>Key of two identifiers, separated so ("ab","c") and ("a","bc") differ.</summary>
    public static ulong Of(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        Finish(Add(Add(Add(Seed, first), [0xFF]), second));

    public static ulong Of(string s) => Of(System.Text.Encoding.UTF8.GetBytes(s));

    // Zero means "absent"; never produce it.
    private static ulong Finish(ulong h) => h == 0 ? 1 : h;
}
