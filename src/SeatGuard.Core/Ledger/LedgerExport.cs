using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SeatGuard.Core.Ledger;

/// <summary>
/// <c>seatguard ledger export</c>: the launches since a time, for a billing dispute or a support ticket — per launch the
/// session id, models, request ids, every rate-limit event, the cost, the verdict and the credential's kind, source and
/// fingerprint. Never a credential: the ledger holds fingerprints only, and every text field is scrubbed again here.
/// </summary>
public sealed record LedgerExport(string Ledger, DateTimeOffset ExportedAt, DateTimeOffset? Since, IReadOnlyList<LedgerEntry> Launches)
{
    /// <summary>The CSV header, in column order.</summary>
    public static readonly string[] CsvColumns =
    [
        "id", "time", "beneficiary", "owner", "mode", "verdict", "exitCode", "seatguardExit", "stoppedBy", "overage", "sessionId", "models", "requestIds",
        "rateLimitEvents", "costUsd", "credentialKind", "credentialSource", "credentialFingerprint", "forced", "warning", "modelDecision", "cwd", "command",
    ];

    /// <summary>One header line, then one line per launch; lists joined with <c>;</c>, the rate-limit events as JSON.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder(string.Join(',', CsvColumns)).Append('\n');
        foreach (var e in Launches)
        {
            string[] fields =
            [
                e.Id.ToString(CultureInfo.InvariantCulture), e.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), e.Beneficiary, e.Owner, e.Mode,
                e.Verdict, Num(e.ExitCode), Num(e.SeatGuardExit), e.StoppedBy ?? "", e.Overage ? "true" : "false", e.SessionId ?? "", string.Join(';', e.Models),
                string.Join(';', e.RequestIds), JsonSerializer.Serialize(e.RateLimitEvents.ToList(), LedgerStorageJson.Default.ListRateLimitEvent),
                e.CostUsd?.ToString("R", CultureInfo.InvariantCulture) ?? "", e.CredentialKind, e.CredentialSource, e.CredentialFingerprint ?? "",
                e.Forced ? "true" : "false", e.Warning ?? "", e.ModelDecision ?? "", e.Cwd, e.Command,
            ];
            sb.AppendJoin(',', fields.Select(f => Field(Common.Redactor.Scrub(f)))).Append('\n');
        }
        return sb.ToString();
    }

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
