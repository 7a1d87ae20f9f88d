using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Compares the usable sample's segment mix with the population's: from the cycle's invitations when there were
/// any, else from the plan's population counts.
/// </summary>
public static class RepresentativenessCheck
{
    /// <summary>The mix of segments, a chi-square goodness-of-fit test, and the population size for corrections.</summary>
    public static Representativeness Assess(ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (basis, population) = input.Invitations is { Invited: > 0, BySegment.Count: > 0 } invitations
            ? ("invitations", invitations.BySegment)
            : input.Plan.Population.Count > 0
                ? ("population", input.Plan.Population)
                : ("none", new Dictionary<string, int>());
        long? size = input.Invitations is { Invited: > 0 } invited ? invited.Invited
            : input.Plan.Population.Count > 0 ? input.Plan.Population.Values.Sum() : null;

        var minimum = input.Plan.MinimumGroupSize;
        var observed = input.Current.UsableBySegment;
        var total = population.Values.Sum();
        var withheld = GroupSuppression.Withheld(
            population.Keys.Union(observed.Keys, StringComparer.Ordinal).ToDictionary(k => k, k => (long)observed.GetValueOrDefault(k), StringComparer.Ordinal),
            minimum);
        var segments = population.Keys
            .Union(observed.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(segment =>
            {
                var count = observed.GetValueOrDefault(segment);
                var shown = !withheld.Contains(segment);
                return new SegmentShare(
                    segment,
                    total == 0 ? 0 : Rounding.Percent(100.0 * population.GetValueOrDefault(segment) / total),
                    shown && input.Current.Usable > 0 ? Rounding.Percent(100.0 * count / input.Current.Usable) : null,
                    shown ? count : null);
            })
            .ToList();

        if (total == 0)
        {
            return new Representativeness(basis, segments, null, null, null, false, size);
        }

        // Only segments the population knows can be tested; respondents outside them are shown but not tested.
        var known = population.Where(p => p.Value > 0).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var fit = GoodnessOfFit.ChiSquare(
            [.. known.Select(p => (long)observed.GetValueOrDefault(p.Key))],
            [.. known.Select(p => (double)p.Value)]);
        return fit is null
            ? new Representativeness(basis, segments, null, null, null, false, size)
            : new Representativeness(
                basis,
                segments,
                Math.Round(fit.ChiSquare, 3, MidpointRounding.AwayFromZero),
                fit.DegreesOfFreedom,
                Rounding.PValue(fit.PValue),
                fit.Approximate,
                size);
    }
}
