using System.Globalization;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data.Entities;

namespace FeedbackBot.Features.Actions;

/// <summary>Improvement actions as chat shows them, each with the button opening its update form.</summary>
internal static class ActionLines
{
    public const string UpdateTitle = "Update";

    public static ActionLine From(ImprovementAction action, string planKey, DateOnly today, bool canUpdate)
    {
        var overdue = ActionUpdates.IsUnderWay(action.Status) && action.DueOn < today;
        var status = ImprovementActionStatuses.Name(action.Status).Replace('_', ' ') +
            (action.ImplementedOn is { } on ? $", live since {Day(on)}" : string.Empty);
        var due = overdue ? $"overdue: due {Day(action.DueOn)}" : $"due {Day(action.DueOn)}";
        var next = action.Milestones.Where(m => m.DoneOn is null).OrderBy(m => m.DueOn).ThenBy(m => m.Number).FirstOrDefault();
        var detail = next is null
            ? Detail(action)
            : string.Join(" · ", new[] { Detail(action), $"next milestone: {next.Title}, due {Day(next.DueOn)}{(next.DueOn < today ? " (overdue)" : "")}" }.OfType<string>());
        return new ActionLine(action.Number, action.Title, status, due, overdue, detail, action.Owner, canUpdate ? Button(action, planKey) : null);
    }

    /// <summary>The button asking for the form that updates <paramref name="action"/>.</summary>
    public static FormButton Button(ImprovementAction action, string planKey) =>
        new(UpdateTitle, Verbs.OpenImprovementActionUpdate, planKey, action.Id.ToString("D"), action.Id.ToString("N"));

    /// <summary>What the action is measured by, as it reads: "KPI csat: 78 (n = 212) at adoption; success at or above 85".</summary>
    public static string? Detail(ImprovementAction action)
    {
        if (action.Kpi is null && action.BaselineValue is null)
        {
            return null;
        }

        // A theme's figure is its share of the cycle's comments.
        var theme = action.Kpi is null && action.Metric.StartsWith("theme:", StringComparison.Ordinal) ? action.Metric["theme:".Length..].Replace('_', ' ') : null;
        var name = action.Kpi is { } kpi ? $"KPI {kpi}" : theme is not null ? $"comments on {theme}" : action.Metric;
        var baseline = action.BaselineValue is { } value
            ? string.Create(CultureInfo.InvariantCulture, $"{value:0.##}{(theme is not null ? "% of comments" : "")}{(action.BaselineN is { } n ? $" (n = {n})" : "")} at adoption")
            : "no baseline";
        var target = action.Target is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"; success {(action.Direction == "lower" ? "at or below" : "at or above")} {t:0.##}")
            : string.Empty;
        return $"{name}: {baseline}{target}";
    }

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
