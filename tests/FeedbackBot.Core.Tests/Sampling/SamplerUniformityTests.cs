using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Sampling;
using static FeedbackBot.Core.Tests.Sampling.SamplingFixtures;

namespace FeedbackBot.Core.Tests.Sampling;

public sealed class SamplerUniformityTests
{
    private const int Seeds = 4000;

    [Fact]
    public void Draw_ManySeeds_PicksEveryCandidateAboutEquallyOften()
    {
        // 5 of 20 from teams of 12 and 8 allocates exactly 3 and 2, so everyone's chance is 1/4: 1,000 picks each
        // over 4,000 seeds, with a standard deviation of √(4000·¼·¾) ≈ 27.
        SampleCandidate[] population = [.. Team("north", 12), .. Team("south", 8)];
        var picks = population.ToDictionary(p => p.PersonId, _ => 0L, StringComparer.Ordinal);

        for (var seed = 0; seed < Seeds; seed++)
        {
            foreach (var id in Sampler.Draw(population, BySize(5), 0, Opening, seed).SelectedIds)
            {
                picks[id]++;
            }
        }

        var observed = picks.Values.ToArray();
        var fit = GoodnessOfFit.ChiSquare(observed, [.. observed.Select(_ => 1.0)])!;

        // Seeds are fixed, so this cannot flake; the bounds are wide (χ²(19) > 47 has p < 0.0003; ±150 is about 5.5 sd)
        // yet a biased shuffle, such as a plain modulo or an off-by-one swap range, lands far outside them.
        Assert.True(fit.PValue > 0.0003, $"χ² = {fit.ChiSquare:F1} on {fit.DegreesOfFreedom} df, p = {fit.PValue:G3}");
        Assert.All(observed, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void Draw_ManySeeds_PicksEveryPairOfPositionsAboutEquallyOften()
    {
        // Each of the 15 pairs from 6 people is the whole sample with chance 1/15: 400 times each over 6,000 seeds,
        // standard deviation √(6000·(1/15)·(14/15)) ≈ 19. A shuffle that favours some orders shows up here even when
        // single-person frequencies look even.
        SampleCandidate[] population = [.. Team("north", 6)];
        var pairs = new Dictionary<string, long>(StringComparer.Ordinal);

        for (var seed = 0; seed < 6000; seed++)
        {
            var key = string.Join('+', Sampler.Draw(population, BySize(2), 0, Opening, seed).SelectedIds);
            pairs[key] = pairs.GetValueOrDefault(key) + 1;
        }

        var observed = pairs.Values.ToArray();
        var fit = GoodnessOfFit.ChiSquare(observed, [.. observed.Select(_ => 1.0)])!;

        Assert.Equal(15, pairs.Count);
        Assert.True(fit.PValue > 0.0003, $"χ² = {fit.ChiSquare:F1} on {fit.DegreesOfFreedom} df, p = {fit.PValue:G3}");
    }
}
