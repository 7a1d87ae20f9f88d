using FeedbackBot.Core.Scorecards;
using FsCheck;
using FsCheck.Fluent;

namespace FeedbackBot.Core.Tests.Scorecards;

public sealed class QaSamplePropertyTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private sealed record Case(SampledInteraction[] Log, string[] Evaluated, int PerAgent, int Seed);

    private static readonly Gen<Case> Cases =
        from count in Gen.Choose(0, 60)
        from agents in Gen.Elements("sam", "kim", "ana").ArrayOf(count)
        from channels in Gen.Elements(InteractionChannel.Phone, InteractionChannel.Chat, InteractionChannel.Email, InteractionChannel.Social).ArrayOf(count)
        from evaluated in Gen.Elements(true, false, false, false).ArrayOf(count)
        from perAgent in Gen.Choose(1, 12)
        from seed in Gen.Choose(int.MinValue, int.MaxValue)
        select new Case(
            [.. Enumerable.Range(0, count).Select(i => new SampledInteraction($"i{i}", agents[i], channels[i], Start.AddMinutes(i), null))],
            [.. Enumerable.Range(0, count).Where(i => evaluated[i]).Select(i => $"i{i}")],
            perAgent,
            seed);

    [Fact]
    public void Draw_AnyLog_PicksTheNumberAskedOrEverythingLeft()
    {
        Check(c =>
        {
            var draw = Draw(c);
            return draw.Agents.All(a =>
                a.Picked == Math.Min(c.PerAgent, a.Interactions - a.AlreadyEvaluated)
                && draw.Picks.Count(p => p.Agent == a.Agent) == a.Picked
                && a.Shortfall == (a.Picked < c.PerAgent));
        });
    }

    [Fact]
    public void Draw_AnyLog_NeverPicksAnEvaluatedInteractionOrOneTwice()
    {
        Check(c =>
        {
            var draw = Draw(c);
            return !draw.Picks.Any(p => c.Evaluated.Contains(p.InteractionId))
                && draw.Picks.Select(p => p.InteractionId).Distinct().Count() == draw.Picks.Count;
        });
    }

    [Fact]
    public void Draw_AnyLog_GivesEveryChannelWithInteractionsOneWhenTheNumberAllows()
    {
        Check(c => Draw(c).Agents.All(a =>
        {
            var open = a.Channels.Where(ch => ch.Available > 0).ToList();
            return a.Channels.All(ch => ch.Picked <= ch.Available)
                && (c.PerAgent < open.Count || open.All(ch => ch.Picked >= 1));
        }));
    }

    private static QaSampleDraw Draw(Case c) => QaSample.Draw(c.Log, c.Evaluated, c.PerAgent, c.Seed);

    private static void Check(Func<Case, bool> property) =>
        Prop.ForAll(Cases.ToArbitrary(), property).QuickCheckThrowOnFailure();
}
