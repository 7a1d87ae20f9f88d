using System.Text;
using System.Text.Json;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Teams;

namespace FeedbackBot.Channels.Tests.Teams;

public sealed class TeamsActivitiesTests
{
    private const string BotId = "28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b";

    [Fact]
    public void RemoveBotMention_MentionBeforeCommand_LeavesTheCommand()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>FeedbackBot</at> latest review customer-experience",
             "recipient":{"id":"28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","name":"FeedbackBot"},
             "entities":[{"type":"mention","text":"<at>FeedbackBot</at>","mentioned":{"id":"28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","name":"FeedbackBot"}},
                         {"type":"clientInfo","locale":"en-GB"}]}
            """);

        var stripped = TeamsActivities.RemoveBotMention(activity);

        Assert.Equal("latest review customer-experience", stripped.Text);
        var entity = Assert.Single(stripped.Entities!);
        Assert.Equal("clientInfo", entity.GetProperty("type").GetString());
    }

    [Fact]
    public void RemoveBotMention_OtherPeopleMentioned_KeepsThem()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>Feedback Bot</at> role <at>Ana Silva</at> manager",
             "recipient":{"id":"28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","name":"Feedback Bot"},
             "entities":[{"type":"mention","text":"<at>Feedback Bot</at>","mentioned":{"id":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","name":"Feedback Bot"}},
                         {"type":"mention","text":"<at>Ana Silva</at>","mentioned":{"id":"29:ana","name":"Ana Silva"}}]}
            """);

        var stripped = TeamsActivities.RemoveBotMention(activity);
        var mentions = TeamsActivities.GetMentions(stripped);

        Assert.Equal("role <at>Ana Silva</at> manager", stripped.Text);
        Assert.Equal([new Mention("29:ana", "Ana Silva", "<at>Ana Silva</at>")], mentions);
    }

    [Fact]
    public void RemoveBotMention_NoEntitiesButTheBotsNameTagged_StillStripped()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>FeedbackBot</at>  help ","recipient":{"id":"28:bot","name":"FeedbackBot"}}
            """);

        Assert.Equal("help", TeamsActivities.RemoveBotMention(activity).Text);
    }

    [Fact]
    public void RemoveBotMention_DirectMessageWithoutMention_Unchanged()
    {
        var activity = Parse("""{"type":"message","text":"help","recipient":{"id":"28:bot","name":"FeedbackBot"}}""");

        Assert.Equal("help", TeamsActivities.RemoveBotMention(activity).Text);
    }

    [Fact]
    public void GetTenantId_OnTheConversation_Read()
    {
        var activity = Parse("""{"conversation":{"id":"a:1","tenantId":"tenant-a"},"channelData":{"tenant":{"id":"tenant-b"}}}""");

        Assert.Equal("tenant-a", TeamsActivities.GetTenantId(activity));
    }

    [Fact]
    public void GetTenantId_OnlyInChannelData_Read()
    {
        var activity = Parse("""{"conversation":{"id":"19:x@thread.tacv2"},"channelData":{"tenant":{"id":"tenant-b"},"team":{"id":"19:team"}}}""");

        Assert.Equal("tenant-b", TeamsActivities.GetTenantId(activity));
    }

    [Fact]
    public void GetTenantId_Nowhere_Null()
    {
        Assert.Null(TeamsActivities.GetTenantId(Parse("""{"conversation":{"id":"a:1"}}""")));
    }

    [Fact]
    public void GetTeamId_ChannelMessageInATeam_ReadsTheTeamFromChannelData()
    {
        var activity = Parse("""{"conversation":{"id":"19:general@thread.tacv2","conversationType":"channel"},"channelData":{"tenant":{"id":"tenant-b"},"team":{"id":"19:team@thread.tacv2","name":"Support"}}}""");

        Assert.Equal("19:team@thread.tacv2", TeamsActivities.GetTeamId(activity));
    }

    [Fact]
    public void GetTeamId_PersonalChat_Null()
    {
        Assert.Null(TeamsActivities.GetTeamId(Parse("""{"conversation":{"id":"a:1","conversationType":"personal"},"channelData":{"tenant":{"id":"tenant-b"}}}""")));
        Assert.Null(TeamsActivities.GetTeamId(Parse("""{"conversation":{"id":"a:1"},"channelData":{"team":"19:not-an-object"}}""")));
    }

    [Fact]
    public void GetConversationReference_TeamsMessage_HasEverythingForAProactiveMessage()
    {
        var activity = Parse(PersonalMessage);

        var reference = TeamsActivities.GetConversationReference(activity);

        Assert.Equal(
            new ConversationReference("https://smba.trafficmanager.net/emea/", "a:1personal", "tenant-a", "29:ana", "Ana Silva", BotId, "msteams"),
            reference);
        Assert.Equal("29:ana", TeamsActivities.GetUserId(activity));
        Assert.Equal("00000000-0000-0000-0000-00000000a0a0", TeamsActivities.GetAadObjectId(activity));
    }

    [Fact]
    public void GetConversationReference_NoServiceUrl_Null()
    {
        var activity = Parse(PersonalMessage) with { ServiceUrl = null };

        Assert.Null(TeamsActivities.GetConversationReference(activity));
    }

    [Fact]
    public void IsBotInstalled_ConversationUpdateAddingTheBot_True()
    {
        var activity = Parse("""
            {"type":"conversationUpdate","recipient":{"id":"28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"},
             "membersAdded":[{"id":"28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"}]}
            """);

        Assert.True(TeamsActivities.IsBotInstalled(activity));
    }

    [Fact]
    public void IsBotInstalled_ConversationUpdateAddingAPerson_False()
    {
        var activity = Parse("""
            {"type":"conversationUpdate","recipient":{"id":"28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"},"membersAdded":[{"id":"29:ana"}]}
            """);

        Assert.False(TeamsActivities.IsBotInstalled(activity));
    }

    [Theory]
    [InlineData("add", true)]
    [InlineData("remove", false)]
    [InlineData("add-upgrade", false)]
    public void IsBotInstalled_InstallationUpdate_TrueOnlyForAdd(string action, bool installed)
    {
        var activity = Parse($$$"""{"type":"installationUpdate","action":"{{{action}}}","recipient":{"id":"28:bot"}}""");

        Assert.Equal(installed, TeamsActivities.IsBotInstalled(activity));
    }

    [Fact]
    public void IsBotRemoved_ConversationUpdateRemovingTheBot_True()
    {
        var activity = Parse("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersRemoved":[{"id":"28:bot"}]}""");

        Assert.True(TeamsActivities.IsBotRemoved(activity));
        Assert.False(TeamsActivities.IsBotInstalled(activity));
    }

    [Fact]
    public void IsBotRemoved_InstallationUpdateRemove_True()
    {
        Assert.True(TeamsActivities.IsBotRemoved(Parse("""{"type":"installationUpdate","action":"remove","recipient":{"id":"28:bot"}}""")));
    }

    [Fact]
    public void TryParse_NotAnActivity_False()
    {
        Assert.False(TeamsActivities.TryParse(Encoding.UTF8.GetBytes("{\"type\":"), out _));
        Assert.False(TeamsActivities.TryParse(Encoding.UTF8.GetBytes("null"), out _));
        Assert.True(TeamsActivities.TryParse(Encoding.UTF8.GetBytes(PersonalMessage), out var activity));
        Assert.Equal("msteams", activity.ChannelId);
    }

    [Fact]
    public void CreateReply_FromAMessage_GoesBackToTheSenderInTheThread()
    {
        var incoming = Parse(PersonalMessage);

        var reply = TeamsActivities.CreateReply(incoming, "Here is what I can do");

        Assert.Equal("message", reply.Type);
        Assert.Equal("29:ana", reply.Recipient!.Id);
        Assert.Equal(BotId, reply.From!.Id);
        Assert.Equal("a:1personal", reply.Conversation!.Id);
        Assert.Equal("tenant-a", TeamsActivities.GetTenantId(reply));
        Assert.Equal("1700000000000", reply.ReplyToId);
        Assert.Equal("Here is what I can do", reply.Text);
    }

    private const string PersonalMessage = """
        {"type":"message","id":"1700000000000","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",
         "from":{"id":"29:ana","name":"Ana Silva","aadObjectId":"00000000-0000-0000-0000-00000000a0a0"},
         "conversation":{"id":"a:1personal","conversationType":"personal","tenantId":"tenant-a"},
         "recipient":{"id":"28:6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","name":"FeedbackBot"},
         "text":"help","channelData":{"tenant":{"id":"tenant-a"}}}
        """;

    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options)!;
}
