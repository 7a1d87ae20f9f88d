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

        Assert.Equal("start pulse PLAN", command.Hint);
        Assert.Equal("start pulse staff-pulse", command.Example);
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

    [Fact]
    public void Parse_Plans_ListsThem() => Assert.IsType<BotCommand.ListPlans>(CommandParser.Parse("Plans"));

    [Theory]
    [InlineData("status Staff-Pulse", "status", "staff-pulse")]
    [InlineData("pause staff-pulse", "pause", "staff-pulse")]
    [InlineData("resume  staff-pulse ", "resume", "staff-pulse")]
    [InlineData("run staff-pulse now", "run", "staff-pulse")]
    [InlineData("RUN Staff-Pulse NOW", "run", "staff-pulse")]
    public void Parse_PlanCommands_ReadThePlan(string text, string verb, string plan)
    {
        var command = CommandParser.Parse(text);

        var (expectedType, actualPlan) = command switch
        {
            BotCommand.PlanStatus c => ("status", c.Plan),
            BotCommand.PausePlan c => ("pause", c.Plan),
            BotCommand.ResumePlan c => ("resume", c.Plan),
            BotCommand.RunPlanNow c => ("run", c.Plan),
            _ => ("?", ""),
        };
        Assert.Equal(verb, expectedType);
        Assert.Equal(plan, actualPlan);
    }

    [Theory]
    [InlineData("status", "status PLAN")]
    [InlineData("pause", "pause PLAN")]
    [InlineData("run staff-pulse", "run PLAN now")]
    [InlineData("run now", "run PLAN now")]
    public void Parse_PlanCommandMissingItsPlan_IsUnknownWithHint(string text, string hint) =>
        Assert.Equal(hint, Assert.IsType<BotCommand.Unknown>(CommandParser.Parse(text)).Hint);

    [Fact]
    public void Parse_WordsStartingLikeACommand_AreNotThatCommand() =>
        Assert.IsType<BotCommand.Unknown>(CommandParser.Parse("statistics please"));

    [Theory]
    [InlineData("my pulses")]
    [InlineData("My  Pulses")]
    [InlineData("pending")]
    [InlineData("/pending")]
    public void Parse_MyPulses_IsMyPulses(string text) => Assert.IsType<BotCommand.MyPulses>(CommandParser.Parse(text));

    [Fact]
    public void Parse_HintsOfEveryCommand_NameArgumentsInCapitalsWithAnExample()
    {
        string[] bare = ["start pulse", "log feedback", "status", "pause", "resume", "run", "role"];

        foreach (var text in bare)
        {
            var command = Assert.IsType<BotCommand.Unknown>(CommandParser.Parse(text));
            Assert.NotNull(command.Hint);
            Assert.DoesNotContain('<', command.Hint);
            Assert.False(string.IsNullOrEmpty(command.Example), text);
            Assert.IsNotType<BotCommand.Unknown>(CommandParser.Parse(command.Example));
        }
    }

    [Theory]
    [InlineData("reveiw", "review", "latest review")]
    [InlineData("stauts staff-pulse", "status staff-pulse")]
    [InlineData("hepl", "help")]
    [InlineData("my pulse please", "my pulses please")]
    [InlineData("strat pulse staff-pulse", "start pulse staff-pulse")]
    [InlineData("pednign", "pending")]
    public void Parse_MistypedCommand_SuggestsTheNearest(string text, params string[] expected) =>
        Assert.Equal(expected, Assert.IsType<BotCommand.Unknown>(CommandParser.Parse(text)).Suggestions);

    [Theory]
    [InlineData("what's the weather")]
    [InlineData("thanks")]
    [InlineData("xyz")]
    public void Parse_NothingNear_SuggestsNothing(string text) =>
        Assert.Empty(Assert.IsType<BotCommand.Unknown>(CommandParser.Parse(text)).Suggestions ?? []);
}
