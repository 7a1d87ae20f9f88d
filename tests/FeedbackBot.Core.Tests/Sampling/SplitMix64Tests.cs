using FeedbackBot.Core.Sampling;

namespace FeedbackBot.Core.Tests.Sampling;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Next_Seed1234567_GivesThePublishedReferenceSequence()
    {
        var random = new SplitMix64(1234567);

        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => random.Next()));
    }

    [Fact]
    public void Next_SeedZero_GivesThePublishedFirstOutput()
    {
        Assert.Equal(0xE220A8397B1DCDAF, new SplitMix64(0).Next());
    }

    [Fact]
    public void NextBelow_SmallBound_HitsEveryValueAndNothingElse()
    {
        var random = new SplitMix64(42);

        var seen = Enumerable.Range(0, 200).Select(_ => random.NextBelow(7)).ToHashSet();

        ulong[] expected = [0, 1, 2, 3, 4, 5, 6];
        Assert.Equal(expected, seen.Order());
    }

    [Fact]
    public void NextBelow_Zero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitMix64(1).NextBelow(0));
    }
}
