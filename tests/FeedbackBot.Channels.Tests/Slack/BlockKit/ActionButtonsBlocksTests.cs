using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Channels.Tests.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

/// <summary>The Adopt button beside a review's recommendations and the Update button of each improvement action, in Slack.</summary>
public sealed class ActionButtonsBlocksTests
{
    [Fact]
    public void Render_RecommendationNotActedOn_AdoptButtonBesideItOpensTheFormInAModal()
    {
        var message = BlockKitRenderer.Render(CardSamples.ReviewWithAdopt());

        var section = SlackQuery.Blocks(message).Single(b => b["accessory"] is JsonObject);
        Assert.Contains("Add a morning email shift", (string?)section["text"]!["text"], StringComparison.Ordinal);
        var submission = BlockKitSubmissions.ReadAction(SlackClient.Press(new JsonArray([.. message.Blocks.Select(b => b!.DeepClone())]), Verbs.OpenAdoption));
        Assert.NotNull(submission);
        Assert.Equal(Verbs.OpenAdoption, submission.Verb);
        Assert.Equal("0d3c2b1a-7b2c-4f5e-9a8b-1c2d3e4f5a6b", submission.Values[Verbs.PlanField]);
        Assert.Equal("r1", submission.Values[Verbs.CycleField]);
    }

    [Fact]
    public void Render_RecommendationActedOn_SaysSoWithoutAButton()
    {
        var message = BlockKitRenderer.Render(CardSamples.ReviewWithAdopt());

        var section = SlackQuery.Blocks(message).Single(b => ((string?)b["text"]?["text"])?.Contains("Train agents on refunds", StringComparison.Ordinal) == true);
        Assert.Contains("Being acted on: action 3, in progress", (string?)section["text"]!["text"], StringComparison.Ordinal);
        Assert.Null(section["accessory"]);
    }

    [Fact]
    public void Render_ActionList_EachActionASectionWithItsUpdateButton()
    {
        var message = BlockKitRenderer.Render(CardSamples.Actions());

        var text = SlackQuery.AllText(message);
        Assert.Contains("Your open improvement actions", text, StringComparison.Ordinal);
        Assert.Contains(":warning: in progress · overdue: due 30 Nov 2026 · owner: ana@example.com", text, StringComparison.Ordinal);
        Assert.Contains("implemented, live since 1 Dec 2026", text, StringComparison.Ordinal);
        var submission = BlockKitSubmissions.ReadAction(SlackClient.Press(new JsonArray([.. message.Blocks.Select(b => b!.DeepClone())]), Verbs.OpenImprovementActionUpdate));
        Assert.Equal("5e0c7d2a-1b3c-4d5e-8f9a-0b1c2d3e4f5a", submission?.Values[Verbs.CycleField]);
        Assert.Single(SlackQuery.Blocks(message), b => b["accessory"] is JsonObject);
    }

    [Fact]
    public void Render_ActionListWithHostileTitle_Escaped()
    {
        var list = CardSamples.Actions() with { Actions = [CardSamples.Actions().Actions[0] with { Title = "<!channel> *bold* & <http://x|y>" }] };

        var text = SlackQuery.AllText(BlockKitRenderer.Render(list));

        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", text, StringComparison.Ordinal);
    }
}
