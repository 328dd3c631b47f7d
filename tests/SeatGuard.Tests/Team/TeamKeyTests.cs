using SeatGuard.Core.Common;
using SeatGuard.Core.Team;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Team;

public sealed class TeamKeyTests
{
    [Fact]
    public void SameFingerprintAndSecretGiveTheSameKeyedFingerprintAndOtherSecretsDoNot()
    {
        var fingerprint = Redactor.Fingerprint(FakeTokens.OAuthToken());
        var secret = TeamSamples.NewTeamKey();
        var a = TeamKey.FromSecret(secret).Keyed(fingerprint);
        var b = TeamKey.FromSecret(secret).Keyed(fingerprint);
        var other = TeamKey.FromSecret(TeamSamples.NewTeamKey()).Keyed(fingerprint);

        a.ShouldBe(b);
        a.ShouldNotBe(other);
        a!.ShouldMatch("^hmac:[0-9a-f]{16}$");
        a!.ShouldNotContain(fingerprint[7..]);
        TeamKey.FromSecret(secret).Keyed(Redactor.Fingerprint(FakeTokens.OAuthToken())).ShouldNotBe(a);
        TeamKey.FromSecret(secret).Keyed(null).ShouldBeNull();
        TeamKey.FromSecret(secret).ToString().ShouldNotContain(secret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    public void AMissingOrShortSecretIsBadInput(string? secret) =>
        Should.Throw<InputException>(() => TeamKey.FromSecret(secret)).Message.ShouldContain("SEATGUARD_TEAM_KEY");
}
