// A service that runs Claude Code for several people on one machine, the way SeatGuard's library is meant to be
// used by such a program: every request is planned for the person it is for (its beneficiary). The seat owner's own
// requests may use the owner's subscription; anyone else's need an API key billed to them, and without one the
// request is refused — nothing is launched.
//
// Input: one JSON request per line on stdin, {"for": "bob", "prompt": "…"}. Output: one JSON line per request,
// {"for", "decision": "subscription" | "api-key" | "refused", "credential", "reason", "exitCode"}.
//   --owner NAME   the seat owner (default: SeatGuard's config.json, else the OS user)
//   --launch       really start claude (default: plan only, launch nothing)
//   --claude PATH  the Claude Code executable (default: claude on PATH)
// API keys per person come from ANTHROPIC_API_KEY_<NAME> (upper case, e.g. ANTHROPIC_API_KEY_BOB). The machine's own
// ANTHROPIC_API_KEY is never used for anybody, so one person's key never pays for another's request.
using System.Text.Json;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Services;

string? owner = null, claude = null;
bool launch = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--owner" when i + 1 < args.Length: owner = args[++i]; break;
        case "--claude" when i + 1 < args.Length: claude = args[++i]; break;
        case "--launch": launch = true; break;
        default: Console.Error.WriteLine($"unknown argument '{args[i]}'"); return 2;
    }
}

// The composition root: this process's environment and directories, the clock, real processes.
var services = SystemServices.Create(Console.OpenStandardOutput());
var config = services.Config();
if (owner is not null) config = config with { Owner = owner };

var output = new Utf8JsonWriter(Console.OpenStandardOutput());
int worst = 0;
string? line;
while ((line = Console.In.ReadLine()) is not null)
{
    if (string.IsNullOrWhiteSpace(line)) continue;
    using var request = JsonDocument.Parse(line);
    var person = request.RootElement.GetProperty("for").GetString() ?? "";
    var prompt = request.RootElement.TryGetProperty("prompt", out var p) ? p.GetString() ?? "" : "";

    // This person's environment: the machine's, without its API key, plus this person's own key if they have one.
    var env = new Dictionary<string, string>(services.Host.Environment, StringComparer.Ordinal);
    env.Remove(BillingVariables.ApiKey);
    if (Environment.GetEnvironmentVariable(BillingVariables.ApiKey + "_" + person.ToUpperInvariant()) is { Length: > 0 } key)
        env[BillingVariables.ApiKey] = key;
    var host = services.Host.WithEnvironment(env);

    // Mode null: the planner decides from the beneficiary (subscription for the owner, api-key for anyone else).
    var launchRequest = new LaunchRequest(Mode: null, For: person, Force: false, ClaudeExecutable: claude ?? "claude",
        ClaudeArguments: ["-p", prompt, "--output-format", "stream-json", "--verbose"], ConfigDir: null);
    var planned = services.Planner.Plan(host, launchRequest, config);

    output.WriteStartObject();
    output.WriteString("for", person);
    if (planned.Refused)
    {
        output.WriteString("decision", "refused");
        output.WriteString("reason", planned.Refusal);
        worst = Math.Max(worst, 4);
    }
    else
    {
        var plan = planned.Plan!;
        output.WriteString("decision", plan.Mode.Name());
        output.WriteString("credential", BillingWords.Technical(plan.Credential));
        if (launch)
        {
            var run = await services.Launcher.RunAsync(host, launchRequest, config, services.OpenLedger);
            output.WriteNumber("exitCode", run.ExitCode);
            if (run.Verdict is { } verdict) output.WriteString("billed", verdict.Verdict.Name());
            worst = Math.Max(worst, run.ExitCode);
        }
    }
    output.WriteEndObject();
    output.Flush();
    Console.Out.WriteLine();
    Console.Out.Flush();
    output.Reset();
}
return worst;
