using System.Text;
using System.Text.Json;
using FeedbackBot.Channels.Slack;

namespace FeedbackBot.Channels.Tests.Slack;

public sealed class SlackSlashCommandParserTests
{
    private const string Body =
        "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001&enterprise_name=Globular%20Construct%20Inc" +
        "&channel_id=C2147483705&channel_name=test&user_id=U2147483697&user_name=Steve&command=%2Ffeedback&text=log+Slow+reply+%26+no+follow-up" +
        "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456";

    [Fact]
    public void Parse_SlashCommand_ReadsEveryField()
    {
        var result = SlackSlashCommandParser.Parse(Encoding.UTF8.GetBytes(Body));

        var command = Assert.IsType<SlackSlashCommand>(result.Value);
        Assert.Equal(
            new SlackSlashCommand(
                "T0001", "C2147483705", "U2147483697", "Steve", "/feedback", "log Slow reply & no follow-up",
                "https://hooks.slack.com/commands/1234/5678", "13345224609.738474920.8088930838d88f008e0", "A123456"),
            command);
    }

    [Fact]
    public void Parse_NoText_GivesEmptyText()
    {
        var result = SlackSlashCommandParser.Parse(Encoding.UTF8.GetBytes("team_id=T1&user_id=U1&command=%2Ffeedback&text="));

        Assert.Equal("", Assert.IsType<SlackSlashCommand>(result.Value).Text);
    }

    [Fact]
    public void Parse_SslCheck_IsRecognised()
    {
        var result = SlackSlashCommandParser.Parse(Encoding.UTF8.GetBytes("ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO"));

        Assert.IsType<SlackSslCheck>(result.Value);
    }

    [Theory]
    [InlineData("user_id=U1&command=%2Ffeedback", "team_id")]
    [InlineData("team_id=T1&command=%2Ffeedback", "user_id")]
    [InlineData("team_id=T1&user_id=U1&text=help", "command")]
    [InlineData("", "team_id, user_id, command")]
    public void Parse_RequiredFieldMissing_ReturnsMalformedNamingIt(string body, string missing)
    {
        var result = SlackSlashCommandParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(SlackPayloadError.Malformed, result.Error);
        Assert.Contains($"has no {missing}", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SocketModePayload_ReadsTheSameFields()
    {
        using var payload = JsonDocument.Parse("""
            {"token":"t","team_id":"T1","team_domain":"x","channel_id":"C1","user_id":"U1","user_name":"sam","command":"/feedback",
             "text":"review staff-pulse","api_app_id":"A1","is_enterprise_install":"false","response_url":"https://hooks.slack.com/commands/1/2","trigger_id":"1.2.3"}
            """);

        var result = SlackSlashCommandParser.Parse(payload.RootElement);

        var command = Assert.IsType<SlackSlashCommand>(result.Value);
        Assert.Equal("review staff-pulse", command.Text);
        Assert.Equal("1.2.3", command.TriggerId);
    }
}
