using System.Text;
using System.Text.Json;
using FeedbackBot.Channels.Slack;

namespace FeedbackBot.Channels.Tests.Slack;

public sealed class SlackInteractionParserTests
{
    private const string BlockActions = """
        {"type":"block_actions","user":{"id":"U0CA5","username":"amy.mcgee","name":"amy.mcgee","team_id":"T3MDE"},
         "api_app_id":"A0CA5","token":"Shh_its_a_seekrit","container":{"type":"message","message_ts":"1548261231.000200","channel_id":"D0CA5","is_ephemeral":false},
         "trigger_id":"12466734323.1395872398","team":{"id":"T3MDE","domain":"survey"},"enterprise":null,"is_enterprise_install":false,
         "channel":{"id":"D0CA5","name":"directmessage"},"message":{"ts":"1548261231.000200","text":"Pulse"},
         "response_url":"https://hooks.slack.com/actions/T3MDE/397700885554/96rGlfmibIGlgcZRskXaIFfN",
         "actions":[
           {"action_id":"survey.open","block_id":"pulse","text":{"type":"plain_text","text":"Answer"},"value":"cycle-7","type":"button","action_ts":"1548426417.840180"},
           {"action_id":"feature","block_id":"feedback","type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Empathy"},"value":"empathy"},"action_ts":"1548426417.840181"}
         ]}
        """;

    private const string ViewSubmission = """
        {"type":"view_submission","team":{"id":"T3MDE","domain":"survey"},"user":{"id":"U0CA5","username":"amy.mcgee","name":"amy.mcgee","team_id":"T3MDE"},
         "api_app_id":"A0CA5","trigger_id":"12345.98765.abcd2358fdea",
         "view":{"id":"V0CA5","team_id":"T3MDE","type":"modal","callback_id":"survey.submit","private_metadata":"{\"cycle\":7}","hash":"156772938.1827394",
           "blocks":[],"state":{"values":{
             "nps":{"nps.value":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"9"},"value":"9"}}},
             "rating":{"rating.value":{"type":"radio_buttons","selected_option":{"value":"4"}}},
             "comment":{"comment.value":{"type":"plain_text_input","value":"Quick & friendly"}},
             "channels":{"channels.value":{"type":"checkboxes","selected_options":[{"value":"chat"},{"value":"phone"}]}},
             "skipped":{"skipped.value":{"type":"radio_buttons","selected_option":null}}}}},
         "response_urls":[]}
        """;

    private static byte[] Form(string payload) => Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload));

    [Fact]
    public void Parse_BlockActions_ReadsWhoWhereAndEachAction()
    {
        var result = SlackInteractionParser.Parse(Form(BlockActions));

        var actions = Assert.IsType<SlackBlockActions>(result.Value);
        Assert.Equal(new SlackUserRef("U0CA5", "amy.mcgee", "T3MDE"), actions.User);
        Assert.Equal("T3MDE", actions.TeamId);
        Assert.Equal("D0CA5", actions.ChannelId);
        Assert.Equal("1548261231.000200", actions.MessageTs);
        Assert.Equal("12466734323.1395872398", actions.TriggerId);
        Assert.Equal("https://hooks.slack.com/actions/T3MDE/397700885554/96rGlfmibIGlgcZRskXaIFfN", actions.ResponseUrl);
        Assert.Null(actions.View);
        Assert.Collection(
            actions.Actions,
            button =>
            {
                Assert.Equal("survey.open", button.ActionId);
                Assert.Equal("pulse", button.BlockId);
                Assert.Equal("button", button.Type);
                Assert.Equal("cycle-7", button.Value);
            },
            select =>
            {
                Assert.Equal("feature", select.ActionId);
                Assert.Equal("empathy", select.SelectedOption);
                Assert.Null(select.Value);
            });
    }

    [Fact]
    public void Parse_FormEncodedWithPlusForSpaces_DecodesThePayload()
    {
        var payload = """{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"a","value":"two words"}]}""";
        var body = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload).Replace("%20", "+", StringComparison.Ordinal));

        var result = SlackInteractionParser.Parse(body);

        Assert.Equal("two words", Assert.IsType<SlackBlockActions>(result.Value).Actions[0].Value);
    }

    [Fact]
    public void Parse_ViewSubmission_ReadsEveryInputsValue()
    {
        var result = SlackInteractionParser.Parse(Form(ViewSubmission));

        var submission = Assert.IsType<SlackViewSubmission>(result.Value);
        Assert.Equal("U0CA5", submission.User.Id);
        Assert.Equal("T3MDE", submission.TeamId);
        Assert.Equal("V0CA5", submission.View.Id);
        Assert.Equal("survey.submit", submission.View.CallbackId);
        Assert.Equal("{\"cycle\":7}", submission.View.PrivateMetadata);
        Assert.Equal("156772938.1827394", submission.View.Hash);
        var values = submission.View.Values;
        Assert.Equal("9", values["nps"]["nps.value"].SelectedOption);
        Assert.Equal("static_select", values["nps"]["nps.value"].Type);
        Assert.Equal("4", values["rating"]["rating.value"].SelectedOption);
        Assert.Equal("Quick & friendly", values["comment"]["comment.value"].Value);
        Assert.Equal(["chat", "phone"], values["channels"]["channels.value"].SelectedOptions);
        Assert.Null(values["skipped"]["skipped.value"].SelectedOption);
    }

    [Fact]
    public void Parse_ViewClosed_IsRecognised()
    {
        var result = SlackInteractionParser.Parse(Form("""{"type":"view_closed","team":{"id":"T1"},"user":{"id":"U1"},"view":{"id":"V1","callback_id":"survey.submit"},"is_cleared":false}"""));

        var closed = Assert.IsType<SlackViewClosed>(result.Value);
        Assert.Equal("V1", closed.View.Id);
    }

    [Fact]
    public void Parse_SocketModePayload_ReadsTheSameAsOverHttp()
    {
        using var document = JsonDocument.Parse(BlockActions);

        var result = SlackInteractionParser.Parse(document.RootElement);

        Assert.Equal("survey.open", Assert.IsType<SlackBlockActions>(result.Value).Actions[0].ActionId);
    }

    [Theory]
    [InlineData("token=abc&team_id=T1")]
    [InlineData("payload=")]
    [InlineData("payload=%7B%22type%22%3A")]
    [InlineData("payload=%5B%5D")]
    [InlineData("payload=%7B%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D")]
    public void Parse_MalformedForm_ReturnsMalformed(string body)
    {
        var result = SlackInteractionParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(SlackPayloadError.Malformed, result.Error);
        Assert.StartsWith("The interaction request is malformed", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"block_actions","actions":[{"action_id":"a"}]}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"}}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[{"value":"no id"}]}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"}}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{"callback_id":"no id"}}""")]
    public void Parse_PayloadMissingWhatTheBotNeeds_ReturnsMalformed(string payload)
    {
        Assert.Equal(SlackPayloadError.Malformed, SlackInteractionParser.Parse(Form(payload)).Error);
    }

    [Fact]
    public void Parse_NotUtf8_ReturnsMalformed()
    {
        Assert.Equal(SlackPayloadError.Malformed, SlackInteractionParser.Parse([0x70, 0x3D, 0xC3, 0x28]).Error);
    }

    [Fact]
    public void Parse_UnknownType_ReturnsUnsupported()
    {
        var result = SlackInteractionParser.Parse(Form("""{"type":"shortcut","callback_id":"log_feedback","user":{"id":"U1"}}"""));

        Assert.Equal(SlackPayloadError.Unsupported, result.Error);
        Assert.Contains("'shortcut'", result.Message, StringComparison.Ordinal);
    }
}
