namespace SeatGuard.Core.Common;

/// <summary>The data files embedded in the library (policy book, scan rules, price book), read by file name.</summary>
public static class EmbeddedData
{
    /// <summary>The text of the embedded file whose resource name ends with <c>.<paramref name="fileName"/></c>.</summary>
    public static string ReadText(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("embedded data file missing from this build: " + fileName);
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
