using System.Security.Cryptography;
using System.Text;

namespace SeatGuard.Core.Common;

/// <summary>
/// The one place where secrets become printable. Every output path (tables, JSON, SARIF, ledger,
/// exceptions) shows a credential as its public prefix plus a short SHA-256 fingerprint.
/// </summary>
public static class Redactor
{
    /// <summary><c>sha256:</c> followed by the first 8 hex digits of the SHA-256 of the secret.</summary>
    public static string Fingerprint(ReadOnlySpan<char> secret)
    {
        Span<byte> utf8 = secret.Length <= 512 ? stackalloc byte[secret.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(secret.Length)];
        int n = Encoding.UTF8.GetBytes(secret, utf8);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8[..n], hash);
        return "sha256:" + Convert.ToHexStringLower(hash[..4]);
    }

    /// <summary>The short SHA-256 fingerprint of a secret: <c>sha256:</c> and 8 hex digits.</summary>
    public static string Fingerprint(string secret) => Fingerprint(secret.AsSpan());

    /// <summary>The well-known, non-secret prefix of a token (e.g. <c>sk-ant-oat01-</c>), or empty.</summary>
    public static string PublicPrefix(ReadOnlySpan<char> secret)
    {
        foreach (var p in TokenShapes.KnownPrefixes)
        {
            if (secret.StartsWith(p, StringComparison.Ordinal)) return p;
        }
        // Generic "sk-ant-xxx-" shapes keep only the part up to the third dash.
        if (secret.StartsWith(TokenShapes.AnthropicPrefix, StringComparison.Ordinal))
        {
            int dash = secret[7..].IndexOf('-');
            if (dash > 0 && dash < 12) return secret[..(8 + dash)].ToString();
        }
        return "";
    }

    /// <summary>Printable form of a secret: <c>sk-ant-oat01-…(sha256:3f2a9c1e)</c>.</summary>
    public static string Redact(ReadOnlySpan<char> secret)
    {
        if (secret.IsEmpty) return "(empty)";
        return PublicPrefix(secret) + "…(" + Fingerprint(secret) + ")";
    }

    /// <summary>A secret as it may be printed: its public prefix and its fingerprint, e.g. <c>sk-ant-oat01-…(sha256:3f2a9c1e)</c>.</summary>
    public static string Redact(string secret) => Redact(secret.AsSpan());

    /// <summary>
    /// Replaces every token-shaped run inside free text (error messages, command lines) by its redacted form.
    /// Idempotent: a bare prefix (as in text that is already redacted, or a placeholder) is left as it is.
    /// </summary>
    public static string Scrub(string text)
    {
        int i = text.IndexOf(TokenShapes.AnthropicPrefix, StringComparison.Ordinal);
        if (i < 0) return text;
        var sb = new StringBuilder(text.Length);
        int last = 0;
        while (i >= 0)
        {
            int end = i + 7;
            while (end < text.Length && TokenShapes.IsTokenChar(text[end])) end++;
            var run = text.AsSpan(i, end - i);
            sb.Append(text, last, i - last);
            bool barePrefix = run.Length <= Math.Max(PublicPrefix(run).Length, 7);
            if (barePrefix) sb.Append(run);
            else sb.Append(Redact(run));
            last = end;
            i = text.IndexOf(TokenShapes.AnthropicPrefix, end, StringComparison.Ordinal);
        }
        return sb.Append(text, last, text.Length - last).ToString();
    }
}
