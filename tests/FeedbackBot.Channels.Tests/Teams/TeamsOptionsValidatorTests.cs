using FeedbackBot.Channels.Teams;

namespace FeedbackBot.Channels.Tests.Teams;

public sealed class TeamsOptionsValidatorTests
{
    private static readonly TeamsOptionsValidator Validator = new();

    [Fact]
    public void Validate_NothingConfigured_Succeeds()
    {
        Assert.True(Validator.Validate(null, new TeamsOptions()).Succeeded);
    }

    [Fact]
    public void Validate_AppIdAndPassword_Succeeds()
    {
        var result = Validator.Validate(null, new TeamsOptions { AppId = "6f1c2a3b", AppPassword = "secret", TenantId = "contoso.onmicrosoft.com" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_AppIdWithoutPassword_FailsNamingThePassword()
    {
        var result = Validator.Validate(null, new TeamsOptions { AppId = "6f1c2a3b" });

        Assert.True(result.Failed);
        Assert.Contains("Teams:AppPassword is required when Teams:AppId is set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithoutAppId_FailsNamingTheAppId()
    {
        var result = Validator.Validate(null, new TeamsOptions { AppPassword = "secret" });

        Assert.Contains("Teams:AppId is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("ftp://127.0.0.1/metadata")]
    public void Validate_MetadataUrlNotHttpsOrLoopback_FailsNamingTheKey(string url)
    {
        var result = Validator.Validate(null, new TeamsOptions { OpenIdMetadataUrl = url });

        Assert.Contains("Teams:OpenIdMetadataUrl must be an absolute https URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123/v1/.well-known/openidconfiguration")]
    [InlineData("http://localhost:5123/metadata")]
    public void Validate_HttpMetadataUrlOnLoopback_Succeeds(string url)
    {
        Assert.True(Validator.Validate(null, new TeamsOptions { OpenIdMetadataUrl = url }).Succeeded);
    }

    [Fact]
    public void Validate_RelativeTokenEndpoint_FailsNamingTheKey()
    {
        var result = Validator.Validate(null, new TeamsOptions { TokenEndpoint = "/oauth2/v2.0/token" });

        Assert.Contains("Teams:TokenEndpoint must be an absolute https URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TenantIdWithASlash_FailsNamingTheKey()
    {
        var result = Validator.Validate(null, new TeamsOptions { TenantId = "contoso/../common" });

        Assert.Contains("Teams:TenantId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvedTokenEndpoint_MultiTenant_UsesBotFramework()
    {
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", new TeamsOptions().ResolvedTokenEndpoint);
    }

    [Fact]
    public void ResolvedTokenEndpoint_SingleTenant_UsesTheTenant()
    {
        var options = new TeamsOptions { TenantId = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d" };

        Assert.Equal("https://login.microsoftonline.com/9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d/oauth2/v2.0/token", options.ResolvedTokenEndpoint);
    }

    [Fact]
    public void ResolvedOpenIdMetadataUrl_Empty_IsTheBotFrameworks()
    {
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", new TeamsOptions { OpenIdMetadataUrl = " " }.ResolvedOpenIdMetadataUrl);
    }
}
