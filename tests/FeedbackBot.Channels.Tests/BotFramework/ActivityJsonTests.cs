using System.Text.Json;
using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Tests.BotFramework;

public sealed class ActivityJsonTests
{
    [Fact]
    public void Deserialize_TeamsMessage_KeepsTypedAndUnknownFields()
    {
        const string json = """
            {"type":"message","id":"1","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",
             "from":{"id":"29:abc","name":"Ana","aadObjectId":"00000000-0000-0000-0000-000000000001"},
             "conversation":{"id":"a:1","conversationType":"personal","tenantId":"t1"},
             "text":"<at>FeedbackBot</at> help","locale":"en-GB"}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options)!;
        var back = JsonSerializer.Serialize(activity, ActivityJson.Options);

        Assert.Equal("29:abc", activity.From!.Id);
        Assert.Equal("t1", activity.Conversation!.TenantId);
        Assert.Equal("en-GB", activity.Extra!["locale"].GetString());
        Assert.Contains("\"locale\":\"en-GB\"", back, StringComparison.Ordinal);
        Assert.DoesNotContain("null", back, StringComparison.Ordinal);
    }
}
