namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// Which credential an observed request carried, by comparing fingerprints with the credentials SeatGuard knows of
/// (the resolution's winner, second credential and shadowed ones, plus any the caller planted). A header whose
/// fingerprint matches none is named by the only credential it can be: one whose value SeatGuard cannot read
/// (a file descriptor, a keychain login, a minted federation token), else by its shape.
/// </summary>
public static class WireAttribution
{
    /// <summary>The credential an observed request carried.</summary>
    /// <param name="Kind">The kind of credential that reached the wire (<see cref="CredentialKind.None"/> when no request was seen).</param>
    /// <param name="Fingerprint">The fingerprint of the credential header, or null when unknown or empty.</param>
    /// <param name="Second">The kind of a second credential sent in the same request, or null.</param>
    /// <param name="EmptyCredential">True when a credential header was there with no value.</param>
    public sealed record Result(CredentialKind Kind, string? Fingerprint, CredentialKind? Second, bool EmptyCredential);

    /// <summary>Names the credential <paramref name="request"/> carried (a result of kind <see cref="CredentialKind.None"/> when it is null).</summary>
    /// <param name="request">The request that reached the probe listener, or null.</param>
    /// <param name="inv">The credential inventory the prediction was made from.</param>
    /// <param name="predicted">SeatGuard's prediction; its winner, second, shadowed and refused credentials are the candidates.</param>
    /// <param name="known">Further credentials by fingerprint (for example those planted in a sandbox), or null.</param>
    public static Result Attribute(ObservedRequest? request, CredentialInventory inv, BillingResolution predicted, IReadOnlyDictionary<string, CredentialKind>? known = null)
    {
        if (request is null) return new Result(CredentialKind.None, null, null, false);
        var candidates = new List<CredentialRef> { predicted.Winner };
        candidates.AddRange(predicted.AlsoSent);
        candidates.AddRange(predicted.Shadowed);
        if (predicted.Refused is { } refused) candidates.Add(refused);

        CredentialKind? Match(ObservedHeader h)
        {
            if (candidates.FirstOrDefault(c => c.Fingerprint == h.Fingerprint) is { } c) return c.Kind;
            return known is not null && known.TryGetValue(h.Fingerprint, out var k) ? k : null;
        }

        CredentialKind Bearer(ObservedHeader h)
        {
            if (h.Empty) return CredentialKind.ApiKeyHelper;
            if (Match(h) is { } kind) return kind;
            // A credential SeatGuard cannot read: the predicted one when it is of that sort.
            var order = predicted.AlsoSent.Concat(candidates);
            var unreadable = order.FirstOrDefault(c => c.Fingerprint is null && c.Kind is CredentialKind.OAuthToken or CredentialKind.Login or CredentialKind.Federation
                or CredentialKind.Profile or CredentialKind.AuthToken or CredentialKind.ApiKeyHelper);
            if (unreadable is not null) return unreadable.Kind;
            return request.OAuthBeta ? CredentialKind.Login : CredentialKind.AuthToken;
        }

        if (request.ApiKey is { } key)
        {
            CredentialKind kind = key.Empty ? CredentialKind.ApiKeyHelper
                : Match(key) ?? (candidates.FirstOrDefault(c => c.Fingerprint is null && c.Kind is CredentialKind.ApiKey or CredentialKind.ApiKeyHelper)?.Kind ?? CredentialKind.ApiKey);
            CredentialKind? second = request.Bearer is { } b && b.Fingerprint != key.Fingerprint ? Bearer(b) : null;
            bool empty = key.Empty || request.Bearer is { Empty: true };
            if (second == kind && kind == CredentialKind.ApiKeyHelper) second = null;
            return new Result(kind, key.Empty ? null : key.Fingerprint, second, empty);
        }
        if (request.Bearer is { } bearer) return new Result(Bearer(bearer), bearer.Empty ? null : bearer.Fingerprint, null, bearer.Empty);
        return new Result(CredentialKind.None, null, null, false);
    }

    /// <summary>Whether an observation agrees with a prediction: same kind, same fingerprint when both are known, same second credential.</summary>
    public static bool Agrees(Result observed, BillingResolution predicted) =>
        observed.Kind == predicted.Winner.Kind
        && (observed.Fingerprint is null || predicted.Winner.Fingerprint is null || observed.Fingerprint == predicted.Winner.Fingerprint)
        && observed.Second == predicted.AlsoSent.FirstOrDefault()?.Kind;
}
