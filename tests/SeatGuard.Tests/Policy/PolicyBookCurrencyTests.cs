using SeatGuard.Core.Common;
using SeatGuard.Core.Policy;
using SeatGuard.Core.Scan;

namespace SeatGuard.Tests.Policy;

/// <summary>The embedded book is current: the dated events since the seed, addressed and dated sources, the revised scenarios.</summary>
public sealed class PolicyBookCurrencyTests
{
    private static readonly PolicyBook Book = PolicyBookLoader.LoadEmbedded();

    [Fact]
    public void EverySourceHasAnAddressAndAReadDate()
    {
        Book.Sources.ShouldNotBeEmpty();
        foreach (var s in Book.Sources)
        {
            Uri.TryCreate(s.Url, UriKind.Absolute, out var url).ShouldBeTrue(s.Id);
            url!.Scheme.ShouldBeOneOf("https", "http");
            s.Read.ShouldBeLessThanOrEqualTo(Book.Day, s.Id);
            s.Read.ShouldBeGreaterThan(new DateOnly(2025, 1, 1), s.Id);
        }
    }

    [Fact]
    public void EveryScenarioEventAndQuestionCitesASource()
    {
        Book.Scenarios.ShouldAllBe(x => x.Sources.Count > 0);
        Book.Events.ShouldAllBe(x => x.Sources.Count > 0);
        Book.Questions.ShouldAllBe(x => x.Sources.Count > 0);
        Book.Rule.Sources.ShouldNotBeEmpty();
    }

    [Fact]
    public void TheSeedArticleIsCitedByTitleAndWhereItWasPublished()
    {
        var seed = Book.Sources.Single(s => s.Id == "seed");
        seed.Title.ShouldContain("Claude Code Subscription: Safe Use Without a Ban");
        new Uri(seed.Url).Host.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("2025-08", "weekly limit")]
    [InlineData("2026-02", "usage-policy")]
    [InlineData("2026-04-04", "credit")]
    [InlineData("2026-04", "legal page")]
    [InlineData("2026-05-13", "Agent SDK")]
    [InlineData("2026-06-15", "paused")]
    [InlineData("2026-08", "credential")]
    public void TheEventsSinceTheSeedAreThere(string datePrefix, string word)
    {
        Book.Events.ShouldContain(e => e.Date.StartsWith(datePrefix, StringComparison.Ordinal)
                                       && (e.Title + " " + e.Summary).Contains(word, StringComparison.OrdinalIgnoreCase),
            $"an event dated {datePrefix}… about '{word}'");
    }

    [Fact]
    public void ThePausedCreditChangeSaysItIsPaused()
    {
        var paused = Book.Events.Single(e => e.Date == "2026-06-15");
        (paused.Title + paused.Summary).ShouldContain("paused", Case.Insensitive);
    }

    [Theory]
    [InlineData("credential-intermediation", Tier.Red)]
    [InlineData("published-credential", Tier.Red)]
    [InlineData("shared-team-seat", Tier.Red)]
    [InlineData("team-seat-named-member", Tier.Green)]
    [InlineData("product-embeds-claude-code", Tier.Gray)]
    [InlineData("third-party-harness", Tier.Gray)]
    public void RevisedAndNewScenariosHaveTheirTiers(string id, Tier tier)
    {
        var scenario = Book.FindScenario(id).ShouldNotBeNull(id);
        scenario.Tier.ShouldBe(tier);
        PolicyEvaluator.ForScenario(Book, id).Tier.ShouldBe(tier);
    }

    [Fact]
    public void EveryScanRuleCitesAScenarioOfItsOwnTier()
    {
        var rules = RuleBook.Load().Rules;
        rules.ShouldNotBeEmpty();
        foreach (var rule in rules)
        {
            rule.Scenario.ShouldNotBeNull($"rule {rule.Id} cites no scenario");
            var scenario = Book.FindScenario(rule.Scenario!).ShouldNotBeNull($"rule {rule.Id} cites unknown scenario {rule.Scenario}");
            scenario.Tier.ShouldBe(rule.Tier, $"rule {rule.Id} is {rule.Tier.Name()} but cites {scenario.Id}, which is {scenario.Tier.Name()}");
        }
    }

    [Fact]
    public void DecideAnswersCarryAddressesAndReadDates()
    {
        var d = PolicyEvaluator.Evaluate(Book, [true, true, true, false, false]);
        d.SourceDetails.ShouldNotBeEmpty();
        d.Sources.ShouldBe(d.SourceDetails.Select(s => s.Url));
        d.SourceDetails.ShouldAllBe(s => s.Read > new DateOnly(2025, 1, 1));
    }
}
