using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Channels.Tests.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

public sealed class ViewErrorsTests
{
    [Fact]
    public void From_Errors_ResponseActionErrorsKeyedByBlockId()
    {
        var response = ViewErrors.From(new Dictionary<string, string> { ["nps"] = "Choose a number from 0 to 10.", ["sat"] = "Please answer this question." });

        Assert.Equal(
            """{"response_action":"errors","errors":{"nps":"Choose a number from 0 to 10.","sat":"Please answer this question."}}""",
            response.ToJsonString());
    }

    [Fact]
    public void From_RefusedCheck_ErrorsNameInputBlocksOfTheModal()
    {
        var prompt = CardSamples.Survey();
        var check = new SurveyCheck(null, null, prompt with { Errors = new Dictionary<string, string> { ["nps"] = "Choose a number from 0 to 10." } });
        var view = BlockKitRenderer.SurveyModal(prompt);

        var errors = ViewErrors.From(check)["errors"]!.AsObject();

        var blockIds = SlackQuery.Blocks(view).Where(b => (string?)b["type"] == "input").Select(b => (string)b["block_id"]!).ToHashSet();
        Assert.All(errors, e => Assert.Contains(e.Key, blockIds));
        Assert.Equal("Choose a number from 0 to 10.", (string?)errors["nps"]);
    }

    [Fact]
    public void From_AcceptedCheck_Refused()
    {
        var check = new SurveyCheck(new Dictionary<string, string>(), new SurveyThanks("x", [], false), null);

        Assert.Throws<ArgumentException>(() => ViewErrors.From(check));
    }
}
