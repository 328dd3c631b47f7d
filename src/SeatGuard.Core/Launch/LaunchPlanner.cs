using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>
/// Computes a launch plan from the billing-source engine. Subscription mode removes API keys, auth tokens
/// and provider flags from the environment and neutralises settings-injected keys and helpers with a
/// <c>--settings</c> override (an empty string works, <c>null</c> does not); API-key mode removes the
/// subscription token. The plan is then re-checked with the same engine: if the intended credential would
/// not be the one used, the launch is refused.
/// </summary>
public sealed class LaunchPlanner(CredentialReader credentials)
{
    private static readonly string[] SubscriptionRemovals =
    [
        BillingVariables.ApiKey, BillingVariables.AuthToken, .. BillingVariables.CloudFlags, BillingVariables.UseGateway, BillingVariables.ApiKeyFd,
        BillingVariables.Profile, BillingVariables.FederationRuleId, BillingVariables.OrganizationId,
    ];

    private static readonly string[] ApiKeyRemovals =
    [
        BillingVariables.OAuthToken, BillingVariables.OAuthTokenFd, BillingVariables.AuthToken, .. BillingVariables.CloudFlags, BillingVariables.UseGateway,
    ];

    /// <summary>Plans the launch for the request's beneficiary: the owner's own requests in the expected mode (usually subscription), anyone else's in api-key mode; refuses (fail closed) when that credential would not be the one Claude Code uses.</summary>
    public PlanOutcome Plan(HostContext host, LaunchRequest request, SeatConfig config)
    {
        var beneficiary = string.IsNullOrWhiteSpace(request.For) ? config.Owner : Beneficiary(request.For.Trim());
        bool forOwner = string.Equals(beneficiary, config.Owner, StringComparison.Ordinal);
        var warnings = new List<string>();

        Billing mode = request.Mode ?? (forOwner ? config.ExpectedMode : Billing.ApiKey);
        if (!mode.IsLaunchMode()) throw new ArgumentOutOfRangeException(nameof(request), mode, "a launch mode is subscription or api-key");
        if (!forOwner && mode == Billing.Subscription)
        {
            if (!request.Force)
                return Refuse($"This run is for '{beneficiary}', not the seat owner '{config.Owner}'. A subscription is for its owner's own use; " +
                              "someone else's request needs an API key. Use --mode api-key (or drop --mode), or --force to override.");
            warnings.Add($"FORCED: running '{beneficiary}'s request on {config.Owner}'s subscription seat. This is the use that gets seats banned.");
        }

        var (userSettings, argsWithoutSettings, userSettingsError) = ExtractUserSettings(request.ClaudeArguments, host.WorkingDirectory);
        if (userSettingsError is not null) throw new InputException(userSettingsError);
        var userFlagLayer = userSettings is null ? null : SettingsLayer.FromObject(SettingsScope.Flag, "--settings", userSettings);

        var fileScopes = ClaudeArguments.FileScopes(argsWithoutSettings);
        var before = credentials.Gather(host, request.ConfigDir, userFlagLayer is null ? null : [userFlagLayer], fileScopes);
        bool bareArgument = ClaudeArguments.Bare(argsWithoutSettings);
        if (mode == Billing.Subscription && (bareArgument || before.SimpleMode))
        {
            var why = bareArgument
                ? "the claude arguments contain --bare, which makes Claude Code read no OAuth token, no /login credentials and no keychain, so it cannot use the subscription. Drop --bare, or launch with --mode api-key."
                : $"CLAUDE_CODE_SIMPLE is set ({before.Active(BillingVariables.Simple)!.Location}), which makes Claude Code run as under --bare: no OAuth token, no /login credentials, no keychain, so it cannot use the subscription. Unset it, or launch with --mode api-key.";
            return Refuse("Refusing to launch in subscription mode: " + why);
        }
        var removals = mode == Billing.Subscription ? SubscriptionRemovals : ApiKeyRemovals;
        var env = new Dictionary<string, string>(host.Environment, StringComparer.Ordinal);
        var removed = removals.Where(env.Remove).ToList();

        // Settings files inject variables and helpers the environment cannot remove: override them.
        var overrideEnv = new JsonObject();
        JsonNode? helperOverride = null;
        var injected = before.Layers.Where(l => l.Usable && l.Scope != SettingsScope.Managed).ToList();
        foreach (var name in removals.Where(n => injected.Any(l => l.Env.TryGetValue(n, out var v) && v.Length > 0)))
            overrideEnv[name] = "";
        var telemetry = TelemetryAttributes.For(env, before.Layers, mode, beneficiary);
        if (telemetry.EnvironmentValue is { } attributes) env[TelemetryAttributes.Variable] = attributes;
        if (telemetry.SettingsValue is { } settingsAttributes) overrideEnv[TelemetryAttributes.Variable] = settingsAttributes;
        bool helperPresent = before.Helper is not null;
        if (mode == Billing.Subscription && helperPresent) helperOverride = "";
        if (mode == Billing.ApiKey && helperPresent && before.Active(BillingVariables.ApiKey) is not null && !removals.Contains(BillingVariables.ApiKey))
            helperOverride = ""; // key and helper together put two credentials on the wire; keep the key.

        var managed = before.Layers.FirstOrDefault(l => l.Scope == SettingsScope.Managed && l.Usable);
        if (managed is not null && (removals.Any(n => managed.Env.TryGetValue(n, out var v) && v.Length > 0) || (mode == Billing.Subscription && !string.IsNullOrEmpty(managed.ApiKeyHelper))))
            return Refuse($"Managed settings ({managed.Path}) set a credential that no launch option can override; Claude Code would not use the {mode.Name()} credential here.");

        var args = new List<string>(argsWithoutSettings);
        var argsAdded = new List<string>();
        JsonObject? merged = null;
        if (overrideEnv.Count > 0 || helperOverride is not null || userSettings is not null)
        {
            merged = userSettings ?? new JsonObject();
            if (overrideEnv.Count > 0)
            {
                var envNode = merged["env"] as JsonObject ?? new JsonObject();
                foreach (var (k, v) in overrideEnv) envNode[k] = v?.DeepClone();
                merged["env"] = envNode;
            }
            if (helperOverride is not null) merged["apiKeyHelper"] = "";
            var json = JsonText.NodeToString(merged, indented: false);
            args.Insert(0, json);
            args.Insert(0, "--settings");
            argsAdded.AddRange(["--settings", Redactor.RedactJsonText(json)]);
        }

        // Re-check the plan with the same engine the doctor uses.
        var flagLayer = merged is null ? null : SettingsLayer.FromObject(SettingsScope.Flag, "--settings", merged);
        var after = credentials.Gather(host.WithEnvironment(env), request.ConfigDir, flagLayer is null ? null : [flagLayer], fileScopes);
        var resolution = BillingResolver.Resolve(after, ClaudeArguments.Mode(argsWithoutSettings));
        if (resolution.Refusal is { } claudeRefuses)
            return Refuse($"Refusing to launch in {mode.Name()} mode: Claude Code would send nothing — {claudeRefuses}.");
        if (resolution.Verdict != mode)
        {
            string why = mode == Billing.Subscription
                ? "no subscription credential is available (no CLAUDE_CODE_OAUTH_TOKEN, no /login credentials). Run `claude setup-token` and export CLAUDE_CODE_OAUTH_TOKEN, or `claude /login`."
                : $"no API key is available for '{beneficiary}'. Export ANTHROPIC_API_KEY (a key from the Claude Console billed to whoever the work is for), or configure an apiKeyHelper, then run again.";
            if (!forOwner && mode == Billing.ApiKey)
                why += " The rule: a subscription is for its owner's own use; the moment someone else's request runs through it, an API key is required.";
            return Refuse($"Refusing to launch in {mode.Name()} mode: {why}");
        }
        if (resolution.AlsoSent.Count > 0)
            return Refuse("Refusing to launch: a second credential would travel on each request (" + string.Join(", ", resolution.AlsoSent.Select(BillingWords.Describe)) + ").");

        var envSet = new List<string>();
        foreach (var name in BillingVariables.Secrets.Where(n => env.TryGetValue(n, out var v) && v.Length > 0)) envSet.Add(name);
        var displayCommand = new List<string> { request.ClaudeExecutable };
        displayCommand.AddRange(Redactor.RedactClaudeArguments(args));
        var plan = new LaunchPlan(mode, beneficiary, config.Owner, resolution.Winner, removed, envSet, argsAdded, displayCommand, request.Force && warnings.Count > 0, warnings)
        {
            Environment = env,
            LaunchArguments = args,
            Inventory = after,
        };
        return new PlanOutcome(plan, null);
    }

    private static PlanOutcome Refuse(string why) => new(null, why);

    /// <summary>A --for value that looks like a token (pasted by mistake) is never shown, stored or compared as it is.</summary>
    private static string Beneficiary(string name)
    {
        if (!Redactor.LooksLikeSecret(name)) return name;
        Redactor.Remember(name);
        return Redactor.Redact(name);
    }

    /// <summary>Pulls the user's own <c>--settings</c> (JSON or file) out of the claude arguments so it can be merged.</summary>
    internal static (JsonObject? Settings, List<string> Remaining, string? Error) ExtractUserSettings(IReadOnlyList<string> args, string workingDirectory)
    {
        var rest = new List<string>();
        JsonObject? settings = null;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string? value = null;
            if (a == "--settings" && i + 1 < args.Count) value = args[++i];
            else if (a.StartsWith("--settings=", StringComparison.Ordinal)) value = a["--settings=".Length..];
            if (value is null) { rest.Add(a); continue; }
            var bytes = value.TrimStart().StartsWith('{') ? System.Text.Encoding.UTF8.GetBytes(value) : ReadFile(value, workingDirectory);
            var node = ClaudeJson.Parse(bytes, out var problem);
            if (problem is not null) return (null, rest, $"--settings is not valid JSON ({problem}); Claude Code would reject it");
            if (node is not JsonObject obj) return (null, rest, "--settings must be a JSON object or a file holding one");
            settings = Merge(settings, obj);
        }
        return (settings, rest, null);
    }

    private static byte[] ReadFile(string path, string workingDirectory)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(workingDirectory, path);
        try { return SafeFile.ReadAllBytes(full, SafeFile.ConfigLimit) ?? throw new InputException($"--settings file not found: {path}"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InputException($"--settings file {path}: {e.Message}"); }
    }

    private static JsonObject Merge(JsonObject? into, JsonObject from)
    {
        if (into is null) return (JsonObject)from.DeepClone();
        foreach (var (k, v) in from)
        {
            if (into[k] is JsonObject a && v is JsonObject b) Merge(a, b);
            else into[k] = v?.DeepClone();
        }
        return into;
    }
}
