using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Tests.Analysis.Validation;
using FeedbackBot.Testing.Plans;

namespace FeedbackBot.Core.Tests.Conversations;

public sealed class SurveyFormsTests
{
    private static readonly MeasurementPlan Plan = ValidationPlans.Plan();

    private static SurveyPrompt Prompt() => SurveyForms.Prompt(Plan, Audience.Customer, "cycle-1", "card-1");

    [Fact]
    public void Prompt_Plan_HasOneInputPerQuestionWithScalesAndOptions()
    {
        var prompt = Prompt();

        Assert.Equal(Plan.Questions.Select(q => q.Id), prompt.Questions.Select(q => q.Id));
        var sat = prompt.Questions.Single(q => q.Id == "sat");
        Assert.True(sat.Required);
        Assert.Equal(["1", "2", "3", "4", "5"], sat.Choices.Select(c => c.Value));
        Assert.Equal("1 – very dissatisfied", sat.Choices[0].Label);
        Assert.Equal(11, prompt.Questions.Single(q => q.Id == "nps").Choices.Count);
        Assert.True(prompt.Questions.Single(q => q.Id == "topics").MultiSelect);
        Assert.Equal(4000, prompt.Questions.Single(q => q.Id == "comment").MaxLength);
        Assert.Null(prompt.Intro);
    }

    [Fact]
    public void Prompt_StaffAudience_SaysAnswersAreAnonymous()
    {
        var plan = Plan with { Questions = [.. Plan.Questions.Select(q => q with { Audience = Audience.Staff })] };

        Assert.Contains("anonymous", SurveyForms.Prompt(plan, Audience.Staff, "c", "k").Intro, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ValidAnswers_NormalisesAndThanksWithWhatWasSaid()
    {
        var check = SurveyForms.Check(Plan, Audience.Customer, Prompt(), new Dictionary<string, string>
        {
            ["sat"] = "5",
            ["fcr"] = "Yes",
            ["topics"] = "Billing,Returns",
            ["comment"] = "  Quick and kind.  ",
        });

        Assert.True(check.IsValid);
        Assert.Equal("5", check.Answers!["sat"]);
        Assert.Equal("yes", check.Answers["fcr"]);
        Assert.Equal("Billing;Returns", check.Answers["topics"]);
        Assert.Equal("Quick and kind.", check.Answers["comment"]);
        Assert.Contains(check.Thanks!.Answers, a => a.Question == "sat" && a.Answer == "5 – very satisfied");
        Assert.Contains(check.Thanks.Answers, a => a.Question == "topics" && a.Answer == "Billing, Returns");
    }

    [Fact]
    public void Check_RequiredMissingAndValueOutOfRange_ReturnsTheCardWithErrorsAndValues()
    {
        var values = new Dictionary<string, string> { ["nps"] = "11", ["channel"] = "Fax" };

        var check = SurveyForms.Check(Plan, Audience.Customer, Prompt(), values);

        Assert.False(check.IsValid);
        Assert.Null(check.Thanks);
        Assert.Equal("Please answer this question.", check.Retry!.Errors["sat"]);
        Assert.Equal("Choose a number from 0 to 10.", check.Retry.Errors["nps"]);
        Assert.Equal("Choose one of the options.", check.Retry.Errors["channel"]);
        Assert.Equal("11", check.Retry.Values["nps"]);
        Assert.Equal("card-1", check.Retry.CardId);
    }

    [Fact]
    public void Prompt_Agree5Statement_OffersTheAgreementWordsOnEveryPoint()
    {
        var plan = StaffPlan("    type: agree5");

        var question = Assert.Single(SurveyForms.Prompt(plan, Audience.Staff, "c", "k").Questions);

        Assert.Equal(["1", "2", "3", "4", "5"], question.Choices.Select(c => c.Value));
        Assert.Equal(
            ["1 – strongly disagree", "2 – disagree", "3 – neither agree nor disagree", "4 – agree", "5 – strongly agree"],
            question.Choices.Select(c => c.Label));
        Assert.DoesNotContain(question.Choices, c => c.Label.Contains("satisfied", StringComparison.Ordinal));
    }

    [Fact]
    public void Prompt_PlanLabels_ReplaceTheTypesWords()
    {
        var plan = StaffPlan("    type: rating5\n    labels: [Poor, Fair, Good, Very good, Excellent]");

        var question = Assert.Single(SurveyForms.Prompt(plan, Audience.Staff, "c", "k").Questions);

        Assert.Equal(["1 – Poor", "2 – Fair", "3 – Good", "4 – Very good", "5 – Excellent"], question.Choices.Select(c => c.Label));
    }

    [Fact]
    public void Check_Agree5Answer_ThanksWithTheWordsChosenAndRefusesASix()
    {
        var plan = StaffPlan("    type: agree5");
        var prompt = SurveyForms.Prompt(plan, Audience.Staff, "c", "k");

        var valid = SurveyForms.Check(plan, Audience.Staff, prompt, new Dictionary<string, string> { ["quick"] = "4" });
        var invalid = SurveyForms.Check(plan, Audience.Staff, prompt, new Dictionary<string, string> { ["quick"] = "6" });

        Assert.Equal("4 – agree", Assert.Single(valid.Thanks!.Answers).Answer);
        Assert.Equal("Choose how much you agree, from 1 (strongly disagree) to 5 (strongly agree).", invalid.Retry!.Errors["quick"]);
    }

    private static MeasurementPlan StaffPlan(string typeLines) => PlanFiles.ParseValid(
        "id: p\nname: P\naudiences: [staff]\nfeatures: [speed]\nquestions:\n  - id: quick\n    text: Customers get a response from us quickly.\n"
        + typeLines);
}
