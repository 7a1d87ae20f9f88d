using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Sampling;

/// <summary>How many people a cycle invites, and why.</summary>
/// <param name="Count">The number to invite; never more than the number eligible.</param>
/// <param name="Basis">What the count was derived from.</param>
/// <param name="TargetMargin">The plan's target margin in percentage points, for <see cref="SampleSizeBasis.Margin"/>; otherwise null.</param>
/// <param name="MarginAchieved">
/// The 95% margin in percentage points, at the worst case p = 0.5 with the finite population correction, that
/// <paramref name="Count"/> answers from the eligible population would give (0 when everyone eligible is invited);
/// null when nobody is invited. Non-response widens it.
/// </param>
public sealed record SampleSize(int Count, SampleSizeBasis Basis, double? TargetMargin, double? MarginAchieved)
{
    private const double WorstCaseProportion = 0.5;
    private const double PercentagePoints = 100;

    /// <summary>
    /// The sample size for a plan, given how many people are eligible: everyone; min(size, eligible); or the size
    /// that reaches the target margin (<see cref="MarginOfError.SampleSizeForProportion"/>, with the eligible count
    /// as the population N).
    /// </summary>
    /// <param name="plan">How the plan samples.</param>
    /// <param name="eligible">How many people may be invited; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">The eligible count is negative, the size is below 1, or the margin is outside (0, 100].</exception>
    /// <exception cref="ArgumentException">A stratified plan gives neither or both of a size and a margin.</exception>
    public static SampleSize For(SamplePlan plan, int eligible)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(eligible);
        if (plan.Method == SampleMethod.Everyone)
        {
            return new(eligible, SampleSizeBasis.Everyone, null, Achieved(eligible, eligible));
        }

        switch (plan.Size, plan.MarginOfError)
        {
            case ({ } size, null):
                ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(plan));
                var count = Math.Min(size, eligible);
                return new(count, SampleSizeBasis.Size, null, Achieved(count, eligible));
            case (null, { } margin):
                if (!(margin > 0 && margin <= PercentagePoints))
                {
                    throw new ArgumentOutOfRangeException(nameof(plan), margin, "A margin of error must be above 0 and at most 100 percentage points.");
                }

                var needed = (int)MarginOfError.SampleSizeForProportion(margin / PercentagePoints, eligible);
                return new(needed, SampleSizeBasis.Margin, margin, Achieved(needed, eligible));
            default:
                throw new ArgumentException("A stratified sample needs exactly one of a size and a margin of error.", nameof(plan));
        }
    }

    private static double? Achieved(int count, int eligible)
    {
        if (count == 0)
        {
            return null;
        }

        // FiniteCorrection treats a population of one as unknown; inviting all of it still leaves no sampling error.
        return count >= eligible
            ? 0
            : MarginOfError.ForProportion(WorstCaseProportion, count, eligible) * PercentagePoints;
    }
}
