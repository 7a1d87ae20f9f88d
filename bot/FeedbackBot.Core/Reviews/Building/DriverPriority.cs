using System.Globalization;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Feeds the drivers into recommendation priority. Advice about a feature with an act-first question (high importance,
/// low performance) has its score multiplied by 1 + rho, so the more the feature goes with the outcome the higher it
/// ranks; an act-first feature no advice covers gets the <c>driver</c> rule's advice, scored by how far its
/// performance is below the split, times 1 + rho. Keys are untouched, so advice already acted on is still recognised.
/// </summary>
internal static class DriverPriority
{
    /// <summary>The rule key of advice made for an act-first driver.</summary>
    public const string Rule = "driver";

    public static List<Recommendation> Apply(
        MeasurementPlan plan, List<Recommendation> recommendations, Drivers? drivers, DateOnly cycleEnd, ReviewRules rules)
    {
        if (drivers is null)
        {
            return recommendations;
        }

        // A feature with several act-first questions is raised by the one that goes with the outcome most.
        var actFirst = drivers.Items
            .Where(i => i.Quadrant == DriverQuadrants.ActFirst && i.Feature is not null && i.Rho > 0)
            .GroupBy(i => i.Feature!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.Rho).ThenBy(i => i.Question, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        if (actFirst.Count == 0)
        {
            return recommendations;
        }

        var raised = recommendations
            .Select(r => r.Feature is { } feature && actFirst.TryGetValue(feature, out var item) ? Raise(r, item) : r)
            .ToList();

        if (rules.RuleFor(Rule) is not { } rule)
        {
            return raised;
        }

        foreach (var (feature, item) in actFirst.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (recommendations.Any(r => r.Feature == feature))
            {
                continue;
            }

            var text = plan.FindQuestion(item.Question)?.Text ?? item.Question;
            var factor = Factor(item);
            var evidence = new Evidence(
                "driver:" + item.Question, item.Performance, drivers.PerformanceSplit, item.N, null, null, null, null, [],
                Label: $"Favourable answers to \"{text}\"");
            var recommendation = RecommendationBuilder.Make(
                rule,
                (drivers.PerformanceSplit - item.Performance) * factor,
                feature,
                theme: null,
                evidence,
                string.Create(CultureInfo.InvariantCulture, $"At least {drivers.PerformanceSplit:0.#}% favourable answers to \"{text}\", the middle of the drivers"),
                cycleEnd,
                label: feature.Replace('_', ' '));
            raised.Add(recommendation with { Driver = new RecommendationDriver(item.Question, item.Rho, factor) });
        }

        return raised;
    }

    private static Recommendation Raise(Recommendation recommendation, DriverItem item)
    {
        var factor = Factor(item);
        var score = Math.Round(recommendation.Score * factor, 1, MidpointRounding.AwayFromZero);
        return recommendation with
        {
            Score = score,
            Priority = RecommendationBuilder.PriorityOf(score),
            Driver = new RecommendationDriver(item.Question, item.Rho, factor),
        };
    }

    private static double Factor(DriverItem item) => Math.Round(1 + item.Rho, 3, MidpointRounding.AwayFromZero);
}
