namespace FeedbackBot.Core.Reviews;

/// <summary>One complaint category followed over the cycles the review could load.</summary>
/// <param name="Category">The category.</param>
/// <param name="Cycles">Its count in each cycle, oldest first, ending with the cycle reviewed.</param>
/// <param name="Change">This cycle's count minus the previous cycle's; null without a previous cycle.</param>
/// <param name="PValue">
/// Two-sided p of the change in the daily rate, by the exact conditional (binomial) test of two Poisson counts; null
/// without a previous cycle.
/// </param>
/// <param name="RateRatio">This cycle's complaints per day over the previous cycle's; null when the previous had none.</param>
public sealed record ComplaintTrend(string Category, IReadOnlyList<CycleCount> Cycles, int? Change, double? PValue, double? RateRatio);

/// <summary>A count in one cycle.</summary>
/// <param name="Start">The cycle's first instant.</param>
/// <param name="End">The first instant after it.</param>
/// <param name="Count">The count.</param>
public sealed record CycleCount(DateTime Start, DateTime End, int Count);

/// <summary>How long the cycle's complaints took to resolve, against the plan's standard when it has one.</summary>
/// <param name="Resolved">Complaints of the cycle that are resolved; the figures rest on these.</param>
/// <param name="MedianHours">The median hours from receipt to resolution.</param>
/// <param name="P90Hours">The 90th percentile (nearest rank): 9 in 10 were resolved within this many hours.</param>
/// <param name="StandardHours">The plan's <c>complaint_resolution_standard</c> in hours; null when it has none.</param>
/// <param name="WithinStandard">Resolved complaints resolved within the standard; null without one.</param>
/// <param name="WithinStandardShare">Their share of the resolved complaints, percent; null without a standard.</param>
public sealed record ResolutionTimes(
    int Resolved, double? MedianHours, double? P90Hours, double? StandardHours, int? WithinStandard, double? WithinStandardShare);
