using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Sampling;

/// <summary>Draws a cycle's sample: fatigue, size, proportional allocation among strata, then a seeded draw in each.</summary>
public static class Sampler
{
    /// <summary>The stratum of people with no value for the stratifying attribute.</summary>
    public const string NoValueStratum = "(none)";

    /// <summary>The single stratum when the plan does not stratify.</summary>
    public const string WholePopulationStratum = "(all)";

    /// <summary>
    /// Draws the people to invite in one cycle. People invited too recently (<see cref="InvitationFatigue"/>) are
    /// left out; the size comes from <see cref="SampleSize.For"/> over the eligible; it is shared among the strata by
    /// <see cref="ProportionalAllocation.LargestRemainder"/>; each stratum's share is a uniform draw without
    /// replacement, a partial Fisher–Yates shuffle of its people in ordinal order of id driven by
    /// <see cref="SplitMix64"/>, strata taken in ordinal order of name. The result depends only on the arguments,
    /// never on the order of <paramref name="population"/>.
    /// </summary>
    /// <param name="population">Everyone who could be invited; ids must be unique.</param>
    /// <param name="plan">How the plan samples.</param>
    /// <param name="minDaysBetweenInvitations">The plan's minimum gap between two invitations of one person, in days.</param>
    /// <param name="opening">The cycle's opening date.</param>
    /// <param name="seed">The seed recorded with the cycle.</param>
    /// <exception cref="ArgumentException">An id is repeated or blank, or the plan is not a valid sample plan (see <see cref="SampleSize.For"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The gap is negative, or the plan's size or margin is out of range.</exception>
    public static SampleDraw Draw(
        IReadOnlyList<SampleCandidate> population, SamplePlan plan, int minDaysBetweenInvitations, DateOnly opening, int seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(minDaysBetweenInvitations);
        CheckIds(population);

        var stratifyBy = plan.Method == SampleMethod.Stratified ? plan.StratifyBy : null;
        if (plan.Method == SampleMethod.Stratified && string.IsNullOrWhiteSpace(stratifyBy))
        {
            throw new ArgumentException("A stratified sample needs the segment attribute that defines the strata.", nameof(plan));
        }

        var strata = new SortedDictionary<string, (int Population, List<string> Eligible)>(StringComparer.Ordinal);
        var excluded = 0;
        foreach (var candidate in population)
        {
            var stratum = StratumOf(candidate, stratifyBy);
            if (!strata.TryGetValue(stratum, out var members))
            {
                members = (0, []);
            }

            if (InvitationFatigue.IsEligible(candidate.LastInvited, opening, minDaysBetweenInvitations))
            {
                members.Eligible.Add(candidate.PersonId);
            }
            else
            {
                excluded++;
            }

            strata[stratum] = (members.Population + 1, members.Eligible);
        }

        var size = SampleSize.For(plan, population.Count - excluded);
        var allocation = ProportionalAllocation.LargestRemainder(
            strata.ToDictionary(s => s.Key, s => s.Value.Eligible.Count, StringComparer.Ordinal), size.Count);

        var random = new SplitMix64(unchecked((ulong)seed));
        var selected = new List<string>(size.Count);
        var counts = new List<StratumCount>(strata.Count);
        foreach (var (stratum, (stratumPopulation, eligible)) in strata)
        {
            eligible.Sort(StringComparer.Ordinal);
            selected.AddRange(Choose(eligible, allocation[stratum], random));
            counts.Add(new StratumCount(stratum, stratumPopulation, eligible.Count, allocation[stratum]));
        }

        selected.Sort(StringComparer.Ordinal);
        return new SampleDraw(selected, stratifyBy, counts, excluded, size, seed);
    }

    private static void CheckIds(IReadOnlyList<SampleCandidate> population)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in population)
        {
            ArgumentNullException.ThrowIfNull(candidate, nameof(population));
            if (string.IsNullOrWhiteSpace(candidate.PersonId))
            {
                throw new ArgumentException("Every candidate needs a person id.", nameof(population));
            }

            // A repeated id could sit in two strata, and which copy came first would change the draw.
            if (!seen.Add(candidate.PersonId))
            {
                throw new ArgumentException($"Person '{candidate.PersonId}' appears more than once in the population.", nameof(population));
            }
        }
    }

    private static string StratumOf(SampleCandidate candidate, string? stratifyBy)
    {
        if (stratifyBy is null)
        {
            return WholePopulationStratum;
        }

        return candidate.Segments.TryGetValue(stratifyBy, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : NoValueStratum;
    }

    private static IEnumerable<string> Choose(List<string> sorted, int count, SplitMix64 random)
    {
        var pool = sorted.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)random.NextBelow((ulong)(pool.Length - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool.Take(count);
    }
}
