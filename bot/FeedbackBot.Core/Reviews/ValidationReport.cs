namespace FeedbackBot.Core.Reviews;

/// <summary>How much of what was collected could be used, and how representative it is.</summary>
/// <param name="Received">Responses received for the cycle.</param>
/// <param name="Usable">Responses analysed.</param>
/// <param name="Excluded">Responses excluded, by reason (outside_window, out_of_range, incomplete, speeder, duplicate, straight_lined).</param>
/// <param name="StraightLiners">Responses (otherwise usable) that gave one identical answer to four or more scale questions.</param>
/// <param name="StraightLinersExcluded">Whether the plan excludes straight-liners.</param>
/// <param name="Representativeness">The usable sample's segment mix against the population's.</param>
/// <param name="Sources">
/// The checks of the imported sources (complaints, operational figures) and how far each can be trusted; null in
/// reviews stored before they were checked.
/// </param>
public sealed record ValidationReport(
    int Received,
    int Usable,
    IReadOnlyDictionary<string, int> Excluded,
    int StraightLiners,
    bool StraightLinersExcluded,
    Representativeness Representativeness,
    IReadOnlyList<SourceCheck>? Sources = null);

/// <summary>The usable sample's segment mix against the population's, with a chi-square goodness-of-fit test.</summary>
/// <param name="Basis">Where the population mix comes from: invitations, population (the plan's counts), or none.</param>
/// <param name="Segments">Each segment's expected and observed share.</param>
/// <param name="ChiSquare">The chi-square statistic, when testable.</param>
/// <param name="DegreesOfFreedom">Its degrees of freedom.</param>
/// <param name="PValue">Its p-value; a small value means the sample's mix differs from the population's.</param>
/// <param name="Approximate">Whether some expected count is below 5, making the p-value approximate.</param>
/// <param name="Population">The population size used for finite population corrections, if known.</param>
public sealed record Representativeness(
    string Basis,
    IReadOnlyList<SegmentShare> Segments,
    double? ChiSquare,
    int? DegreesOfFreedom,
    double? PValue,
    bool Approximate,
    long? Population);

/// <summary>One segment's place in the sample and in the population.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="ExpectedShare">Its share of the population, percent.</param>
/// <param name="ObservedShare">Its share of usable responses, percent; null when suppressed.</param>
/// <param name="Respondents">Usable responses from it; null when fewer than the minimum group size.</param>
public sealed record SegmentShare(string Segment, double ExpectedShare, double? ObservedShare, int? Respondents);
