using System.Text.Json.Nodes;
using FeedbackBot.Adapters.TeamsApp;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Adapters.TeamsApp;

/// <summary>The manifest template checked in under manifests/teams, as a deployer receives it.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "manifests", "teams");

    [Fact]
    public void CheckedInManifest_WithDummyAppId_PassesPackageValidation()
    {
        var settings = TeamsPackageSettings.Parse("0f8fad5b-d9cb-469f-a165-70867728950e", "--app-id", null, null);

        var package = TeamsAppPackage.Build(Folder, settings);

        Assert.Empty(package.Errors);
        Assert.NotNull(package.Zip);
    }

    [Fact]
    public void CheckedInManifest_Template_HoldsPlaceholdersForAppIdAndDomain()
    {
        var manifest = Read();

        Assert.Equal("{{TEAMS_APP_ID}}", (string?)manifest["id"]);
        Assert.Equal("{{TEAMS_APP_ID}}", (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["{{BOT_DOMAIN}}"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.All(
            new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" },
            url => Assert.StartsWith("https://example.com", (string?)manifest["developer"]![url], StringComparison.Ordinal));
    }

    [Fact]
    public void CheckedInManifest_Bot_OffersItsConversationCommandsInEveryScope()
    {
        var bot = Read()["bots"]!.AsArray().Single()!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.False((bool)bot["supportsFiles"]!);
        Assert.False((bool)bot["isNotificationOnly"]!);
        var list = bot["commandLists"]!.AsArray().Single()!;
        Assert.Equal(["personal", "team", "groupChat"], list["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(
            ["help", "my pulses", "latest review", "start pulse", "log feedback", "role"],
            list["commands"]!.AsArray().Select(c => (string?)c!["title"]));
        var descriptions = list["commands"]!.AsArray().Select(c => (string)c!["description"]!).ToList();
        Assert.StartsWith("my pulses", descriptions[1], StringComparison.Ordinal);
        Assert.StartsWith("latest review [PLAN]", descriptions[2], StringComparison.Ordinal);
        Assert.StartsWith("start pulse PLAN", descriptions[3], StringComparison.Ordinal);
        Assert.StartsWith("log feedback TEXT", descriptions[4], StringComparison.Ordinal);
        Assert.StartsWith("role @person manager|staff", descriptions[5], StringComparison.Ordinal);
        // Arguments in capitals, not angle brackets: clients that render markup would drop "<plan>".
        Assert.All(descriptions, d => Assert.DoesNotContain('<', d));
    }

    private static JsonObject Read() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();
}
