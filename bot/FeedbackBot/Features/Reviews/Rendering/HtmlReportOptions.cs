namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>What the HTML report shows besides the review itself.</summary>
/// <param name="CsvUrl">Where the review's CSV can be downloaded, if anywhere: a relative link, or http(s).</param>
/// <param name="JsonUrl">Where the review's JSON can be downloaded, if anywhere: a relative link, or http(s).</param>
/// <param name="GeneratedAt">When the report was rendered, UTC: shown so a printed copy says how fresh it is.</param>
/// <param name="HistoryUrls">
/// Where each KPI's history and control chart is, by KPI id: relative links, or http(s). Null or missing for a KPI
/// when there is nowhere to link to, as for a report written by the command line, which has no server behind it.
/// </param>
public sealed record HtmlReportOptions(string? CsvUrl, string? JsonUrl, DateTime GeneratedAt, IReadOnlyDictionary<string, string>? HistoryUrls = null);
