using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Tests.Analysis.Validation;

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
}
