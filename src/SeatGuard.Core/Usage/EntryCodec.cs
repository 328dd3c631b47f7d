namespace SeatGuard.Core.Usage;

/// <summary>Compact binary form of one file's entries (7-bit varints; models and regions as string tables).</summary>
internal static class EntryCodec
{
    private const byte Version = 3;

    public static byte[] Encode(List<UsageEntry> entries)
    {
        using var ms = new MemoryStream(16 + entries.Count * 40);
        using var w = new BinaryWriter(ms);
        w.Write(Version);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 0 };
        foreach (var e in entries)
        {
            strings.TryAdd(e.Model, strings.Count);
            if (e.InferenceGeo is { } g) strings.TryAdd(g, strings.Count);
        }
        w.Write7BitEncodedInt(strings.Count);
        foreach (var (name, _) in strings.OrderBy(kv => kv.Value)) w.Write(name);
        w.Write7BitEncodedInt(entries.Count);
        long lastTs = 0;
        foreach (var e in entries)
        {
            long delta = e.TimestampMs - lastTs;
            w.Write7BitEncodedInt64(delta >= 0 ? delta << 1 : ((-delta) << 1) | 1);
            lastTs = e.TimestampMs;
            w.Write(e.MessageKey);
            w.Write(e.DedupKey);
            w.Write((byte)e.Flags);
            w.Write7BitEncodedInt(strings[e.Model]);
            w.Write7BitEncodedInt(e.InferenceGeo is { } geo ? strings[geo] : 0);
            w.Write7BitEncodedInt64(e.InputTokens);
            w.Write7BitEncodedInt64(e.OutputTokens);
            w.Write7BitEncodedInt64(e.CacheWrite5mTokens);
            w.Write7BitEncodedInt64(e.CacheWrite1hTokens);
            w.Write7BitEncodedInt64(e.CacheReadTokens);
            w.Write7BitEncodedInt(e.WebSearchRequests);
            if ((e.Flags & UsageEntryFlags.HasCostUsd) != 0) w.Write(e.CostUsd);
        }
        w.Flush();
        return ms.ToArray();
    }

    /// <param name="bytes">The encoded entries, as stored in the usage store.</param>
    /// <param name="source">The file the entries were read from.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static List<UsageEntry> Decode(byte[] bytes, TranscriptSource source)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (r.ReadByte() != Version) throw new InvalidDataException("cache entry version");
        var strings = new string[r.Read7BitEncodedInt()];
        for (int i = 0; i < strings.Length; i++) strings[i] = string.Intern(r.ReadString());
        int count = r.Read7BitEncodedInt();
        var list = new List<UsageEntry>(count);
        long ts = 0;
        for (int i = 0; i < count; i++)
        {
            long d = r.Read7BitEncodedInt64();
            ts = (d & 1) == 0 ? ts + (d >> 1) : ts - (d >> 1);
            ulong msg = r.ReadUInt64();
            ulong key = r.ReadUInt64();
            var flags = (UsageEntryFlags)r.ReadByte();
            var model = strings[r.Read7BitEncodedInt()];
            int geo = r.Read7BitEncodedInt();
            list.Add(new UsageEntry
            {
                TimestampMs = ts, Source = source, Model = model, MessageKey = msg, DedupKey = key, Flags = flags, InferenceGeo = geo == 0 ? null : strings[geo],
                InputTokens = r.Read7BitEncodedInt64(), OutputTokens = r.Read7BitEncodedInt64(),
                CacheWrite5mTokens = r.Read7BitEncodedInt64(), CacheWrite1hTokens = r.Read7BitEncodedInt64(),
                CacheReadTokens = r.Read7BitEncodedInt64(), WebSearchRequests = r.Read7BitEncodedInt(),
                CostUsd = (flags & UsageEntryFlags.HasCostUsd) != 0 ? r.ReadDouble() : double.NaN,
            });
        }
        return list;
    }
}
