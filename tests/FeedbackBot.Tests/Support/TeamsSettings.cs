using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;

namespace FeedbackBot.Tests.Support;

/// <summary>The settings of a bot that talks to the fake Teams on loopback, on a test database, playground off.</summary>
internal static class TeamsSettings
{
    public static Dictionary<string, string?> For(TestDatabase database, FakeBotFrameworkIdentity identity, FakeTokenEndpoint tokens)
    {
        var settings = CliRun.Settings(database);
        settings["Teams:AppId"] = FakeBotFrameworkIdentity.AppId;
        settings["Teams:AppPassword"] = "test-password";
        settings["Teams:OpenIdMetadataUrl"] = identity.MetadataUrl.AbsoluteUri;
        settings["Teams:TokenEndpoint"] = tokens.Template;
        settings["Playground:Enabled"] = "false";
        return settings;
    }
}
