using System.Globalization;
using System.Text;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Core.Reviews;

/// <summary>
/// What changed in a plan since last week, for the weekly summary a channel receives: the KPIs that moved or changed
/// status, the shortfalls that are new, and the recommendations still open. Built from the newest review and the
/// newest one that was already there a week ago.
/// </summary>
/// <param name="PlanName">The plan's name.</param>
/// <param name="Moved">KPIs whose value or status changed, or every KPI when there is nothing to compare with.</param>
/// <param name="NewShortfalls">Shortfalls of the newest review that the older one did not have.</param>
/// <param name="OpenRecommendations">Recommendations of the newest review whose review date has not passed.</param>
/// <param name="Compared">Whether there was an older review to compare with.</param>
/// <param name="Strength">The newest review's first strength, said first; null when it has none.</param>
/// <param name="LargestShortfall">The newest review's first (largest) shortfall, said next; null when it has none.</param>
public sealed record WeeklySummary(
    string PlanName,
    IReadOnlyList<KpiMove> Moved,
    IReadOnlyList<string> NewShortfalls,
    IReadOnlyList<RecommendationLine> OpenRecommendations,
    bool Compared,
    string? Strength = null,
    string? LargestShortfall = null)
{
    /// <summary>Compares <paramref name="latest"/> with <paramref name="weekAgo"/> as of <paramref name="today"/>.</summary>
    public static WeeklySummary Between(Review latest, Review? weekAgo, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var before = weekAgo?.Metrics.ToDictionary(m => m.Id, StringComparer.Ordinal) ?? [];
        var moved = new List<KpiMove>();
        foreach (var metric in latest.Metrics)
        {
            var now = KpiLine.From(metric);
            if (weekAgo is null)
            {
                moved.Add(new KpiMove(now.Name, null, now.Value, null, now.Status));
                continue;
            }

            if (!before.TryGetValue(metric.Id, out var old))
            {
                moved.Add(new KpiMove(now.Name, null, now.Value, null, now.Status));
                continue;
            }

            var then = KpiLine.From(old);
            if (then.Value != now.Value || then.Status != now.Status)
            {
                moved.Add(new KpiMove(now.Name, then.Value, now.Value, then.Status, now.Status));
            }
        }

        var oldShortfalls = weekAgo?.Shortfalls.Select(s => s.Title).ToHashSet(StringComparer.Ordinal) ?? [];
        var newShortfalls = latest.Shortfalls.Select(s => s.Title).Where(t => !oldShortfalls.Contains(t)).ToList();
        var open = latest.Recommendations
            .Where(r => r.ReviewBy >= today)
            .Select(r => RecommendationLine.From(r, reviewId: null))
            .ToList();
        return new WeeklySummary(
            latest.Plan.Name, moved, newShortfalls, open, weekAgo is not null, latest.Strengths is [var strength, ..] ? strength.Title : null, latest.Shortfalls is [var shortfall, ..] ? shortfall.Title : null);
    }

    /// <summary>The summary as chat markdown (bold with <c>**</c>, one item per line).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Weekly summary: {PlanName}**\n");
        if (Strength is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Going well: {Strength}\n");
        }

        if (LargestShortfall is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Falls short most: {LargestShortfall}\n");
        }

        if (Moved.Count == 0)
        {
            text.Append("No KPI moved since last week.\n");
        }
        else
        {
            text.Append(Compared ? "KPIs that moved since last week:\n" : "KPIs (the first review, so nothing to compare with yet):\n");
            foreach (var move in Moved)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {move.Name}: {(move.Before is { } before ? $"{before} → " : string.Empty)}{move.After} ({Status(move.StatusBefore, move.StatusAfter)})\n");
            }
        }

        if (NewShortfalls.Count > 0)
        {
            text.Append("New shortfalls:\n");
            foreach (var shortfall in NewShortfalls)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {shortfall}\n");
            }
        }

        text.Append(OpenRecommendations.Count == 0 ? "No recommendation is open.\n" : "Recommendations still open:\n");
        foreach (var recommendation in OpenRecommendations)
        {
            text.Append(CultureInfo.InvariantCulture, $"- [{recommendation.Priority}] {recommendation.Title} (owner: {recommendation.OwnerRole}, review by {recommendation.ReviewBy:yyyy-MM-dd})");
            text.Append(recommendation.ActedOn is { } actedOn ? $"; {char.ToLowerInvariant(actedOn[0])}{actedOn[1..]}\n" : "\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Status(string? before, string after) =>
        before is null || before == after ? after.Replace('_', ' ') : $"{before.Replace('_', ' ')} → {after.Replace('_', ' ')}";
}

/// <summary>One KPI in the weekly summary.</summary>
/// <param name="Name">How it reads: CSAT, NPS.</param>
/// <param name="Before">Its value a week ago, or null when there was none.</param>
/// <param name="After">Its value now.</param>
/// <param name="StatusBefore">Its status a week ago, or null.</param>
/// <param name="StatusAfter">Its status now.</param>
public sealed record KpiMove(string Name, string? Before, string After, string? StatusBefore, string StatusAfter);
