using FeedbackBot.Core.Serialization;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary><c>retention_days</c>: how long a closed cycle's raw answers and comments are kept.</summary>
public class PlanParserRetentionTests
{
    [Fact]
    public void Parse_RetentionDays_IsReadAndLeftOutKeepsEverything()
    {
        Assert.Equal(365, ParseValid(Minimal + "\nretention_days: 365").RetentionDays);
        Assert.Null(ParseValid(Minimal).RetentionDays);
    }

    [Theory]
    [InlineData("29", "expected a whole number from 30 to 3650, got 29")]
    [InlineData("3651", "expected a whole number from 30 to 3650, got 3651")]
    [InlineData("a year", "expected a whole number from 30 to 3650")]
    public void Parse_RetentionDaysOutOfRange_IsAnErrorNamingTheKey(string value, string expected)
    {
        var result = ParseMinimalWith("retention_days: " + value);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors).ToString();
        Assert.Contains("retention_days: " + expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_PlanWithoutRetention_WritesNoSuchField()
    {
        // Plans stored before retention existed keep their content hash.
        Assert.DoesNotContain("retention", PlanJson.Serialize(ParseValid(Minimal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Serialize_PlanWithRetention_ReadsBackTheSame()
    {
        var plan = ParseValid(Minimal + "\nretention_days: 90");

        Assert.Equal(90, PlanJson.Deserialize(PlanJson.Serialize(plan)).RetentionDays);
    }
}
