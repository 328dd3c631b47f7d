using System.Collections;
using System.Runtime.CompilerServices;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Where <see cref="UsageCells"/> keeps its cells: a managed array, or the state file's cell records mapped in place
/// (<see cref="PrivateMapping"/>: no copy of the file, changed cells go to private pages) with room for the cells an
/// update adds. When that room runs out the cells move to a managed array.
/// </summary>
internal sealed unsafe class CellStorage : IReadOnlyList<UsageCell>
{
    private UsageCell[] _array;
    private PrivateMapping? _mapping;
    private UsageCell* _mapped;
    private int _capacity;

    /// <summary>Empty storage with room for <paramref name="capacity"/> cells.</summary>
    public CellStorage(int capacity = 0)
    {
        _array = capacity == 0 ? [] : new UsageCell[capacity];
        _capacity = _array.Length;
    }

    /// <summary>
    /// <paramref name="count"/> cells at byte <paramref name="offset"/> of a mapping (8-byte aligned), and the room after
    /// them; null when they do not fit in it.
    /// </summary>
    public static CellStorage? Mapped(PrivateMapping mapping, long offset, int count)
    {
        long size = Unsafe.SizeOf<UsageCell>();
        if (offset < 0 || offset % 8 != 0 || count < 0 || offset + count * size > mapping.Length) return null;
        long room = (mapping.Capacity - offset) / size;
        return new CellStorage(0) { _mapping = mapping, _mapped = (UsageCell*)(mapping.Pointer + offset), _capacity = (int)Math.Min(int.MaxValue, room), Count = count };
    }

    /// <summary>True while the cells are the mapped file's records.</summary>
    public bool IsMapped => _mapping is not null && _mapped != null;

    /// <summary>The cells stored.</summary>
    public int Count { get; private set; }

    /// <summary>The cells, to read or change in place.</summary>
    public Span<UsageCell> AsSpan() => _mapped != null ? new Span<UsageCell>(_mapped, Count) : _array.AsSpan(0, Count);

    /// <summary>A cell.</summary>
    public UsageCell this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return _mapped != null ? _mapped[index] : _array[index];
        }
    }

    /// <summary>Room for <paramref name="capacity"/> cells (moving them to a larger managed array when needed).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _capacity) return;
        // Not zeroed: every cell up to Count is written whole before it is read (Add clears a new cell's padding too),
        // and the pages of the room after it are not touched (no page faults for capacity a run does not use).
        var larger = GC.AllocateUninitializedArray<UsageCell>(Math.Max(capacity, (int)Math.Min(Array.MaxLength, Math.Max(16L, _capacity * 2L))));
        AsSpan().CopyTo(larger);
        _array = larger;
        _capacity = larger.Length;
        _mapped = null; // the mapping itself stays referenced (and mapped) as long as this storage: nothing taken from it dangles
    }

    /// <summary>Adds a cell at the end.</summary>
    public void Add(in UsageCell cell)
    {
        EnsureCapacity(Count + 1);
        Count++;
        ref var slot = ref AsSpan()[Count - 1];
        Unsafe.InitBlockUnaligned(ref Unsafe.As<UsageCell, byte>(ref slot), 0, (uint)Unsafe.SizeOf<UsageCell>()); // padding bytes included
        slot = cell;
    }

    /// <summary>Adds cells at the end.</summary>
    public void AddRange(ReadOnlySpan<UsageCell> cells)
    {
        EnsureCapacity(Count + cells.Length);
        int at = Count;
        Count += cells.Length;
        cells.CopyTo(AsSpan()[at..]);
    }

    /// <summary>Sets the count of an empty managed storage to <paramref name="count"/> cells of undefined content, to be filled whole through <see cref="AsSpan"/>.</summary>
    public void SetCount(int count)
    {
        EnsureCapacity(count);
        Count = count;
    }

    public IEnumerator<UsageCell> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
