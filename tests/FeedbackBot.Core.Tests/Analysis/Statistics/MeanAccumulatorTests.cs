using FeedbackBot.Core.Analysis.Statistics;
using FsCheck;
using FsCheck.Fluent;

namespace FeedbackBot.Core.Tests.Analysis.Statistics;

public sealed class MeanAccumulatorTests
{
    // 2, 4, 4, 4, 5, 5, 7, 9: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
    // sample variance 32/7 = 4.571429, standard deviation 2.138090.
    private static readonly double[] Textbook = [2, 4, 4, 4, 5, 5, 7, 9];

    [Fact]
    public void Add_TextbookValues_GivesMeanAndSampleVariance()
    {
        var accumulator = new MeanAccumulator();
        foreach (var x in Textbook)
        {
            accumulator.Add(x);
        }

        Assert.Equal(8, accumulator.Count);
        Assert.Equal(5, accumulator.Mean, 1e-12);
        Assert.Equal(4.571429, accumulator.Variance, 1e-6);
        Assert.Equal(2.138090, accumulator.StandardDeviation, 1e-6);
    }

    [Fact]
    public void Add_WithCounts_EqualsAddingEachValue()
    {
        var accumulator = new MeanAccumulator();
        accumulator.Add(2, 1);
        accumulator.Add(4, 3);
        accumulator.Add(5, 2);
        accumulator.Add(7, 1);
        accumulator.Add(9, 1);
        accumulator.Add(100, 0);

        Assert.Equal(8, accumulator.Count);
        Assert.Equal(5, accumulator.Mean, 1e-12);
        Assert.Equal(32.0 / 7, accumulator.Variance, 1e-12);
    }

    [Fact]
    public void Mean_NoValues_IsNaN()
    {
        var accumulator = new MeanAccumulator();

        Assert.Equal(0, accumulator.Count);
        Assert.True(double.IsNaN(accumulator.Mean));
        Assert.True(double.IsNaN(accumulator.Variance));
    }

    [Fact]
    public void Variance_OneValue_IsNaNWhileMeanIsTheValue()
    {
        var accumulator = new MeanAccumulator();
        accumulator.Add(4.5);

        Assert.Equal(4.5, accumulator.Mean);
        Assert.True(double.IsNaN(accumulator.Variance));
        Assert.True(double.IsNaN(accumulator.StandardDeviation));
    }

    [Fact]
    public void Variance_EqualValues_IsZero()
    {
        var accumulator = new MeanAccumulator();
        accumulator.Add(3, 1000);

        Assert.Equal(3, accumulator.Mean);
        Assert.Equal(0, accumulator.Variance);
    }

    [Fact]
    public void Variance_LargeOffset_KeepsPrecision()
    {
        // 1e9 + {4, 7, 13, 16}: deviations −6, −3, 3, 6 from the mean 1e9 + 10; 90/3 = 30. A sum of squares
        // (around 4e18) loses this entirely in doubles.
        var accumulator = new MeanAccumulator();
        foreach (var x in new[] { 4.0, 7, 13, 16 })
        {
            accumulator.Add(1e9 + x);
        }

        Assert.Equal(1e9 + 10, accumulator.Mean, 1e-6);
        Assert.Equal(30, accumulator.Variance, 1e-6);
    }

    [Fact]
    public void Merge_WithItself_DoublesTheSample()
    {
        // Sixteen values with the same mean 5; squared deviations 64; 64/15 = 4.266667.
        var accumulator = new MeanAccumulator();
        foreach (var x in Textbook)
        {
            accumulator.Add(x);
        }

        accumulator.Merge(accumulator);

        Assert.Equal(16, accumulator.Count);
        Assert.Equal(5, accumulator.Mean, 1e-12);
        Assert.Equal(4.266667, accumulator.Variance, 1e-6);
    }

    [Fact]
    public void Merge_EmptyIntoEmptyAndEmptyIntoFull_ChangesNothing()
    {
        var empty = new MeanAccumulator();
        empty.Merge(new MeanAccumulator());
        var full = new MeanAccumulator();
        full.Add(1);
        full.Add(3);
        full.Merge(empty);

        Assert.Equal(0, empty.Count);
        Assert.Equal(2, full.Count);
        Assert.Equal(2, full.Mean);
        Assert.Equal(2, full.Variance, 1e-12);
    }

    [Fact]
    public void Merge_LeavesTheOtherAccumulatorUnchanged()
    {
        var target = new MeanAccumulator();
        target.Add(10);
        var other = new MeanAccumulator();
        other.Add(1);
        other.Add(2);

        target.Merge(other);

        Assert.Equal(2, other.Count);
        Assert.Equal(1.5, other.Mean);
        Assert.Equal(3, target.Count);
        Assert.Equal(13.0 / 3, target.Mean, 1e-12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Add_NotFinite_Throws(double x)
    {
        var accumulator = new MeanAccumulator();

        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(x));
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(x, 2));
        Assert.Equal(0, accumulator.Count);
    }

    [Fact]
    public void Add_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeanAccumulator().Add(1, -1));
    }

    [Fact]
    public void Merge_TwoHalves_EqualsTheWholeInEitherOrder()
    {
        var values = Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 100.0).ListOf();
        var cases = values.SelectMany(list => Gen.Choose(0, list.Count).Select(split => (List: list, Split: split)));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var whole = Accumulate(c.List);
            var first = Accumulate(c.List.Take(c.Split));
            var second = Accumulate(c.List.Skip(c.Split));
            var firstThenSecond = Accumulate(c.List.Take(c.Split));
            firstThenSecond.Merge(second);
            var secondThenFirst = Accumulate(c.List.Skip(c.Split));
            secondThenFirst.Merge(first);

            return Same(whole, firstThenSecond) && Same(whole, secondThenFirst) && MatchesTwoPass(whole, c.List);
        }).QuickCheckThrowOnFailure();
    }

    private static MeanAccumulator Accumulate(IEnumerable<double> values)
    {
        var accumulator = new MeanAccumulator();
        foreach (var x in values)
        {
            accumulator.Add(x);
        }

        return accumulator;
    }

    private static bool Same(MeanAccumulator expected, MeanAccumulator actual) =>
        expected.Count == actual.Count && Close(expected.Mean, actual.Mean) && Close(expected.Variance, actual.Variance);

    private static bool MatchesTwoPass(MeanAccumulator accumulator, List<double> values)
    {
        if (values.Count == 0)
        {
            return accumulator.Count == 0;
        }

        var mean = values.Average();
        var variance = values.Count < 2 ? double.NaN : values.Sum(x => (x - mean) * (x - mean)) / (values.Count - 1);
        return Close(mean, accumulator.Mean) && Close(variance, accumulator.Variance);
    }

    private static bool Close(double expected, double actual) =>
        (double.IsNaN(expected) && double.IsNaN(actual)) || Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected));
}
