using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Turns shortfalls, risks and gaps into recommendations from the rules catalogue. Each is scored by the size of the
/// gap on a 0–100 scale times (1 + the share of customers it reaches), so a wide miss that touches many customers
/// ranks first; the same advice found twice is given once, with its strongest evidence.
/// </summary>
public static class RecommendationBuilder
{
    /// <summary>Scores at or above this are high priority.</summary>
    public const double HighPriorityScore = 10;

    /// <summary>Scores at or above this (and below high) are medium priority.</summary>
    public const double MediumPriorityScore = 4;

    /// <summary>Recommendations from the evaluated KPIs, the theme shortfalls and the gaps, highest score first.</summary>
    public static IReadOnlyList<Recommendation> Build(
        MeasurementPlan plan,
        IReadOnlyList<EvaluatedKpi> kpis,
        IReadOnlyList<Finding> shortfalls,
        IReadOnlyList<Gap> gaps,
        ThemeReport themes,
        DateOnly cycleEnd,
        ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(shortfalls);
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(rules);
        var candidates = new List<(string Key, Recommendation Recommendation)>();

        foreach (var kpi in kpis.Where(k => k.Current is not null))
        {
            var worsened = FindingRules.IsSignificant(kpi, rules, improved: false);
            var status = kpi.Result.Status;
            if (status != KpiStatus.Missed && !worsened && !(status == KpiStatus.AtRisk && kpi.Result.Gap < 0))
            {
                continue;
            }

            var rule = RuleForKpi(plan, kpi, rules);
            if (rule is null)
            {
                continue;
            }

            var points = status == KpiStatus.Met || kpi.Result.Gap >= 0
                ? Normalise(plan, kpi.Kpi, Math.Abs(kpi.Current!.Value - kpi.Previous!.Value))
                : Normalise(plan, kpi.Kpi, -kpi.Result.Gap!.Value);
            var score = points * (1 + kpi.Current!.Unfavourable);
            candidates.Add((rule.Key, Make(
                rule,
                score,
                kpi.Feature,
                theme: null,
                EvidenceOf.Kpi(kpi, EvidenceOf.QuotesAbout(kpi.Feature, themes, negative: true)),
                Criterion(kpi.Kpi),
                cycleEnd,
                label: MetricNames.Display(kpi.Kpi))));
        }

        foreach (var finding in shortfalls.Where(f => f.Kind == "theme"))
        {
            var themeId = finding.Evidence.Metric["theme:".Length..];
            var theme = themes.Items.First(t => t.Id == themeId);
            var rule = rules.RuleFor(themeId + "_theme") ?? rules.RuleFor(themeId) ?? rules.RuleFor(theme.Feature);
            if (rule is null || theme.Count is null || theme.Negative is null)
            {
                continue;
            }

            // A theme's gap is the share of coded comments that raise it negatively; its reach is its share of all comments.
            var coded = Math.Max(1, themes.TotalComments - themes.Uncoded);
            var negativeShare = 100.0 * theme.Negative.Value / coded;
            var score = negativeShare * (1 + (theme.Percent ?? 0) / 100);
            var kpi = kpis.FirstOrDefault(k => k.Feature is not null && k.Feature == theme.Feature);
            candidates.Add((rule.Key, Make(
                rule,
                score,
                theme.Feature,
                theme.Id,
                finding.Evidence,
                kpi is null
                    ? string.Create(CultureInfo.InvariantCulture, $"Fewer than {Math.Floor(negativeShare / 2):0}% of coded comments raise {theme.Label.ToLowerInvariant()} negatively")
                    : Criterion(kpi.Kpi),
                cycleEnd,
                label: theme.Label)));
        }

        foreach (var gap in gaps)
        {
            var rule = gap.Kind == "staff_vs_customer"
                ? rules.RuleFor("staff_vs_customer")
                : rules.RuleFor(ThemeOf(gap) + "_theme") ?? rules.RuleFor(ThemeOf(gap)) ?? rules.RuleFor(gap.Feature);
            if (rule is null)
            {
                continue;
            }

            var reach = gap.First.Value is { } v ? v / 100 : 0;
            var kpi = kpis.FirstOrDefault(k => k.Feature is not null && k.Feature == gap.Feature);
            candidates.Add((rule.Key, Make(
                rule,
                Math.Abs(gap.Difference) / 2 * (1 + reach),
                gap.Feature,
                gap.Kind == "staff_vs_customer" ? null : ThemeOf(gap),
                gap.First with { Quotes = [.. gap.First.Quotes.Concat(gap.Second.Quotes).Take(3)] },
                kpi is null
                    ? string.Create(CultureInfo.InvariantCulture, $"The two views of {gap.Feature} within {rules.StaffCustomerGapPoints:0} points of each other")
                    : Criterion(kpi.Kpi),
                cycleEnd,
                label: gap.Feature)));
        }

        return [.. candidates
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .Select(g => g.Select(c => c.Recommendation).OrderByDescending(r => r.Score).ThenBy(r => r.Title, StringComparer.Ordinal).First())
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Title, StringComparer.Ordinal)];
    }

    /// <summary>The priority of a score: high, medium or low.</summary>
    public static string PriorityOf(double score) =>
        score >= HighPriorityScore ? "high" : score >= MediumPriorityScore ? "medium" : "low";

    /// <summary>A KPI's distance from its target (or change) on a 0–100 scale, so different metrics can be ranked together.</summary>
    public static double Normalise(MeasurementPlan plan, Kpi kpi, double distance)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Metric switch
        {
            KpiMetric.Nps => distance / 2,
            KpiMetric.Ces => distance / 6 * 100,
            KpiMetric.Mean when kpi.Question is { } id && plan.FindQuestion(id) is { } q && AnswerValues.ScaleOf(q.Type) is var (min, max) =>
                distance / (max - min) * 100,
            KpiMetric.Operational => kpi.Target == 0 ? Math.Min(100, distance) : Math.Min(100, distance / Math.Abs(kpi.Target) * 100),
            _ => distance,
        };
    }

    private static RecommendationRule? RuleForKpi(MeasurementPlan plan, EvaluatedKpi kpi, ReviewRules rules) => kpi.Kpi.Metric switch
    {
        // An NPS asked of staff is an employee NPS: whether they would recommend the team as a place to work.
        KpiMetric.Nps when kpi.Kpi.Question is { } id && plan.FindQuestion(id)?.Audience == Audience.Staff =>
            rules.RuleFor("enps") ?? rules.RuleFor(kpi.Feature),
        KpiMetric.Nps or KpiMetric.ResponseRate => rules.RuleFor(MetricNames.Of(kpi.Kpi.Metric)) ?? rules.RuleFor(kpi.Feature),
        KpiMetric.Operational => rules.RuleFor(kpi.Kpi.OperationalMetric) ?? rules.RuleFor(kpi.Feature) ?? rules.RuleFor("operational"),
        _ => rules.RuleFor(kpi.Feature) ?? rules.RuleFor(MetricNames.Of(kpi.Kpi.Metric)),
    };

    private static string ThemeOf(Gap gap) => gap.First.Metric[(gap.First.Metric.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Criterion(Kpi kpi) =>
        $"{MetricNames.Display(kpi)} {(kpi.Direction == KpiDirection.Higher ? "at or above" : "at or below")} {MetricNames.Format(kpi.Metric, kpi.Target)}, the agreed target";

    private static Recommendation Make(
        RecommendationRule rule, double score, string? feature, string? theme, Evidence evidence, string criterion, DateOnly cycleEnd, string label)
    {
        var rounded = Math.Round(score, 1, MidpointRounding.AwayFromZero);
        return new Recommendation(
            Fill(rule.Title, feature, theme, label),
            PriorityOf(rounded),
            rounded,
            feature,
            theme,
            Fill(rule.Action, feature, theme, label),
            evidence,
            rule.OwnerRole,
            criterion,
            cycleEnd.AddDays(rule.ReviewAfterDays));
    }

    private static string Fill(string text, string? feature, string? theme, string label) => text
        .Replace("{feature}", feature ?? label, StringComparison.Ordinal)
        .Replace("{theme}", theme ?? label, StringComparison.Ordinal)
        .Replace("{metric}", label, StringComparison.Ordinal);
}
