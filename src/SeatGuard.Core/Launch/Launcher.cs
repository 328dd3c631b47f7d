using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Ledger;
using SeatGuard.Core.Policy;

namespace SeatGuard.Core.Launch;

/// <summary>
/// <c>seatguard run</c>: plans the launch, starts the real Claude Code with exactly one credential (terminal passed
/// through, signals handled, exit code propagated), reads stream-json as it passes to prove the bill against the same
/// credential picture the plan was checked with, stops the run at the first sign of usage credits being drawn (the
/// overage tripwire), and records the launch. A <c>-p</c> run in text or json format is run with stream-json
/// internally and its usual output reproduced (<see cref="HeadlessOutput"/>), so every headless run is proven.
/// </summary>
public sealed class Launcher(LaunchPlanner planner, IProcessLauncher processes, TimeProvider clock)
{
    /// <summary>Plans the launch, runs Claude Code with the plan, proves the bill from stream-json, applies the overage tripwire and records the launch when <paramref name="openLedger"/> is given.</summary>
    public async Task<RunOutcome> RunAsync(HostContext host, LaunchRequest request, SeatConfig config, Func<LedgerStore>? openLedger, CancellationToken ct = default) =>
        await RunAsync(host, request, config, openLedger, null, ct);

    /// <summary>Like the overload without <paramref name="notify"/>, telling the caller what happens while the run goes on.</summary>
    /// <param name="host">The host (environment, working directory).</param>
    /// <param name="request">What to launch and for whom.</param>
    /// <param name="config">SeatGuard's config (owner, plan).</param>
    /// <param name="openLedger">Opens the ledger, or null to record nothing.</param>
    /// <param name="notify">Receives lines to show on stderr while the run goes on (warnings, the model policy's decision).</param>
    /// <param name="ct">Cancels waiting (the child is handled by signals, not by this token).</param>
    public async Task<RunOutcome> RunAsync(HostContext host, LaunchRequest request, SeatConfig config, Func<LedgerStore>? openLedger, Action<string>? notify, CancellationToken ct = default)
    {
        // 1. The model policy, when asked for, decides the model before anything is planned.
        ModelDecision? decision = null;
        if (request.ModelPolicyFile is { } policyFile)
        {
            var policy = ModelPolicy.Load(host, policyFile);
            var asked = ClaudeArguments.Parse(request.ClaudeArguments);
            var windows = PlanWindows.Latest(ReadLedger(openLedger, clock.GetUtcNow() - WindowPace.SevenDays));
            var now = clock.GetUtcNow();
            decision = policy.Decide(asked.Model, string.Join(' ', asked.Prompts), PlanWindows.Current(windows, "five_hour", now), PlanWindows.Current(windows, "seven_day", now));
            notify?.Invoke(decision.Describe());
            request = request with { ClaudeArguments = ModelPolicy.Apply(request.ClaudeArguments, decision) };
        }

        // 2. The one-credential plan.
        var outcome = planner.Plan(host, request, config);
        if (outcome.Refused) return Refuse(request, outcome.Refusal!, decision);
        var plan = outcome.Plan!;
        var args = ClaudeArguments.Parse(plan.LaunchArguments);

        // 3. Usage credits: a subscription launch whose model or mode bills them from the first request is refused.
        var rules = plan.Mode == Billing.Subscription ? UsageCreditBook.Load(host) : [];
        var plans = Plans(config, plan);
        IReadOnlyList<UsageCreditFinding> credits = [];
        if (plan.Mode == Billing.Subscription)
        {
            var (flagSettings, _, _) = LaunchPlanner.ExtractUserSettings(plan.LaunchArguments, host.WorkingDirectory);
            var model = SessionModel.Resolve(args, plan.Environment, plan.Inventory, flagSettings);
            credits = UsageCreditCheck.Evaluate(rules, model.Candidates, plans, headless: args.Print, fastMode: model.FastMode && !args.Print);
            if (!request.AllowUsageCredits && credits.FirstOrDefault(c => c.Rule.Enforced) is { } blocking)
                return Refuse(request, $"Refusing to launch on the subscription: {blocking.Describe()}. Choose another model (--model), or pass --allow-usage-credits to spend them.", decision) with { Plan = plan };
        }

        // 4. The ledger, opened before the launch: a forced launch for someone else must not run unrecorded.
        LedgerStore? ledger = null;
        string? ledgerWarning = null;
        if (!request.NoLedger && openLedger is not null)
        {
            try { ledger = openLedger(); }
            catch (LedgerException e) { ledgerWarning = e.Message; }
        }
        if (ledger is null && plan.Forced && !request.NoLedger)
            return Refuse(request, $"Refusing a forced launch for '{plan.Beneficiary}': the ledger cannot record it ({ledgerWarning ?? "no ledger"}). Fix the ledger, or pass --no-ledger to launch unrecorded on purpose.", decision) with { Plan = plan };

        try
        {
            return await LaunchAsync(host, request, config, plan, args, rules, plans, credits, decision, ledger, ledgerWarning, notify);
        }
        finally
        {
            ledger?.Dispose();
        }
    }

    private async Task<RunOutcome> LaunchAsync(HostContext host, LaunchRequest request, SeatConfig config, LaunchPlan plan, ClaudeArguments args,
        IReadOnlyList<UsageCreditRule> rules, IReadOnlyList<string> plans, IReadOnlyList<UsageCreditFinding> credits, ModelDecision? decision,
        LedgerStore? ledger, string? ledgerWarning, Action<string>? notify)
    {
        // 5. How the output is shaped: stream-json passes through; a -p run in text or json is run as stream-json and reproduced.
        bool userStream = args.OutputFormat == "stream-json";
        bool reproduce = args.Print && HeadlessOutput.Reproduces(args.OutputFormat) && args.InputFormat != "stream-json"
            && !args.Has("--include-partial-messages") && !args.Has("--replay-user-messages") && !args.Has("--help") && !args.Has("-h");
        var launchArgs = reproduce ? WithStreamJson(args) : [.. plan.LaunchArguments];
        var observer = userStream || reproduce ? new StreamJsonObserver(keepLines: reproduce && args.OutputFormat == "json" && args.Verbose) : null;
        var output = reproduce
            ? new HeadlessOutput(args.OutputFormat, args.Verbose, processes.Stdout, processes.Stderr, processes.StdoutIsTerminal, processes.StderrIsTerminal,
                JsNumber.Echo(args.Value("--max-turns")), JsNumber.Echo(args.Value("--max-budget-usd")))
            : null;
        var overage = request.OnOverage ?? LaunchGuard.DefaultFor(plan.Mode);
        var guard = new LaunchGuard(overage, request.AllowUsageCredits || plan.Mode != Billing.Subscription, rules, plans, args.Print);

        var spec = new CommandSpec(plan.Executable, launchArgs, plan.Environment, host.WorkingDirectory, Timeout.InfiniteTimeSpan);
        var started = clock.GetUtcNow();
        ChildStopper? stopper = null;
        var gate = new Lock();
        void OnLine(ReadOnlyMemory<byte> line)
        {
            lock (gate)
            {
                var span = line.Span;
                string? type = observer!.OnLine(span);
                if (reproduce && type is null && !span.Trim(" \t\r"u8).IsEmpty && span.Trim(" \t\r"u8)[0] != (byte)'{')
                {
                    // not stream-json (help, version, a plugin's print): Claude Code would have printed it as it is
                    processes.Stdout.Write(span);
                    processes.Stdout.Write("\n"u8);
                    processes.Stdout.Flush();
                }
                if (type == "result" && stopper?.Stopping != true) output?.OnResult(observer.Observation.Results[^1]);
                if (guard.Check(type, observer.Observation, out var notice)) stopper?.Stop(guard.StopKind!, ChildSignal.Interrupt);
                if (notice is not null) notify?.Invoke(notice);
            }
        }
        var streams = new LaunchStreams(observer is null ? StdoutHandling.Inherit : reproduce ? StdoutHandling.Observe : StdoutHandling.PassThrough,
            observer is null ? null : OnLine);

        using var child = processes.Start(spec, streams);
        stopper = new ChildStopper(child, request.StopGrace, clock);
        child.SignalReceived += signal =>
        {
            // Ctrl-C in an interactive session is Claude Code's own key; in a headless run it ends the run.
            if (signal == ChildSignal.Interrupt && !args.Print) return;
            stopper.Stop("signal:" + ChildStopper.SignalName(signal), signal);
        };
        lock (gate) { if (guard.StopKind is not null) stopper.Stop(guard.StopKind, ChildSignal.Interrupt); }
        int exit = await child.Exited;

        lock (gate)
        {
            if (output is not null && observer is not null && stopper.Reason is null) output.Finish(observer.Observation);
        }

        VerifyReport? verdict = null;
        bool mismatch = false;
        var o = observer?.Observation;
        if (o is not null)
        {
            verdict = BillingEvidence.Judge(o, plan.Inventory);
            bool completed = o.SawResult && o.IsError != true;
            mismatch = completed && BillingEvidence.Contradicts(plan.Mode, verdict);
        }

        var signalled = child.ReceivedSignal is { } s && (s != ChildSignal.Interrupt || args.Print) ? s : (ChildSignal?)null;
        string? stoppedBy = stopper.Reason;
        int code = signalled is { } sig ? 128 + (int)sig
            : guard.StopKind is not null ? ExitCodes.BillingMismatch
            : mismatch ? ExitCodes.BillingMismatch
            : exit;
        if (request.Shim && userStream && guard.StopKind is not null)
            Write(StreamJsonResult.Error("SeatGuard " + guard.StopMessage, o?.SessionId, code));

        long? id = null;
        bool unrecorded = request.NoLedger;
        if (ledger is not null)
        {
            var entry = Entry(host, config, plan, args, started, verdict, exit, o) with { Overage = guard.Overage, StoppedBy = stoppedBy, SeatGuardExit = code, ModelDecision = decision?.Describe(),
                Models = o?.Models ?? [], RequestIds = o?.RequestIds ?? [], RateLimitEvents = o?.RateLimitEvents ?? [] };
            try { id = ledger.Append(entry); }
            catch (LedgerException e) { ledgerWarning = e.Message; }
        }
        return new RunOutcome(code, plan, verdict, null, mismatch, id, ledgerWarning)
        {
            ClaudeExit = exit, StoppedBy = stoppedBy, StopMessage = guard.StopMessage, Overage = guard.Overage, ModelDecision = decision,
            UsageCredits = credits, Unrecorded = unrecorded,
        };
    }

    private static LedgerEntry Entry(HostContext host, SeatConfig config, LaunchPlan plan, ClaudeArguments args, DateTimeOffset started, VerifyReport? verdict, int exit,
        StreamObservation? o) =>
        new(0, started, args.ForRecord(plan.Command[0], config.RecordPrompts), host.WorkingDirectory, plan.Beneficiary, plan.Owner,
            plan.Mode.Name(), plan.Credential.Kind.Name(), plan.Credential.Source.ToString(), plan.Credential.Fingerprint,
            verdict?.Verdict.Name() ?? LedgerEntry.Planned(plan.Credential.Billing), exit, o?.SessionId, o?.CostUsd, o?.InputTokens ?? 0, o?.OutputTokens ?? 0,
            o?.CacheCreationTokens ?? 0, o?.CacheReadTokens ?? 0, plan.Forced, plan.Warnings.FirstOrDefault(),
            o?.RateLimitType, o?.RateLimitStatus, o?.Utilization, o?.OverageInUse);

    /// <summary>A refusal: nothing launched, exit 4 (the shim turns it into a stream-json error for its caller: <see cref="Shim.ShimLauncher"/>).</summary>
    private static RunOutcome Refuse(LaunchRequest request, string reason, ModelDecision? decision) =>
        new(ExitCodes.RefusedByPolicy, null, null, reason, false, null, null) { ModelDecision = decision };

    private void Write(byte[] bytes)
    {
        try
        {
            processes.Stdout.Write(bytes);
            processes.Stdout.Flush();
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The plans the launch's credential may be on: the config's <c>plan</c>, else the /login file's subscription type when that is the credential.</summary>
    public static IReadOnlyList<string> Plans(SeatConfig config, LaunchPlan plan)
    {
        if (config.Plan is { } named) return SubscriptionPlans.Candidates(named);
        if (plan.Credential.Kind == CredentialKind.Login && plan.Inventory?.Login?.SubscriptionType is { } type) return SubscriptionPlans.Candidates(type);
        return [];
    }

    /// <summary>The command line with <c>--output-format stream-json --verbose</c> instead of the user's output format.</summary>
    private static List<string> WithStreamJson(ClaudeArguments args)
    {
        var list = args.Without("--output-format");
        var added = new List<string> { "--output-format", "stream-json" };
        if (!args.Verbose) added.Add("--verbose");
        int end = list.IndexOf("--");
        list.InsertRange(end < 0 ? list.Count : end, added);
        return list;
    }

    private static IReadOnlyList<LedgerEntry> ReadLedger(Func<LedgerStore>? open, DateTimeOffset since)
    {
        if (open is null) return [];
        try
        {
            using var ledger = open();
            return ledger.List(since);
        }
        catch (LedgerException)
        {
            return [];
        }
    }

    /// <summary>Whether the claude arguments ask for <c>--output-format stream-json</c>.</summary>
    public static bool WantsStreamJson(IReadOnlyList<string> args) => ClaudeArguments.Parse(args).OutputFormat == "stream-json";
}
