using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Core.Tests.Conversations;

public sealed class EvaluationResponseFormsTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static SurveyPrompt Prompt() => EvaluationResponseForms.Prompt("customer-experience", "evaluation-1", "card-1", "Morgan");

    [Fact]
    public void Check_AcknowledgeWithAction_GivesTheAnswerAndAPlannedStep()
    {
        var values = new Dictionary<string, string>
        {
            ["response"] = "acknowledge",
            ["reflection"] = "I rushed the close because the queue was long.",
            ["action_what"] = "Summarise the next step on every call",
            ["action_support"] = "Listen to two calls with Morgan",
            ["action_due"] = "2026-12-19",
        };

        var response = EvaluationResponseForms.Check(Prompt(), values, Today).Response!;

        Assert.True(response.Acknowledged);
        Assert.Equal("I rushed the close because the queue was long.", response.Reflection);
        Assert.Equal(new CoachingStep("Summarise the next step on every call", "Listen to two calls with Morgan", new DateOnly(2026, 12, 19), "planned"), response.Action);
    }

    [Fact]
    public void Check_DiscussWithoutReason_AsksForOne()
    {
        var check = EvaluationResponseForms.Check(Prompt(), new Dictionary<string, string> { ["response"] = "discuss" }, Today);

        Assert.Null(check.Response);
        Assert.Equal(["reason"], check.Retry!.Errors.Keys);
    }

    [Fact]
    public void Check_ActionWithoutDueDate_AndDueDateInThePast_AreRefused()
    {
        var noDate = EvaluationResponseForms.Check(Prompt(), new Dictionary<string, string> { ["response"] = "acknowledge", ["action_what"] = "Practise" }, Today);
        var past = EvaluationResponseForms.Check(Prompt(), new Dictionary<string, string> { ["response"] = "acknowledge", ["action_what"] = "Practise", ["action_due"] = "2026-12-04" }, Today);
        var dateOnly = EvaluationResponseForms.Check(Prompt(), new Dictionary<string, string> { ["response"] = "acknowledge", ["action_due"] = "2026-12-24" }, Today);

        Assert.Equal("Give the action a due date, so you are both reminded.", noDate.Retry!.Errors["action_due"]);
        Assert.Equal("The due date cannot be in the past.", past.Retry!.Errors["action_due"]);
        Assert.Equal("Say what the action is.", dateOnly.Retry!.Errors["action_what"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("agree")]
    public void Check_NoChoice_IsRefused(string response)
    {
        var check = EvaluationResponseForms.Check(Prompt(), new Dictionary<string, string> { ["response"] = response }, Today);

        Assert.Equal("Choose acknowledge or discuss.", check.Retry!.Errors["response"]);
    }
}
