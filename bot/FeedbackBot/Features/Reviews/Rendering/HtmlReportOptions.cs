namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>What the HTML report shows besides the review itself.</summary>
/// <param name="CsvUrl">Where the review's CSV can be downloaded, if anywhere: a relative link, or http(s).</param>
/// <param name="JsonUrl">Where the review's JSON can be downloaded, if anywhere: a relative link, or http(s).</param>
/// <param name="GeneratedAt">When the report was rendered, UTC: shown so a printed copy says how fresh it is.</param>
public sealed record HtmlReportOptions(string? CsvUrl, string? JsonUrl, DateTime GeneratedAt);
