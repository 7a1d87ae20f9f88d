using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class RobustZTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void Scores_OneWildValue_IsFarAndTheRestAreNear()
    {
        // Sorted 10, 11, 12, 12, 13, 40: median 12. Deviations 2, 0, 1, 1, 0, 28, sorted 0, 0, 1, 1, 2, 28: MAD 1.
        // z = |x − 12| / 1.4826: 40 → 28 / 1.4826 = 18.8857; 10 → 2 / 1.4826 = 1.3490.
        var scores = RobustZ.Scores([10, 12, 11, 13, 12, 40]);

        Assert.Equal(18.8857, scores[5], Tolerance);
        Assert.Equal(1.3490, scores[0], Tolerance);
        Assert.Equal(0, scores[1], Tolerance);
        Assert.Single(scores, s => s > RobustZ.Threshold);
    }

    [Fact]
    public void Scores_MadIsZero_UsesTheMeanAbsoluteDeviation()
    {
        // Median 5 and MAD 0 (four of five values are 5). Mean absolute deviation 4 / 5 = 0.8;
        // z(9) = 4 / (1.253314 · 0.8) = 4 / 1.0026512 = 3.9894, an outlier.
        var scores = RobustZ.Scores([5, 5, 5, 5, 9]);

        Assert.Equal(3.9894, scores[4], Tolerance);
        Assert.Equal(0, scores[0]);
    }

    [Fact]
    public void Scores_AllValuesEqual_AreAllZero()
    {
        Assert.All(RobustZ.Scores([3, 3, 3]), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Scores_MinimumScale_KeepsOneEventInAQuietSpellNear()
    {
        // 0, 0, 0, 0, 1: MAD 0 and mean absolute deviation 0.2 would give z(1) = 1 / 0.2507 = 3.99; a scale of at least
        // 1 gives z = 1.
        var scores = RobustZ.Scores([0, 0, 0, 0, 1], minimumScale: 1);

        Assert.Equal(1, scores[4], Tolerance);
    }

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(2.5, RobustZ.Median([4, 1, 3, 2]));
    }
}
