using FeedbackBot.Core.Plans;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Errors in KPIs. Questions of every scale take lines 5-20; 'kpis:' is line 21 and the first KPI starts on line 22.</summary>
public class PlanParserKpiErrorTests
{
    private const string Metrics = "csat, agree, nps, ces, fcr, mean, response_rate";

    private const string SlugRule =
        "lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters";

    private const string Questions = """
        questions:
          - id: sat
            text: Q?
            type: rating5
          - id: rec
            text: Q?
            type: nps
          - id: eff
            text: Q?
            type: effort7
          - id: fcr
            text: Q?
            type: yesno
          - id: note
            text: Q?
            type: text
        """;

    private static PlanParseResult ParseKpis(string kpis) => Parse(Header + "\n" + Questions + "\nkpis:\n" + kpis);

    private static string Kpi(string metric, string? question, string target) =>
        question is null
            ? $"  - id: k\n    metric: {metric}\n    target: {target}"
            : $"  - id: k\n    metric: {metric}\n    question: {question}\n    target: {target}";

    [Theory]
    [InlineData("  - metric: response_rate\n    target: 20", $"22:5: kpis[0].id: missing required field 'id'; expected the KPI's id: {SlugRule}")]
    [InlineData("  - id: k\n    target: 20", $"22:5: kpis[0].metric: missing required field 'metric'; expected one of {Metrics}, or the name of an imported operational metric")]
    [InlineData("  - id: k\n    metric: response_rate", "22:5: kpis[0].target: missing required field 'target'; expected the agreed standard, a number")]
    public void Parse_KpiMissingARequiredField_ReportsItAtTheKpi(string kpis, string expected)
    {
        AssertSingleError(ParseKpis(kpis), expected);
    }

    [Fact]
    public void Parse_BadKpiId_ExplainsTheRule()
    {
        AssertSingleError(ParseKpis("  - id: CSAT\n    metric: response_rate\n    target: 20"),
            $"22:9: kpis[0].id: 'CSAT' is not a valid KPI id; expected {SlugRule}");
    }

    [Fact]
    public void Parse_DuplicateKpiId_PointsAtTheRepeat()
    {
        var result = ParseKpis(Kpi("response_rate", null, "20") + "\n" + Kpi("response_rate", null, "30"));

        AssertSingleError(result, "25:9: kpis[1].id: duplicate KPI id 'k'; it is already used at line 22");
    }

    [Theory]
    [InlineData("CSAT", "did you mean 'csat'? ")]
    [InlineData("first response", "")]
    public void Parse_MetricThatIsNeitherKnownNorAValidName_IsAnUnknownMetric(string metric, string suggestion)
    {
        AssertSingleError(ParseKpis(Kpi(metric, null, "20")),
            $"23:13: kpis[0].metric: unknown metric '{metric}'; {suggestion}expected one of {Metrics}, or the name of an imported operational metric ({SlugRule})");
    }

    [Theory]
    [InlineData("mena", "mean")]
    [InlineData("means", "mean")]
    [InlineData("nsp", "nps")]
    [InlineData("response_rat", "response_rate")]
    public void Parse_MetricOneSlipFromAComputedMetric_SuggestsItInsteadOfReadingAnOperationalMetric(string metric, string meant)
    {
        AssertSingleError(ParseKpis(Kpi(metric, null, "20")),
            $"23:13: kpis[0].metric: unknown metric '{metric}'; did you mean '{meant}'? expected one of {Metrics}, or the name of an imported operational metric ({SlugRule})");
    }

    [Fact]
    public void Parse_OperationalMetric_AcceptsAnyFiniteTarget()
    {
        var result = ParseKpis(Kpi("aht_seconds", null, "-5000.5"));

        Assert.Empty(result.Errors);
        Assert.Equal(
            new Kpi("k", KpiMetric.Operational, "aht_seconds", null, -5000.5, KpiDirection.Higher),
            Assert.Single(result.Plan!.Kpis));
    }

    [Theory]
    [InlineData("csat", "a csat KPI is computed from a rating5 question")]
    [InlineData("nps", "an nps KPI is computed from an nps question")]
    [InlineData("ces", "a ces KPI is computed from an effort7 question")]
    [InlineData("fcr", "an fcr KPI is computed from a yesno question")]
    [InlineData("mean", "a mean KPI is computed from a rating5, agree5, nps or effort7 question")]
    public void Parse_ComputedKpiWithoutQuestion_SaysWhichQuestionItNeeds(string metric, string why)
    {
        AssertSingleError(ParseKpis(Kpi(metric, null, "5")),
            $"22:5: kpis[0].question: missing required field 'question'; {why}; expected that question's id");
    }

    [Fact]
    public void Parse_KpiQuestionNotInThePlan_ListsTheQuestionIds()
    {
        AssertSingleError(ParseKpis(Kpi("csat", "satisfaction", "85")),
            "24:15: kpis[0].question: no question with id 'satisfaction' in this plan; expected one of sat, rec, eff, fcr, note");
    }

    [Theory]
    [InlineData("csat", "rec", "question 'rec' is an nps question; a csat KPI needs a rating5 question")]
    [InlineData("nps", "sat", "question 'sat' is a rating5 question; an nps KPI needs an nps question")]
    [InlineData("ces", "sat", "question 'sat' is a rating5 question; a ces KPI needs an effort7 question")]
    [InlineData("fcr", "sat", "question 'sat' is a rating5 question; an fcr KPI needs a yesno question")]
    [InlineData("mean", "note", "question 'note' is a text question; a mean KPI needs a rating5, agree5, nps or effort7 question")]
    [InlineData("mean", "fcr", "question 'fcr' is a yesno question; a mean KPI needs a rating5, agree5, nps or effort7 question")]
    public void Parse_KpiQuestionOfTheWrongType_SaysWhichTypeItNeeds(string metric, string question, string message)
    {
        AssertSingleError(ParseKpis(Kpi(metric, question, "5")), $"24:15: kpis[0].question: {message}");
    }

    [Theory]
    [InlineData("response_rate", "a response_rate KPI is counted from invitations and responses")]
    [InlineData("aht_minutes", "an operational KPI ('aht_minutes') is imported")]
    public void Parse_QuestionOnAKpiNotComputedFromOne_IsRejected(string metric, string why)
    {
        AssertSingleError(ParseKpis(Kpi(metric, "sat", "20")),
            $"24:5: kpis[0].question: {why}, not computed from a question; remove 'question'");
    }

    [Theory]
    [InlineData("csat", "sat", "101", "target 101 is out of range; a csat target is a percentage from 0 to 100")]
    [InlineData("csat", "sat", "-1", "target -1 is out of range; a csat target is a percentage from 0 to 100")]
    [InlineData("fcr", "fcr", "100.5", "target 100.5 is out of range; an fcr target is a percentage from 0 to 100")]
    [InlineData("response_rate", null, "120", "target 120 is out of range; a response_rate target is a percentage from 0 to 100")]
    [InlineData("nps", "rec", "-101", "target -101 is out of range; an nps target is a score from -100 to 100")]
    [InlineData("ces", "eff", "0.5", "target 0.5 is out of range; a ces target is a mean effort from 1 to 7")]
    [InlineData("ces", "eff", "8", "target 8 is out of range; a ces target is a mean effort from 1 to 7")]
    [InlineData("mean", "sat", "6", "target 6 is out of range; the mean of rating5 question 'sat' lies from 1 to 5")]
    [InlineData("mean", "rec", "10.5", "target 10.5 is out of range; the mean of nps question 'rec' lies from 0 to 10")]
    [InlineData("mean", "eff", "0", "target 0 is out of range; the mean of effort7 question 'eff' lies from 1 to 7")]
    public void Parse_TargetOutOfRange_StatesTheMetricsRange(string metric, string? question, string target, string message)
    {
        var line = question is null ? 24 : 25;

        AssertSingleError(ParseKpis(Kpi(metric, question, target)), $"{line}:13: kpis[0].target: {message}");
    }

    [Theory]
    [InlineData("csat", "sat", "0")]
    [InlineData("csat", "sat", "100")]
    [InlineData("nps", "rec", "-100")]
    [InlineData("ces", "eff", "1")]
    [InlineData("mean", "rec", "0")]
    [InlineData("mean", "sat", "5")]
    public void Parse_TargetAtTheEdgeOfItsRange_IsAccepted(string metric, string question, string target)
    {
        Assert.Empty(ParseKpis(Kpi(metric, question, target)).Errors);
    }

    [Fact]
    public void Parse_TargetThatIsNotANumber_SaysANumberIsExpected()
    {
        AssertSingleError(ParseKpis(Kpi("response_rate", null, "high")),
            "24:13: kpis[0].target: expected a number, got 'high'");
    }

    [Fact]
    public void Parse_UnknownDirection_ListsTheDirections()
    {
        AssertSingleError(ParseKpis(Kpi("response_rate", null, "20") + "\n    direction: up"),
            "25:16: kpis[0].direction: unknown direction 'up'; expected one of higher, lower");
    }

    [Fact]
    public void Parse_KpiOnAQuestionWhoseTypeIsWrong_ReportsOnlyTheQuestion()
    {
        var result = Parse(Header + "\n" + """
            questions:
              - id: q
                text: Q?
                type: stars
            kpis:
              - id: k
                metric: csat
                question: q
                target: 85
            """);

        AssertSingleError(result,
            "8:11: questions[0].type: unknown question type 'stars'; expected one of rating5, agree5, nps, effort7, yesno, choice, multichoice, text");
    }
}
