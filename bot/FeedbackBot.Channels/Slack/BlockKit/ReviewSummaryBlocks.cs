using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// A review summary as a message: KPIs against targets as section fields, the top findings and recommendations, the
/// validation line and a button to the full report. Lists longer than the card shows end with "and N more"; every
/// text is cut to fit, so the largest summary stays within a message's limits.
/// </summary>
internal static class ReviewSummaryBlocks
{
    internal const string ReportTitle = ReviewSummaryCard.ReportTitle;

    /// <summary>At most this many KPIs are listed, as in Teams; a plan with more says how many more the report has.</summary>
    internal const int MaxKpis = ReviewSummaryCard.MaxKpis;

    private const int TitleLength = 150;
    private const int ItemLength = 300;
    private const int KpiNameLength = 80;
    private const int KpiFigureLength = 40;
    private const int RecommendationDetailLength = 60;

    internal static SlackMessage Build(ReviewSummary summary)
    {
        var blocks = new List<JsonNode>
        {
            BlockElements.Header($"Review: {CardMarkdown.Truncate(summary.PlanName, TitleLength)}"),
            BlockElements.Context($"{SlackText.EscapeWithin(summary.Cycle, TitleLength)} · {SlackText.EscapeWithin(summary.Validation, TitleLength)}"),
            BlockElements.Divider(),
        };

        if (summary.Kpis.Count == 0)
        {
            blocks.Add(BlockElements.Section("*KPIs against targets*\nThis plan has no KPIs."));
        }

        var first = true;
        foreach (var chunk in summary.Kpis.Take(MaxKpis).Chunk(BlockKitLimits.SectionFields))
        {
            blocks.Add(BlockElements.Fields(first ? "*KPIs against targets*" : null, chunk.Select(Kpi)));
            first = false;
        }

        if (summary.Kpis.Count > MaxKpis)
        {
            blocks.Add(BlockElements.Context(string.Create(CultureInfo.InvariantCulture, $"and {summary.Kpis.Count - MaxKpis} more KPIs in the full report")));
        }

        AddList(blocks, "Strengths", summary.Strengths.Select(s => SlackText.EscapeWithin(s, ItemLength)).ToList());
        AddList(blocks, "Shortfalls", summary.Shortfalls.Select(s => SlackText.EscapeWithin(s, ItemLength)).ToList());
        AddList(blocks, "Gaps", summary.Gaps.Select(s => SlackText.EscapeWithin(s, ItemLength)).ToList());
        AddRecommendations(blocks, summary.Recommendations);
        blocks.Add(BlockElements.Actions(
            BlockKitActions.OwnBlockPrefix + "review",
            BlockElements.Button(BlockKitActions.OpenReport, ReportTitle, url: summary.ReportUrl)));
        return BlockKitRenderer.Message(
            $"Review of {CardMarkdown.Truncate(summary.PlanName, TitleLength)}, {CardMarkdown.Truncate(summary.Cycle, TitleLength)}: {summary.ReportUrl.AbsoluteUri}",
            blocks);
    }

    /// <summary>
    /// A status as Slack shows it: the words shared with Teams, after an emoji that stands in for the card's colour.
    /// </summary>
    internal static string Status(string status)
    {
        var emoji = status switch
        {
            "met" => ":large_green_circle:",
            "at_risk" => ":large_yellow_circle:",
            "missed" => ":red_circle:",
            _ => ":white_circle:",
        };
        return $"{emoji} {SlackText.Escape(ReviewSummaryCard.Status(status).Text)}";
    }

    private static string Kpi(KpiLine kpi) =>
        $"*{SlackText.EscapeWithin(kpi.Name, KpiNameLength)}*\n{Status(kpi.Status)}\n" +
        $"{SlackText.EscapeWithin(kpi.Value, KpiFigureLength)} · target {SlackText.EscapeWithin(kpi.Target, KpiFigureLength)}" +
        (kpi.Why is { Length: > 0 } why ? $"\n_{SlackText.EscapeWithin(why, ItemLength)}_" : string.Empty);

    private static void AddList(List<JsonNode> blocks, string heading, List<string> escapedItems)
    {
        if (escapedItems.Count == 0)
        {
            return;
        }

        var text = new StringBuilder($"*{heading}*");
        foreach (var item in escapedItems.Take(ReviewSummary.TopCount))
        {
            text.Append("\n• ").Append(item);
        }

        if (escapedItems.Count > ReviewSummary.TopCount)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n_and {escapedItems.Count - ReviewSummary.TopCount} more in the full report_");
        }

        blocks.Add(BlockElements.Section(text.ToString()));
    }

    // Each recommendation is a section of its own, so its Adopt button sits beside it.
    private static void AddRecommendations(List<JsonNode> blocks, IReadOnlyList<RecommendationLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        blocks.Add(BlockElements.Section("*Recommendations*"));
        foreach (var (line, index) in lines.Take(ReviewSummary.TopCount).Select((line, index) => (line, index)))
        {
            var section = BlockElements.Section(
                "• " + Recommendation(line) +
                (line.ActedOn is { Length: > 0 } actedOn ? $"\n    :white_check_mark: {SlackText.EscapeWithin(actedOn, RecommendationDetailLength * 2)}" : string.Empty),
                string.Create(CultureInfo.InvariantCulture, $"{BlockKitActions.OwnBlockPrefix}recommendation{index + 1}"));
            if (line.Adopt is { } adopt)
            {
                section["accessory"] = FormButtons.Button(adopt);
            }

            blocks.Add(section);
        }

        if (lines.Count > ReviewSummary.TopCount)
        {
            blocks.Add(BlockElements.Context(string.Create(CultureInfo.InvariantCulture, $"_and {lines.Count - ReviewSummary.TopCount} more in the full report_")));
        }
    }

    private static string Recommendation(RecommendationLine line)
    {
        var priority = CardMarkdown.Truncate(line.Priority, RecommendationDetailLength);
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{Capitalised(priority)} priority · owner: {CardMarkdown.Truncate(line.OwnerRole, RecommendationDetailLength)} · review by {line.ReviewBy:d MMM yyyy}");
        var marker = line.Priority == "high" ? ":exclamation: " : string.Empty;
        return $"{SlackText.EscapeWithin(line.Title, ItemLength)}\n    {marker}_{SlackText.Escape(detail)}_";
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
