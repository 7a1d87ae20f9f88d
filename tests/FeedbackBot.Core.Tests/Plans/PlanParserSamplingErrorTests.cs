using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Errors in sample and population, which follow the minimal plan from line 9.</summary>
public class PlanParserSamplingErrorTests
{
    [Fact]
    public void Parse_SampleWithoutMethod_AsksForIt()
    {
        AssertSingleError(ParseMinimalWith("sample:\n  by: team\n  size: 40"),
            "10:3: sample.method: missing required field 'method'; expected one of everyone, stratified");
    }

    [Fact]
    public void Parse_UnknownSampleMethod_ListsTheMethods()
    {
        AssertSingleError(ParseMinimalWith("sample:\n  method: random"),
            "10:11: sample.method: unknown sample method 'random'; expected one of everyone, stratified");
    }

    [Theory]
    [InlineData("by: team", "11:3: sample.by: 'by' applies only to a stratified sample; remove it, or use method: stratified")]
    [InlineData("size: 40", "11:3: sample.size: 'size' applies only to a stratified sample; remove it, or use method: stratified")]
    [InlineData("margin_of_error: 5", "11:3: sample.margin_of_error: 'margin_of_error' applies only to a stratified sample; remove it, or use method: stratified")]
    public void Parse_EveryoneWithStratificationFields_RejectsThem(string line, string expected)
    {
        AssertSingleError(ParseMinimalWith($"sample:\n  method: everyone\n  {line}"), expected);
    }

    [Fact]
    public void Parse_StratifiedWithoutBy_AsksForTheAttribute()
    {
        AssertSingleError(ParseMinimalWith("sample:\n  method: stratified\n  size: 40"),
            "10:3: sample.by: missing required field 'by'; expected the segment attribute that defines the strata, such as region or team");
    }

    [Fact]
    public void Parse_StratifiedByABadName_ExplainsTheRule()
    {
        AssertSingleError(ParseMinimalWith("sample:\n  method: stratified\n  by: Team Name\n  size: 40"),
            "11:7: sample.by: 'Team Name' is not a valid segment attribute; expected lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters");
    }

    [Fact]
    public void Parse_StratifiedWithNeitherSizeNorMargin_AsksForOne()
    {
        AssertSingleError(ParseMinimalWith("sample:\n  method: stratified\n  by: team"),
            "10:3: sample: a stratified sample needs either 'size' (how many to invite) or 'margin_of_error' (in percentage points)");
    }

    [Fact]
    public void Parse_StratifiedWithBothSizeAndMargin_AsksForOnlyOne()
    {
        AssertSingleError(ParseMinimalWith("sample:\n  method: stratified\n  by: team\n  size: 40\n  margin_of_error: 5"),
            "13:3: sample.margin_of_error: give either 'size' or 'margin_of_error', not both");
    }

    [Theory]
    [InlineData("size: 0", "12:9: sample.size: expected a whole number of at least 1, got 0")]
    [InlineData("size: 2.5", "12:9: sample.size: expected a whole number of at least 1, got '2.5'")]
    [InlineData("margin_of_error: 0", "12:20: sample.margin_of_error: expected a margin of error above 0 and below 50 percentage points, got 0")]
    [InlineData("margin_of_error: 50", "12:20: sample.margin_of_error: expected a margin of error above 0 and below 50 percentage points, got 50")]
    [InlineData("margin_of_error: 5%", "12:20: sample.margin_of_error: expected a number, got '5%'; write percentages as plain numbers, such as 5")]
    public void Parse_BadSampleSize_StatesTheRange(string line, string expected)
    {
        AssertSingleError(ParseMinimalWith($"sample:\n  method: stratified\n  by: team\n  {line}"), expected);
    }

    [Theory]
    [InlineData("0", "10:10: population.north: expected a whole number of at least 1, got 0; a population count is the number of people in the segment")]
    [InlineData("-5", "10:10: population.north: expected a whole number of at least 1, got -5; a population count is the number of people in the segment")]
    [InlineData("many", "10:10: population.north: expected a whole number of at least 1, got 'many'")]
    public void Parse_NonPositivePopulation_IsRejected(string count, string expected)
    {
        AssertSingleError(ParseMinimalWith($"population:\n  north: {count}\n  south: 80"), expected);
    }

    [Fact]
    public void Parse_RepeatedPopulationSegment_IsADuplicateField()
    {
        AssertSingleError(ParseMinimalWith("population:\n  north: 10\n  north: 20"),
            "11:3: population.north: duplicate field 'north'; it is already given at line 10, and a field may appear only once");
    }
}
