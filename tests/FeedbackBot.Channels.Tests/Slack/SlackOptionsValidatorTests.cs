using FeedbackBot.Channels.Slack;

namespace FeedbackBot.Channels.Tests.Slack;

public sealed class SlackOptionsValidatorTests
{
    private static readonly SlackOptionsValidator Validator = new();

    [Fact]
    public void Validate_NothingConfigured_SucceedsAndSlackIsOff()
    {
        var options = new SlackOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void Validate_SigningSecretAndBotToken_Succeeds()
    {
        var result = Validator.Validate(null, new SlackOptions { SigningSecret = "secret", BotToken = "xoxb-1-abc" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_SocketModeWithoutSigningSecret_Succeeds()
    {
        var result = Validator.Validate(null, new SlackOptions { AppToken = "xapp-1-abc", BotToken = "xoxb-1-abc" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_OAuthInstallWithSigningSecret_Succeeds()
    {
        var result = Validator.Validate(null, new SlackOptions
        {
            SigningSecret = "secret",
            ClientId = "1111.2222",
            ClientSecret = "client-secret",
            OAuthRedirectUrl = "https://bot.example.com/slack/oauth/callback",
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BotTokenWithoutSigningSecretOrAppToken_FailsNamingTheSigningSecret()
    {
        var result = Validator.Validate(null, new SlackOptions { BotToken = "xoxb-1-abc" });

        Assert.Contains("Slack:SigningSecret is required when Slack is configured without Slack:AppToken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SigningSecretWithoutAnyToken_FailsNamingTheBotToken()
    {
        var result = Validator.Validate(null, new SlackOptions { SigningSecret = "secret" });

        Assert.Contains("Slack:BotToken is required when Slack is configured", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClientIdWithoutSecret_FailsNamingTheSecret()
    {
        var result = Validator.Validate(null, new SlackOptions { SigningSecret = "secret", ClientId = "1111.2222" });

        Assert.Contains("Slack:ClientSecret is required when Slack:ClientId is set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClientSecretWithoutId_FailsNamingTheId()
    {
        var result = Validator.Validate(null, new SlackOptions { SigningSecret = "secret", ClientSecret = "client-secret" });

        Assert.Contains("Slack:ClientId is required when Slack:ClientSecret is set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BotTokenAndOAuthInstall_FailsNamingBoth()
    {
        var result = Validator.Validate(null, new SlackOptions
        {
            SigningSecret = "secret",
            BotToken = "xoxb-1-abc",
            ClientId = "1111.2222",
            ClientSecret = "client-secret",
        });

        Assert.Contains("Slack:BotToken and Slack:ClientId cannot both be set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xoxp-1-user-token")]
    [InlineData("xapp-1-app-token")]
    public void Validate_BotTokenOfAnotherKind_FailsNamingTheKey(string token)
    {
        var result = Validator.Validate(null, new SlackOptions { SigningSecret = "secret", BotToken = token });

        Assert.Contains("Slack:BotToken must be a bot token starting with 'xoxb-'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AppTokenOfAnotherKind_FailsNamingTheKey()
    {
        var result = Validator.Validate(null, new SlackOptions { AppToken = "xoxb-1-abc", BotToken = "xoxb-1-abc" });

        Assert.Contains("Slack:AppToken must be an app-level token starting with 'xapp-'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slack.com/api/")]
    [InlineData("http://slack.com/api/")]
    [InlineData("ftp://127.0.0.1/api/")]
    public void Validate_ApiBaseUrlNotHttpsOrLoopback_FailsNamingTheKey(string url)
    {
        var result = Validator.Validate(null, new SlackOptions { ApiBaseUrl = url });

        Assert.Contains("Slack:ApiBaseUrl must be an absolute https URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvedApiBaseUrl_LoopbackWithoutTrailingSlash_GetsOne()
    {
        var options = new SlackOptions { ApiBaseUrl = "http://127.0.0.1:5123/api" };

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal("http://127.0.0.1:5123/api/", options.ResolvedApiBaseUrl);
        Assert.Equal("https://slack.com/api/", new SlackOptions().ResolvedApiBaseUrl);
    }
}
