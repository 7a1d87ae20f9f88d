using System.Text;
using FeedbackBot.Channels.Slack;

namespace FeedbackBot.Channels.Tests.Slack;

public sealed class SlackEventsParserTests
{
    private static SlackParseResult<SlackEventsRequest> Parse(string json) => SlackEventsParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_UrlVerification_ReturnsTheChallenge()
    {
        var result = Parse("""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");

        var verification = Assert.IsType<SlackUrlVerification>(result.Value);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", verification.Challenge);
    }

    [Fact]
    public void Parse_DirectMessage_ReadsEnvelopeAndEvent()
    {
        var result = Parse("""
            {"token":"z26uFbvR1xHJEdHE1OQiO6t8","team_id":"T061EG9RZ","api_app_id":"A0FFV41KK","context_team_id":"T061EG9RZ",
             "event":{"type":"message","user":"U061F7AUR","text":"latest review","ts":"1515449522.000016","channel":"D0PNCRP9N",
                      "event_ts":"1515449522000016","channel_type":"im","client_msg_id":"8d3b5c0e","blocks":[{"type":"rich_text"}]},
             "type":"event_callback","authed_users":["U061F7AUR"],"event_id":"Ev9UQ52YNA","event_time":1515449522,"is_ext_shared_channel":false}
            """);

        var callback = Assert.IsType<SlackEventCallback>(result.Value);
        Assert.Equal("T061EG9RZ", callback.TeamId);
        Assert.Equal("A0FFV41KK", callback.ApiAppId);
        Assert.Equal("Ev9UQ52YNA", callback.EventId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1515449522), callback.EventTime);
        Assert.Equal("message", callback.Event.Type);
        Assert.Equal("U061F7AUR", callback.Event.User);
        Assert.Equal("latest review", callback.Event.Text);
        Assert.Equal("1515449522.000016", callback.Event.Ts);
        Assert.Equal("D0PNCRP9N", callback.Event.Channel);
        Assert.True(callback.Event.IsDirectMessage);
        Assert.False(callback.Event.ShouldIgnore());
        Assert.Equal("8d3b5c0e", callback.Event.Raw.GetProperty("client_msg_id").GetString());
    }

    [Fact]
    public void Parse_AppMentionInAThread_ReadsThreadTs()
    {
        var result = Parse("""
            {"team_id":"T1","event_id":"Ev1","event_time":1,"type":"event_callback",
             "event":{"type":"app_mention","user":"U1","text":"<@U0BOT> review","ts":"2.0","thread_ts":"1.0","channel":"C1","event_ts":"2.0"}}
            """);

        var callback = Assert.IsType<SlackEventCallback>(result.Value);
        Assert.Equal("app_mention", callback.Event.Type);
        Assert.Equal("1.0", callback.Event.ThreadTs);
        Assert.False(callback.Event.IsDirectMessage);
    }

    [Fact]
    public void Parse_AppHomeOpened_ReadsTheTab()
    {
        var result = Parse("""
            {"team_id":"T1","event_id":"Ev2","type":"event_callback",
             "event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","view":{"id":"V1"}}}
            """);

        var callback = Assert.IsType<SlackEventCallback>(result.Value);
        Assert.Equal("home", callback.Event.Tab);
        Assert.Null(callback.EventTime);
    }

    [Theory]
    [InlineData("""{"type":"message","bot_id":"B1","text":"our own post","channel":"D1","channel_type":"im"}""")]
    [InlineData("""{"type":"message","subtype":"message_changed","channel":"D1","channel_type":"im","message":{"text":"edited"}}""")]
    [InlineData("""{"type":"message","subtype":"channel_join","user":"U1","channel":"C1"}""")]
    [InlineData("""{"type":"message","user":"U0BOT","text":"from the bot user","channel":"D1","channel_type":"im"}""")]
    public void ShouldIgnore_BotOrSubtypeOrOwnMessage_IsTrue(string eventJson)
    {
        var result = Parse($$"""{"team_id":"T1","event_id":"Ev3","type":"event_callback","event":{{eventJson}}}""");

        Assert.True(Assert.IsType<SlackEventCallback>(result.Value).Event.ShouldIgnore(botUserId: "U0BOT"));
    }

    [Fact]
    public void Parse_EventWhoseUserIsAnObject_ReadsItsId()
    {
        var result = Parse("""{"team_id":"T1","event_id":"Ev4","type":"event_callback","event":{"type":"user_change","user":{"id":"U7","deleted":true}}}""");

        Assert.Equal("U7", Assert.IsType<SlackEventCallback>(result.Value).Event.User);
    }

    [Fact]
    public void Parse_FieldsOfUnexpectedKinds_AreTreatedAsAbsent()
    {
        var result = Parse("""{"team_id":"T1","event_id":"Ev5","event_time":"soon","type":"event_callback","event":{"type":"message","text":42,"ts":["x"]}}""");

        var callback = Assert.IsType<SlackEventCallback>(result.Value);
        Assert.Null(callback.EventTime);
        Assert.Null(callback.Event.Text);
        Assert.Null(callback.Event.Ts);
    }

    [Fact]
    public void Parse_AppRateLimited_ReadsTheMinute()
    {
        var result = Parse("""{"token":"t","type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820,"api_app_id":"A1"}""");

        var limited = Assert.IsType<SlackAppRateLimited>(result.Value);
        Assert.Equal(1518467820, limited.MinuteRateLimited);
    }

    [Theory]
    [InlineData("{\"type\":\"event_callback\",")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("""{"challenge":"abc"}""")]
    [InlineData("""{"type":"url_verification"}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event_id":"Ev1"}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event":{"type":"message"}}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":{"type":"message"}}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"text":"no type"}}""")]
    public void Parse_Malformed_ReturnsMalformedWithAReason(string body)
    {
        var result = Parse(body);

        Assert.False(result.IsOk);
        Assert.Equal(SlackPayloadError.Malformed, result.Error);
        Assert.StartsWith("The Events API body", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownType_ReturnsUnsupported()
    {
        var result = Parse("""{"type":"grid_migration_started","team_id":"T1"}""");

        Assert.Equal(SlackPayloadError.Unsupported, result.Error);
        Assert.Contains("grid_migration_started", result.Message, StringComparison.Ordinal);
    }
}
