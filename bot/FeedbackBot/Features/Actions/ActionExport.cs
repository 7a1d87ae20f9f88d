using System.Globalization;
using System.Text;
using FeedbackBot.Data.Entities;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// The improvement log: every action with its evidence, baseline, dates, resources, cost, milestones, notes and its
/// latest check, as the record a quality team keeps (and an auditor asks for), in Markdown or CSV.
/// </summary>
internal static class ActionExport
{
    private static readonly string[] Columns =
    [
        "id", "plan", "title", "status", "review", "recommendation_id", "recommendation_key", "feature", "theme", "kpi", "metric", "direction",
        "baseline_value", "baseline_n", "baseline_ci95_low", "baseline_ci95_high", "target", "owner", "due", "implemented_on", "resources", "cost",
        "created_at", "latest_check", "log",

        // Later columns are added at the end, so a spreadsheet or script reading the earlier ones by position still works.
        "milestones",
    ];

    /// <summary>The log in Markdown; <paramref name="today"/> tells which open milestones are overdue.</summary>
    public static string Markdown(IReadOnlyList<(ImprovementAction Action, string Plan)> actions, DateOnly today)
    {
        var text = new StringBuilder();
        text.AppendLine("# Improvement log");
        text.AppendLine();
        if (actions.Count == 0)
        {
            text.AppendLine("No actions yet.");
            return text.ToString();
        }

        foreach (var (action, plan) in actions.OrderBy(a => a.Action.Number))
        {
            // Each action's own heading one level down, under the log's.
            text.Append(ActionReports.Detail(action, plan, today, markdown: true, headingLevel: 2));
            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Csv(IReadOnlyList<(ImprovementAction Action, string Plan)> actions)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var (action, plan) in actions.OrderBy(a => a.Action.Number))
        {
            var log = action.Notes.OrderBy(n => n.At).ThenBy(n => n.Kind == ActionNotes.Status ? 0 : 1).ToList();
            string?[] cells =
            [
                Number(action.Number), plan, action.Title, ImprovementActionStatuses.Name(action.Status), action.ReviewId.ToString("D"),
                action.RecommendationId, action.RecommendationKey, action.Feature, action.Theme, action.Kpi, action.Metric, action.Direction,
                Number(action.BaselineValue), Number(action.BaselineN), Number(action.BaselineLow), Number(action.BaselineHigh), Number(action.Target),
                action.Owner, Day(action.DueOn), action.ImplementedOn is { } on ? Day(on) : null, action.Resources,
                action.Cost?.ToString("0.##", CultureInfo.InvariantCulture), action.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                log.LastOrDefault(n => n.Kind == ActionNotes.Check)?.Text,
                string.Join(" | ", log.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.At:yyyy-MM-dd} {n.Kind}: {n.Text}"))),
                string.Join("; ", action.Milestones.OrderBy(m => m.Number).Select(Milestone)),
            ];
            csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        return csv.ToString();
    }

    // Without "overdue": that depends on the day the file is read, not the day it was written.
    private static string Milestone(ImprovementActionMilestone milestone) =>
        $"{milestone.Number}. {milestone.Title} (due {Day(milestone.DueOn)}, {(milestone.DoneOn is { } done ? "done " + Day(done) : "open")})";

    // RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A text a spreadsheet would
    // run as a formula (=, +, -, @ first) is kept as text with a leading apostrophe; numbers are written as they are.
    private static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string? Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
