using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Sampling;
using FsCheck;
using FsCheck.Fluent;
using static FeedbackBot.Core.Tests.Sampling.SamplingFixtures;

namespace FeedbackBot.Core.Tests.Sampling;

public sealed class SamplerPropertyTests
{
    private sealed record Case(SampleCandidate[] Population, SamplePlan Plan, int MinDays, int Seed);

    private static readonly Gen<Case> Cases =
        from people in Gen.Choose(0, 80)
        from teams in Gen.Elements("north", "south", "west", "islands", null).ArrayOf(people)
        from lastInvited in Gen.Elements<int?>(null, null, 0, 1, 6, 7, 8, 30, -3).ArrayOf(people)
        from plan in Gen.OneOf(
            Gen.Constant(SamplePlan.Everyone),
            Gen.Choose(1, 100).Select(BySize),
            Gen.Choose(1, 250).Select(tenths => ByMargin(tenths / 10.0)))
        from minDays in Gen.Choose(0, 10)
        from seed in Gen.Choose(int.MinValue, int.MaxValue)
        select new Case(
            [.. Enumerable.Range(0, people).Select(i => Person($"p{i}", teams[i], lastInvited[i] is { } days ? Opening.AddDays(-days) : null))],
            plan,
            minDays,
            seed);

    [Fact]
    public void Draw_AnyPopulation_SelectsNoMoreThanAreEligible()
    {
        Check(c =>
        {
            var draw = Draw(c);
            var eligible = c.Population.Length - draw.ExcludedForFatigue;
            return draw.SelectedIds.Count == draw.Size.Count && draw.Size.Count <= eligible;
        });
    }

    [Fact]
    public void Draw_AnyPopulation_SelectsNobodyTwice()
    {
        Check(c =>
        {
            var draw = Draw(c);
            return draw.SelectedIds.Distinct(StringComparer.Ordinal).Count() == draw.SelectedIds.Count;
        });
    }

    [Fact]
    public void Draw_AnyPopulation_SelectsOnlyEligiblePeople()
    {
        Check(c =>
        {
            var byId = c.Population.ToDictionary(p => p.PersonId, StringComparer.Ordinal);
            return Draw(c).SelectedIds.All(id =>
                byId.TryGetValue(id, out var person) && InvitationFatigue.IsEligible(person.LastInvited, Opening, c.MinDays));
        });
    }

    [Fact]
    public void Draw_AnyPopulation_CountsEveryoneAndExcludesOnlyTheFatigued()
    {
        Check(c =>
        {
            var draw = Draw(c);
            var fatigued = c.Population.Count(p => !InvitationFatigue.IsEligible(p.LastInvited, Opening, c.MinDays));
            return draw.ExcludedForFatigue == fatigued
                && draw.Strata.Sum(s => s.Population) == c.Population.Length
                && draw.Strata.Sum(s => s.Eligible) == c.Population.Length - fatigued;
        });
    }

    [Fact]
    public void Draw_AnyPopulation_AllocatesWithinEachStratumAndExactlyTheSize()
    {
        Check(c =>
        {
            var draw = Draw(c);
            return draw.Strata.All(s => s.Allocated >= 0 && s.Allocated <= s.Eligible)
                && draw.Strata.Sum(s => s.Allocated) == draw.Size.Count;
        });
    }

    [Fact]
    public void Draw_AnyPopulation_AllocatesEachStratumWithinOneOfItsExactShare()
    {
        Check(c =>
        {
            var draw = Draw(c);
            var eligible = draw.Strata.Sum(s => s.Eligible);
            return eligible == 0 || draw.Strata.All(s =>
                Math.Abs(s.Allocated - ((double)draw.Size.Count * s.Eligible / eligible)) < 1);
        });
    }

    [Fact]
    public void Draw_AnyOrderOfThePopulation_GivesTheSameSample()
    {
        var cases = Cases.SelectMany(c => Gen.Shuffle(c.Population).Select(shuffled => (Case: c, Shuffled: shuffled)));

        Prop.ForAll(cases.ToArbitrary(), x =>
            Draw(x.Case).SelectedIds.SequenceEqual(Draw(x.Case with { Population = x.Shuffled }).SelectedIds))
            .QuickCheckThrowOnFailure();
    }

    private static SampleDraw Draw(Case c) => Sampler.Draw(c.Population, c.Plan, c.MinDays, Opening, c.Seed);

    private static void Check(Func<Case, bool> property) =>
        Prop.ForAll(Cases.ToArbitrary(), property).QuickCheckThrowOnFailure();
}
