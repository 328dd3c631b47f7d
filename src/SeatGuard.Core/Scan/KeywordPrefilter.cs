using SeatGuard.Core.Common;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace SeatGuard.Core.Scan;

/// <summary>
/// The cheap first pass, as in ripgrep and gitleaks: a file is decoded and handed to detectors only when
/// one of the rules' keywords occurs, ASCII case-insensitively, in its raw UTF-8 bytes. All needles are
/// searched in one pass, 32 bytes at a time: each needle's first two bytes and its last byte are compared
/// at their distances (the "packed pair" idea of memchr/Teddy), case folded by setting bit 0x20, and only
/// candidate positions are verified. The loop is compiled fully optimised on first call, so a short-lived
/// CLI process does not spend its run in unoptimised code.
/// </summary>
public sealed class KeywordPrefilter
{
    private const byte Fold = 0x20;
    private readonly byte[][] _needles;
    private readonly byte[] _first, _second, _last;
    private readonly int[] _lastOffset;
    private readonly int _maxOffset;

    /// <summary>The needles searched (lower case), shortest first.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>Builds the prefilter for these keywords (ASCII, case-insensitive).</summary>
    public KeywordPrefilter(IEnumerable<string> keywords)
    {
        var all = keywords.Select(k => k.ToLowerInvariant()).Distinct().ToList();
        if (all.FirstOrDefault(k => k.Length < 2 || k.Any(c => c > 127)) is { } bad)
            throw new ScanInputException($"scan keyword '{bad}' must be ASCII and at least two characters long");
        // Needles that share their first 6 characters are searched by their common prefix
        // (sk-ant-api03-, sk-ant-oat01-, … → sk-ant-): fewer comparisons, the same files pass.
        var folded = all.GroupBy(k => k.Length >= 6 ? k[..6] : k)
                        .Select(g => g.Aggregate((a, b) => a[..CommonPrefix(a, b)]))
                        .Distinct().OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToList();
        // A needle that contains a shorter one adds nothing.
        var minimal = new List<string>();
        foreach (var k in folded)
        {
            if (!minimal.Any(m => k.Contains(m, StringComparison.Ordinal))) minimal.Add(k);
        }
        Keywords = minimal;
        _needles = minimal.Select(Encoding.ASCII.GetBytes).ToArray();
        _first = _needles.Select(n => (byte)(n[0] | Fold)).ToArray();
        _second = _needles.Select(n => (byte)(n[1] | Fold)).ToArray();
        _last = _needles.Select(n => (byte)(n[^1] | Fold)).ToArray();
        _lastOffset = _needles.Select(n => n.Length - 1).ToArray();
        _maxOffset = _lastOffset.Length == 0 ? 0 : _lastOffset.Max();
    }

    private static int CommonPrefix(string a, string b)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }

    /// <summary>True when a needle occurs (ASCII case-insensitively) in the raw bytes of a file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MayMatch(ReadOnlySpan<byte> data)
    {
        int count = _needles.Length, i = 0;
        if (count == 0) return false;
        if (Vector256.IsHardwareAccelerated && count <= 32)
        {
            Span<Vector256<byte>> firsts = stackalloc Vector256<byte>[count];
            Span<Vector256<byte>> seconds = stackalloc Vector256<byte>[count];
            Span<Vector256<byte>> lasts = stackalloc Vector256<byte>[count];
            for (int k = 0; k < count; k++)
            {
                firsts[k] = Vector256.Create(_first[k]);
                seconds[k] = Vector256.Create(_second[k]);
                lasts[k] = Vector256.Create(_last[k]);
            }
            var fold = Vector256.Create(Fold);
            ref byte start = ref MemoryMarshal.GetReference(data);
            ref Vector256<byte> first0 = ref MemoryMarshal.GetReference(firsts);
            ref Vector256<byte> second0 = ref MemoryMarshal.GetReference(seconds);
            ref Vector256<byte> last0 = ref MemoryMarshal.GetReference(lasts);
            ref int offset0 = ref MemoryMarshal.GetArrayDataReference(_lastOffset);
            int end = data.Length - Vector256<byte>.Count - _maxOffset;
            for (; i <= end; i += Vector256<byte>.Count)
            {
                var block = Vector256.LoadUnsafe(ref start, (nuint)i) | fold;
                var next = Vector256.LoadUnsafe(ref start, (nuint)(i + 1)) | fold;
                var hit = Vector256<byte>.Zero;
                for (int k = 0; k < count; k++)
                {
                    var last = Vector256.LoadUnsafe(ref start, (nuint)(i + Unsafe.Add(ref offset0, k))) | fold;
                    hit |= Vector256.Equals(block, Unsafe.Add(ref first0, k)) & Vector256.Equals(next, Unsafe.Add(ref second0, k)) &
                           Vector256.Equals(last, Unsafe.Add(ref last0, k));
                }
                if (hit == Vector256<byte>.Zero) continue;
                for (uint bits = hit.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                {
                    if (MatchesAt(data, i + BitOperations.TrailingZeroCount(bits))) return true;
                }
            }
        }
        for (; i < data.Length; i++)
        {
            if (MatchesAt(data, i)) return true;
        }
        return false;
    }

    private bool MatchesAt(ReadOnlySpan<byte> data, int at)
    {
        byte head = (byte)(data[at] | Fold);
        for (int k = 0; k < _needles.Length; k++)
        {
            var needle = _needles[k];
            if (head == _first[k] && at + needle.Length <= data.Length && System.Text.Ascii.EqualsIgnoreCase(data.Slice(at, needle.Length), needle)) return true;
        }
        return false;
    }

    /// <summary>The same test on text (history hunks are read as text).</summary>
    public bool MayMatch(string text)
    {
        foreach (var k in Keywords)
        {
            if (TextSearch.ContainsIgnoreCase(text, k)) return true;
        }
        return false;
    }
}
