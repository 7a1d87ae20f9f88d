using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Channels.Tests.Slack.BlockKit;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

/// <summary>
/// A staff statement on the agree5 scale, and a question with its own labels, as Teams (and the playground, which
/// draws the same card) and Slack show them: from the plan file through the survey form to the rendered text.
/// </summary>
public sealed class ScaleLabelCardTests
{
    private static readonly string[] Agreement =
        ["1 – strongly disagree", "2 – disagree", "3 – neither agree nor disagree", "4 – agree", "5 – strongly agree"];

    private static readonly string[] Frequency = ["1 – Never", "2 – Rarely", "3 – Sometimes", "4 – Usually", "5 – Always"];

    private static readonly MeasurementPlan Plan = PlanParser.Parse("staff.yaml", """
        id: staff-pulse
        name: Staff pulse
        audiences: [staff]
        features: [responsiveness, resolution]
        questions:
          - id: responsiveness
            text: Customers get a response from us quickly.
            type: agree5
            feature: responsiveness
            required: true
          - id: resolution
            text: I have what I need to resolve customers' issues on first contact.
            type: agree5
            feature: resolution
            labels: [Never, Rarely, Sometimes, Usually, Always]
        """, new PlanParserOptions(_ => true)).Plan!;

    private static SurveyPrompt Prompt(IReadOnlyDictionary<string, string>? values = null)
    {
        var prompt = SurveyForms.Prompt(Plan, Audience.Staff, "cycle-1", "card-1");
        return values is null ? prompt : SurveyForms.Check(Plan, Audience.Staff, prompt, values).Retry!;
    }

    private static JsonObject Card(SurveyPrompt prompt)
    {
        var card = AdaptiveCardRenderer.Render(prompt).Card!;
        AdaptiveCardSchema.AssertValid(card);
        return card;
    }

    private static List<string> CardChoices(JsonObject card, string id) =>
        [.. CardQuery.Input(card, id)["choices"]!.AsArray().Select(c => (string)c!["title"]!)];

    private static List<string> SlackOptions(JsonObject view, string id) =>
        [.. SlackQuery.Options(SlackQuery.Input(view, id)["element"]!.AsObject()).Select(o => (string)o["text"]!["text"]!)];

    [Fact]
    public void Render_Agree5Statement_CardShowsTheAgreementWordsAndNoSatisfaction()
    {
        var card = Card(Prompt());

        Assert.Equal(Agreement, CardChoices(card, "responsiveness"));
        Assert.Equal(Frequency, CardChoices(card, "resolution"));
        Assert.Equal("Choose how much you agree.", (string?)CardQuery.Input(card, "responsiveness")["errorMessage"]);
        Assert.DoesNotContain("satisfied", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Agree5AnswerRefused_CardSaysHowToAgreeUnderTheStatement()
    {
        var card = Card(Prompt(new Dictionary<string, string> { ["responsiveness"] = "7" }));

        Assert.Contains("Choose how much you agree, from 1 (strongly disagree) to 5 (strongly agree).", CardQuery.Texts(card));
    }

    [Fact]
    public void Render_Agree5Thanks_CardShowsTheWordsChosen()
    {
        var check = SurveyForms.Check(Plan, Audience.Staff, Prompt(), new Dictionary<string, string> { ["responsiveness"] = "2", ["resolution"] = "4" });

        var card = AdaptiveCardRenderer.Render(check.Thanks!).Card!;

        var texts = string.Join("\n", CardQuery.Texts(card).Concat(CardQuery.Facts(card).Select(f => $"{f.Title} {f.Value}")));
        Assert.Contains("2 – disagree", texts, StringComparison.Ordinal);
        Assert.Contains("4 – Usually", texts, StringComparison.Ordinal);
    }

    [Fact]
    public void SurveyModal_Agree5Statement_SlackShowsTheAgreementWordsAsRadioButtons()
    {
        var view = BlockKitRenderer.SurveyModal(Prompt());

        Assert.Equal("radio_buttons", (string?)SlackQuery.Input(view, "responsiveness")["element"]!["type"]);
        Assert.Equal(Agreement, SlackOptions(view, "responsiveness"));
        Assert.Equal(Frequency, SlackOptions(view, "resolution"));
        Assert.DoesNotContain("satisfied", view.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.Check(view));
    }
}
