using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Data.Entities;

namespace FeedbackBot.Features.Actions;

/// <summary>Improvement actions as the command line prints them: a table, one action in full, JSON or Markdown.</summary>
internal static class ActionReports
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>One action as JSON (the keys docs/improvement.md lists).</summary>
    public static JsonObject Json(ImprovementAction action, string planKey) => new()
    {
        ["id"] = action.Number,
        ["plan"] = planKey,
        ["title"] = action.Title,
        ["status"] = ImprovementActionStatuses.Name(action.Status),
        ["review"] = action.ReviewId.ToString("D"),
        ["recommendation"] = new JsonObject { ["id"] = action.RecommendationId, ["key"] = action.RecommendationKey },
        ["feature"] = action.Feature,
        ["theme"] = action.Theme,
        ["kpi"] = action.Kpi,
        ["metric"] = action.Metric,
        ["direction"] = action.Direction,
        ["baseline"] = new JsonObject
        {
            ["value"] = action.BaselineValue,
            ["n"] = action.BaselineN,
            ["ci95"] = action.BaselineLow is { } low && action.BaselineHigh is { } high ? new JsonArray(low, high) : null,
        },
        ["target"] = action.Target,
        ["owner"] = action.Owner,
        ["owner_known"] = action.OwnerPersonId is not null,
        ["due"] = Day(action.DueOn),
        ["resources"] = action.Resources,
        ["cost"] = action.Cost,
        ["implemented_on"] = action.ImplementedOn is { } on ? Day(on) : null,
        ["created_at"] = action.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["milestones"] = new JsonArray([.. action.Milestones.OrderBy(m => m.Number).Select(m => (JsonNode)new JsonObject
        {
            ["number"] = m.Number,
            ["title"] = m.Title,
            ["due"] = Day(m.DueOn),
            ["done_on"] = m.DoneOn is { } done ? Day(done) : null,
        })]),
        ["notes"] = new JsonArray([.. Log(action).Select(n => (JsonNode)new JsonObject
        {
            ["at"] = n.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["kind"] = n.Kind,
            ["text"] = n.Text,
            ["author"] = n.Author,
        })]),
    };

    /// <summary>A before/after check as JSON: the keys docs/improvement.md lists.</summary>
    public static JsonObject CheckJson(CheckAction.Outcome outcome)
    {
        var check = outcome.Check;
        return new JsonObject
        {
            ["kpi"] = check.Kpi,
            ["before"] = Window(check.Before),
            ["after"] = Window(check.After),
            ["change"] = Round(check.Change),
            ["p_value"] = check.PValue is { } p ? Math.Round(p, 4) : null,
            ["effect_size"] = Round(check.EffectSize, 3),
            ["target"] = check.Target,
            ["target_met_after"] = check.TargetMetAfter,
            ["verdict"] = Verdict(check.Verdict),
            ["more_responses_needed"] = check.MoreResponsesNeeded,
            ["explanation"] = check.Explanation,
            ["before_cycles"] = new JsonArray([.. outcome.BeforeCycles.Select(c => (JsonNode)c.ToString())]),
            ["after_cycles"] = new JsonArray([.. outcome.AfterCycles.Select(c => (JsonNode)c.ToString())]),
        };
    }

    /// <summary>A before/after check in a few lines.</summary>
    public static string CheckText(ImprovementAction action, CheckAction.Outcome outcome)
    {
        var check = outcome.Check;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Action {action.Number}: {action.Title}");
        text.AppendLine(CultureInfo.InvariantCulture, $"KPI {check.Kpi}, success criterion {(action.Direction == "lower" ? "at or below" : "at or above")} {Number(check.Target)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"before: {Figure(check.Before)} over {Cycles(outcome.BeforeCycles)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"after:  {Figure(check.After)} over {Cycles(outcome.AfterCycles)}");
        if (check.Change is { } change)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"change: {(change >= 0 ? "+" : "")}{Number(change)}{(check.PValue is { } p ? $", p = {p:0.####}" : "")}{(check.EffectSize is { } e ? $", effect size {e:0.###}" : "")}"));
        }

        if (check.TargetMetAfter is { } met)
        {
            text.AppendLine(met ? "target met after: yes, the whole interval is on the good side" : "target met after: not yet");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"verdict: {Verdict(check.Verdict)}. {check.Explanation}");
        return text.ToString();
    }

    public static string JsonText(JsonNode node) => node.ToJsonString(Indented) + "\n";

    /// <summary>One line per action, for <c>actions list</c>.</summary>
    public static string Table(IReadOnlyList<(ImprovementAction Action, string Plan)> actions)
    {
        if (actions.Count == 0)
        {
            return "No actions. Adopt a review's recommendation with 'feedbackbot actions adopt --review ID --recommendation rN --owner PERSON --due DATE'.\n";
        }

        var text = new StringBuilder();
        text.AppendLine("id  status        due         plan                 owner                          title");
        foreach (var (action, plan) in actions)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{action.Number,-3} {ImprovementActionStatuses.Name(action.Status),-13} {Day(action.DueOn),-11} {plan,-20} {action.Owner,-30} {action.Title}"));
        }

        return text.ToString();
    }

    /// <summary>
    /// One action in full, as text or Markdown; <paramref name="today"/> tells which open milestones are overdue. In
    /// Markdown its title is a heading of <paramref name="headingLevel"/>, its sections one level below.
    /// </summary>
    public static string Detail(ImprovementAction action, string planKey, DateOnly today, bool markdown, int headingLevel = 1)
    {
        var heading = new string('#', headingLevel);
        var text = new StringBuilder();
        text.AppendLine(markdown ? $"{heading} Action {action.Number}: {action.Title}" : $"Action {action.Number}: {action.Title}");
        text.AppendLine();
        var facts = new List<(string, string)>
        {
            ("Status", ImprovementActionStatuses.Name(action.Status) + (action.ImplementedOn is { } on ? $" (live since {Day(on)})" : "")),
            ("Plan", planKey),
            ("From", $"recommendation {action.RecommendationId} of review {action.ReviewId:D}"),
            ("Owner", action.Owner + (action.OwnerPersonId is null ? " (not known to the bot yet: reached once they talk to it or a roster lists them)" : "")),
            ("Due", Day(action.DueOn)),
            ("KPI", action.Kpi is null ? $"{action.Metric} (not a KPI of the plan)" : $"{action.Kpi} ({action.Metric}, {action.Direction} is better)"),
            ("Baseline", Baseline(action)),
            ("Success criterion", action.Target is { } target ? $"{(action.Direction == "lower" ? "at or below" : "at or above")} {Number(target)}" : "none: give one with --target when adopting"),
        };
        if (action.Resources is { } resources)
        {
            facts.Add(("Resources", resources));
        }

        if (action.Cost is { } cost)
        {
            facts.Add(("Cost", cost.ToString("0.##", CultureInfo.InvariantCulture)));
        }

        foreach (var (name, value) in facts)
        {
            text.AppendLine(markdown ? $"- **{name}:** {value}" : $"{name + ":",-19} {value}");
        }

        if (action.Milestones.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(markdown ? $"{heading}# Milestones" : "Milestones:");
            foreach (var milestone in action.Milestones.OrderBy(m => m.Number))
            {
                text.AppendLine((markdown ? "" : "  ") + ActionMilestones.Describe(milestone, today));
            }
        }

        text.AppendLine();
        text.AppendLine(markdown ? $"{heading}# Log" : "Log:");
        foreach (var note in Log(action))
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{note.At:yyyy-MM-dd HH:mm} {note.Kind}: {note.Text} ({note.Author})");
            text.AppendLine(markdown ? "- " + line : "  " + line);
        }

        return text.ToString();
    }

    private static JsonObject Window(Core.Improvement.CheckWindow window) => new()
    {
        ["value"] = Round(window.Value),
        ["n"] = window.N,
        ["ci95"] = window.Ci95 is [var low, var high] ? new JsonArray(Round(low), Round(high)) : null,
    };

    private static string Figure(Core.Improvement.CheckWindow window) => window.Value is { } value
        ? string.Create(CultureInfo.InvariantCulture, $"{Number(value)} (n = {window.N}{(window.Ci95 is [var low, var high] ? $", 95% interval {Number(low)}–{Number(high)}" : "")})")
        : "no usable answers";

    private static string Cycles(IReadOnlyList<Cycles.CycleDates> cycles) =>
        cycles.Count == 0 ? "no completed cycle" : string.Join(", ", cycles.Select(c => c.ToString()));

    private static string Verdict(Core.Improvement.ActionVerdict verdict) => verdict switch
    {
        Core.Improvement.ActionVerdict.Improved => "improved",
        Core.Improvement.ActionVerdict.NotImproved => "not_improved",
        _ => "inconclusive",
    };

    private static double? Round(double? value, int digits = 2) => value is { } v ? Math.Round(v, digits) : null;

    // A status change and a note written in one update share their instant: the change reads first.
    private static IEnumerable<ImprovementActionNote> Log(ImprovementAction action) =>
        action.Notes.OrderBy(n => n.At).ThenBy(n => n.Kind == ActionNotes.Status ? 0 : 1);

    private static string Baseline(ImprovementAction action) => action.BaselineValue is { } value
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Number(value)}{(action.BaselineN is { } n ? $", n = {n}" : "")}{(action.BaselineLow is { } low && action.BaselineHigh is { } high ? $", 95% interval {Number(low)}–{Number(high)}" : "")}")
        : "not enough data in the review it came from";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
