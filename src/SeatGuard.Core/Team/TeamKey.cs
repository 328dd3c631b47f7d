using System.Security.Cryptography;
using System.Text;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Team;

/// <summary>
/// The team secret (<c>SEATGUARD_TEAM_KEY</c>): every credential fingerprint is keyed with it (HMAC-SHA256) before
/// it leaves the machine, so the team store can tell that two machines use the same credential while nobody
/// without the secret can link a stored fingerprint to a credential or to fingerprints elsewhere. The secret
/// itself is never stored, sent or printed.
/// </summary>
public sealed class TeamKey
{
    public const string Variable = "SEATGUARD_TEAM_KEY";
    public const int MinimumLength = 16;
    private const string Prefix = "hmac:";
    private readonly byte[] _key;

    private TeamKey(byte[] key) => _key = key;

    /// <summary>The secret from <c>SEATGUARD_TEAM_KEY</c>; missing or too short → <see cref="InputException"/>.</summary>
    public static TeamKey FromHost(HostContext host) => FromSecret(host.Get(Variable));

    public static TeamKey FromSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
            throw new InputException($"{Variable} is not set: every machine of the team needs the same team secret (make one with `openssl rand -hex 32` and share it like a password)");
        var trimmed = secret.Trim();
        if (trimmed.Length < MinimumLength)
            throw new InputException($"{Variable} is too short ({trimmed.Length} characters): use at least {MinimumLength}, e.g. `openssl rand -hex 32`");
        return new TeamKey(Encoding.UTF8.GetBytes(trimmed));
    }

    /// <summary>
    /// <c>hmac:</c> and 16 hex digits of HMAC-SHA256(team secret, fingerprint): equal for the same credential on every
    /// machine of the team, unrelated outside it. Null for no fingerprint.
    /// </summary>
    public string? Keyed(string? fingerprint)
    {
        if (string.IsNullOrEmpty(fingerprint)) return null;
        if (fingerprint.StartsWith(Prefix, StringComparison.Ordinal)) return fingerprint;
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("seatguard/team-fingerprint/v1\n" + fingerprint));
        return Prefix + Convert.ToHexStringLower(mac.AsSpan(0, 8));
    }

    public override string ToString() => "(team key)";
}
