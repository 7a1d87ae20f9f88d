using System.Text.Json;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Channels.Tests.AdaptiveCards;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

public sealed class BlockKitSubmissionsTests
{
    private const string PlanYaml = """
        id: pulse
        name: Team pulse
        audiences: [staff]
        features: [empathy]
        questions:
          - id: sat
            text: How satisfied are you?
            type: rating5
            required: true
          - id: nps
            text: Would you recommend us?
            type: nps
            required: true
          - id: effort
            text: How easy was it?
            type: effort7
          - id: resolved
            text: Was it resolved?
            type: yesno
          - id: channel
            text: How did they contact us?
            type: choice
            options: [phone, email, chat]
          - id: topics
            text: What was it about?
            type: multichoice
            options: [billing, delivery, returns, fees]
          - id: comment
            text: Anything else?
            type: text
        """;

    private static readonly MeasurementPlan Plan = PlanParser.Parse("pulse.yaml", PlanYaml, new PlanParserOptions(_ => true)).Plan
        ?? throw new InvalidOperationException("The test plan does not parse.");

    private static SurveyPrompt Prompt() => SurveyForms.Prompt(Plan, Audience.Staff, "0b8f7a52-4c7e-4a53-9d57-3a0c7f1d2e11", "card-1");

    private static Dictionary<string, string> Answers() => new()
    {
        ["sat"] = "4",
        ["nps"] = "10",
        ["effort"] = "2",
        ["resolved"] = "no",
        ["channel"] = "email",
        ["topics"] = "billing,returns",
        ["comment"] = "Tom & <@U1> were great",
    };

    [Fact]
    public void ReadView_ModalFilledIn_SameSubmissionAndAnswersAsTheAdaptiveCard()
    {
        var prompt = Prompt();
        var answers = Answers();

        var slack = BlockKitSubmissions.ReadView(SlackClient.SubmitView(BlockKitRenderer.SurveyModal(prompt), answers));
        var teams = AdaptiveCardSubmissions.Read(TeamsClient.Execute(AdaptiveCardRenderer.Render(prompt).Card!, answers));

        Assert.NotNull(slack);
        Assert.Equal(teams!.Verb, slack.Verb);
        Assert.Equal(teams.Values.OrderBy(v => v.Key), slack.Values.OrderBy(v => v.Key));
        var slackCheck = SurveyForms.Check(Plan, Audience.Staff, prompt, slack.Values);
        var teamsCheck = SurveyForms.Check(Plan, Audience.Staff, prompt, teams.Values);
        Assert.True(slackCheck.IsValid);
        Assert.Equal(teamsCheck.Answers, slackCheck.Answers);
        Assert.Equal("billing;returns", slackCheck.Answers!["topics"]);
        Assert.Equal("Tom & <@U1> were great", slackCheck.Answers["comment"]);
    }

    [Fact]
    public void ReadView_OnlyRequiredAnswered_OptionalOnesLeftOutAndAccepted()
    {
        var prompt = Prompt();
        var answers = new Dictionary<string, string> { ["sat"] = "5", ["nps"] = "0" };

        var submission = BlockKitSubmissions.ReadView(SlackClient.SubmitView(BlockKitRenderer.SurveyModal(prompt), answers));

        Assert.Equal(["_card", "_cycle", "_plan", "nps", "sat"], submission!.Values.Keys.Order(StringComparer.Ordinal));
        var check = SurveyForms.Check(Plan, Audience.Staff, prompt, submission.Values);
        Assert.Equal(new Dictionary<string, string> { ["sat"] = "5", ["nps"] = "0" }, check.Answers);
    }

    [Fact]
    public void ReadView_RequiredLeftEmpty_SlackRefusesBeforeSending()
    {
        var view = BlockKitRenderer.SurveyModal(Prompt());

        Assert.Equal(["sat", "nps"], SlackClient.RequiredLeftEmpty(view, new Dictionary<string, string> { ["comment"] = "hi" }));
    }

    [Fact]
    public void ReadView_OtherCallbackOrMissingMetadata_NotASubmission()
    {
        var view = BlockKitRenderer.SurveyModal(Prompt());
        var other = view.DeepClone().AsObject();
        other["callback_id"] = "something.else";
        var noMetadata = view.DeepClone().AsObject();
        noMetadata["private_metadata"] = """{"_plan":"pulse","_cycle":""}""";

        Assert.Null(BlockKitSubmissions.ReadView(SlackClient.SubmitView(other, Answers())));
        Assert.Null(BlockKitSubmissions.ReadView(SlackClient.SubmitView(noMetadata, Answers())));
        Assert.Null(BlockKitSubmissions.ReadView(JsonSerializer.SerializeToElement("not a view")));
    }

    [Fact]
    public void ReadView_StateTriesToOverwriteAHiddenField_HiddenFieldKept()
    {
        var view = JsonDocument.Parse("""
            {"callback_id":"survey.submit","private_metadata":"{\"_plan\":\"pulse\",\"_cycle\":\"c1\",\"_card\":\"k1\"}",
             "state":{"values":{"_cycle":{"answer":{"type":"plain_text_input","value":"other-cycle"}},
                                "sat":{"answer":{"type":"radio_buttons","selected_option":{"value":"4"}}}}}}
            """).RootElement;

        var submission = BlockKitSubmissions.ReadView(view);

        Assert.Equal("c1", submission!.Values[Verbs.CycleField]);
        Assert.Equal("4", submission.Values["sat"]);
    }

    [Fact]
    public void ReadAction_AnswerButton_OpenSurveyWithTheIdsNeededForTheModal()
    {
        var message = BlockKitRenderer.Render(Prompt());

        var submission = BlockKitSubmissions.ReadAction(SlackClient.Press(message.Blocks, BlockKitActions.OpenSurvey));

        Assert.Equal(BlockKitActions.OpenSurvey, submission!.Verb);
        Assert.Equal(
            new Dictionary<string, string> { [Verbs.PlanField] = "pulse", [Verbs.CycleField] = "0b8f7a52-4c7e-4a53-9d57-3a0c7f1d2e11", [Verbs.CardField] = "card-1" },
            submission.Values);
    }

    [Fact]
    public void ReadAction_ComplaintAfterChoosingAFeature_SameSubmissionAsTheFeedbackCard()
    {
        var prompt = new FeedbackPrompt("card-9", "Rude on the phone\nand slow", ["empathy", "speed"], null);
        var message = BlockKitRenderer.Render(prompt);

        var slack = BlockKitSubmissions.ReadAction(SlackClient.Press(message.Blocks, BlockKitActions.FeedbackComplaint, selectedFeature: "empathy"));
        var teams = AdaptiveCardSubmissions.Read(TeamsClient.Execute(
            AdaptiveCardRenderer.Render(prompt).Card!,
            new Dictionary<string, string> { [FeedbackFields.Feature] = "empathy", [FeedbackFields.Kind] = FeedbackFields.Complaint }));

        Assert.Equal(teams!.Verb, slack!.Verb);
        Assert.Equal(teams.Values.OrderBy(v => v.Key), slack.Values.OrderBy(v => v.Key));
    }

    [Fact]
    public void ReadAction_PraiseWithoutAFeature_SubmissionWithoutFeatureSoTheFeatureAsksForIt()
    {
        var message = BlockKitRenderer.Render(new FeedbackPrompt("card-9", "Lovely", ["empathy"], null));

        var submission = BlockKitSubmissions.ReadAction(SlackClient.Press(message.Blocks, BlockKitActions.FeedbackPraise));

        Assert.Equal(Verbs.SubmitFeedback, submission!.Verb);
        Assert.Equal(FeedbackFields.Praise, submission.Values[Verbs.KindInput]);
        Assert.False(submission.Values.ContainsKey(Verbs.FeatureInput));
    }

    [Fact]
    public void ReadAction_ReportLinkOrFeatureChoice_NothingToSubmit()
    {
        var review = BlockKitRenderer.Render(CardSamples.Review());
        var feature = JsonDocument.Parse("""{"actions":[{"action_id":"feedback.feature","selected_option":{"value":"empathy"}}]}""").RootElement;

        Assert.Null(BlockKitSubmissions.ReadAction(SlackClient.Press(review.Blocks, BlockKitActions.OpenReport)));
        Assert.Null(BlockKitSubmissions.ReadAction(feature));
    }

    [Fact]
    public void ReadAction_ButtonValueWithoutText_NotASubmission()
    {
        var payload = JsonDocument.Parse("""{"actions":[{"action_id":"feedback.praise","value":"card-9"}]}""").RootElement;

        Assert.Null(BlockKitSubmissions.ReadAction(payload));
    }
}
