using CsCheck;
using SeatGuard.Core.Common;

namespace SeatGuard.Tests.Common;

/// <summary>The vectorised case-insensitive search finds exactly what string.IndexOf(…, OrdinalIgnoreCase) finds.</summary>
public sealed class TextSearchTests
{
    [Fact]
    public void ItAgreesWithOrdinalIgnoreCaseIndexOf()
    {
        var text = Gen.String[Gen.Char["abcABC-_/\\uU0"], 0, 200];
        var needle = Gen.String[Gen.Char["abcABC-\\u"], 1, 5];
        Gen.Select(text, needle, Gen.Int[0, 200]).Sample((t, n, start) =>
        {
            start = Math.Min(start, t.Length);
            TextSearch.IndexOfIgnoreCase(t, n, start).ShouldBe(t.IndexOf(n, start, StringComparison.OrdinalIgnoreCase));
            TextSearch.ContainsIgnoreCase(t, n).ShouldBe(t.Contains(n, StringComparison.OrdinalIgnoreCase));
        }, seed: "0000000030Y1", iter: 5000);
    }

    [Theory]
    [InlineData("x SK-ANT-api03-y", "sk-ant-", 2)]
    [InlineData("ApiKeyHelper", "apikeyhelper", 0)]
    [InlineData("claude", "", 0)]
    [InlineData("", "claude", -1)]
    public void ItFindsKeywordsWhateverTheirCase(string text, string needle, int expected) =>
        TextSearch.IndexOfIgnoreCase(text, needle).ShouldBe(expected);
}
