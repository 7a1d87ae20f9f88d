using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Channels.Tests.AdaptiveCards;
using FeedbackBot.Channels.Tests.Slack.BlockKit;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Channels.Tests;

/// <summary>The QA forms (a scorecard, the answer to an evaluation) and the evaluation itself, in Teams and in Slack.</summary>
public sealed class QaFormsTests
{
    private static readonly Scorecard Phone = new("phone-call", "Phone call", [InteractionChannel.Phone], 80,
    [
        new Criterion("greeting", "Greeted the customer", "care", null, CriterionScale.YesNo, 1, Critical: false, AllowNa: true),
        new Criterion("tone", "Kept a friendly tone", "care", null, CriterionScale.Rating5, 2, Critical: false, AllowNa: false),
    ]);

    private static SurveyPrompt Scorecard() =>
        ScorecardForms.Prompt("customer-experience", Phone, "Sam", "0f8fad5bd9cb469fa16570867728950e/phone-call", "card-1", new DateOnly(2026, 12, 5));

    private static Dictionary<string, string> Filled() => new()
    {
        ["interaction"] = "CALL-1001",
        ["channel"] = "phone",
        ["interaction_date"] = "2026-12-04",
        ["purpose"] = "feedback",
        ["c.greeting"] = "na",
        ["c.tone"] = "4",
        ["comment.tone"] = "Friendly & calm",
        ["went_well"] = "Calm",
        ["to_improve"] = "Pace",
    };

    [Fact]
    public void Scorecard_SubmittedFromTeamsOrSlack_SameSubmissionWithTheScorecardVerb()
    {
        var prompt = Scorecard();

        var teams = AdaptiveCardSubmissions.Read(TeamsClient.Execute(AdaptiveCardRenderer.Render(prompt).Card!, Filled()));
        var slack = BlockKitSubmissions.ReadView(SlackClient.SubmitView(BlockKitRenderer.SurveyModal(prompt), Filled()));

        Assert.Equal(Verbs.ScoreInteraction, teams!.Verb);
        Assert.Equal(Verbs.ScoreInteraction, slack!.Verb);
        Assert.Equal(teams.Values.OrderBy(v => v.Key), slack.Values.OrderBy(v => v.Key));
        Assert.True(ScorecardForms.Check(Phone, prompt, slack.Values, new DateOnly(2026, 12, 5)).IsValid);
    }

    [Fact]
    public void Scorecard_AsSlackMessage_HasAScoreButtonThatAsksForTheModal()
    {
        var message = BlockKitRenderer.Render(Scorecard());

        var press = BlockKitSubmissions.ReadAction(SlackClient.Press(message.Blocks, Verbs.OpenScorecard));

        Assert.Equal(Verbs.OpenScorecard, press!.Verb);
        Assert.Equal("0f8fad5bd9cb469fa16570867728950e/phone-call", press.Values[Verbs.CycleField]);
        Assert.Contains("Score", message.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scorecard_InTheSlackModal_ShortBoxesAreOneLineAndTheSubmitSaysWhatItDoes()
    {
        var modal = BlockKitRenderer.SurveyModal(Scorecard());

        var blocks = modal["blocks"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal("Save evaluation", (string?)modal["submit"]!["text"]);
        Assert.False((bool)blocks.Single(b => (string?)b["block_id"] == "interaction")["element"]!["multiline"]!);
        Assert.True((bool)blocks.Single(b => (string?)b["block_id"] == "went_well")["element"]!["multiline"]!);
        Assert.Equal("radio_buttons", (string?)blocks.Single(b => (string?)b["block_id"] == "c.tone")["element"]!["type"]);
    }

    [Fact]
    public void Evaluation_TeamsCard_ShowsScoreWentWellBeforeToImproveAndCarriesTheAnswerForm()
    {
        var card = AdaptiveCardRenderer.Render(CardSamples.Evaluation()).Card!;

        var texts = CardQuery.Texts(card);
        Assert.Contains(("Score", "62.5 of 100, below the pass mark of 80"), CardQuery.Facts(card));
        Assert.True(texts.IndexOf("What went well") < texts.IndexOf("What to improve"));
        Assert.Equal(["response", "reason", "reflection", "action_what", "action_support", "action_due"], CardQuery.Inputs(card).Select(i => (string?)i["id"]));
        var submit = CardQuery.Actions(card).Single();
        Assert.Equal(Verbs.RespondToEvaluation, (string?)submit["verb"]);
        Assert.DoesNotContain(texts, t => t.Contains("[click](http://evil)", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluation_WithoutForm_HasNoInputsOrActions()
    {
        var card = AdaptiveCardRenderer.Render(CardSamples.Evaluation(withForm: false)).Card!;

        Assert.Empty(CardQuery.Inputs(card));
        Assert.Empty(CardQuery.Actions(card));
    }

    [Fact]
    public void Evaluation_SlackMessage_AnswerButtonOpensTheResponseModal()
    {
        var message = BlockKitRenderer.Render(CardSamples.Evaluation());

        var press = BlockKitSubmissions.ReadAction(SlackClient.Press(message.Blocks, Verbs.OpenEvaluationResponse));

        Assert.Equal(Verbs.OpenEvaluationResponse, press!.Verb);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", press.Values[Verbs.CycleField]);
        var text = message.Blocks.ToJsonString();
        Assert.Contains("What went well", text, StringComparison.Ordinal);
        Assert.Contains("Interrupted twice.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadView_UnknownCallback_IsNotASubmission()
    {
        var modal = BlockKitRenderer.SurveyModal(Scorecard());
        modal["callback_id"] = "qa.delete";

        Assert.Null(BlockKitSubmissions.ReadView(SlackClient.SubmitView(modal, Filled())));
    }
}
