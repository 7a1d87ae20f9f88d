using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Plan texts and parsing shortcuts shared by the parser tests.</summary>
internal static class PlanFiles
{
    public const string Source = "plan.yaml";

    /// <summary>Lines 1-4 of a plan: everything required except the questions.</summary>
    public const string Header = """
        id: p
        name: P
        audiences: [customer]
        features: [speed, care]
        """;

    /// <summary>The smallest valid plan, eight lines long, so that extra sections start on line 9.</summary>
    public const string Minimal = Header + "\n" + """
        questions:
          - id: q
            text: Q?
            type: rating5
        """;

    /// <summary>A fixed set of zones, so the tests do not depend on the machine's time zone database.</summary>
    public static PlanParserOptions Options { get; } =
        new(id => id is "Europe/London" or "America/New_York" or "UTC");

    public static PlanParseResult Parse(string yaml) => PlanParser.Parse(Source, yaml, Options);

    /// <summary>The minimal plan followed by <paramref name="extra"/>, which starts on line 9.</summary>
    public static PlanParseResult ParseMinimalWith(string extra) => Parse(Minimal + "\n" + extra);

    public static MeasurementPlan ParseValid(string yaml)
    {
        var result = Parse(yaml);
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        return result.Plan!;
    }

    /// <summary>Asserts the file yields no plan and exactly one error, shown as <c>line:column: field: message</c>.</summary>
    public static void AssertSingleError(PlanParseResult result, string expected)
    {
        Assert.Null(result.Plan);
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"{Source}:{expected}", error.ToString());
    }

    /// <summary>Asserts the file yields no plan and exactly these errors, in this order.</summary>
    public static void AssertErrors(PlanParseResult result, params string[] expected)
    {
        Assert.Null(result.Plan);
        Assert.Equal(expected.Select(e => $"{Source}:{e}"), result.Errors.Select(e => e.ToString()));
    }
}
