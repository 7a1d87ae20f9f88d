using System.Text.Json;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

public sealed class AdaptiveCardSubmissionsTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Dictionary<string, string> Expected(Dictionary<string, string> inputs, params (string Key, string Value)[] hidden)
    {
        var expected = new Dictionary<string, string>(inputs);
        foreach (var (key, value) in hidden)
        {
            expected[key] = value;
        }

        return expected;
    }

    [Fact]
    public void Read_SurveyAnsweredWithActionExecute_VerbAnswersAndHiddenFields()
    {
        var card = AdaptiveCardRenderer.Render(CardSamples.Survey()).Card!;
        var answers = CardSamples.Answers();

        var submission = AdaptiveCardSubmissions.Read(TeamsClient.Execute(card, answers));

        Assert.NotNull(submission);
        Assert.Equal(Verbs.SubmitSurvey, submission.Verb);
        Assert.Equal(
            Expected(answers, (Verbs.PlanField, "customer-experience"), (Verbs.CycleField, "cycle-2026-10-12"), (Verbs.CardField, "card-7")),
            submission.Values);
    }

    [Fact]
    public void Read_SurveyAnsweredWithActionSubmitFallback_SameSubmission()
    {
        var card = AdaptiveCardRenderer.Render(CardSamples.Survey()).Card!;
        var answers = CardSamples.Answers();

        var viaSubmit = AdaptiveCardSubmissions.Read(TeamsClient.Submit(card, answers));
        var viaExecute = AdaptiveCardSubmissions.Read(TeamsClient.Execute(card, answers));

        Assert.NotNull(viaSubmit);
        Assert.Equal(Verbs.SubmitSurvey, viaSubmit.Verb);
        Assert.Equal(viaExecute!.Values, viaSubmit.Values);
    }

    [Fact]
    public void Read_FeedbackSaved_FeatureKindAndCard()
    {
        var card = AdaptiveCardRenderer.Render(new FeedbackPrompt("card-9", "Rude on the phone", ["empathy"], null)).Card!;
        var inputs = new Dictionary<string, string> { [FeedbackFields.Feature] = "empathy", [FeedbackFields.Kind] = FeedbackFields.Complaint };

        var submission = AdaptiveCardSubmissions.Read(TeamsClient.Execute(card, inputs));

        Assert.Equal(Verbs.SubmitFeedback, submission!.Verb);
        Assert.Equal(Expected(inputs, (Verbs.CardField, "card-9"), (Verbs.TextField, "Rude on the phone")), submission.Values);
    }

    [Fact]
    public void Read_QuestionWithIdVerb_DoesNotConfuseTheSubmitFallback()
    {
        var value = Json("""{"_verb":"survey.submit","_plan":"p","_cycle":"c","_card":"k","verb":"yes"}""");

        var submission = AdaptiveCardSubmissions.Read(value);

        Assert.Equal(Verbs.SubmitSurvey, submission!.Verb);
        Assert.Equal("yes", submission.Values["verb"]);
        Assert.False(submission.Values.ContainsKey("_verb"));
    }

    [Fact]
    public void Read_NumbersBooleansAndArrays_ReadAsText()
    {
        var value = Json("""
            {"action":{"type":"Action.Execute","verb":"survey.submit",
             "data":{"_plan":"p","_cycle":"c","_card":"k","sat":4,"nps":10.0,"ok":true,"no":false,"topics":["billing","returns"],"skipped":null,"msteams":{"x":1}}},
             "trigger":"manual"}
            """);

        var values = AdaptiveCardSubmissions.Read(value)!.Values;

        Assert.Equal("4", values["sat"]);
        Assert.Equal("10.0", values["nps"]);
        Assert.Equal("true", values["ok"]);
        Assert.Equal("false", values["no"]);
        Assert.Equal("billing,returns", values["topics"]);
        Assert.False(values.ContainsKey("skipped"));
        Assert.False(values.ContainsKey("msteams"));
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"something.else","data":{"_card":"k"}},"trigger":"manual"}""")]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"feedback.submit","data":{"_card":"k"}},"trigger":"manual"}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"survey.submit","data":{"_plan":"p","_card":"k"}},"trigger":"manual"}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"feedback.submit","data":"text"},"trigger":"manual"}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"feedback.submit","data":{"_card":""}},"trigger":"manual"}""")]
    [InlineData("""{"feature":"empathy","kind":"praise","_card":"k"}""")]
    [InlineData("""{"_verb":"survey.submit","_plan":"p","_cycle":"c"}""")]
    [InlineData("""{"_verb":42,"_card":"k"}""")]
    [InlineData("""["survey.submit"]""")]
    [InlineData("\"survey.submit\"")]
    public void Read_NotOneOfOurSubmissions_Null(string json)
    {
        Assert.Null(AdaptiveCardSubmissions.Read(Json(json)));
    }

    [Fact]
    public void Read_OversizedValue_Null()
    {
        var comment = new string('x', AdaptiveCardSubmissions.MaxValueBytes);
        var value = Json($$"""{"_verb":"feedback.submit","_card":"k","comment":"{{comment}}"}""");

        Assert.Null(AdaptiveCardSubmissions.Read(value));
    }

    [Fact]
    public void Read_LongestSurveyAnswer_Accepted()
    {
        var card = AdaptiveCardRenderer.Render(CardSamples.Survey()).Card!;
        var answers = CardSamples.Answers();
        answers["comment"] = new string('é', 4000);

        Assert.NotNull(AdaptiveCardSubmissions.Read(TeamsClient.Execute(card, answers)));
    }
}
