namespace SeatGuard.Core.Credentials.Probe;

/// <summary>A credential header as it arrived, already reduced to prefix and fingerprint (the value is dropped). <see cref="Empty"/>: the header was there with no value.</summary>
public sealed record ObservedHeader(string Header, string Prefix, string Fingerprint)
{
    /// <summary>True when the header was there with no value.</summary>
    public bool Empty => Fingerprint.Length == 0;
}
