using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Core.Tests.Conversations;

public sealed class CoachingActionFormsTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static SurveyPrompt Prompt() => CoachingActionForms.Prompt("customer-experience", "action-1", "card-1", "Action due: Summarise", "Reminder");

    [Theory]
    [InlineData("done", null)]
    [InlineData("cancelled", null)]
    [InlineData("planned", "2026-12-12")]
    public void Check_EachOutcome_IsTheUpdate(string state, string? due)
    {
        var values = new Dictionary<string, string> { ["state"] = state, ["new_due"] = due ?? "", ["note"] = " Went well. " };

        var update = CoachingActionForms.Check(Prompt(), values, Today).Update!;

        Assert.Equal(new CoachingActionUpdate(state, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), "Went well."), update);
    }

    [Theory]
    [InlineData("planned", "", "new_due")]
    [InlineData("planned", "2026-12-05", "new_due")]
    [InlineData("finished", "", "state")]
    public void Check_NotYetWithoutALaterDate_OrNoState_IsRefused(string state, string due, string field)
    {
        var check = CoachingActionForms.Check(Prompt(), new Dictionary<string, string> { ["state"] = state, ["new_due"] = due }, Today);

        Assert.Null(check.Update);
        Assert.Equal([field], check.Retry!.Errors.Keys);
    }

    [Fact]
    public void Prompt_IsAFormOfItsOwnVerb() => Assert.Equal((Verbs.UpdateCoachingAction, Verbs.OpenCoachingAction), (Prompt().Verb, Verbs.OpenVerbFor(Prompt().Verb)));
}
