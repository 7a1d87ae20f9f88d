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

    /// <summary>
    /// Recommendations from the evaluated KPIs, the theme shortfalls, the gaps and the most-failed QA criteria, highest
    /// score first.
    /// </summary>
    /// <param name="plan">The plan reviewed.</param>
    /// <param name="kpis">Its KPIs, evaluated.</param>
    /// <param name="shortfalls">The review's shortfalls; a most-failed criterion's cites the evidence its coaching advice rests on.</param>
    /// <param name="gaps">The gaps between sources.</param>
    /// <param name="themes">The themes in comments.</param>
    /// <param name="cycleEnd">The cycle's last day.</param>
    /// <param name="rules">The thresholds and advice.</param>
    /// <param name="quality">The quality monitoring section, whose most-failed criteria get coaching advice; null for none.</param>
    /// <param name="drivers">
    /// The drivers of the outcome: advice about a feature with an act-first question is raised, and an act-first
    /// feature no advice covers gets the <c>driver</c> rule's; null for none.
    /// </param>
    public static IReadOnlyList<Recommendation> Build(
        MeasurementPlan plan,
        IReadOnlyList<EvaluatedKpi> kpis,
        IReadOnlyList<Finding> shortfalls,
        IReadOnlyList<Gap> gaps,
        ThemeReport themes,
        DateOnly cycleEnd,
        ReviewRules rules,
        QualityMonitoring? quality = null,
        Drivers? drivers = null)
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
                Criterion(kpi),
                cycleEnd,
                label: MetricNames.Display(kpi.Kpi, AudienceOf(plan, kpi)))));
        }

        foreach (var finding in shortfalls.Where(f => f.Kind == "theme"))
        {
            var themeId = finding.Evidence.Metric["theme:".Length..];
            var theme = themes.Items.First(t => t.Id == themeId);
            var themeRule = rules.RuleFor(themeId + "_theme") ?? rules.RuleFor(themeId);
            var rule = themeRule ?? rules.RuleFor(theme.Feature);
            if (rule is null || theme.Count is null || theme.Negative is null)
            {
                continue;
            }

            // A theme's gap is the share of coded comments that raise it negatively; its reach is its share of all comments.
            var coded = Math.Max(1, themes.TotalComments - themes.Uncoded);
            var negativeShare = 100.0 * theme.Negative.Value / coded;
            var score = negativeShare * (1 + (theme.Percent ?? 0) / 100);
            var kpi = SubjectOf(rule, theme.Feature, kpis);

            // Advice about the theme itself cites the theme; advice about a feature's KPI, reached through the theme's
            // feature, cites that KPI, so the evidence is what the advice is about.
            candidates.Add((rule.Key, Make(
                rule,
                score,
                theme.Feature,
                theme.Id,
                themeRule is null && kpi is not null ? EvidenceOf.Kpi(kpi, finding.Evidence.Quotes) : finding.Evidence,
                kpi is null
                    ? string.Create(CultureInfo.InvariantCulture, $"Fewer than {Math.Floor(negativeShare / 2):0}% of coded comments raise {theme.Label.ToLowerInvariant()} negatively")
                    : Criterion(kpi),
                cycleEnd,
                label: theme.Label)));
        }

        // A QA–customer gap is no feature's problem to advise on: what evaluators and customers disagree about is
        // answered by the coaching on the criteria that fail, below.
        foreach (var gap in gaps.Where(g => g.Kind != QualityMonitoringAnalysis.GapKind))
        {
            var staffView = gap.Kind == "staff_vs_customer";
            var themeRule = staffView ? null : rules.RuleFor(ThemeOf(gap) + "_theme") ?? rules.RuleFor(ThemeOf(gap));
            var rule = staffView ? rules.RuleFor("staff_vs_customer") : themeRule ?? rules.RuleFor(gap.Feature);
            if (rule is null)
            {
                continue;
            }

            var reach = gap.First.Value is { } v ? v / 100 : 0;
            var evidence = gap.First with { Quotes = [.. gap.First.Quotes.Concat(gap.Second.Quotes).Take(3)] };

            // Aligning two views succeeds when they agree, whatever either scores against a KPI's target.
            var kpi = staffView ? null : SubjectOf(rule, gap.Feature, kpis);
            candidates.Add((rule.Key, Make(
                rule,
                Math.Abs(gap.Difference) / 2 * (1 + reach),
                gap.Feature,
                staffView ? null : ThemeOf(gap),
                !staffView && themeRule is null && kpi is not null ? EvidenceOf.Kpi(kpi, evidence.Quotes) : evidence,
                kpi is null
                    ? string.Create(CultureInfo.InvariantCulture, $"The two views of {gap.Feature.Replace('_', ' ')} within {rules.StaffCustomerGapPoints:0} points of each other")
                    : Criterion(kpi),
                cycleEnd,
                label: gap.Feature.Replace('_', ' '))));
        }

        candidates.AddRange(Coaching(shortfalls, cycleEnd, rules, quality));

        // Drivers re-rank the advice chosen on its own evidence, so which advice is given (and its key) never depends on them.
        var chosen = candidates
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .Select(g => g.Select(c => c.Recommendation).OrderByDescending(r => r.Score).ThenBy(r => r.Title, StringComparer.Ordinal).First())
            .ToList();
        return [.. DriverPriority.Apply(plan, chosen, drivers, cycleEnd, rules)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Title, StringComparer.Ordinal)
            .Select((r, i) => r with { Id = IdOf(i) })];
    }

    /// <summary>The id of the recommendation at <paramref name="index"/> (from 0) in a review: <c>r1</c>, <c>r2</c>, ...</summary>
    public static string IdOf(int index) => string.Create(CultureInfo.InvariantCulture, $"r{index + 1}");

    /// <summary>
    /// The key of a recommendation: its rule, feature, theme and evidence metric, which stay the same while the same
    /// advice is given for the same reason, whatever its wording, score or figures.
    /// </summary>
    public static string KeyOf(string rule, string? feature, string? theme, string metric) =>
        string.Join('|', rule, feature ?? string.Empty, theme ?? string.Empty, metric);

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

    /// <summary>
    /// The rule whose advice is about this KPI: its own metric's rule, or its feature's when that rule is about this
    /// metric or about none in particular. A rule about another metric of the same feature never takes it, so
    /// "resolve more issues at the first contact" never rests on CSAT.
    /// </summary>
    public static RecommendationRule? RuleForKpi(MeasurementPlan plan, EvaluatedKpi kpi, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(rules);
        var metric = kpi.Result.Metric;
        return kpi.Kpi.Metric switch
        {
            // An NPS asked of staff is an employee NPS: whether they would recommend the team as a place to work.
            KpiMetric.Nps when AudienceOf(plan, kpi) == Audience.Staff => rules.RuleFor("enps", metric) ?? rules.RuleFor(kpi.Feature, metric),
            KpiMetric.Nps or KpiMetric.ResponseRate => rules.RuleFor(metric, metric) ?? rules.RuleFor(kpi.Feature, metric),
            KpiMetric.Operational => rules.RuleFor(metric, metric) ?? rules.RuleFor(kpi.Feature, metric) ?? rules.RuleFor("operational", metric),
            _ => rules.RuleFor(kpi.Feature, metric) ?? rules.RuleFor(metric, metric),
        };
    }

    /// <summary>
    /// The KPI a rule's advice is about for a feature: one of that feature whose metric the rule covers, with a
    /// value this cycle, the furthest from its target first; null when the plan has none.
    /// </summary>
    public static EvaluatedKpi? SubjectOf(RecommendationRule rule, string? feature, IReadOnlyList<EvaluatedKpi> kpis)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(kpis);
        return feature is null
            ? null
            : kpis
                .Where(k => k.Current is not null && string.Equals(k.Feature, feature, StringComparison.Ordinal) && rule.Covers(k.Result.Metric))
                .OrderBy(k => k.Result.Gap ?? 0)
                .ThenBy(k => k.Kpi.Id, StringComparer.Ordinal)
                .FirstOrDefault();
    }

    // Each most-failed criterion gets its own advice, so the candidates' key names the criterion. Its gap is how far
    // the pass rate is below the scorecard's pass mark; its reach, the share of evaluated interactions that failed it.
    private static IEnumerable<(string Key, Recommendation Recommendation)> Coaching(
        IReadOnlyList<Finding> shortfalls, DateOnly cycleEnd, ReviewRules rules, QualityMonitoring? quality)
    {
        if (quality is null || rules.RuleFor(QualityMonitoringAnalysis.CoachingRule) is not { } rule)
        {
            yield break;
        }

        foreach (var criterion in quality.FailedCriteria)
        {
            var metric = QualityMonitoringAnalysis.MetricOf(criterion);
            if (shortfalls.FirstOrDefault(f => f.Kind == QualityMonitoringAnalysis.ShortfallKind && f.Evidence.Metric == metric) is not { } finding
                || finding.Evidence.Target is not { } passMark)
            {
                continue;
            }

            var reach = (double)(criterion.Applicable - criterion.Passed) / criterion.Applicable;
            yield return (rule.Key + ":" + metric, Make(
                rule,
                Math.Max(0, passMark - criterion.PassRate) * (1 + reach),
                criterion.Feature,
                theme: null,
                finding.Evidence,
                string.Create(CultureInfo.InvariantCulture, $"\"{criterion.Text}\" passed in at least {passMark:0.#}% of evaluated interactions, the scorecard's pass mark"),
                cycleEnd,
                label: string.Create(CultureInfo.InvariantCulture, $"\"{criterion.Text}\": passed in {criterion.Passed} of {criterion.Applicable} evaluated interactions")));
        }
    }

    private static Audience? AudienceOf(MeasurementPlan plan, EvaluatedKpi kpi) =>
        kpi.Kpi.Question is { } id ? plan.FindQuestion(id)?.Audience : null;

    private static string ThemeOf(Gap gap) => gap.First.Metric[(gap.First.Metric.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Criterion(EvaluatedKpi kpi) =>
        $"{EvidenceOf.NameOf(kpi)} {(kpi.Kpi.Direction == KpiDirection.Higher ? "at or above" : "at or below")} {MetricNames.Format(kpi.Kpi.Metric, kpi.Kpi.Target)}, the agreed target";

    internal static Recommendation Make(
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
            cycleEnd.AddDays(rule.ReviewAfterDays),
            Key: KeyOf(rule.Key, feature, theme, evidence.Metric));
    }

    private static string Fill(string text, string? feature, string? theme, string label) => text
        .Replace("{feature}", feature ?? label, StringComparison.Ordinal)
        .Replace("{theme}", theme ?? label, StringComparison.Ordinal)
        .Replace("{metric}", label, StringComparison.Ordinal);
}
