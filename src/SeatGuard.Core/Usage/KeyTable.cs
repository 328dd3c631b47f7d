using System.Runtime.CompilerServices;

namespace SeatGuard.Core.Usage;

/// <summary>
/// A map from 64-bit keys (already hashes: <see cref="UsageEntry.MessageKey"/>, <see cref="UsageEntry.DedupKey"/>) to
/// non-negative integers, with open addressing (linear probing) in one array of key–value slots: a lookup is one cache miss, where a
/// <see cref="Dictionary{TKey,TValue}"/> takes two or three (buckets, entries), and <see cref="Prefetch"/> lets a loop
/// start the miss of a key it will look up a few entries later. Sized once for the keys it will hold; it does not grow.
/// </summary>
internal sealed unsafe class KeyTable
{
    private struct Slot
    {
        public ulong Key;
        public int Value; // value + 1; 0: the slot is empty
    }

    private readonly Slot[] _slots;
    private readonly int _mask;

    /// <summary>A table for at most <paramref name="capacity"/> keys (kept at most three quarters full).</summary>
    public KeyTable(int capacity)
    {
        int size = (int)Math.Min(1UL << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)(Math.Max(12L, capacity) * 4 / 3 + 1)));
        _slots = new Slot[size];
        // Written once, in order, before the first lookup: fresh memory that is read first is mapped to the kernel's
        // shared zero page and faults again on the first write (with a TLB flush that interrupts every core running
        // the process); a lookup reads a slot before it writes one, in random order.
        _slots.AsSpan().Clear();
        _mask = size - 1;
    }

    /// <summary>The keys held.</summary>
    public int Count { get; private set; }

    // The keys are FNV hashes; multiplying mixes their bits once more, and the top bits pick the slot.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 34) & _mask;

    /// <summary>Starts loading the slot <paramref name="key"/> hashes to (no effect where the processor has no prefetch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong key)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            fixed (Slot* p = &_slots[Home(key)]) System.Runtime.Intrinsics.X86.Sse.Prefetch0(p);
        }
    }

    /// <summary>
    /// The slot of <paramref name="key"/>: its value when present (true), else the empty slot where <see cref="Set"/>
    /// puts it (false).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Find(ulong key, out int slot, out int value)
    {
        var slots = _slots;
        int i = Home(key);
        while (true)
        {
            ref var s = ref slots[i];
            if (s.Value == 0) { slot = i; value = -1; return false; }
            if (s.Key == key) { slot = i; value = s.Value - 1; return true; }
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Sets the value at a slot <see cref="Find"/> returned (a new key there, or the key found there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int slot, ulong key, int value)
    {
        ref var s = ref _slots[slot];
        if (s.Value == 0)
        {
            if (Count >= (_mask + 1) - (_mask + 1) / 4) throw new InvalidOperationException("key table is full");
            Count++;
        }
        s.Key = key;
        s.Value = value + 1;
    }

    /// <summary>Adds a key with value 0 when absent.</summary>
    public void Add(ulong key)
    {
        if (!Find(key, out int slot, out _)) Set(slot, key, 0);
    }

    /// <summary>True when the key is held.</summary>
    public bool Contains(ulong key) => Find(key, out _, out _);
}
