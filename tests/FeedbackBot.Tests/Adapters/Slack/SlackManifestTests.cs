using FeedbackBot.Adapters.Slack;
using FeedbackBot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>The Slack app manifests ask for exactly what the bot uses, at the paths it serves.</summary>
public sealed class SlackManifestTests
{
    [Theory]
    [InlineData("manifest.yml", false)]
    [InlineData("manifest.socket-mode.yml", true)]
    public void Manifest_ScopesEventsAndCommand_MatchWhatTheBotUses(string file, bool socketMode)
    {
        var root = Load(file);

        var scopes = Sequence(root, "oauth_config", "scopes", "bot");
        Assert.Equal(SlackInstallEndpoints.BotScopes.Order(), scopes.Order());
        Assert.Equal(["app_home_opened", "app_mention", "message.im"], Sequence(root, "settings", "event_subscriptions", "bot_events").Order());
        var command = (YamlMappingNode)((YamlSequenceNode)Node(root, "features", "slash_commands")).Children.Single();
        Assert.Equal("/feedback", Scalar(command, "command"));
        Assert.Equal(socketMode ? "true" : "false", Scalar(Node(root, "settings"), "socket_mode_enabled"));
        Assert.Equal("true", Scalar(Node(root, "settings", "interactivity"), "is_enabled"));
        Assert.Equal("true", Scalar(Node(root, "features", "app_home"), "home_tab_enabled"));

        if (socketMode)
        {
            // Over the socket Slack needs no address of ours.
            Assert.False(((YamlMappingNode)command).Children.ContainsKey("url"));
            Assert.False(((YamlMappingNode)Node(root, "settings", "interactivity")).Children.ContainsKey("request_url"));
        }
        else
        {
            Assert.EndsWith("/slack/commands", Scalar(command, "url"), StringComparison.Ordinal);
            Assert.EndsWith("/slack/events", Scalar(Node(root, "settings", "event_subscriptions"), "request_url"), StringComparison.Ordinal);
            Assert.EndsWith("/slack/interactions", Scalar(Node(root, "settings", "interactivity"), "request_url"), StringComparison.Ordinal);
            Assert.EndsWith("/slack/oauth/callback", Sequence(root, "oauth_config", "redirect_urls").Single(), StringComparison.Ordinal);
        }
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "manifests", "slack", file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode Node(YamlNode root, params string[] path) =>
        path.Aggregate(root, (node, key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    private static IEnumerable<string> Sequence(YamlNode root, params string[] path) =>
        ((YamlSequenceNode)Node(root, path)).Children.Select(c => ((YamlScalarNode)c).Value!);
}
