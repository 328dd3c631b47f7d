using System.Text.Json.Nodes;
using static SeatGuard.Core.Credentials.Probe.MatrixSandbox;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// The credential environments <c>seatguard doctor --probe --matrix</c> builds, one per rule of SeatGuard's precedence
/// model (docs/credentials.md). Each is measurable on loopback: no managed settings, no files outside the sandbox,
/// nothing that waits on a network. The interop tests run the same list against the pinned Claude Code.
/// </summary>
public static class MatrixEnvironments
{
    private const string ApiKey = BillingVariables.ApiKey;
    private const string OAuth = BillingVariables.OAuthToken;
    private const string AuthToken = BillingVariables.AuthToken;

    private static JsonObject Helper(string key) => new() { ["apiKeyHelper"] = "echo " + key };

    /// <summary>Every environment of the matrix, in the order they are reported.</summary>
    public static readonly IReadOnlyList<MatrixEnvironment> All =
    [
        // The precedence of the everyday credentials.
        new("oauth-env", "CLAUDE_CODE_OAUTH_TOKEN alone is the subscription", s => s.Set(OAuth, s.OAuth())),
        new("api-key-env", "ANTHROPIC_API_KEY alone is the API", s => s.Set(ApiKey, s.Key())),
        new("api-key-beats-oauth", "ANTHROPIC_API_KEY beats CLAUDE_CODE_OAUTH_TOKEN", s => s.Set(ApiKey, s.Key()).Set(OAuth, s.OAuth())),
        new("blank-api-key-is-unset", "a blank ANTHROPIC_API_KEY counts as unset", s => s.Set(ApiKey, "  ").Set(OAuth, s.OAuth())),
        new("user-settings-key-beats-oauth", "an env block key in user settings beats the OAuth token", s => { s.UserSettings(EnvBlock(ApiKey, s.Key())); s.Set(OAuth, s.OAuth()); }),
        new("project-settings-key-beats-login", "a repository's settings key beats /login", s => { s.ProjectSettings(EnvBlock(ApiKey, s.Key())); s.Login(); }),
        new("settings-key-beats-env-key", "a settings key beats the process environment's", s => { s.UserSettings(EnvBlock(ApiKey, s.Key("KEY2"))); s.Set(ApiKey, s.Key()); }),
        new("settings-blank-key-unsets-env-key", "\"\" in settings removes the environment's key", s => { s.UserSettings(EnvBlock(ApiKey, "")); s.Set(ApiKey, s.Key()).Set(OAuth, s.OAuth()); }),
        new("local-beats-project", "settings.local.json beats settings.json", s => { s.ProjectSettings(EnvBlock(ApiKey, s.Key())); s.LocalSettings(EnvBlock(ApiKey, s.Key("KEY2"))); }),
        new("helper-beats-oauth", "an apiKeyHelper beats the OAuth token (its key on both headers)", s => { s.UserSettings(Helper(s.HelperKey())); s.Set(OAuth, s.OAuth()); }),
        new("api-key-with-helper", "ANTHROPIC_API_KEY and a helper: the key, the helper's key as bearer", s => { s.UserSettings(Helper(s.HelperKey())); s.Set(ApiKey, s.Key()); }),
        new("helper-with-auth-token", "a repository helper and ANTHROPIC_AUTH_TOKEN: both on the request", s => { s.ProjectSettings(Helper(s.HelperKey())); s.Set(AuthToken, s.Auth()); }),
        new("auth-token-beats-oauth", "ANTHROPIC_AUTH_TOKEN beats the OAuth token", s => s.Set(AuthToken, s.Auth()).Set(OAuth, s.OAuth())),
        new("api-key-with-auth-token", "ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN: both on the request", s => s.Set(ApiKey, s.Key()).Set(AuthToken, s.Auth())),
        new("login-file", "the /login credentials file is the subscription", s => s.Login()),
        new("oauth-beats-login", "CLAUDE_CODE_OAUTH_TOKEN beats /login", s => { s.Login(); s.Set(OAuth, s.OAuth()); }),
        new("expired-login-still-sent", "an expired /login access token is still sent", s => s.Login(expires: DateTimeOffset.UtcNow.AddDays(-2))),
        new("login-without-inference", "/login without user:inference counts as nothing", s => s.Login(scopes: ["user:profile"])),
        new("oauth-in-user-settings", "CLAUDE_CODE_OAUTH_TOKEN in user settings counts", s => s.UserSettings(EnvBlock(OAuth, s.OAuth()))),
        new("oauth-in-project-settings-ignored", "CLAUDE_CODE_OAUTH_TOKEN in a repository's settings is ignored", s => { s.ProjectSettings(EnvBlock(OAuth, s.OAuth())); s.Login(); }),
        new("console-key-loses-to-login", "a Console-managed primaryApiKey loses to /login", s => { s.Login(); s.GlobalState(new JsonObject { ["primaryApiKey"] = s.Key("PRIMARY") }); }),
        new("console-key-alone", "a Console-managed primaryApiKey alone is sent", s => s.GlobalState(new JsonObject { ["primaryApiKey"] = s.Key("PRIMARY") })),
        new("console-key-with-auth-token", "a primaryApiKey and ANTHROPIC_AUTH_TOKEN: both on the request", s => { s.GlobalState(new JsonObject { ["primaryApiKey"] = s.Key("PRIMARY") }); s.Set(AuthToken, s.Auth()); }),
        new("nothing", "no credential: nothing is sent", _ => { }),

        // Where Claude Code reads its files.
        new("config-dir-settings", "CLAUDE_CONFIG_DIR's settings.json replaces ~/.claude's", s => { s.Write(Path.Combine(s.Home, ".claude", "settings.json"), EnvBlock(ApiKey, s.Key()).ToJsonString()); var cfg = Path.Combine(s.Root, "cfg"); s.Write(Path.Combine(cfg, "settings.json"), EnvBlock(ApiKey, s.Key("KEY2")).ToJsonString()); s.Set("CLAUDE_CONFIG_DIR", cfg); }),
        new("config-dir-taken-literally", "CLAUDE_CONFIG_DIR with a comma is one directory", s => { var a = Path.Combine(s.Root, "a"); var literal = a + "," + Path.Combine(s.Root, "b"); s.Login("LOGIN_A", directory: a); s.Login("LOGIN_LITERAL", directory: literal); s.Set("CLAUDE_CONFIG_DIR", literal); }),

        // How settings and credential files are parsed.
        new("settings-comment-ignored", "a // comment makes Claude Code ignore the whole settings file", s => { s.UserSettings("{\n  // a comment\n  \"env\": {\"ANTHROPIC_API_KEY\": \"" + s.Key() + "\"}\n}\n"); s.Set(OAuth, s.OAuth()); }),
        new("settings-trailing-comma-ignored", "a trailing comma makes the file count for nothing", s => { s.UserSettings("{\"env\": {\"ANTHROPIC_API_KEY\": \"" + s.Key() + "\"},}"); s.Set(OAuth, s.OAuth()); }),
        new("settings-bom-read", "a UTF-8 byte order mark is accepted in settings", s => { s.UserSettings("\uFEFF{\"env\": {\"ANTHROPIC_API_KEY\": \"" + s.Key() + "\"}}"); s.Set(OAuth, s.OAuth()); }),
        new("settings-duplicate-last-wins", "of duplicate keys the last one wins", s => { s.UserSettings("{\"env\": {\"ANTHROPIC_API_KEY\": \"" + s.Key() + "\"}, \"env\": {}}"); s.Set(OAuth, s.OAuth()); }),
        new("settings-lone-surrogate-read", "a lone surrogate escape is valid", s => { s.UserSettings("{\"note\": \"\\ud800\", \"env\": {\"ANTHROPIC_API_KEY\": \"" + s.Key() + "\"}}"); s.Set(OAuth, s.OAuth()); }),
        new("settings-schema-invalid-ignored", "a field of the wrong type (\"model\": 5) makes the file count for nothing", s => { s.UserSettings("{\"model\": 5, \"env\": {\"ANTHROPIC_API_KEY\": \"" + s.Key() + "\"}}"); s.Set(OAuth, s.OAuth()); }),
        new("credentials-bom-ignored", "a byte order mark makes .credentials.json unreadable", s => { var path = s.Login(); s.LoginText("\uFEFF" + File.ReadAllText(path)); }),

        // Helpers, pasted tokens.
        new("failing-helper-still-wins", "an apiKeyHelper that fails still wins: an empty credential is sent", s => { s.UserSettings(new JsonObject { ["apiKeyHelper"] = "exit 1" }); s.Set(OAuth, s.OAuth()); }),
        new("blank-helper-disables", "apiKeyHelper \"\" in --settings turns a helper off", s => { s.UserSettings(Helper(s.HelperKey())); s.Flag["apiKeyHelper"] = ""; s.Set(OAuth, s.OAuth()); }),
        new("oauth-token-in-api-key", "an OAuth token in ANTHROPIC_API_KEY is sent as x-api-key", s => s.Set(ApiKey, s.OAuth())),

        // --bare and CLAUDE_CODE_SIMPLE.
        new("simple-ignores-oauth", "CLAUDE_CODE_SIMPLE=1: no OAuth token is read", s => s.Set("CLAUDE_CODE_SIMPLE", "1").Set(OAuth, s.OAuth())),
        new("simple-in-user-settings", "CLAUDE_CODE_SIMPLE from user settings counts too", s => { s.UserSettings(EnvBlock("CLAUDE_CODE_SIMPLE", "1")); s.Login(); }),
        new("bare-keeps-api-key", "--bare still uses ANTHROPIC_API_KEY", s => { s.Args.Add("--bare"); s.Set(ApiKey, s.Key()).Set(OAuth, s.OAuth()); }),
        new("bare-flag-helper", "--bare runs an apiKeyHelper given by --settings", s => { s.Args.Add("--bare"); s.Flag["apiKeyHelper"] = "echo " + s.HelperKey(); s.Set(OAuth, s.OAuth()); }),

        // File descriptors.
        new("fd-oauth-beats-login", "CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR beats /login", s => { s.Descriptor(3, s.OAuth("FDOAUTH")); s.Login(); s.Set(BillingVariables.OAuthTokenFd, "3"); }),
        new("fd-key-beats-oauth", "CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR is an API key", s => { s.Descriptor(3, s.Key("FDKEY")); s.Set(BillingVariables.ApiKeyFd, "3").Set(OAuth, s.OAuth()); }),

        // ant profiles and federation.
        new("profile-explicit-beats-login", "ANTHROPIC_PROFILE's login beats /login (the organization's API account)", s => { s.Profile("work"); s.Login(); s.Set(BillingVariables.Profile, "work"); }),
        new("profile-implicit-loses-to-login", "the implicit default profile counts only without /login", s => { s.Profile("default"); s.Login(); }),
        new("profile-implicit-federation-beats-login", "an implicit oidc_federation profile federates ahead of /login", s => { s.FederationProfile("default"); s.Login(); }),
        new("profile-loses-to-console-key", "a Console-managed key beats a profile", s => { s.Profile("work"); s.GlobalState(new JsonObject { ["primaryApiKey"] = s.Key("PRIMARY") }); s.Set(BillingVariables.Profile, "work"); }),
        new("federation-beats-login", "workload identity federation beats /login", s => { s.Login(); s.Set(BillingVariables.FederationRuleId, "fdrl_matrix").Set(BillingVariables.OrganizationId, "00000000-0000-4000-8000-000000000001").Set(BillingVariables.IdentityToken, IdentityToken()); }),
        new("refresh-token-does-not-log-in", "CLAUDE_CODE_OAUTH_REFRESH_TOKEN (with scopes) does not log claude -p in", s => s.Set(BillingVariables.RefreshToken, RefreshToken()).Set(BillingVariables.OAuthScopes, "user:inference user:profile")),
        new("federation-without-token-sends-nothing", "federation without an identity token: nothing is sent", s => { s.Login(); s.Set(BillingVariables.FederationRuleId, "fdrl_matrix").Set(BillingVariables.OrganizationId, "00000000-0000-4000-8000-000000000001"); }),

        // Providers and the gateway.
        new("bedrock-switch", "CLAUDE_CODE_USE_BEDROCK routes to Amazon Bedrock", s => { s.Set("CLAUDE_CODE_USE_BEDROCK", "1").Set("ANTHROPIC_BEDROCK_BASE_URL", s.BaseUrl + "/bedrock").Set("AWS_REGION", "us-east-1").Set("CLAUDE_CODE_SKIP_BEDROCK_AUTH", "1").Set(OAuth, s.OAuth()); }),
        new("cloud-gateway-token", "CLAUDE_CODE_USE_GATEWAY: ANTHROPIC_AUTH_TOKEN is the only credential", s => s.Set("CLAUDE_CODE_USE_GATEWAY", "1").Set(AuthToken, s.Auth()).Set(ApiKey, s.Key()).Set(OAuth, s.OAuth())),
        new("custom-authorization-header", "an Authorization header in ANTHROPIC_CUSTOM_HEADERS replaces the OAuth bearer", s => s.Set(OAuth, s.OAuth()).Set(BillingVariables.CustomHeaders, "Authorization: Bearer " + s.Auth("HDR"))),
    ];
}
