namespace SeatGuard.Core.Policy;

/// <summary>
/// The stable ids of the policy book's scenarios, for code that explains a tier (scan, doctor).
/// Look the text up with <c>PolicyBookLoader.Load(host).FindScenario(id)</c>; a test keeps these in step with the book.
/// </summary>
public static class ScenarioIds
{
    // green
    public const string PersonalScripts = "personal-scripts";
    public const string OwnAgentsSdk = "own-agents-sdk";
    public const string CiOwnRepository = "ci-own-repository";
    public const string WorkYouAuthor = "work-you-author";
    public const string FirstPartyApps = "first-party-apps";

    // gray
    public const string AgencyClientWork = "agency-client-work";
    public const string SlackBotMultipleConsumers = "slack-bot-multiple-consumers";
    public const string OssCliShipsToken = "oss-cli-ships-token";
    public const string InternalTeamTool = "internal-team-tool";
    public const string ThirdPartyHarness = "third-party-harness";

    // red
    public const string ProductUsersHitYourToken = "product-users-hit-your-token";
    public const string MultiTenantSaas = "multi-tenant-saas";
    public const string PooledSubscription = "pooled-subscription";
    public const string Reselling = "reselling";
    public const string ExtractingTokens = "extracting-tokens";

    public static readonly IReadOnlyList<string> All =
    [
        PersonalScripts, OwnAgentsSdk, CiOwnRepository, WorkYouAuthor, FirstPartyApps,
        AgencyClientWork, SlackBotMultipleConsumers, OssCliShipsToken, InternalTeamTool, ThirdPartyHarness,
        ProductUsersHitYourToken, MultiTenantSaas, PooledSubscription, Reselling, ExtractingTokens,
    ];
}
