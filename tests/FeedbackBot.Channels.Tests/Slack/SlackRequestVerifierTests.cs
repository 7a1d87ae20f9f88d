using System.Text;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Slack;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Channels.Tests.Slack;

public sealed class SlackRequestVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Ffeedback&text=review+weekly";

    private readonly ManualClock _clock = new();

    private SlackRequestVerifier Verifier(string? secret = Secret) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), _clock);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Verify_SignedBySlackJustNow_IsValid()
    {
        var headers = SlackSigner.Sign(Secret, Body, _clock.GetUtcNow());

        var check = Verifier().Verify(Bytes(Body), headers.Timestamp, headers.Signature);

        Assert.True(check.IsValid, check.Reason);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampExactlyFiveMinutesAway_IsValid(int seconds)
    {
        var headers = SlackSigner.Sign(Secret, Body, _clock.GetUtcNow().AddSeconds(seconds));

        Assert.True(Verifier().Verify(Bytes(Body), headers.Timestamp, headers.Signature).IsValid);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400)]
    public void Verify_TimestampMoreThanFiveMinutesAway_IsStale(int seconds)
    {
        var headers = SlackSigner.Sign(Secret, Body, _clock.GetUtcNow().AddSeconds(seconds));

        var check = Verifier().Verify(Bytes(Body), headers.Timestamp, headers.Signature);

        Assert.Equal(SlackSignatureStatus.StaleTimestamp, check.Status);
    }

    [Fact]
    public void Verify_ReplayedAfterSixMinutes_IsStale()
    {
        var headers = SlackSigner.Sign(Secret, Body, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(SlackSignatureStatus.StaleTimestamp, Verifier().Verify(Bytes(Body), headers.Timestamp, headers.Signature).Status);
    }

    [Fact]
    public void Verify_SignedWithAnotherSecret_IsBadSignature()
    {
        var headers = SlackSigner.Sign("not-our-secret", Body, _clock.GetUtcNow());

        Assert.Equal(SlackSignatureStatus.BadSignature, Verifier().Verify(Bytes(Body), headers.Timestamp, headers.Signature).Status);
    }

    [Fact]
    public void Verify_BodyAlteredAfterSigning_IsBadSignature()
    {
        var headers = SlackSigner.Sign(Secret, Body, _clock.GetUtcNow());

        var check = Verifier().Verify(Bytes(Body.Replace("weekly", "monthly", StringComparison.Ordinal)), headers.Timestamp, headers.Signature);

        Assert.Equal(SlackSignatureStatus.BadSignature, check.Status);
    }

    [Fact]
    public void Verify_TimestampHeaderChangedAfterSigning_IsBadSignature()
    {
        var headers = SlackSigner.Sign(Secret, Body, _clock.GetUtcNow());
        var otherTimestamp = (long.Parse(headers.Timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(SlackSignatureStatus.BadSignature, Verifier().Verify(Bytes(Body), otherTimestamp, headers.Signature).Status);
    }

    [Fact]
    public void Verify_UppercaseHexSignature_IsValid()
    {
        var headers = SlackSigner.Sign(Secret, Body, _clock.GetUtcNow());

        Assert.True(Verifier().Verify(Bytes(Body), headers.Timestamp, "v0=" + headers.Signature[3..].ToUpperInvariant()).IsValid);
    }

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("", "v0=abc")]
    [InlineData("1772442000", null)]
    [InlineData("1772442000", " ")]
    public void Verify_HeaderMissing_IsMissingHeader(string? timestamp, string? signature)
    {
        var check = Verifier().Verify(Bytes(Body), timestamp, signature);

        Assert.Equal(SlackSignatureStatus.MissingHeader, check.Status);
        Assert.Contains("header is missing", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1=")]
    [InlineData("")]
    [InlineData("v0=zz")]
    [InlineData("v0=00")]
    public void Verify_SignatureNotV0AndHex_IsMalformed(string prefix)
    {
        var headers = SlackSigner.Sign(Secret, Body, _clock.GetUtcNow());
        var signature = prefix switch
        {
            "v1=" => "v1=" + headers.Signature[3..],
            "" => headers.Signature[3..],
            "v0=zz" => "v0=" + new string('z', 64),
            _ => "v0=00",
        };

        Assert.Equal(SlackSignatureStatus.Malformed, Verifier().Verify(Bytes(Body), headers.Timestamp, signature).Status);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1772442000")]
    [InlineData("1772442000.5")]
    public void Verify_TimestampNotANumber_IsMalformed(string timestamp)
    {
        var headers = SlackSigner.Sign(Secret, Bytes(Body), timestamp);

        Assert.Equal(SlackSignatureStatus.Malformed, Verifier().Verify(Bytes(Body), headers.Timestamp, headers.Signature).Status);
    }

    [Fact]
    public void Verify_NoSigningSecretConfigured_RefusesEvenASignedRequest()
    {
        var headers = SlackSigner.Sign("", Body, _clock.GetUtcNow());

        var check = Verifier(secret: null).Verify(Bytes(Body), headers.Timestamp, headers.Signature);

        Assert.Equal(SlackSignatureStatus.NotConfigured, check.Status);
        Assert.Contains("Slack:SigningSecret", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SlacksDocumentedExample_IsValid()
    {
        // The worked example in Slack's "Verifying requests from Slack", checked at the moment it was signed.
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(1531420618));
        var verifier = new SlackRequestVerifier(Options.Create(new SlackOptions { SigningSecret = Secret }), clock);

        var check = verifier.Verify(Bytes(body), "1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");

        Assert.True(check.IsValid, check.Reason);
    }
}
