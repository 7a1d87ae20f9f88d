using System.Globalization;
using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

public static partial class ReviewHtml
{
    private static void Themes(StringBuilder html, Review review)
    {
        var themes = review.Themes;
        OpenSection(html, "themes", "Themes in comments",
            $"{ReviewText.Count(themes.TotalComments)} comments read from surveys, complaints and feedback logged by staff; {ReviewText.Count(themes.Uncoded)} matched no theme. Quotes have personal data masked.");
        if (themes.Items.Count == 0)
        {
            html.Element("p", "No themes found in this cycle's comments.", "empty").Append('\n');
            CloseSection(html);
            return;
        }

        var shown = themes.Items.Where(t => !t.Suppressed && t.Count is not null).ToList();
        if (shown.Count > 0)
        {
            var label = "Mentions per theme by polarity: " + string.Join("; ", shown.Select(t =>
                $"{t.Label} {t.Count} ({t.Negative ?? 0} negative, {t.Neutral ?? 0} neutral, {t.Positive ?? 0} positive)"));
            html.Append("<figure class=\"chart chart-themes\"><div class=\"canvas-box\" data-rows=\"").Append(shown.Count.ToString(CultureInfo.InvariantCulture))
                .Append("\"><canvas id=\"").Append(ReviewChartData.ThemeCanvas).Append("\" data-chart-kind=\"themes\" role=\"img\" aria-label=\"")
                .Text(label).Append("\">").Text(label).Append("</canvas></div>\n");
            html.Append("<details class=\"chart-data\"><summary>Chart as a table</summary>");
            ThemeTable(html, themes.Items);
            html.Append("</details></figure>\n");
        }

        html.Append("<div class=\"theme-grid\">\n");
        foreach (var theme in themes.Items)
        {
            ThemeCard(html, theme);
        }

        html.Append("</div>\n");
        CloseSection(html);
    }

    private static void ThemeTable(StringBuilder html, IReadOnlyList<ThemeItem> themes)
    {
        var columns = TableHead(html, "Mentions per theme", "Theme", "#Mentions", "#Share", "#Negative", "#Neutral", "#Positive", "#Change");
        foreach (var theme in themes)
        {
            if (theme.Suppressed || theme.Count is null)
            {
                TableRow(html, columns, theme.Label, ReviewText.NotEnoughData, "–", "–", "–", "–", "–");
                continue;
            }

            TableRow(html, columns, theme.Label, ReviewText.Count(theme.Count.Value),
                theme.Percent is { } percent ? ReviewText.Percent(percent) : "–",
                Optional(theme.Negative), Optional(theme.Neutral), Optional(theme.Positive),
                theme.Change is { } change ? ReviewText.CountChange(change) : "–");
        }

        html.Append("</tbody></table>");
    }

    private static void ThemeCard(StringBuilder html, ThemeItem theme)
    {
        html.Append("<article class=\"card theme\">").Element("h3", theme.Label);
        if (theme.Feature is not null)
        {
            html.Element("span", ReviewText.Words(theme.Feature), "tag tag-quiet");
        }

        if (theme.Suppressed || theme.Count is null)
        {
            html.Element("p", "Not enough data: too few comments mention this theme to report it.", "muted").Append("</article>\n");
            return;
        }

        var share = theme.Percent is { } percent ? $", {ReviewText.Percent(percent)} of coded comments" : string.Empty;
        var change = theme.Change is { } c && theme.Previous is { } previous ? $"; {ReviewText.CountChange(c)} on the previous cycle's {ReviewText.Count(previous)}" : string.Empty;
        html.Element("p", $"{ReviewText.Count(theme.Count.Value)} mentions{share}{change}.", "theme-count");
        html.Append("<p class=\"polarity\">")
            .Element("span", $"{Optional(theme.Negative)} negative", "polarity-negative").Append(' ')
            .Element("span", $"{Optional(theme.Neutral)} neutral", "polarity-neutral").Append(' ')
            .Element("span", $"{Optional(theme.Positive)} positive", "polarity-positive").Append("</p>");
        if (theme.BySource.Count > 0)
        {
            html.Element("p", "By source: " + string.Join(", ", theme.BySource.Select(s => $"{ReviewText.Words(s.Key)} {ReviewText.Count(s.Value)}")), "muted");
        }

        html.Quotes(theme.Quotes).Append("</article>\n");
    }

    private static void Complaints(StringBuilder html, ComplaintReport? complaints)
    {
        if (complaints is null)
        {
            return;
        }

        OpenSection(html, "complaints", "Complaints");
        html.Append("<dl class=\"stat-row\">");
        Fact(html, "Received", ReviewText.Count(complaints.Total));
        Fact(html, "Previous cycle", complaints.Previous is { } previous
            ? $"{ReviewText.Count(previous)} ({ReviewText.CountChange(complaints.Change ?? (complaints.Total - previous))})"
            : "–");
        Fact(html, "Not yet resolved", ReviewText.Count(complaints.Unresolved));
        Fact(html, "Median time to resolve", complaints.MedianHoursToResolve is { } hours
            ? hours.ToString("0.#", CultureInfo.InvariantCulture) + " hours"
            : "–");
        html.Append("</dl>\n");
        if (ReviewChartData.ComplaintsByWeek(complaints))
        {
            var label = "Complaints per week: " + string.Join("; ", complaints.PerWeek.Select(w => $"week of {ReviewText.Day(w.WeekStart)} {w.Count}"));
            html.Append("<figure class=\"chart chart-complaints\"><div class=\"canvas-box\"><canvas id=\"").Append(ReviewChartData.ComplaintCanvas)
                .Append("\" data-chart-kind=\"complaints\" role=\"img\" aria-label=\"").Text(label).Append("\">").Text(label).Append("</canvas></div>\n");
            html.Append("<details class=\"chart-data\"><summary>Chart as a table</summary>");
            var columns = TableHead(html, "Complaints per week", "Week starting", "#Complaints");
            foreach (var week in complaints.PerWeek)
            {
                TableRow(html, columns, ReviewText.Day(week.WeekStart), ReviewText.Count(week.Count));
            }

            html.Append("</tbody></table></details></figure>\n");
        }

        else if (complaints.ByCategory.Count > 0)
        {
            var label = "Complaints per category: " + string.Join("; ", complaints.ByCategory.Select(c =>
                c.Previous is { } before ? $"{c.Category} {c.Count} (previous cycle {before})" : $"{c.Category} {c.Count}"));
            html.Append("<figure class=\"chart chart-complaints\"><div class=\"canvas-box\"><canvas id=\"").Append(ReviewChartData.ComplaintCanvas)
                .Append("\" data-chart-kind=\"complaints\" role=\"img\" aria-label=\"").Text(label).Append("\">").Text(label).Append("</canvas></div></figure>\n");
        }

        if (complaints.ByCategory.Count > 0)
        {
            var columns = TableHead(html, "Complaints per category; categories with too few complaints are counted under \u201cother\u201d",
                "Category", "#Complaints", "#Previous cycle", "#Change");
            foreach (var category in complaints.ByCategory)
            {
                TableRow(html, columns, ReviewText.Capitalise(category.Category), ReviewText.Count(category.Count), Optional(category.Previous),
                    category.Change is { } change ? ReviewText.CountChange(change) : "–");
            }

            html.Append("</tbody></table>\n");
        }

        ComplaintPatterns(html, complaints);
        CloseSection(html);
    }

    private static string Optional(int? value) => value is { } v ? ReviewText.Count(v) : "–";
}
