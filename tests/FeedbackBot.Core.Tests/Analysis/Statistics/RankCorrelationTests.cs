using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class RankCorrelationTests
{
    // Six responses, ties on both sides:
    //   x: 1   2   2   3   4   5      ranks 1, 2.5, 2.5, 4, 5, 6   (the two 2s share ranks 2 and 3)
    //   y: 2   1   3   3   4   5      ranks 2, 1, 3.5, 3.5, 5, 6   (the two 3s share ranks 3 and 4)
    // Every rank set has mean (6 + 1) / 2 = 3.5, so the deviations are
    //   dx: -2.5 -1  -1  0.5 1.5 2.5
    //   dy: -1.5 -2.5 0  0   1.5 2.5
    // Σdx·dy = 3.75 + 2.5 + 0 + 0 + 2.25 + 6.25 = 14.75; Σdx² = Σdy² = 17; rho = 14.75 / 17 = 0.867647.
    // Fisher: z = atanh(0.867647) = ½·ln(1.867647 / 0.132353) = ½·ln(14.1111) = 1.323481; se = 1/√(6 − 3) = 0.577350;
    // z ± 1.959964·se = 0.191895 .. 2.455067; tanh gives 0.189574 .. 0.985365.
    private static PairTally Worked()
    {
        var pairs = new PairTally();
        foreach (var (x, y) in new[] { (1, 2), (2, 1), (2, 3), (3, 3), (4, 4), (5, 5) })
        {
            pairs.Add(x, y);
        }

        return pairs;
    }

    [Fact]
    public void Spearman_TiesOnBothSides_GivesTheHandWorkedRho()
    {
        Assert.Equal(0.867647, RankCorrelation.Spearman(Worked())!.Value, 1e-6);
    }

    [Fact]
    public void FisherInterval_HandWorkedRho_GivesTheHandWorkedInterval()
    {
        var interval = RankCorrelation.FisherInterval(14.75 / 17, 6)!.Value;

        Assert.Equal(0.189574, interval.Low, 1e-6);
        Assert.Equal(0.985365, interval.High, 1e-6);
    }

    [Fact]
    public void Spearman_PairsGivenAsCounts_EqualsThePairsOneByOne()
    {
        // The tally keeps counts, not responses: three identical pairs count as one pair three times.
        var counted = new PairTally();
        counted.Add(1, 1, 3);
        counted.Add(5, 4, 2);
        var listed = new PairTally();
        foreach (var (x, y) in new[] { (1, 1), (1, 1), (1, 1), (5, 4), (5, 4) })
        {
            listed.Add(x, y);
        }

        Assert.Equal(RankCorrelation.Spearman(listed), RankCorrelation.Spearman(counted));
        Assert.Equal(1.0, RankCorrelation.Spearman(counted)!.Value, 1e-12);
    }

    [Fact]
    public void Spearman_ReversedOrder_IsMinusOne()
    {
        var pairs = new PairTally();
        pairs.Add(1, 5);
        pairs.Add(2, 4);
        pairs.Add(3, 3);

        Assert.Equal(-1.0, RankCorrelation.Spearman(pairs)!.Value, 1e-12);
    }

    [Fact]
    public void Spearman_OneSideAllTheSame_IsNull()
    {
        // Nobody answered differently, so there is no order to correlate with.
        var pairs = new PairTally();
        pairs.Add(4, 1);
        pairs.Add(4, 3);
        pairs.Add(4, 5);

        Assert.Null(RankCorrelation.Spearman(pairs));
    }

    [Theory]
    [InlineData(0.5, 3)]
    [InlineData(1.0, 50)]
    [InlineData(-1.0, 50)]
    public void FisherInterval_ThreePairsOrPerfectRho_IsNull(double rho, long n)
    {
        Assert.Null(RankCorrelation.FisherInterval(rho, n));
    }
}
