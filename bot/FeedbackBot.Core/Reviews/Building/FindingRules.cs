using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>Decides which KPIs and themes are strengths and which are shortfalls.</summary>
public static class FindingRules
{
    /// <summary>KPIs met with margin or significantly improved, and themes mostly praised in many comments.</summary>
    public static IReadOnlyList<Finding> Strengths(
        MeasurementPlan plan, IReadOnlyList<EvaluatedKpi> kpis, ThemeReport themes, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(rules);
        var findings = new List<Finding>();
        foreach (var kpi in kpis.Where(k => k.Current is not null))
        {
            var current = kpi.Current!;
            var target = MetricNames.Format(kpi.Kpi.Metric, kpi.Kpi.Target);
            if (IsSignificant(kpi, rules, improved: true))
            {
                var change = Format(kpi.Kpi, Math.Abs(kpi.Current!.Value - kpi.Previous!.Value));
                findings.Add(new Finding(
                    "improved",
                    $"{EvidenceOf.Describe(kpi, current.Value)} has improved by {change} since the last cycle ({P(kpi)}); the target is {target}.",
                    kpi.Feature,
                    EvidenceOf.Kpi(kpi, EvidenceOf.QuotesAbout(kpi.Feature, themes, negative: false))));
            }
            else if (kpi.Result.Status == KpiStatus.Met && kpi.Result.Gap >= Margin(plan, kpi.Kpi, rules))
            {
                findings.Add(new Finding(
                    "met_with_margin",
                    $"{EvidenceOf.Describe(kpi, current.Value)} is comfortably better than its target of {target}: the whole 95% interval, {Range(kpi)}, is on the right side.",
                    kpi.Feature,
                    EvidenceOf.Kpi(kpi, EvidenceOf.QuotesAbout(kpi.Feature, themes, negative: false))));
            }
        }

        findings.AddRange(ProminentThemes(themes, rules, negative: false));
        return findings;
    }

    /// <summary>KPIs missed or significantly worse, and themes mostly criticised in many comments.</summary>
    public static IReadOnlyList<Finding> Shortfalls(
        MeasurementPlan plan, IReadOnlyList<EvaluatedKpi> kpis, ThemeReport themes, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(rules);
        var findings = new List<Finding>();
        foreach (var kpi in kpis.Where(k => k.Current is not null))
        {
            var current = kpi.Current!;
            var target = MetricNames.Format(kpi.Kpi.Metric, kpi.Kpi.Target);
            var quotes = EvidenceOf.QuotesAbout(kpi.Feature, themes, negative: true);
            if (kpi.Result.Status == KpiStatus.Missed)
            {
                findings.Add(new Finding(
                    "missed",
                    $"{EvidenceOf.Describe(kpi, current.Value)} misses its target of {target}: the whole 95% interval, {Range(kpi)}, is on the wrong side{Worsening(kpi, rules)}.",
                    kpi.Feature,
                    EvidenceOf.Kpi(kpi, quotes)));
            }
            else if (IsSignificant(kpi, rules, improved: false))
            {
                var change = Format(kpi.Kpi, Math.Abs(kpi.Current!.Value - kpi.Previous!.Value));
                findings.Add(new Finding(
                    "worsened",
                    $"{EvidenceOf.Describe(kpi, current.Value)} is worse by {change} than last cycle ({P(kpi)}); the target is {target}.",
                    kpi.Feature,
                    EvidenceOf.Kpi(kpi, quotes)));
            }
        }

        findings.AddRange(ProminentThemes(themes, rules, negative: true));
        return findings;
    }

    /// <summary>Whether the change since the previous cycle is significant, in the direction asked about.</summary>
    public static bool IsSignificant(EvaluatedKpi kpi, ReviewRules rules, bool improved)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(rules);
        if (kpi.Trend is not { } trend || kpi.Current is null || kpi.Previous is null || trend.PValue >= rules.Alpha)
        {
            return false;
        }

        var better = kpi.Kpi.Direction == KpiDirection.Higher
            ? kpi.Current.Value > kpi.Previous.Value
            : kpi.Current.Value < kpi.Previous.Value;
        return better == improved && kpi.Current.Value != kpi.Previous.Value;
    }

    /// <summary>How far past its target a KPI must be to count as a strength, in the KPI's unit.</summary>
    public static double Margin(MeasurementPlan plan, Kpi kpi, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(rules);
        var margin = rules.StrengthMargins.GetValueOrDefault(kpi.Metric);
        return kpi.Metric switch
        {
            KpiMetric.Mean when kpi.Question is { } id && plan.FindQuestion(id) is { } q && AnswerValues.ScaleOf(q.Type) is var (min, max) =>
                margin * (max - min),
            KpiMetric.Operational => margin * Math.Abs(kpi.Target),
            _ => margin,
        };
    }

    private static IEnumerable<Finding> ProminentThemes(ThemeReport themes, ReviewRules rules, bool negative) =>
        themes.Items
            .Where(t => !t.Suppressed && t.Percent >= rules.ProminentThemeShare)
            .Where(t => negative ? t.Negative > t.Positive + t.Neutral : t.Positive > t.Negative + t.Neutral)
            .Select(t => new Finding(
                "theme",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{t.Label} comes up in {t.Percent:0.0}% of coded comments ({t.Count}), mostly {(negative ? "negatively" : "positively")}{ThemeTrend(t)}."),
                t.Feature,
                EvidenceOf.Theme(t)));

    // A missed KPI that is also getting worse is the more urgent news, so the sentence says both.
    private static string Worsening(EvaluatedKpi kpi, ReviewRules rules) => IsSignificant(kpi, rules, improved: false)
        ? $", and it is worse than last cycle's {MetricNames.Format(kpi.Kpi.Metric, kpi.Previous!.Value)} ({P(kpi)})"
        : string.Empty;

    private static string ThemeTrend(ThemeItem theme) => theme switch
    {
        { Previous: { } before, Change: > 0 } => string.Create(CultureInfo.InvariantCulture, $", up from {before} comments last cycle"),
        { Previous: { } before, Change: < 0 } => string.Create(CultureInfo.InvariantCulture, $", down from {before} comments last cycle"),
        _ => string.Empty,
    };

    private static string Format(Kpi kpi, double value) => kpi.Metric == KpiMetric.Nps
        ? string.Create(CultureInfo.InvariantCulture, $"{value:0.#} points")
        : MetricNames.Format(kpi.Metric, value);

    private static string Range(EvaluatedKpi kpi) =>
        $"{MetricNames.Format(kpi.Kpi.Metric, kpi.Result.Ci95![0])} to {MetricNames.Format(kpi.Kpi.Metric, kpi.Result.Ci95[1])}";

    private static string P(EvaluatedKpi kpi) => kpi.Trend!.PValue < 0.001
        ? "p < 0.001"
        : string.Create(CultureInfo.InvariantCulture, $"p = {kpi.Trend.PValue:0.###}");
}
