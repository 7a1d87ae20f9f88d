using FeedbackBot.Core.Serialization;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary><c>strength_threshold</c>: the top-box percentage that makes a question or feature a strength.</summary>
public class PlanParserStrengthThresholdTests
{
    [Fact]
    public void Parse_StrengthThreshold_IsReadAndLeftOutTheDefaultIsEighty()
    {
        Assert.Equal(90, ParseValid(Minimal + "\nstrength_threshold: 90").StrengthThresholdOrDefault);
        Assert.Equal(80, ParseValid(Minimal).StrengthThresholdOrDefault);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("eighty")]
    public void Parse_StrengthThresholdOutOfRange_IsAnErrorNamingTheKey(string value)
    {
        var result = ParseMinimalWith("strength_threshold: " + value);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors).ToString();
        Assert.Contains("strength_threshold: expected a whole number from 1 to 100", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_PlanWithoutStrengthThreshold_WritesNoThresholdField()
    {
        // Plans stored before strength_threshold existed keep their content hash.
        Assert.DoesNotContain("strength", PlanJson.Serialize(ParseValid(Minimal)), StringComparison.Ordinal);
    }
}
