using FeedbackBot.Core.Serialization;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary><c>complaint_resolution_standard</c>: how soon a complaint should be resolved.</summary>
public class PlanParserComplaintStandardTests
{
    [Fact]
    public void Parse_ComplaintResolutionStandard_IsReadAsADuration_AndLeftOutIsNone()
    {
        Assert.Equal(TimeSpan.FromHours(48), ParseValid(Minimal + "\ncomplaint_resolution_standard: 48h").ComplaintResolutionStandard);
        Assert.Equal(TimeSpan.FromDays(5), ParseValid(Minimal + "\ncomplaint_resolution_standard: 5d").ComplaintResolutionStandard);
        Assert.Null(ParseValid(Minimal).ComplaintResolutionStandard);
    }

    [Theory]
    [InlineData("0m")]
    [InlineData("367d")]
    [InlineData("two days")]
    public void Parse_ComplaintResolutionStandardNotADurationInRange_IsAnErrorNamingTheField(string value)
    {
        var result = ParseMinimalWith("complaint_resolution_standard: " + value);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().Contains("complaint_resolution_standard", StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_PlanWithoutResolutionStandard_WritesNoSuchField()
    {
        // Plans stored before the standard existed keep their content hash.
        Assert.DoesNotContain("resolution_standard", PlanJson.Serialize(ParseValid(Minimal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_PlanWithResolutionStandard_ReadsBackTheSame()
    {
        var plan = ParseValid(Minimal + "\ncomplaint_resolution_standard: 36h");

        Assert.Equal(TimeSpan.FromHours(36), PlanJson.Deserialize(PlanJson.Serialize(plan)).ComplaintResolutionStandard);
    }
}
