using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;

namespace FeedbackBot.Core.Tests.Conversations;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("  HELP ")]
    [InlineData("")]
    [InlineData("/help")]
    [InlineData("hello")]
    public void Parse_HelpOrNothing_IsHelp(string text) => Assert.IsType<BotCommand.Help>(CommandParser.Parse(text));

    [Theory]
    [InlineData("latest review", null)]
    [InlineData("Latest   Review", null)]
    [InlineData("latest review staff-pulse", "staff-pulse")]
    [InlineData("review Customer-Experience", "customer-experience")]
    public void Parse_LatestReview_ReadsTheOptionalPlan(string text, string? plan) =>
        Assert.Equal(new BotCommand.LatestReview(plan), CommandParser.Parse(text));

    [Fact]
    public void Parse_StartPulse_ReadsThePlan() =>
        Assert.Equal(new BotCommand.StartPulse("staff-pulse"), CommandParser.Parse("start pulse staff-pulse"));

    [Fact]
    public void Parse_StartPulseWithoutPlan_IsUnknownWithHint()
    {
        var command = Assert.IsType<BotCommand.Unknown>(CommandParser.Parse("start pulse"));

        Assert.Contains("start pulse <plan>", command.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LogFeedback_KeepsTheTextAsWritten() =>
        Assert.Equal(new BotCommand.LogFeedback("Customer said the new app is Great"), CommandParser.Parse("log feedback Customer said the new app is Great"));

    [Theory]
    [InlineData("role @Ana Smith manager", "@Ana Smith", PersonRole.Manager)]
    [InlineData("role <at>Ana</at> STAFF", "<at>Ana</at>", PersonRole.Staff)]
    public void Parse_Role_ReadsPersonAndRole(string text, string person, PersonRole role) =>
        Assert.Equal(new BotCommand.SetRole(person, role), CommandParser.Parse(text));

    [Theory]
    [InlineData("role @Ana admin")]
    [InlineData("role manager")]
    public void Parse_RoleMalformed_IsUnknownWithHint(string text) =>
        Assert.Equal("role @person manager|staff", Assert.IsType<BotCommand.Unknown>(CommandParser.Parse(text)).Hint);

    [Fact]
    public void Parse_SomethingElse_IsUnknownWithoutHint() =>
        Assert.Null(Assert.IsType<BotCommand.Unknown>(CommandParser.Parse("what's the weather")).Hint);
}
