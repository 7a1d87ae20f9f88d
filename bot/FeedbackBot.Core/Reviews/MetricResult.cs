namespace FeedbackBot.Core.Reviews;

/// <summary>
/// One KPI of the plan in the cycle, against its target. Percentages are 0–100, NPS −100–100, means on their
/// question's scale. Value and interval are null when there is not enough data.
/// </summary>
/// <param name="Id">The KPI's id.</param>
/// <param name="Metric">csat, agree, nps, ces, fcr, mean, response_rate, or the operational metric's name.</param>
/// <param name="Question">The question it is computed from, if any.</param>
/// <param name="Feature">The service feature it bears on, if any.</param>
/// <param name="Value">The estimate.</param>
/// <param name="N">How many answers (or observations) it rests on; null when there is not enough data, since a count below the minimum group size is itself withheld.</param>
/// <param name="Ci95">The 95% interval as [low, high].</param>
/// <param name="MarginOfError">Half the 95% interval's width, with the finite population correction when the population is known.</param>
/// <param name="Target">The agreed standard.</param>
/// <param name="Direction">higher or lower: which way is better.</param>
/// <param name="Status">met, at_risk, missed, or not_enough_data.</param>
/// <param name="Gap">How far the estimate is on the good side of the target (negative: on the wrong side).</param>
/// <param name="Previous">The previous cycle's estimate.</param>
/// <param name="Change">This cycle's estimate minus the previous one.</param>
/// <param name="PValue">Two-sided p-value of the change (two-proportion z, z on the NPS standard errors, or Welch t).</param>
/// <param name="EffectSize">The change's effect size (Cohen's h for proportions, Cohen's d for means, points for NPS).</param>
/// <param name="Note">Why there is no value, when there is none.</param>
/// <param name="Name">How the KPI reads in a report: CSAT, eNPS, first-contact resolution, first response minutes. Null in reviews stored before it was added.</param>
/// <param name="StatusText">The status in one plain sentence: "4.34 is above the target of 4.20, but with these 38 answers it could still be below it: at risk." Null in reviews stored before it was added.</param>
public sealed record MetricResult(
    string Id,
    string Metric,
    string? Question,
    string? Feature,
    double? Value,
    long? N,
    IReadOnlyList<double>? Ci95,
    double? MarginOfError,
    double Target,
    string Direction,
    string Status,
    double? Gap,
    double? Previous,
    double? Change,
    double? PValue,
    double? EffectSize,
    string? Note,
    string? Name = null,
    string? StatusText = null);

/// <summary>One KPI within one segment.</summary>
/// <param name="Kpi">The KPI's id.</param>
/// <param name="Segment">The segment.</param>
/// <param name="Value">The estimate; null when the segment is below the minimum group size.</param>
/// <param name="N">Answers it rests on; null when suppressed.</param>
/// <param name="Ci95">The 95% interval; null when suppressed.</param>
/// <param name="Status">As for the KPI, or not_enough_data.</param>
public sealed record SegmentMetric(string Kpi, string Segment, double? Value, long? N, IReadOnlyList<double>? Ci95, string Status);

/// <summary>The answers given to one question.</summary>
/// <param name="Question">The question's id.</param>
/// <param name="Text">Its wording.</param>
/// <param name="Type">Its type.</param>
/// <param name="Feature">The feature it measures.</param>
/// <param name="N">Usable answers; the counts are empty when below the minimum group size.</param>
/// <param name="Counts">Each value with its count and percentage, in scale or option order.</param>
/// <param name="Suppressed">Whether the counts are withheld because too few answered.</param>
public sealed record QuestionDistribution(
    string Question,
    string Text,
    string Type,
    string? Feature,
    long N,
    IReadOnlyList<ValueCount> Counts,
    bool Suppressed);

/// <summary>One answer value and how often it was given.</summary>
/// <param name="Value">The value.</param>
/// <param name="Count">How many gave it.</param>
/// <param name="Percent">Its share of answers, 0–100.</param>
/// <param name="Label">
/// The words for a scale point as the respondent saw them ("strongly agree"); null for points shown as a number
/// alone, for yes/no and choices, and in reviews stored before labels were kept.
/// </param>
public sealed record ValueCount(string Value, long Count, double Percent, string? Label = null);
