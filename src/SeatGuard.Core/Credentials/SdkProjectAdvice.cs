using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// An Agent SDK project in the inspected directory (a <c>package.json</c> that depends on
/// <c>@anthropic-ai/claude-agent-sdk</c>, or a <c>pyproject.toml</c> / <c>requirements.txt</c> that names
/// <c>claude-agent-sdk</c>) whose environment bills the API key: an SDK program started here passes that key to the
/// CLI it spawns. Measured with the real SDK 0.3.333: with both a key and an OAuth token set, <c>query()</c> bills the key.
/// </summary>
public static class SdkProjectAdvice
{
    /// <summary>The doctor finding's id.</summary>
    public const string FindingId = "sdk-project-bills-api-key";

    private static readonly (string File, string[] Names)[] Manifests =
    [
        ("package.json", ["\"@anthropic-ai/claude-agent-sdk\""]),
        ("pyproject.toml", ["claude-agent-sdk", "claude_agent_sdk"]),
        ("requirements.txt", ["claude-agent-sdk", "claude_agent_sdk"]),
    ];

    /// <summary>Adds the finding when the working directory is an Agent SDK project and its environment bills the API key.</summary>
    public static void Check(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        bool billsKey = res.Verdict == Billing.ApiKey || res.AlsoSent.Any(c => c.Kind is CredentialKind.ApiKey or CredentialKind.ApiKeyHelper);
        if (!billsKey || Manifest(inv.ProjectDir) is not { } manifest) return;
        findings.Add(new DoctorFinding(FindingId, Severity.Warning,
            $"This is an Agent SDK project ({manifest}): an SDK program started here hands {BillingWords.Describe(res.Winner)} to the Claude Code it spawns, so its runs bill the metered API.",
            "If the program does your own work on your subscription, point it at SeatGuard's claude shim (`seatguard shim install`, then pathToClaudeCodeExecutable or cli_path, see docs/sdk.md); if it serves other people, the API key is right.",
            Path.Combine(inv.ProjectDir, manifest)));
    }

    /// <summary>The manifest that names the Agent SDK, or null (files read with size caps, never followed into FIFOs or devices).</summary>
    private static string? Manifest(string projectDir)
    {
        foreach (var (file, names) in Manifests)
        {
            try
            {
                if (SafeFile.ReadAllText(Path.Combine(projectDir, file), SafeFile.ConfigLimit) is { } text && names.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    return file;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return null;
    }
}
