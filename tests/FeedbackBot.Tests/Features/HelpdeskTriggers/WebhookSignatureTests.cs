using System.Text;
using FeedbackBot.Features.HelpdeskTriggers;

namespace FeedbackBot.Tests.Features.HelpdeskTriggers;

public sealed class WebhookSignatureTests
{
    private const string Secret = "secret-secret-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"a\":1}");
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void Compute_DocumentedExample_MatchesAnHmacMadeElsewhere()
    {
        // What docs/customers.md's openssl line prints for these inputs.
        Assert.Equal("3be76c9251bd8662361f26e2bec2669d379eb2fac135c0cf6e83a58a43201b00",
            Convert.ToHexStringLower(WebhookSignature.Compute(Secret, "1700000000", Body)));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void Check_TimestampNearTheClock_IsAcceptedWithinFiveMinutes(int secondsOff, bool accepted)
    {
        var signature = "v1=" + Convert.ToHexStringLower(WebhookSignature.Compute(Secret, "1700000000", Body));

        var refusal = WebhookSignature.Check(Secret, "1700000000", signature, Body, SentAt.AddSeconds(secondsOff));

        Assert.Equal(accepted, refusal is null);
    }

    [Fact]
    public void Check_UpperCaseHex_IsAccepted()
    {
        var signature = "v1=" + Convert.ToHexString(WebhookSignature.Compute(Secret, "1700000000", Body));

        Assert.Null(WebhookSignature.Check(Secret, "1700000000", signature, Body, SentAt));
    }
}
