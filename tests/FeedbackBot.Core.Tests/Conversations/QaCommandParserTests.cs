using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Core.Tests.Conversations;

public sealed class QaCommandParserTests
{
    [Theory]
    [InlineData("qa score @Sam phone-call", "@Sam", "phone-call", null)]
    [InlineData("QA  Score  <at>Sam Jones</at>  Phone-Call", "<at>Sam Jones</at>", "phone-call", null)]
    [InlineData("qa score <@U123ABC> written-reply customer-experience", "<@U123ABC>", "written-reply", "customer-experience")]
    [InlineData("qa score sam@example.com", "sam@example.com", null, null)]
    public void Parse_QaScore_ReadsPersonScorecardAndPlan(string text, string person, string? scorecard, string? plan) =>
        Assert.Equal(new BotCommand.ScoreInteraction(person, scorecard, plan), CommandParser.Parse(text));

    [Theory]
    [InlineData("qa show @Sam", "@Sam")]
    [InlineData("qa show <at>Sam Jones</at>", "<at>Sam Jones</at>")]
    public void Parse_QaShow_ReadsThePerson(string text, string person) =>
        Assert.Equal(new BotCommand.ShowEvaluations(person), CommandParser.Parse(text));

    [Theory]
    [InlineData("my evaluations")]
    [InlineData("My Evaluation")]
    [InlineData("qa mine")]
    public void Parse_MyEvaluations_IsMyEvaluations(string text) => Assert.IsType<BotCommand.MyEvaluations>(CommandParser.Parse(text));

    [Theory]
    [InlineData("qa", "qa score @person [SCORECARD]")]
    [InlineData("qa score", "qa score @person [SCORECARD]")]
    [InlineData("qa show", "qa show @person")]
    [InlineData("qa score @Sam phone-call plan extra", "qa score @person [SCORECARD]")]
    public void Parse_QaWithoutItsArguments_IsUnknownWithHowToWriteIt(string text, string hint)
    {
        var command = Assert.IsType<BotCommand.Unknown>(CommandParser.Parse(text));

        Assert.Equal(hint, command.Hint);
        Assert.IsNotType<BotCommand.Unknown>(CommandParser.Parse(command.Example));
    }

    [Fact]
    public void Parse_MistypedQaScore_SuggestsIt()
    {
        var command = Assert.IsType<BotCommand.Unknown>(CommandParser.Parse("qa scroe @Sam"));

        Assert.Equal("qa score @person [SCORECARD]", command.Hint);
    }
}
