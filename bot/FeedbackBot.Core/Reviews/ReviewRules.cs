using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews;

/// <summary>The thresholds and advice a review applies: data, so they can be tuned without touching the engine.</summary>
/// <param name="Alpha">Significance level for trends and gaps.</param>
/// <param name="StrengthMargins">How far past its target (in the KPI's unit) a met KPI must be to count as a strength; for mean KPIs, a fraction of the question's scale range; for operational KPIs, a fraction of the target.</param>
/// <param name="StaffCustomerGapPoints">How far apart (on a 0–100 scale) staff and customer ratings of one feature must be to report a gap.</param>
/// <param name="ThemeShareGapPoints">How far apart (percentage points) a theme's share of complaints and of survey comments must be to report a gap.</param>
/// <param name="ProminentThemeShare">A theme mentioned in at least this percentage of coded comments, mostly negatively, is a shortfall.</param>
/// <param name="Recommendations">The advice catalogue.</param>
/// <param name="QaCustomerGapPoints">
/// How far apart (on a 0–100 scale) a feature's QA pass rate and the share of customers rating it 4 or 5 must be, more
/// than, to report a gap. Wider than the staff–customer threshold because no test backs it: one evaluation answers
/// several criteria of a feature, so its answers are not independent draws.
/// </param>
/// <param name="QaMinimumApplicable">How many applicable answers a criterion or a feature's criteria need before their pass rate is a finding.</param>
/// <param name="QaMostFailed">At most this many of the most-failed criteria become shortfalls, each with its coaching recommendation.</param>
/// <param name="MaxStrengths">At most this many strengths are listed, the best-evidenced first, so the list stays one a manager reads.</param>
/// <param name="PositiveThemeMinimum">
/// A theme needs at least this many comments before mostly praising ones make it a strength whatever its share: fewer
/// cannot show a lean with any confidence.
/// </param>
/// <param name="PositiveThemeShare">The percentage of a theme's comments that must be positive for it to be a strength whatever its share.</param>
/// <param name="PraiseMinimum">A feature needs at least this many pieces of praise logged by staff before they make it a strength.</param>
public sealed record ReviewRules(
    double Alpha,
    IReadOnlyDictionary<KpiMetric, double> StrengthMargins,
    double StaffCustomerGapPoints,
    double ThemeShareGapPoints,
    double ProminentThemeShare,
    IReadOnlyList<RecommendationRule> Recommendations,
    double QaCustomerGapPoints = 20,
    int QaMinimumApplicable = 5,
    int QaMostFailed = 3,
    int MaxStrengths = 8,
    int PositiveThemeMinimum = 10,
    double PositiveThemeShare = 80,
    int PraiseMinimum = 3)
{
    /// <summary>The defaults: 5% significance, margins a manager would call comfortable, and the built-in advice.</summary>
    public static ReviewRules Default { get; } = new(
        Alpha: 0.05,
        StrengthMargins: new Dictionary<KpiMetric, double>
        {
            [KpiMetric.Csat] = 5,
            [KpiMetric.Agree] = 5,
            [KpiMetric.Fcr] = 5,
            [KpiMetric.ResponseRate] = 5,
            [KpiMetric.Nps] = 10,
            [KpiMetric.Ces] = 0.3,
            [KpiMetric.Mean] = 0.0625,
            [KpiMetric.Operational] = 0.1,
        },
        StaffCustomerGapPoints: 10,
        ThemeShareGapPoints: 15,
        ProminentThemeShare: 20,
        Recommendations: DefaultRecommendations.All);

    /// <summary>The rule for a key, if any.</summary>
    public RecommendationRule? RuleFor(string? key) =>
        key is null ? null : Recommendations.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));

    /// <summary>
    /// The rule for a key whose advice is about a KPI of this metric: one that names the metric first, then one that
    /// names none. A rule about another metric ("resolve more at the first contact" for first-contact resolution)
    /// never answers for this one.
    /// </summary>
    public RecommendationRule? RuleFor(string? key, string metric) =>
        key is null
            ? null
            : Recommendations.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal) && string.Equals(r.Metric, metric, StringComparison.Ordinal))
              ?? Recommendations.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal) && r.Metric is null);
}
