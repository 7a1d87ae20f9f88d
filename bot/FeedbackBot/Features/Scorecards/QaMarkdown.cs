using System.Globalization;
using System.Text;
using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// <c>qa report --format md</c>: the report as Markdown tables, to paste into a team lead's private notes or a wiki
/// page with restricted access; it names agents, so it is as confidential as the text.
/// </summary>
internal static class QaMarkdown
{
    public static string Report(string planKey, string period, QaReport report)
    {
        var text = new StringBuilder();
        Line(text, $"# QA report for plan {Escape(planKey)}, {period}");
        Line(text, "");
        Table(text, ["Evaluations", "Scored", "Average score", "Pass rate", "Critical fail rate"],
        [
            [Count(report.Evaluations), Count(report.Scored), Number(report.AverageScore), Percent(report.PassRate), Percent(report.CriticalFailRate)],
        ]);

        Section(text, "Criteria", "No criteria: no evaluations in this period.", ["Scorecard", "Criterion", "Applicable", "Passed", "Pass rate"],
            report.Criteria.Select(c => new[] { Escape(c.Scorecard), Escape(c.Id), Count(c.Applicable), Count(c.Passed), Percent(c.PassRate) }));
        Section(text, "Agents", "No agents: no evaluations in this period.", ["Agent", "Evaluations", "Average score"],
            report.Agents.Select(a => new[] { Escape(a.Agent), Count(a.Evaluations), Number(a.AverageScore) }));
        Section(text, "Coverage", "No coverage: the plan sets no qa_target, or nobody was evaluated.", ["Agent", "Channel", "Evaluations", "Target", "Met"],
            report.Coverage.Select(c => new[]
            {
                Escape(c.Agent), InteractionChannels.NameOf(c.Channel), Count(c.Evaluations), Count(c.Target), c.Met ? "yes" : "below target",
            }));
        return text.ToString();
    }

    private static void Section(StringBuilder text, string heading, string none, string[] columns, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        Line(text, "");
        Line(text, $"## {heading}");
        Line(text, "");
        if (list.Count == 0)
        {
            Line(text, none);
            return;
        }

        Table(text, columns, list);
    }

    private static void Table(StringBuilder text, string[] columns, IEnumerable<string[]> rows)
    {
        Line(text, "| " + string.Join(" | ", columns) + " |");
        Line(text, "|" + string.Join("|", columns.Select(_ => "---")) + "|");
        foreach (var row in rows)
        {
            Line(text, "| " + string.Join(" | ", row) + " |");
        }
    }

    // A name is the operator's or a file's text: a pipe would split its cell, a line break its row.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "none";

    private static string Percent(double? value) => value is null ? "none" : Number(value) + "%";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
