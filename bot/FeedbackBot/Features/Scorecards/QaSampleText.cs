using System.Globalization;
using System.Text;
using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Features.Scorecards;

/// <summary>What <c>qa sample</c> prints: the picks as a table or CSV, and each agent's summary with the seed.</summary>
internal static class QaSampleText
{
    private static readonly string[] Columns = ["interaction_id", "agent", "channel", "started_at", "queue"];

    public static string Table(QaSampleDraw draw)
    {
        var rows = draw.Picks.Select(Cells).Prepend(Columns).ToList();
        var widths = Enumerable.Range(0, Columns.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            Line(text, string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        return text.ToString();
    }

    public static string Csv(QaSampleDraw draw)
    {
        var text = new StringBuilder();
        Line(text, string.Join(',', Columns));
        foreach (var pick in draw.Picks)
        {
            Line(text, string.Join(',', Cells(pick).Select(Cell)));
        }

        return text.ToString();
    }

    public static string Summary(string planKey, string period, QaSampleDraw draw)
    {
        var text = new StringBuilder();
        Line(text, string.Create(CultureInfo.InvariantCulture,
            $"QA sample for plan {planKey}, {period}: {draw.PerAgent} per agent, {draw.Picks.Count} interaction(s) picked, seed {draw.Seed} (repeat with --seed {draw.Seed})"));
        if (draw.Agents.Count == 0)
        {
            Line(text, "No interactions in that period; import the log first with 'feedbackbot import interactions FILE.csv'.");
            return text.ToString();
        }

        Line(text, "agents:");
        foreach (var agent in draw.Agents)
        {
            var channels = string.Join(", ", agent.Channels.Where(c => c.Picked > 0).Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{InteractionChannels.NameOf(c.Channel)} {c.Picked}")));
            var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"  {agent.Agent}: {agent.Picked} of {draw.PerAgent}"));
            if (channels.Length > 0)
            {
                line.Append(" (").Append(channels).Append(')');
            }

            if (agent.AlreadyEvaluated > 0)
            {
                line.Append(CultureInfo.InvariantCulture, $"; {agent.AlreadyEvaluated} already evaluated left out");
            }

            if (agent.Shortfall)
            {
                line.Append(CultureInfo.InvariantCulture, $"; short: only {agent.Picked} not yet evaluated, all picked");
            }

            Line(text, line.ToString());
        }

        return text.ToString();
    }

    private static string[] Cells(SampledInteraction pick) =>
    [
        pick.InteractionId,
        pick.Agent,
        InteractionChannels.NameOf(pick.Channel),
        pick.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        pick.Queue ?? "",
    ];

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
