using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Core.Conversations;

/// <summary>
/// A review as a chat card: KPIs against targets with their status, the top strengths, shortfalls, gaps and
/// recommendations, the validation line, and the link to the full report.
/// </summary>
/// <param name="PlanName">The plan's name.</param>
/// <param name="Cycle">The cycle, as it reads ("12 Oct – 18 Oct 2026").</param>
/// <param name="Kpis">Each KPI with its value, target and status.</param>
/// <param name="Strengths">Up to three strengths.</param>
/// <param name="Shortfalls">Up to three shortfalls.</param>
/// <param name="Gaps">Up to three gaps.</param>
/// <param name="Recommendations">Up to three recommendations, highest priority first.</param>
/// <param name="Validation">"340 usable of 347 received".</param>
/// <param name="ReportUrl">The signed link to the HTML report.</param>
/// <param name="ReviewId">The stored review's id, which the recommendations' Adopt buttons carry; null for none.</param>
public sealed record ReviewSummary(
    string PlanName,
    string Cycle,
    IReadOnlyList<KpiLine> Kpis,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Shortfalls,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<RecommendationLine> Recommendations,
    string Validation,
    Uri ReportUrl,
    string? ReviewId = null) : BotReply
{
    /// <summary>How many of each list a summary shows.</summary>
    public const int TopCount = 3;

    /// <summary>The summary of a stored review; with its id, each recommendation not acted on yet has an Adopt button.</summary>
    public static ReviewSummary From(Review review, Uri reportUrl, Guid? reviewId = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        var end = review.Cycle.End.AddTicks(-1);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var cycle = review.Cycle.Start.Year == end.Year
            ? string.Create(invariant, $"{review.Cycle.Start:d MMM} – {end:d MMM yyyy}")
            : string.Create(invariant, $"{review.Cycle.Start:d MMM yyyy} – {end:d MMM yyyy}");
        return new ReviewSummary(
            review.Plan.Name,
            cycle,
            [.. review.Metrics.Select(KpiLine.From)],
            [.. review.Strengths.Take(TopCount).Select(f => f.Title)],
            [.. review.Shortfalls.Take(TopCount).Select(f => f.Title)],
            [.. review.Gaps.Take(TopCount).Select(g => g.Title)],
            [.. review.Recommendations.Take(TopCount).Select(r => RecommendationLine.From(r, reviewId))],
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{review.Validation.Usable} usable of {review.Validation.Received} received"),
            reportUrl,
            reviewId?.ToString("D"));
    }
}

/// <summary>One KPI as a line of the summary.</summary>
/// <param name="Name">How it reads: CSAT, NPS, first response minutes.</param>
/// <param name="Value">The value with its unit, or "not enough data".</param>
/// <param name="Target">The target with its direction: "≥ 85%".</param>
/// <param name="Status">met, at_risk, missed or not_enough_data.</param>
/// <param name="Why">Why there is no figure, when there is none: "Not enough data to compare with the target of
/// 4.00: fewer than 3 answers, ...". Null when there is a figure, and in reviews stored before it was given.</param>
public sealed record KpiLine(string Name, string Value, string Target, string Status, string? Why = null)
{
    /// <summary>The line of a KPI's result.</summary>
    public static KpiLine From(MetricResult metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var kind = MetricNames.Parse(metric.Metric);
        var name = metric.Name ?? kind switch
        {
            Plans.KpiMetric.Csat or Plans.KpiMetric.Nps or Plans.KpiMetric.Ces => metric.Metric.ToUpperInvariant(),
            Plans.KpiMetric.Agree => $"% agree on {(metric.Question ?? metric.Id).Replace('_', ' ')}",
            Plans.KpiMetric.Fcr => "First-contact resolution",
            Plans.KpiMetric.ResponseRate => "Response rate",
            Plans.KpiMetric.Mean => $"Mean {(metric.Question ?? metric.Id).Replace('_', ' ')}",
            _ => metric.Metric.Replace('_', ' '),
        };
        return new KpiLine(
            name,
            metric.Value is { } v ? MetricNames.Format(kind, v) : "not enough data",
            $"{(metric.Direction == "lower" ? "≤" : "≥")} {MetricNames.Format(kind, metric.Target)}",
            metric.Status,
            metric.Status == KpiStatus.NotEnoughData ? metric.StatusText ?? metric.Note : null);
    }
}

/// <summary>One recommendation as a line of the summary.</summary>
/// <param name="Title">What to do.</param>
/// <param name="Priority">high, medium or low.</param>
/// <param name="OwnerRole">Who should own it.</param>
/// <param name="ReviewBy">When to check.</param>
/// <param name="ActedOn">"Being acted on: action 3, in progress" when its advice is adopted already; null otherwise.</param>
/// <param name="Adopt">The button adopting it as an improvement action (managers); null when acted on or not stored.</param>
public sealed record RecommendationLine(string Title, string Priority, string OwnerRole, DateOnly ReviewBy, string? ActedOn = null, FormButton? Adopt = null)
{
    /// <summary>The button's text.</summary>
    public const string AdoptTitle = "Adopt";

    /// <summary>The line of a recommendation of the stored review <paramref name="reviewId"/>.</summary>
    public static RecommendationLine From(Recommendation recommendation, Guid? reviewId)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var actedOn = recommendation.ActedOn is { } acted
            ? System.FormattableString.Invariant($"Being acted on: action {acted.Action}, {acted.Status.Replace('_', ' ')}")
            : null;
        var adopt = actedOn is null && reviewId is { } id && recommendation.Id.Length > 0
            ? new FormButton(AdoptTitle, Verbs.OpenAdoption, id.ToString("D"), recommendation.Id, $"{id:N}-{recommendation.Id}")
            : null;
        return new RecommendationLine(recommendation.Title, recommendation.Priority, recommendation.OwnerRole, recommendation.ReviewBy, actedOn, adopt);
    }
}
