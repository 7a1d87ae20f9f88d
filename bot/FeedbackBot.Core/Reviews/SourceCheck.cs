namespace FeedbackBot.Core.Reviews;

/// <summary>
/// What the review checked in one imported source (the complaints log, operational figures) and how far it can be
/// trusted: the same care responses get, so a figure built on a damaged import says so.
/// </summary>
/// <param name="Source"><c>complaints</c> or <c>operations</c>.</param>
/// <param name="Records">Records of the source in the cycle.</param>
/// <param name="Duplicates">Records that appear more than once, grouped.</param>
/// <param name="MissingDays">Days of the cycle with no record of a daily series; never for complaints, which need not come every day.</param>
/// <param name="Outliers">Days of the cycle whose figure is far from the usual, by robust z.</param>
/// <param name="Trust"><c>trusted</c>, <c>use_with_care</c> or <c>not_trusted</c>.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record SourceCheck(
    string Source,
    int Records,
    IReadOnlyList<DuplicateRecords> Duplicates,
    IReadOnlyList<MissingDay> MissingDays,
    IReadOnlyList<DailyOutlier> Outliers,
    string Trust,
    string Reason);

/// <summary>Records that are one record given more than once.</summary>
/// <param name="Kind"><c>same_id</c> (the same key: metric, day and segment) or <c>same_content_and_time</c> (the same category, text and time).</param>
/// <param name="Key">What they share, as a person would find it in the file.</param>
/// <param name="Count">How many records share it.</param>
public sealed record DuplicateRecords(string Kind, string Key, int Count);

/// <summary>A day of the cycle on which a daily series has no figure.</summary>
/// <param name="Date">The day.</param>
/// <param name="Series">The series: the metric, with <c>/segment</c> when the figure is for a segment.</param>
public sealed record MissingDay(DateOnly Date, string Series);

/// <summary>A day whose figure is an outlier against the cycle's and the earlier cycles' days.</summary>
/// <param name="Date">The day.</param>
/// <param name="Series">The series: <c>complaints per day</c>, or the metric with <c>/segment</c> for a segment.</param>
/// <param name="Value">The day's figure.</param>
/// <param name="Median">The median of the days it was judged against.</param>
/// <param name="RobustZ">|value − median| / (1.4826·MAD), to two decimals.</param>
public sealed record DailyOutlier(DateOnly Date, string Series, double Value, double Median, double RobustZ);
