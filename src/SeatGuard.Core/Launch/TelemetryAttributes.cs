using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>
/// When the launched Claude Code exports OpenTelemetry (<c>CLAUDE_CODE_ENABLE_TELEMETRY</c> truthy in its environment
/// or in a settings file's <c>env</c>), the launch adds <c>seatguard.billing</c> (the launch mode) and
/// <c>seatguard.beneficiary</c> to <c>OTEL_RESOURCE_ATTRIBUTES</c>, which Claude Code puts on every metric data point
/// and log record, so any OTel backend can split cost by billing source. The attributes already there are kept as
/// they are; a stale SeatGuard pair is replaced. Values are percent-encoded as the OTel specification asks (W3C
/// Baggage octets; <c>=</c> too, which some SDKs cannot parse in a value). Never a credential: the beneficiary is
/// scrubbed like every other output.
/// </summary>
public static class TelemetryAttributes
{
    public const string EnableVariable = "CLAUDE_CODE_ENABLE_TELEMETRY";
    public const string Variable = "OTEL_RESOURCE_ATTRIBUTES";
    public const string BillingKey = "seatguard.billing";
    public const string BeneficiaryKey = "seatguard.beneficiary";
    private const int MaxValueLength = 255;

    /// <param name="EnvironmentValue">The value for the launched environment (null: leave it).</param>
    /// <param name="SettingsValue">The value for the merged <c>--settings</c> env, when a settings file sets the variable (its value wins over the environment).</param>
    public sealed record Plan(string? EnvironmentValue, string? SettingsValue)
    {
        public static readonly Plan None = new(null, null);
    }

    /// <summary>What to set for a launch whose environment is <paramref name="env"/> and whose settings are <paramref name="layers"/>.</summary>
    public static Plan For(IReadOnlyDictionary<string, string> env, IReadOnlyList<SettingsLayer> layers, Billing mode, string beneficiary)
    {
        // Settings env beats the process environment; among settings, the later scope wins (managed last).
        var usable = layers.Where(l => l.Usable).OrderBy(l => l.Scope).ToList();
        string? Effective(string name, out SettingsLayer? from)
        {
            from = usable.LastOrDefault(l => l.Env.ContainsKey(name));
            return from is not null ? from.Env[name] : env.TryGetValue(name, out var v) ? v : null;
        }
        if (!BillingVariables.IsTruthy(Effective(EnableVariable, out _)?.Trim())) return Plan.None;
        var current = Effective(Variable, out var layer);
        // Managed settings fix the value; nothing a launch sets can change it.
        if (layer?.Scope == SettingsScope.Managed) return Plan.None;
        var merged = Merge(current, [(BillingKey, mode.Name()), (BeneficiaryKey, Redactor.Scrub(beneficiary))]);
        return new Plan(merged, layer is null ? null : merged);
    }

    /// <summary>The existing list with <paramref name="add"/> replacing any entries of the same keys.</summary>
    public static string Merge(string? existing, IReadOnlyList<(string Key, string Value)> add)
    {
        var keys = add.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var kept = (existing ?? "").Split(',')
            .Where(entry => entry.Trim().Length > 0)
            .Where(entry => !keys.Contains(entry.Split('=', 2)[0].Trim()))
            .Select(entry => entry.Trim());
        return string.Join(',', kept.Concat(add.Select(a => a.Key + "=" + Encode(a.Value))));
    }

    /// <summary>Percent-encodes every byte that is not a plain baggage octet (and <c>%</c>, <c>=</c>), after cutting the value to 255 encoded characters.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            int n = rune.EncodeToUtf8(utf8);
            var piece = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                byte b = utf8[i];
                bool plain = b is 0x21 or (>= 0x23 and <= 0x2B) or (>= 0x2D and <= 0x3A) or (>= 0x3C and <= 0x5B) or (>= 0x5D and <= 0x7E);
                if (plain && b is not ((byte)'%' or (byte)'=')) piece.Append((char)b);
                else piece.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            if (sb.Length + piece.Length > MaxValueLength) break;
            sb.Append(piece);
        }
        return sb.ToString();
    }
}
