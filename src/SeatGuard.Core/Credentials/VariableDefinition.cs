using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// One definition of a billing variable in one layer. Secrets are kept only as fingerprint and prefix (of the value
/// as Claude Code uses it: trimmed, measured on 2.1.330 and 2.1.332 — a blank value counts as unset); non-secret
/// values (switches, descriptor numbers) are kept as they are, trimmed, a base URL with its secret parts redacted
/// (<see cref="Common.Redactor.RedactUrl"/>).
/// </summary>
public sealed record VariableDefinition(string Name, CredentialSource Source, bool NonEmpty, string? Fingerprint, string? Prefix, string? PlainValue)
{
    /// <summary>The last 20 characters of an API key (how Claude Code remembers approvals), never serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Tail { get; init; }

    /// <summary>What is wrong with the shape of an OAuth token, when this is one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ShapeProblem { get; init; }

    /// <summary>Credential headers of an <c>ANTHROPIC_CUSTOM_HEADERS</c> value.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<CustomHeader> CustomHeaders { get; init; } = [];

    /// <summary>Where it is set, for messages: <c>env:X</c>, or <c>settings:project (/repo/.claude/settings.json)</c>.</summary>
    public string Location => Source.Path is null ? Source.ToString() : $"{Source} ({Source.Path})";

    /// <summary>Reduces a raw value to what may be kept.</summary>
    public static VariableDefinition Of(string name, string value, CredentialSource source)
    {
        var trimmed = value.Trim();
        bool secret = BillingVariables.IsSecret(name);
        bool nonEmpty = trimmed.Length > 0;
        return new VariableDefinition(name, source, nonEmpty,
            secret && nonEmpty ? Redactor.Fingerprint(trimmed) : null,
            secret && nonEmpty ? Redactor.PublicPrefix(trimmed) : null,
            secret ? null : name == BillingVariables.BaseUrl ? Redactor.RedactUrl(trimmed) : trimmed)
        {
            Tail = name == BillingVariables.ApiKey && nonEmpty ? GlobalStateFile.Tail(trimmed) : null,
            ShapeProblem = name == BillingVariables.OAuthToken && nonEmpty ? OAuthTokenShape.Problem(trimmed) : null,
            CustomHeaders = name == BillingVariables.CustomHeaders ? CustomHeader.Parse(value) : [],
        };
    }
}
