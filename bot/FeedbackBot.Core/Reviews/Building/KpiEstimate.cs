using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// A KPI's estimate from one group of answers, with the counts it came from so that two estimates can be compared
/// with the test that fits their kind.
/// </summary>
/// <param name="Kind">How the estimate was made, which decides the comparison test.</param>
/// <param name="Value">The estimate in the KPI's unit (percent 0–100, NPS −100–100, or the scale's mean).</param>
/// <param name="N">Answers or observations it rests on.</param>
/// <param name="Interval">Its 95% interval, in the same unit.</param>
/// <param name="MarginOfError">The 95% margin of error, with the finite population correction when the population is known.</param>
/// <param name="Successes">For proportions: answers counted as successes.</param>
/// <param name="Promoters">For NPS: answers of 9 or 10.</param>
/// <param name="Detractors">For NPS: answers of 0 to 6.</param>
/// <param name="StandardDeviation">For means: the sample standard deviation.</param>
/// <param name="Unfavourable">The share (0–1) of answers on the wrong side of the target: how many the shortfall reaches.</param>
public sealed record KpiEstimate(
    EstimateKind Kind,
    double Value,
    long N,
    Interval Interval,
    double MarginOfError,
    long Successes,
    long Promoters,
    long Detractors,
    double StandardDeviation,
    double Unfavourable);

/// <summary>The families of estimate, each with its own interval and trend test.</summary>
public enum EstimateKind
{
    /// <summary>A percentage of answers (CSAT, FCR, response rate): Wilson interval, two-proportion z test.</summary>
    Proportion,

    /// <summary>Net Promoter Score: normal interval on the NPS standard error, z test on the two standard errors.</summary>
    NetPromoter,

    /// <summary>A mean (CES, mean ratings, operational figures): t interval, Welch's t test.</summary>
    Mean,
}
