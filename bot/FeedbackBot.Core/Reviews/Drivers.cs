namespace FeedbackBot.Core.Reviews;

/// <summary>
/// Which questions go with the overall outcome: each scale question's rank correlation with the outcome question
/// (its importance) beside its score (its performance), placed in an importance–performance matrix.
/// </summary>
/// <param name="Outcome">The id of the outcome KPI.</param>
/// <param name="Question">The outcome KPI's question.</param>
/// <param name="ImportanceSplit">Where high importance starts: the median of the items' rho.</param>
/// <param name="PerformanceSplit">Where high performance starts: the median of the items' performance.</param>
/// <param name="Items">One per question answered with the outcome by at least the minimum group size, highest rho first.</param>
public sealed record Drivers(string Outcome, string Question, double ImportanceSplit, double PerformanceSplit, IReadOnlyList<DriverItem> Items);

/// <summary>One question's place among the drivers of the outcome.</summary>
/// <param name="Question">The question's id.</param>
/// <param name="Feature">The service feature it measures, if any.</param>
/// <param name="Rho">
/// Spearman's rank correlation with the outcome question over responses that answered both, oriented so that a
/// positive rho means better answers here go with a better outcome (effort is reversed).
/// </param>
/// <param name="Ci95">Its 95% interval by Fisher's z; null when n ≤ 3 or |rho| = 1.</param>
/// <param name="N">Responses that answered both.</param>
/// <param name="Performance">The share of favourable answers to the question, in percent.</param>
/// <param name="Quadrant">act_first, keep_up, low_priority or possible_overkill.</param>
public sealed record DriverItem(string Question, string? Feature, double Rho, IReadOnlyList<double>? Ci95, long N, double Performance, string Quadrant);

/// <summary>The quadrants of the importance–performance matrix.</summary>
public static class DriverQuadrants
{
    /// <summary>High importance, low performance: where to act first.</summary>
    public const string ActFirst = "act_first";

    /// <summary>High importance, high performance: keep up the good work.</summary>
    public const string KeepUp = "keep_up";

    /// <summary>Low importance, low performance: improve when the rest is done.</summary>
    public const string LowPriority = "low_priority";

    /// <summary>Low importance, high performance: effort here may be more than the outcome needs.</summary>
    public const string PossibleOverkill = "possible_overkill";

    /// <summary>The quadrant of an item: high means at or above the split.</summary>
    public static string Of(double rho, double performance, double importanceSplit, double performanceSplit) =>
        (rho >= importanceSplit, performance >= performanceSplit) switch
        {
            (true, false) => ActFirst,
            (true, true) => KeepUp,
            (false, false) => LowPriority,
            (false, true) => PossibleOverkill,
        };
}
