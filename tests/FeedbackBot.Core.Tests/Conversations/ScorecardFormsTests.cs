using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Tests.Scorecards;

namespace FeedbackBot.Core.Tests.Conversations;

public sealed class ScorecardFormsTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static SurveyPrompt Prompt() => ScorecardForms.Prompt("customer-experience", ScorecardFixtures.Phone, "Sam", "agent/phone-call", "card-1", Today);

    private static Dictionary<string, string> Valid() => new(StringComparer.Ordinal)
    {
        [ScorecardForms.InteractionInput] = "CALL-1001",
        [ScorecardForms.ChannelInput] = "phone",
        [ScorecardForms.DateInput] = "2026-12-04",
        [ScorecardForms.PurposeInput] = "feedback",
        ["c.greeting"] = "yes",
        ["c.verified"] = "yes",
        ["c.tone"] = "4",
        ["comment.tone"] = "Warm, but rushed the close.",
        [ScorecardForms.WentWellInput] = "Clear explanation of the bill.",
        [ScorecardForms.ToImproveInput] = "Summarise the next step before ending.",
    };

    [Fact]
    public void Prompt_Scorecard_AsksForReferenceChannelDateEachCriterionWithCommentAndBothFeedbackBoxes()
    {
        var prompt = Prompt();

        Assert.Equal(Verbs.ScoreInteraction, prompt.Verb);
        Assert.Equal(
            ["interaction", "channel", "interaction_date", "purpose", "c.greeting", "comment.greeting", "c.verified", "comment.verified", "c.tone", "comment.tone", "went_well", "to_improve"],
            prompt.Questions.Select(q => q.Id));
        Assert.True(prompt.Questions.Single(q => q.Id == "went_well").Required);
        Assert.True(prompt.Questions.Single(q => q.Id == "to_improve").Required);
        Assert.False(prompt.Questions.Single(q => q.Id == "comment.tone").Required);
        Assert.Equal(["yes", "no"], prompt.Questions.Single(q => q.Id == "c.verified").Choices.Select(c => c.Value));
        Assert.Equal(["1", "2", "3", "4", "5", "na"], prompt.Questions.Single(q => q.Id == "c.tone").Choices.Select(c => c.Value));
        Assert.Contains("critical", prompt.Questions.Single(q => q.Id == "c.verified").Text, StringComparison.Ordinal);
        Assert.Equal("2026-12-05", prompt.Values[ScorecardForms.DateInput]);
        Assert.Equal("feedback", prompt.Values[ScorecardForms.PurposeInput]);
        Assert.Equal(["phone", "chat"], prompt.Questions.Single(q => q.Id == "channel").Choices.Select(c => c.Value));
    }

    [Fact]
    public void Check_ValidForm_ScoresItWithThePlansRule()
    {
        var check = ScorecardForms.Check(ScorecardFixtures.Phone, Prompt(), Valid(), Today);

        var entry = Assert.IsType<ScoredInteraction>(check.Entry);
        // greeting 1 × 1, verified 1 × 1, tone (4 − 1) / 4 × 2 = 1.5: 100 × 3.5 / 4 = 87.5.
        Assert.Equal(87.5, entry.Result.Score);
        Assert.True(entry.Result.Passed);
        Assert.Equal(InteractionChannel.Phone, entry.Channel);
        Assert.Equal(new DateOnly(2026, 12, 4), entry.InteractionDate);
        Assert.Equal("Warm, but rushed the close.", entry.Comments["tone"]);
        Assert.False(entry.Calibration);
        Assert.False(entry.Comments.ContainsKey("greeting"));
    }

    [Fact]
    public void Check_CalibrationOnly_IsMarkedSo()
    {
        var values = Valid();
        values[ScorecardForms.PurposeInput] = "calibration";

        Assert.True(ScorecardForms.Check(ScorecardFixtures.Phone, Prompt(), values, Today).Entry!.Calibration);
    }

    [Fact]
    public void Check_CriticalNo_FailsTheEvaluation()
    {
        var values = Valid();
        values["c.verified"] = "no";

        var entry = ScorecardForms.Check(ScorecardFixtures.Phone, Prompt(), values, Today).Entry!;

        Assert.Equal(0, entry.Result.Score);
        Assert.True(entry.Result.CriticalFail);
    }

    [Fact]
    public void Check_EveryFieldWrong_ComesBackWithAnErrorBesideEach()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ScorecardForms.InteractionInput] = "  ",
            [ScorecardForms.ChannelInput] = "email",
            [ScorecardForms.DateInput] = "2026-12-06",
            [ScorecardForms.PurposeInput] = "gossip",
            ["c.greeting"] = "",
            ["c.verified"] = "na",
            ["c.tone"] = "yes",
            ["comment.tone"] = new string('x', ScorecardForms.CommentLength + 1),
            [ScorecardForms.WentWellInput] = "",
            [ScorecardForms.ToImproveInput] = " ",
        };

        var check = ScorecardForms.Check(ScorecardFixtures.Phone, Prompt(), values, Today);

        Assert.Null(check.Entry);
        Assert.Equal(
            ["interaction", "channel", "interaction_date", "purpose", "c.greeting", "c.verified", "c.tone", "comment.tone", "went_well", "to_improve"],
            check.Retry!.Errors.Keys);
        Assert.Equal("The interaction cannot be in the future.", check.Retry.Errors["interaction_date"]);
        Assert.Equal("email", check.Retry.Values[ScorecardForms.ChannelInput]);
    }

    [Fact]
    public void Check_NotApplicableWhereAllowed_LeavesTheCriterionOut()
    {
        var values = Valid();
        values["c.greeting"] = "na";
        values["c.tone"] = "na";

        var entry = ScorecardForms.Check(ScorecardFixtures.Phone, Prompt(), values, Today).Entry!;

        Assert.Equal(100, entry.Result.Score);
        Assert.Equal(CriterionAnswer.NotApplicable, entry.Answers["greeting"]);
    }

    [Theory]
    [InlineData("05/12/2026")]
    [InlineData("2026-13-01")]
    [InlineData("yesterday")]
    public void Check_DateNotYyyyMmDd_IsRefused(string date)
    {
        var values = Valid();
        values[ScorecardForms.DateInput] = date;

        var check = ScorecardForms.Check(ScorecardFixtures.Phone, Prompt(), values, Today);

        Assert.StartsWith("Write the date as YYYY-MM-DD", check.Retry!.Errors[ScorecardForms.DateInput], StringComparison.Ordinal);
    }

    [Fact]
    public void Prompt_SingleChannelScorecard_PreselectsIt()
    {
        var written = ScorecardFixtures.Phone with { Channels = [InteractionChannel.FaceToFace] };

        var prompt = ScorecardForms.Prompt("p", written, "Sam", "s", "c", Today);

        Assert.Equal("face_to_face", prompt.Values[ScorecardForms.ChannelInput]);
        Assert.Equal("face to face", prompt.Questions.Single(q => q.Id == "channel").Choices[0].Label);
        Assert.Equal(QuestionType.Choice, prompt.Questions.Single(q => q.Id == "channel").Type);
    }
}
