namespace FeedbackBot.Core.Reviews;

/// <summary>
/// What to recommend when a review finds a problem with a service feature, a comment theme or a metric. Kept as
/// data so an organisation can change the advice without changing the engine.
/// </summary>
/// <param name="Key">What it applies to: a feature (responsiveness), a theme (waiting_time), a metric kind (nps, response_rate), operational, staff_vs_customer, or qa_coaching (a most-failed QA criterion).</param>
/// <param name="Title">The recommendation's title; <c>{feature}</c>, <c>{theme}</c> and <c>{metric}</c> are filled in (for qa_coaching, <c>{metric}</c> is the criterion with how often it passed).</param>
/// <param name="Action">The suggested actions.</param>
/// <param name="OwnerRole">Who should own it.</param>
/// <param name="ReviewAfterDays">How long after the cycle's end to check the result.</param>
/// <param name="Metric">
/// The KPI metric the advice is about (csat, nps, ces, fcr, mean, response_rate or an operational metric's name), when
/// it is about one: the rule applies only to a KPI of that metric, and cites that KPI as its evidence and success
/// criterion. Null when any KPI of the feature will do.
/// </param>
public sealed record RecommendationRule(string Key, string Title, string Action, string OwnerRole, int ReviewAfterDays, string? Metric = null)
{
    /// <summary>Whether the rule's advice is about a KPI of this metric.</summary>
    public bool Covers(string metric) => Metric is null || string.Equals(Metric, metric, StringComparison.Ordinal);
}
