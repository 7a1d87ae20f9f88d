using FeedbackBot.Core.Text;

namespace FeedbackBot.Core.Tests.Text;

public sealed class SuggestionTests
{
    private static readonly string[] Fields = ["id", "name", "description", "audiences", "features", "questions", "kpis", "schedule"];
    private static readonly string[] Metrics = ["csat", "agree", "nps", "ces", "fcr", "mean", "response_rate"];
    private static readonly string[] Commands = ["help", "review", "status", "plans", "start pulse", "my pulses"];

    [Theory]
    [InlineData("questons", "questions")]
    [InlineData("Questions", "questions")]
    [InlineData("featrues", "features")]
    [InlineData("shedule", "schedule")]
    [InlineData("kpi", "kpis")]
    public void Closest_MisspeltField_IsTheField(string typed, string expected)
    {
        Assert.Equal(expected, Suggestion.Closest(typed, Fields));
    }

    [Theory]
    [InlineData("mena", "mean")]
    [InlineData("CSAT", "csat")]
    [InlineData("nsp", "nps")]
    [InlineData("agre", "agree")]
    [InlineData("responserate", "response_rate")]
    public void Closest_MisspeltMetric_IsTheMetric(string typed, string expected)
    {
        Assert.Equal(expected, Suggestion.Closest(typed, Metrics));
    }

    [Theory]
    [InlineData("reveiw", "review")]
    [InlineData("stauts", "status")]
    [InlineData("my pulse", "my pulses")]
    public void Closest_MisspeltCommand_IsTheCommand(string typed, string expected)
    {
        Assert.Equal(expected, Suggestion.Closest(typed, Commands));
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("x")]
    [InlineData("average_handling_time")]
    [InlineData("")]
    [InlineData("   ")]
    public void Closest_NothingNear_IsNull(string typed)
    {
        Assert.Null(Suggestion.Closest(typed, Metrics));
    }

    [Fact]
    public void Closest_ExactName_IsNotSuggestedBackButACaseSlipIs()
    {
        Assert.Null(Suggestion.Closest("mean", ["mean"]));
        Assert.Equal("mean", Suggestion.Closest("Mean", ["mean"]));
    }

    [Fact]
    public void Closest_EquallyClose_IsTheFirstOffered()
    {
        Assert.Equal("cat", Suggestion.Closest("cot", ["cat", "cut"]));
        Assert.Equal("cut", Suggestion.Closest("cot", ["cut", "cat"]));
    }

    [Fact]
    public void Closest_Nearer_WinsOverEarlier()
    {
        Assert.Equal("status", Suggestion.Closest("statuz", ["stats", "status"]));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("mena", "mean", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("REVIEW", "review", 0)]
    public void Distance_HandWorkedPairs(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestion.Distance(a, b));
        Assert.Equal(expected, Suggestion.Distance(b, a));
    }
}
