using System.Text;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Scan;

/// <summary>
/// Paths as git prints them and as SeatGuard shows them: git quotes a path holding control characters, quotes or
/// bytes outside ASCII (<c>"caf\303\251.txt"</c>); <see cref="Unquote"/> gives back its exact bytes.
/// </summary>
public static class GitPath
{
    /// <summary>The bytes of a path as git printed it (C-style quoted or plain).</summary>
    public static byte[] Unquote(string s)
    {
        if (s.Length < 2 || s[0] != '"' || s[^1] != '"') return Encoding.UTF8.GetBytes(s);
        var bytes = new List<byte>(s.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 1; i < s.Length - 1; i++)
        {
            char c = s[i];
            if (c != '\\' || i + 1 >= s.Length - 1)
            {
                int n = Encoding.UTF8.GetBytes([c], utf8);
                for (int k = 0; k < n; k++) bytes.Add(utf8[k]);
                continue;
            }
            char e = s[++i];
            switch (e)
            {
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 't': bytes.Add(9); break;
                case 'n': bytes.Add(10); break;
                case 'v': bytes.Add(11); break;
                case 'f': bytes.Add(12); break;
                case 'r': bytes.Add(13); break;
                case >= '0' and <= '7' when i + 2 < s.Length - 1 && s[i + 1] is >= '0' and <= '7' && s[i + 2] is >= '0' and <= '7':
                    bytes.Add((byte)((e - '0') * 64 + (s[i + 1] - '0') * 8 + (s[i + 2] - '0')));
                    i += 2;
                    break;
                default: bytes.Add((byte)e); break;
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Text for a path's bytes (see <see cref="RawPath.Display"/>).</summary>
    public static string Display(ReadOnlySpan<byte> bytes) => RawPath.Display(bytes);
}
