using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary><c>sustain_cycles</c>: how many cycles in a row an improved action's KPI must meet its target.</summary>
public class PlanParserSustainTests
{
    [Fact]
    public void Parse_SustainCycles_IsRead_AndLeftOutTheDefaultIsThree()
    {
        Assert.Equal(5, ParseValid(Minimal + "\nsustain_cycles: 5").SustainCyclesOrDefault);
        Assert.Equal(MeasurementPlan.DefaultSustainCycles, ParseValid(Minimal).SustainCyclesOrDefault);
        Assert.Equal(3, MeasurementPlan.DefaultSustainCycles);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("53")]
    [InlineData("three")]
    public void Parse_SustainCyclesOutOfRange_IsAnErrorAtItsLine(string value)
    {
        var result = ParseMinimalWith("sustain_cycles: " + value);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().Contains("sustain_cycles", StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_PlanWithoutSustainCycles_WritesNoSustainField()
    {
        // Plans stored before sustain_cycles existed keep their content hash.
        Assert.DoesNotContain("sustain", PlanJson.Serialize(ParseValid(Minimal)), StringComparison.Ordinal);
    }
}
