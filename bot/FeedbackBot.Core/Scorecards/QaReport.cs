namespace FeedbackBot.Core.Scorecards;

/// <summary>
/// What the evaluations of a period say: how interactions scored, which criteria fail most, each agent's average, and
/// whether each agent is evaluated as often as the plan's target asks. Rates are percentages from 0 to 100, like the
/// review's share KPIs. Evaluations without a score (every criterion not applicable) are counted in
/// <see cref="Evaluations"/> but left out of every average and rate.
/// </summary>
/// <param name="Evaluations">How many evaluations.</param>
/// <param name="Scored">How many of them have a score.</param>
/// <param name="AverageScore">The mean score of the scored evaluations; null when none.</param>
/// <param name="PassRate">The share of scored evaluations that passed; null when none.</param>
/// <param name="CriticalFailRate">The share of scored evaluations failed by a critical criterion; null when none.</param>
/// <param name="Criteria">Each criterion of each scorecard evaluated, in plan order.</param>
/// <param name="Agents">Each agent evaluated, by name.</param>
/// <param name="Coverage">Each agent and channel evaluated, against the plan's target; empty when the plan sets none.</param>
public sealed record QaReport(
    int Evaluations,
    int Scored,
    double? AverageScore,
    double? PassRate,
    double? CriticalFailRate,
    IReadOnlyList<CriterionPassRate> Criteria,
    IReadOnlyList<AgentScore> Agents,
    IReadOnlyList<QaCoverage> Coverage)
{
    /// <summary>
    /// Builds the report from the evaluations the caller chose (a plan's, within a period). Coverage counts those of
    /// them evaluated in the window of <see cref="QaTarget.Every"/> ending at <paramref name="now"/> (after its start,
    /// up to and including <paramref name="now"/>), for every agent and channel among the evaluations.
    /// </summary>
    /// <param name="scorecards">The plan's scorecards; evaluations of any other scorecard are ignored.</param>
    /// <param name="evaluations">The evaluations to report.</param>
    /// <param name="target">The plan's <c>qa_target</c>; null for no coverage.</param>
    /// <param name="now">The end of the coverage window, passed in because Core has no clock.</param>
    public static QaReport Build(IReadOnlyList<Scorecard> scorecards, IEnumerable<QaEvaluation> evaluations, QaTarget? target, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(scorecards);
        ArgumentNullException.ThrowIfNull(evaluations);
        var known = scorecards.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var all = evaluations.Where(e => known.Contains(e.Scorecard)).ToList();
        var scored = all.Where(e => e.Result.Score is not null).ToList();

        var criteria = scorecards
            .SelectMany(s => s.Criteria.Select(c => PassRateOf(s.Id, c, all.Where(e => e.Scorecard == s.Id))))
            .Where(row => all.Any(e => e.Scorecard == row.Scorecard))
            .ToList();
        var agents = all
            .GroupBy(e => e.Agent, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgentScore(g.Key, g.Count(), Mean(g)))
            .ToList();
        var coverage = target is null ? [] : CoverageOf(all, target, now);

        return new QaReport(
            all.Count,
            scored.Count,
            Mean(scored),
            Share(scored.Count(e => e.Result.Passed == true), scored.Count),
            Share(scored.Count(e => e.Result.CriticalFail), scored.Count),
            criteria,
            agents,
            coverage);
    }

    private static CriterionPassRate PassRateOf(string scorecard, Criterion criterion, IEnumerable<QaEvaluation> evaluations)
    {
        var outcomes = evaluations
            .Select(e => e.Answers.TryGetValue(criterion.Id, out var answer) ? criterion.Passes(answer) : null)
            .OfType<bool>()
            .ToList();
        var passed = outcomes.Count(p => p);
        return new CriterionPassRate(scorecard, criterion.Id, outcomes.Count, passed, Share(passed, outcomes.Count));
    }

    private static List<QaCoverage> CoverageOf(List<QaEvaluation> evaluations, QaTarget target, DateTime now)
    {
        var start = now - target.Every;
        return [.. evaluations
            .GroupBy(e => (e.Agent, e.Channel))
            .OrderBy(g => g.Key.Agent, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Channel)
            .Select(g =>
            {
                var inWindow = g.Count(e => e.EvaluatedAt > start && e.EvaluatedAt <= now);
                return new QaCoverage(g.Key.Agent, g.Key.Channel, inWindow, target.PerAgent, inWindow >= target.PerAgent);
            })];
    }

    private static double? Mean(IEnumerable<QaEvaluation> evaluations)
    {
        var scores = evaluations.Select(e => e.Result.Score).OfType<double>().ToList();
        return scores.Count == 0 ? null : scores.Average();
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;
}
