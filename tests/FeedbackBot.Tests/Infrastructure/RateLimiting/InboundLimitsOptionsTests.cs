using FeedbackBot.Infrastructure.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace FeedbackBot.Tests.Infrastructure.RateLimiting;

/// <summary><c>RateLimits:*</c> settings: defaults that never refuse the platforms, and start-up errors that name the key.</summary>
public sealed class InboundLimitsOptionsTests
{
    [Fact]
    public void Defaults_NothingSet_OnAndAboveAFanOutsAnswerRate()
    {
        var options = new InboundLimitsOptions();

        Assert.True(options.Enabled);
        Assert.False(options.TrustForwardedFor);
        // 50 answers a second from one tenant is 3,000 a minute; the allowance must be at least twice that.
        Assert.True(options.PerTenantPerMinute >= 6_000);
        Assert.True(options.ChatPerClientPerMinute >= options.PerTenantPerMinute);
        // What is admitted after the longest wait is still answered inside Slack's 3 s.
        Assert.True(options.ChatQueueSeconds < 3);
        Assert.True(InboundLimitsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(InboundLimitsOptions.PerClientKey, "many")]
    [InlineData(InboundLimitsOptions.ChatPerClientKey, "0")]
    [InlineData(InboundLimitsOptions.PerTenantKey, "-5")]
    [InlineData(InboundLimitsOptions.EnabledKey, "yes")]
    [InlineData(InboundLimitsOptions.TrustForwardedForKey, "1")]
    [InlineData(InboundLimitsOptions.ChatConcurrencyKey, "0")]
    [InlineData(InboundLimitsOptions.ChatQueueSecondsKey, "61")]
    [InlineData(InboundLimitsOptions.ChatQueueSecondsKey, "soon")]
    public void Validate_MalformedSetting_FailsNamingTheKey(string key, string value)
    {
        var options = new InboundLimitsOptions();
        options.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build());

        var result = InboundLimitsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(key + " must be", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'" + value + "'", result.FailureMessage, StringComparison.Ordinal);
    }

    private static InboundLimitsOptionsValidator InboundLimitsOptionsValidator() => new();
}
