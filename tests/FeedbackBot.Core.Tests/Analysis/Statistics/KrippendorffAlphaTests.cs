using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public class KrippendorffAlphaTests
{
    /// <summary>
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: coders A–D, units 1–12, with
    /// missing values. Each unit lists the values given to it.
    /// </summary>
    /// <remarks>
    /// By hand: unit 12 has one value and is left out. The coincidence matrix (rows and columns the values 1–5) is
    /// o11 = 7, o12 = 4/3, o13 = 1/3, o14 = 1/3; o22 = 10, o23 = 4/3, o24 = 1/3; o33 = 8, o34 = 1/3; o44 = 4; o55 = 3
    /// (symmetric), so n1 = 9, n2 = 13, n3 = 10, n4 = 5, n5 = 3 and n = 40.
    /// Nominal: Σ o_ck over c ≠ k = 8; Σ n_c·n_k over c ≠ k = 40² − (81 + 169 + 100 + 25 + 9) = 1216;
    /// α = 1 − 39·8/1216 = 113/152 = 0.7434.
    /// Interval: Σ o_ck(c − k)² = 2·(4/3·1 + 1/3·4 + 1/3·9 + 4/3·1 + 1/3·4 + 1/3·1) = 52/3;
    /// Σ n_c·n_k(c − k)² = 2n·Σ n_c(c − c̄)² with c̄ = 100/40 = 2.5: 2·40·(306 − 40·2.5²) = 4480; α = 1 − 39·(52/3)/4480 = 951/1120 = 0.8491.
    /// Ordinal: δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², e.g. δ²_12 = 11², δ²_13 = 22.5²; Σ o·δ² = 1891 and
    /// Σ n_c·n_k·δ² = 399480, so α = 1 − 39·1891/399480 = 108577/133160 = 0.8154.
    /// </remarks>
    private static readonly double[][] PaperUnits =
    [
        [1, 1, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [5, 5, 5], [1, 1], [3],
    ];

    [Theory]
    [InlineData(AlphaMetric.Nominal, 113.0 / 152)]
    [InlineData(AlphaMetric.Ordinal, 108577.0 / 133160)]
    [InlineData(AlphaMetric.Interval, 951.0 / 1120)]
    public void Compute_PaperExampleWithMissingValues_MatchesThePaper(AlphaMetric metric, double expected)
    {
        var alpha = KrippendorffAlpha.Compute(PaperUnits, metric);

        Assert.Equal(expected, alpha!.Value, 12);
    }

    [Theory]
    [InlineData(AlphaMetric.Nominal, 0.743)]
    [InlineData(AlphaMetric.Ordinal, 0.815)]
    [InlineData(AlphaMetric.Interval, 0.849)]
    public void Compute_PaperExample_RoundsToThePublishedFigure(AlphaMetric metric, double published)
    {
        Assert.Equal(published, Math.Round(KrippendorffAlpha.Compute(PaperUnits, metric)!.Value, 3));
    }

    [Fact]
    public void Compute_TinyNominalSet_MatchesTheHandWorkedValue()
    {
        // Units {a, a}, {a, b}, {b, b}, {b} with a = 0, b = 1; the last has one value and is left out.
        // o_aa = 2, o_ab = o_ba = 1, o_bb = 2; n_a = n_b = 3, n = 6. Σ o·δ = 2, Σ n_c·n_k·δ = 2·3·3 = 18.
        // α = 1 − 5·2/18 = 4/9.
        double[][] units = [[0, 0], [0, 1], [1, 1], [1]];

        Assert.Equal(4.0 / 9, KrippendorffAlpha.Compute(units, AlphaMetric.Nominal)!.Value, 12);
    }

    [Fact]
    public void Compute_TinyIntervalSetOfThreeCoders_MatchesTheHandWorkedValue()
    {
        // Units {1, 1, 2} and {3, 3}. Unit 1 (m = 3, weight 1/2): o_11 = 2·1/2 = 1, o_12 = o_21 = 2·1/2 = 1.
        // Unit 2 (m = 2, weight 1): o_33 = 2. n_1 = 2, n_2 = 1, n_3 = 2, n = 5.
        // Σ o·δ² = 2·1 = 2. Σ n_c·n_k·δ² = 2·(2·1·1 + 2·2·4 + 1·2·1) = 40. α = 1 − 4·2/40 = 0.8.
        double[][] units = [[1, 1, 2], [3, 3]];

        Assert.Equal(0.8, KrippendorffAlpha.Compute(units, AlphaMetric.Interval)!.Value, 12);
    }

    [Theory]
    [InlineData(AlphaMetric.Nominal)]
    [InlineData(AlphaMetric.Ordinal)]
    [InlineData(AlphaMetric.Interval)]
    public void Compute_EveryCoderAgreesOnVariedValues_IsOne(AlphaMetric metric)
    {
        double[][] units = [[1, 1], [2, 2, 2], [5, 5]];

        Assert.Equal(1, KrippendorffAlpha.Compute(units, metric)!.Value, 12);
    }

    [Fact]
    public void Compute_NoUnitWithTwoValues_IsUndefined()
    {
        double[][] units = [[1], [2], []];

        Assert.Null(KrippendorffAlpha.Compute(units, AlphaMetric.Interval));
    }

    [Fact]
    public void Compute_EveryValueTheSame_IsUndefined()
    {
        // No disagreement is possible, so agreement cannot be told from chance.
        double[][] units = [[1, 1], [1, 1, 1]];

        Assert.Null(KrippendorffAlpha.Compute(units, AlphaMetric.Nominal));
    }

    [Fact]
    public void Compute_ValueNotFinite_Throws()
    {
        double[][] units = [[1, double.NaN]];

        Assert.Throws<ArgumentOutOfRangeException>(() => KrippendorffAlpha.Compute(units, AlphaMetric.Interval));
    }
}
