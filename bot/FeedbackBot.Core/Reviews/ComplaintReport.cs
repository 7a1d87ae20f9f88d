namespace FeedbackBot.Core.Reviews;

/// <summary>The complaints log over the cycle.</summary>
/// <param name="Total">Complaints received in the cycle.</param>
/// <param name="Previous">Complaints received in the previous cycle, if there was one.</param>
/// <param name="Change">Total minus previous.</param>
/// <param name="PerWeek">Complaints per week, by the Monday each week starts on.</param>
/// <param name="ByCategory">Complaints per category, most first; categories below the minimum group size are merged into "other".</param>
/// <param name="MedianHoursToResolve">Median time from receipt to resolution of the resolved ones, if any.</param>
/// <param name="Unresolved">Complaints of the cycle not yet resolved.</param>
/// <param name="Pareto">The categories by count with their cumulative share and the vital few; null in reviews stored before it.</param>
/// <param name="Trends">Each Pareto category (but "other") over the cycles the review could load; null in reviews stored before it.</param>
/// <param name="Resolution">Resolution times, against the plan's standard when it has one; null when none is resolved.</param>
/// <param name="Interactions">Interactions in the cycle, when volumes are imported; null otherwise.</param>
/// <param name="PerThousandInteractions">Complaints per 1,000 interactions; null without interaction volumes.</param>
public sealed record ComplaintReport(
    int Total,
    int? Previous,
    int? Change,
    IReadOnlyList<WeekCount> PerWeek,
    IReadOnlyList<CategoryCount> ByCategory,
    double? MedianHoursToResolve,
    int Unresolved,
    IReadOnlyList<ParetoCategory>? Pareto = null,
    IReadOnlyList<ComplaintTrend>? Trends = null,
    ResolutionTimes? Resolution = null,
    long? Interactions = null,
    double? PerThousandInteractions = null);

/// <summary>Complaints in one week.</summary>
/// <param name="WeekStart">The Monday the week starts on.</param>
/// <param name="Count">Complaints received that week.</param>
public sealed record WeekCount(DateOnly WeekStart, int Count);

/// <summary>Complaints in one category.</summary>
/// <param name="Category">The category.</param>
/// <param name="Count">Complaints in the cycle.</param>
/// <param name="Previous">Complaints in the previous cycle.</param>
/// <param name="Change">Count minus previous.</param>
public sealed record CategoryCount(string Category, int Count, int? Previous, int? Change);
