using System.Text;
using System.Text.Json;
using FeedbackBot.Channels.Teams;

using FeedbackBot.Testing.Teams;

namespace FeedbackBot.Channels.Tests.Teams;

/// <summary>What the host will do with one message: read, authenticate, reply to the Connector that sent it.</summary>
public sealed class TeamsRoundTripTests : IAsyncLifetime
{
    private TeamsHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await TeamsHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SignedMessage_AuthenticatedAndAnswered_ReplyReachesTheConnectorWithTheBotsToken()
    {
        var key = _harness.Identity.Publish(_harness.Identity.CreateKey("key-1", "msteams"));
        var serviceUrl = _harness.Connector.ServiceUrl;
        var body = Encoding.UTF8.GetBytes($$$"""
            {"type":"message","id":"1700000000000","serviceUrl":"{{{serviceUrl}}}","channelId":"msteams",
             "from":{"id":"29:ana","name":"Ana Silva"},"recipient":{"id":"28:{{{FakeBotFrameworkIdentity.AppId}}}","name":"FeedbackBot"},
             "conversation":{"id":"a:1personal","tenantId":"{{{TeamsHarness.TenantId}}}"},
             "text":"<at>FeedbackBot</at> help",
             "entities":[{"type":"mention","text":"<at>FeedbackBot</at>","mentioned":{"id":"28:{{{FakeBotFrameworkIdentity.AppId}}}"}}]}
            """);
        var header = "Bearer " + FakeBotFrameworkIdentity.Sign(key, FakeBotFrameworkIdentity.Claims(_harness.Clock.GetUtcNow(), serviceUrl));

        Assert.True(TeamsActivities.TryParse(body, out var activity));
        var authentication = await _harness.Authenticator().AuthenticateAsync(header, activity, default);
        var command = TeamsActivities.RemoveBotMention(activity).Text;
        var reply = TeamsActivities.CreateReply(activity, $"You said: {command}");
        var reference = TeamsActivities.GetConversationReference(activity)!;
        await _harness.ConnectorClient().ReplyAsync(reference.ServiceUrl, reference.ConversationId, activity.Id!, reply);

        Assert.True(authentication.Succeeded, authentication.FailureReason);
        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("/emea/v3/conversations/a%3A1personal/activities/1700000000000", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        using var sent = JsonDocument.Parse(request.Body);
        Assert.Equal("You said: help", sent.RootElement.GetProperty("text").GetString());
        Assert.Equal("29:ana", sent.RootElement.GetProperty("recipient").GetProperty("id").GetString());
    }
}
