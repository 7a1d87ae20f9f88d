using FeedbackBot.CommandLine;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Features.Imports;

namespace FeedbackBot.Features.Scorecards;

/// <summary>The scorecards of a plan that QA commands need, or the operator told how to give it some.</summary>
internal static class QaPlan
{
    /// <exception cref="UsageException">The plan has no scorecards.</exception>
    public static IReadOnlyList<Scorecard> Scorecards(ImportPlan plan) =>
        plan.Current.Scorecards is { Count: > 0 } scorecards
            ? scorecards
            : throw new UsageException(
                $"Plan '{plan.Key}' has no scorecards, so it has no evaluations; add 'scorecards:' to the plan (see docs/plans.md) and apply it again.");
}
