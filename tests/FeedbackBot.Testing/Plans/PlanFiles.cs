using FeedbackBot.Core.Plans;
using Xunit;

namespace FeedbackBot.Testing.Plans;

/// <summary>
/// Plan files for tests: the texts the parser and command tests share, parsing shortcuts on a fixed set of time zones,
/// and a file on disk for a test that hands a plan to the command line.
/// </summary>
public static class PlanFiles
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

    /// <summary>A small complete staff plan, as an operator would write one: a question with its KPI.</summary>
    public const string QuickPulse = """
        id: quick-pulse
        name: Quick pulse
        audiences: [staff]
        features: [responsiveness]
        questions:
          - id: speed
            text: Customers get a reply from us quickly.
            type: rating5
            feature: responsiveness
            required: true
        kpis:
          - id: speed_mean
            metric: mean
            question: speed
            target: 4
        """;

    public static string QuickPulseWithUnknownType => QuickPulse.Replace("type: rating5", "type: stars", StringComparison.Ordinal);

    public static string QuickPulseRenamed => QuickPulse.Replace("name: Quick pulse", "name: Quick pulse, revised", StringComparison.Ordinal);

    public static string QuickPulseWithExtraQuestion => QuickPulse.Replace(
        "    required: true\n",
        "    required: true\n  - id: comment\n    text: Anything else?\n    type: text\n",
        StringComparison.Ordinal);

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

    /// <summary>Writes <paramref name="yaml"/> to a file of its own in the temporary folder; disposing deletes it.</summary>
    public static async Task<TempPlanFile> WriteAsync(string yaml)
    {
        var file = new TempPlanFile(Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.yaml"));
        await File.WriteAllTextAsync(file.Path, yaml);
        return file;
    }
}
