using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>
/// A review summary as a card: KPIs against targets with their status in words and colour, the top findings and
/// recommendations, the validation line and the link to the full report. Every text is cut to a length that keeps
/// the largest possible summary under Teams' card limit; the full report has the rest.
/// </summary>
internal static class ReviewSummaryCard
{
    internal const string ReportTitle = "Open the full report";

    /// <summary>At most this many KPIs are listed; a plan with more says how many more the report has.</summary>
    internal const int MaxKpis = 25;

    private const int TitleLength = 150;
    private const int ItemLength = 300;
    private const int KpiNameLength = 80;
    private const int KpiFigureLength = 40;
    private const int RecommendationDetailLength = 60;

    internal static JsonObject Build(ReviewSummary summary)
    {
        var body = new List<JsonNode>
        {
            CardElements.Heading(Cut(summary.PlanName, TitleLength)),
            CardElements.TextBlock(Cut(summary.Cycle, TitleLength), subtle: true, spacing: "none"),
            CardElements.TextBlock(Cut(summary.Validation, TitleLength), subtle: true, spacing: "none"),
        };

        body.Add(CardElements.TextBlock("KPIs against targets", weight: "bolder", separator: true));
        if (summary.Kpis.Count == 0)
        {
            body.Add(CardElements.TextBlock("This plan has no KPIs.", subtle: true));
        }

        body.AddRange(summary.Kpis.Take(MaxKpis).Select(Kpi));
        if (summary.Kpis.Count > MaxKpis)
        {
            body.Add(CardElements.TextBlock(
                string.Create(CultureInfo.InvariantCulture, $"{summary.Kpis.Count - MaxKpis} more KPIs are in the full report."),
                subtle: true));
        }

        AddList(body, "Strengths", summary.Strengths);
        AddList(body, "Shortfalls", summary.Shortfalls);
        AddList(body, "Gaps", summary.Gaps);
        if (summary.Recommendations.Count > 0)
        {
            body.Add(CardElements.TextBlock("Recommendations", weight: "bolder", separator: true));
            body.AddRange(summary.Recommendations.Take(ReviewSummary.TopCount).Select(Recommendation));
        }

        return AdaptiveCardFormat.Card(
            $"Review of {Cut(summary.PlanName, TitleLength)}, {Cut(summary.Cycle, TitleLength)}: {summary.ReportUrl.AbsoluteUri}",
            body,
            [CardElements.OpenUrl(ReportTitle, summary.ReportUrl)]);
    }

    /// <summary>How a KPI status reads, and its colour; the words carry the meaning for anyone who cannot see colour.</summary>
    internal static (string Text, string Color) Status(string status) => status switch
    {
        "met" => ("✓ Met", "good"),
        "at_risk" => ("! At risk", "warning"),
        "missed" => ("✗ Missed", "attention"),
        "not_enough_data" => ("– Not enough data", "default"),
        _ => (Cut(status.Replace('_', ' '), KpiFigureLength), "default"),
    };

    private static JsonObject Kpi(KpiLine kpi)
    {
        var (statusText, color) = Status(kpi.Status);
        var figures = new List<JsonNode>
        {
            CardElements.TextBlock(Cut(kpi.Name, KpiNameLength)),
            CardElements.TextBlock(
                $"{Cut(kpi.Value, KpiFigureLength)} · target {Cut(kpi.Target, KpiFigureLength)}",
                subtle: true,
                spacing: "none"),
        };
        if (kpi.Why is { Length: > 0 } why)
        {
            figures.Add(CardElements.TextBlock(Cut(why, ItemLength), subtle: true, spacing: "none"));
        }

        return CardElements.ColumnSet(
            CardElements.Column("stretch", [.. figures]),
            CardElements.Column("auto", CardElements.TextBlock(statusText, color: color, weight: "bolder")));
    }

    private static void AddList(List<JsonNode> body, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        body.Add(CardElements.TextBlock(heading, weight: "bolder", separator: true));
        body.AddRange(items.Take(ReviewSummary.TopCount).Select(item => CardElements.TextBlock($"• {Cut(item, ItemLength)}", spacing: "small")));
    }

    private static JsonObject Recommendation(RecommendationLine line)
    {
        var priority = Cut(line.Priority, RecommendationDetailLength);
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{Capitalised(priority)} priority · owner: {Cut(line.OwnerRole, RecommendationDetailLength)} · review by {line.ReviewBy:d MMM yyyy}");
        var items = new List<JsonNode>
        {
            CardElements.TextBlock($"• {Cut(line.Title, ItemLength)}"),
            CardElements.TextBlock(detail, subtle: true, spacing: "none", color: line.Priority == "high" ? "attention" : null),
        };
        if (line.ActedOn is { Length: > 0 } actedOn)
        {
            items.Add(CardElements.TextBlock(Cut(actedOn, RecommendationDetailLength * 2), color: "good", spacing: "none"));
        }

        if (line.Adopt is { } adopt)
        {
            items.Add(CardElements.FormButton(adopt));
        }

        return CardElements.Container(items, spacing: "small");
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    private static string Cut(string text, int maxLength) => CardMarkdown.Truncate(text, maxLength);
}
