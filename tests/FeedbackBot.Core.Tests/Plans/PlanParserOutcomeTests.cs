using FeedbackBot.Core.Serialization;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary><c>outcome</c>: the KPI whose question drivers are correlated with.</summary>
public class PlanParserOutcomeTests
{
    private const string TwoKpis = Minimal + """

          - id: r
            text: R?
            type: nps
          - id: f
            text: F?
            type: yesno
        kpis:
          - id: sat
            metric: csat
            question: q
            target: 80
          - id: nps
            metric: nps
            question: r
            target: 20
          - id: fcr
            metric: fcr
            question: f
            target: 70
        """;

    [Fact]
    public void OutcomeKpi_NoOutcomeGiven_IsTheFirstCsatOrNpsKpi()
    {
        var plan = ParseValid(TwoKpis);

        Assert.Null(plan.Outcome);
        Assert.Equal("sat", plan.OutcomeKpi()!.Id);
    }

    [Fact]
    public void OutcomeKpi_OutcomeGiven_IsThatKpi()
    {
        Assert.Equal("nps", ParseValid(TwoKpis + "\noutcome: nps").OutcomeKpi()!.Id);
    }

    [Fact]
    public void Parse_UnknownOutcome_IsAnErrorNamingTheKey()
    {
        var result = Parse(TwoKpis + "\noutcome: csat");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains("outcome", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown KPI 'csat'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OutcomeOnAYesNoQuestion_IsAnError()
    {
        var result = Parse(TwoKpis + "\noutcome: fcr");

        Assert.False(result.IsValid);
        Assert.Contains("cannot be the outcome", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OutcomeKpi_PlanWithoutCsatOrNps_IsNull()
    {
        Assert.Null(ParseValid(Minimal).OutcomeKpi());
    }

    [Fact]
    public void Serialize_PlanWithoutOutcome_WritesNoOutcomeField()
    {
        // Plans stored before outcome existed keep their content hash.
        Assert.DoesNotContain("outcome", PlanJson.Serialize(ParseValid(TwoKpis)), StringComparison.Ordinal);
    }
}
