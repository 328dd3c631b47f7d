using SeatGuard.Core.Credentials;

namespace SeatGuard.TestKit;

/// <summary>A keychain that holds a Claude Code login under <paramref name="service"/> (any service when null), recording every question.</summary>
public sealed class FakeKeychain(bool present, string? service = KeychainService.BaseName) : IKeychainProbe
{
    private readonly List<string> _asked = [];

    public IReadOnlyList<string> Asked { get { lock (_asked) return _asked.ToArray(); } }

    public int Calls => Asked.Count;

    public bool HasClaudeCodeItem(string serviceName)
    {
        lock (_asked) _asked.Add(serviceName);
        return present && (service is null || service == serviceName);
    }
}
