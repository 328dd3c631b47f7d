namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// One Messages API request as the probe's listener saw it: the path, the credential headers (fingerprints only),
/// and whether it carried the OAuth beta flag Claude Code adds for subscription-style OAuth tokens.
/// </summary>
public sealed record ObservedRequest(string Path, ObservedHeader? ApiKey, ObservedHeader? Bearer, bool OAuthBeta)
{
    /// <summary>The credential headers in the order Anthropic's API reads them (x-api-key first).</summary>
    public IReadOnlyList<ObservedHeader> Headers => new[] { ApiKey, Bearer }.OfType<ObservedHeader>().ToArray();
}
