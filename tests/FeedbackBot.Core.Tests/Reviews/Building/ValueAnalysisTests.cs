using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Reviews.Building;

/// <summary>
/// "What it is worth": the plan's value section applied to the cycle's figures, checked against amounts worked by hand.
/// </summary>
public class ValueAnalysisTests
{
    private static readonly ValueModel Model = new("GBP", 12000, 340, 45, 6, new ChurnRates(0.25, 0.10, 0.04));

    // 100 NPS answers: 20 detractors (0–6), 30 passives, 50 promoters: NPS 30.
    private static readonly QuestionDistribution NpsAnswers = new("recommend", "How likely ...", "nps", null, 100,
    [
        new("0", 5, 5), new("3", 5, 5), new("6", 10, 10), new("7", 10, 10), new("8", 20, 20), new("9", 25, 25), new("10", 25, 25),
    ], Suppressed: false);

    private static readonly MetricResult Nps = Metric("nps", "nps", "recommend", 30, 40, null);
    private static readonly MetricResult Fcr = Metric("fcr", "fcr", "resolved", 72.5, 80, [68.1, 76.6]);
    private static readonly ComplaintReport Complaints = new(37, null, null, [], [], null, 0);

    [Fact]
    public void Evaluate_EveryInput_RevenueAtRiskComplaintAndRepeatContactCostAsWorkedByHand()
    {
        var value = ValueAnalysis.Evaluate(Model, ParseValid(Minimal), [Nps, Fcr], [NpsAnswers], Complaints)!;

        // Revenue at risk: 12,000 × 0.20 × 0.25 × 340 = 204,000. The detractor share's Wilson interval for 20 of 100 is
        // 0.133367–0.288829, so 1,020,000 × that: 136,034.27–294,605.75.
        Assert.Equal("GBP", value.Currency);
        Assert.Equal(new MoneyFigure(204000, [136034.27, 294605.75]), value.RevenueAtRisk, MoneyComparer.Instance);
        // Complaints: 37 × 45 = 1,665, with no interval (a count, not an estimate).
        Assert.Equal(new MoneyFigure(1665, null), value.ComplaintCost, MoneyComparer.Instance);
        // Repeat contacts: 12,000 × (1 − 0.725) × 6 = 19,800; FCR 68.1–76.6 gives 12,000 × 0.234 × 6 = 16,848 to 12,000 × 0.319 × 6 = 22,968.
        Assert.Equal(new MoneyFigure(19800, [16848, 22968]), value.RepeatContactCost, MoneyComparer.Instance);
    }

    [Fact]
    public void Evaluate_NoValueSection_NoFigures()
    {
        Assert.Null(ValueAnalysis.Evaluate(null, ParseValid(Minimal), [Nps, Fcr], [NpsAnswers], Complaints));
    }

    [Fact]
    public void Evaluate_InputsMissing_ThoseFiguresNullNeverGuessed()
    {
        var value = ValueAnalysis.Evaluate(new ValueModel("EUR", 500, 340, null, 6, null), ParseValid(Minimal), [Nps], [NpsAnswers], null)!;

        // No churn rates: no revenue at risk; no cost per complaint: no complaint cost; no FCR KPI: no repeat contact cost.
        Assert.Equal(new ValueAtStake("EUR", null, null, null), value);
    }

    [Fact]
    public void Evaluate_NpsAnswersSuppressed_NoRevenueAtRisk()
    {
        var value = ValueAnalysis.Evaluate(Model, ParseValid(Minimal), [Nps], [NpsAnswers with { Suppressed = true }], Complaints)!;

        Assert.Null(value.RevenueAtRisk);
    }

    [Fact]
    public void IfMet_FcrBelowTarget_TheRepeatContactsOfTheGap()
    {
        // 12,000 × (80 − 72.5)% × 6 = 5,400.
        Assert.Equal(5400, ValueAnalysis.IfMet(Model, Advice("fcr"), [Nps, Fcr], [NpsAnswers]));
    }

    [Fact]
    public void IfMet_NpsBelowTarget_DetractorsBecomingPassivesKeepTheirRevenue()
    {
        // Ten points of NPS as detractors turning passive: 12,000 × 0.10 × (0.25 − 0.10) × 340 = 61,200.
        Assert.Equal(61200, ValueAnalysis.IfMet(Model, Advice("nps"), [Nps, Fcr], [NpsAnswers]));
    }

    [Fact]
    public void IfMet_GapLargerThanTheDetractors_CappedAtTheDetractors()
    {
        // NPS 30 to a target of 60 would need 30 points, but only 20% are detractors: 12,000 × 0.20 × 0.15 × 340 = 122,400.
        var nps = Nps with { Target = 60 };

        Assert.Equal(122400, ValueAnalysis.IfMet(Model, Advice("nps"), [nps, Fcr], [NpsAnswers]));
    }

    [Fact]
    public void IfMet_KpiMetOrNoKpiOrNoValueSection_Null()
    {
        Assert.Null(ValueAnalysis.IfMet(Model, Advice("fcr"), [Fcr with { Value = 85 }], [NpsAnswers]));
        Assert.Null(ValueAnalysis.IfMet(Model, Advice("theme:waiting_time"), [Nps, Fcr], [NpsAnswers]));
        Assert.Null(ValueAnalysis.IfMet(null, Advice("fcr"), [Nps, Fcr], [NpsAnswers]));
        Assert.Null(ValueAnalysis.IfMet(Model with { CostPerRepeatContact = null }, Advice("fcr"), [Nps, Fcr], [NpsAnswers]));
    }

    private static MetricResult Metric(string id, string metric, string question, double value, double target, IReadOnlyList<double>? ci) =>
        new(id, metric, question, null, value, 100, ci, null, target, "higher", "missed", target - value, null, null, null, null, null);

    private static Recommendation Advice(string metric) => new(
        "Do better", "high", 1, null, null, "Act.", new Evidence(metric, 0, null, 100, null, null, null, null, []), "team lead", "target", new DateOnly(2026, 12, 1));

    private sealed class MoneyComparer : IEqualityComparer<MoneyFigure?>
    {
        public static readonly MoneyComparer Instance = new();

        public bool Equals(MoneyFigure? x, MoneyFigure? y) =>
            x is null || y is null ? x is null && y is null : x.Value == y.Value && (x.Ci95 ?? []).SequenceEqual(y.Ci95 ?? []);

        public int GetHashCode(MoneyFigure? obj) => obj?.Value.GetHashCode() ?? 0;
    }
}
