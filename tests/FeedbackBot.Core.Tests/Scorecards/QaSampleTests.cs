using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Core.Tests.Scorecards;

/// <summary>
/// QA sampling worked out by hand. Sam's log: 6 phone calls, 3 chats, 1 e-mail (10 in all).
/// <code>
///   5 per agent: exact shares 3, 1.5, 0.5 → floors 3, 1, 0; the place left goes to chat (remainder 0.5, ties with
///                e-mail, "chat" sorts first) → 3, 2, 0; e-mail has interactions and 5 ≥ 3 channels, so it takes one
///                from chat (2 − 1.5 = 0.5 above its share; phone 3 − 3 = 0) → phone 3, chat 1, e-mail 1.
///   2 per agent: shares 1.2, 0.6, 0.2 → floors 1, 0, 0; the place left goes to chat (0.6) → 1, 1, 0; 2 &lt; 3 channels,
///                so e-mail gets none.
/// </code>
/// </summary>
public class QaSampleTests
{
    private static readonly DateTime Monday = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static readonly SampledInteraction[] Sam =
    [
        .. Enumerable.Range(1, 6).Select(i => Interaction($"CALL-{i}", "sam", InteractionChannel.Phone, i)),
        .. Enumerable.Range(1, 3).Select(i => Interaction($"CHAT-{i}", "sam", InteractionChannel.Chat, 10 + i)),
        Interaction("MAIL-1", "sam", InteractionChannel.Email, 20),
    ];

    [Fact]
    public void Draw_FivePerAgent_SpreadsOverChannelsByLargestRemainderWithOneEach()
    {
        var draw = QaSample.Draw(Sam, [], 5, seed: 7);

        var sam = Assert.Single(draw.Agents);
        Assert.Equal(
            [(InteractionChannel.Phone, 6, 3), (InteractionChannel.Email, 1, 1), (InteractionChannel.Chat, 3, 1)],
            sam.Channels.Select(c => (c.Channel, c.Available, c.Picked)));
        Assert.Equal((10, 0, 5, false), (sam.Interactions, sam.AlreadyEvaluated, sam.Picked, sam.Shortfall));
        Assert.Equal(5, draw.Picks.Count);
        Assert.Equal(3, draw.Picks.Count(p => p.Channel == InteractionChannel.Phone));
    }

    [Fact]
    public void Draw_FewerPerAgentThanChannels_LeavesTheSmallestChannelOut()
    {
        var draw = QaSample.Draw(Sam, [], 2, seed: 7);

        Assert.Equal([1, 0, 1], Assert.Single(draw.Agents).Channels.Select(c => c.Picked));
    }

    [Fact]
    public void Draw_TwoChannels_PicksInProportion()
    {
        // 8 phone, 2 chat, 5 wanted: shares 4 and 1 exactly.
        SampledInteraction[] log =
        [
            .. Enumerable.Range(1, 8).Select(i => Interaction($"CALL-{i}", "kim", InteractionChannel.Phone, i)),
            .. Enumerable.Range(1, 2).Select(i => Interaction($"CHAT-{i}", "kim", InteractionChannel.Chat, 10 + i)),
        ];

        var draw = QaSample.Draw(log, [], 5, seed: 1);

        Assert.Equal([4, 1], Assert.Single(draw.Agents).Channels.Select(c => c.Picked));
    }

    [Fact]
    public void Draw_AgentWithFewerInteractions_GetsThemAllAndIsShort()
    {
        SampledInteraction[] log = [.. Sam, Interaction("CALL-K1", "kim", InteractionChannel.Phone, 1), Interaction("CHAT-K1", "kim", InteractionChannel.Chat, 2)];

        var draw = QaSample.Draw(log, [], 3, seed: 7);

        var kim = draw.Agents.Single(a => a.Agent == "kim");
        Assert.Equal((2, 2, true), (kim.Interactions, kim.Picked, kim.Shortfall));
        Assert.Equal(["CALL-K1", "CHAT-K1"], draw.Picks.Where(p => p.Agent == "kim").Select(p => p.InteractionId));
        Assert.False(draw.Agents.Single(a => a.Agent == "sam").Shortfall);
    }

    [Fact]
    public void Draw_EvaluatedInteractions_AreNeverPicked()
    {
        // Two of the three chats are evaluated: 8 left (6, 1, 1), and all 8 are asked for, so everything left is picked.
        var draw = QaSample.Draw(Sam, ["CHAT-1", "CHAT-3"], 8, seed: 7);

        var sam = Assert.Single(draw.Agents);
        Assert.Equal((10, 2, 8, false), (sam.Interactions, sam.AlreadyEvaluated, sam.Picked, sam.Shortfall));
        Assert.DoesNotContain(draw.Picks, p => p.InteractionId is "CHAT-1" or "CHAT-3");
        Assert.Equal((1, 1), (sam.Channels.Single(c => c.Channel == InteractionChannel.Chat).Available, sam.Channels.Single(c => c.Channel == InteractionChannel.Chat).Picked));
    }

    [Fact]
    public void Draw_EveryInteractionEvaluated_PicksNoneAndIsShort()
    {
        var draw = QaSample.Draw(Sam, Sam.Select(i => i.InteractionId), 3, seed: 7);

        var sam = Assert.Single(draw.Agents);
        Assert.Empty(draw.Picks);
        Assert.Equal((10, 0, true), (sam.AlreadyEvaluated, sam.Picked, sam.Shortfall));
    }

    [Fact]
    public void Draw_SameSeed_PicksTheSameWhateverTheOrder()
    {
        var first = QaSample.Draw(Sam, [], 4, seed: 42);
        var again = QaSample.Draw([.. Sam.Reverse()], [], 4, seed: 42);

        Assert.Equal(first.Picks, again.Picks);
        Assert.Equal(42, again.Seed);
    }

    [Fact]
    public void Draw_AnotherSeed_PicksOtherInteractions()
    {
        SampledInteraction[] log = [.. Enumerable.Range(1, 40).Select(i => Interaction($"CALL-{i:00}", "sam", InteractionChannel.Phone, i))];

        var one = QaSample.Draw(log, [], 5, seed: 1).Picks.Select(p => p.InteractionId);
        var two = QaSample.Draw(log, [], 5, seed: 2).Picks.Select(p => p.InteractionId);

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Draw_AnotherAgentsNewInteractions_LeaveAnAgentsPicksAsTheyWere()
    {
        var alone = QaSample.Draw(Sam, [], 4, seed: 3).Picks;
        var withKim = QaSample.Draw([.. Sam, Interaction("CALL-K1", "kim", InteractionChannel.Phone, 1)], [], 4, seed: 3).Picks;

        Assert.Equal(alone, withKim.Where(p => p.Agent == "sam"));
    }

    [Fact]
    public void Draw_Picks_OrderedByAgentThenStart()
    {
        SampledInteraction[] log = [.. Sam, Interaction("CALL-K1", "kim", InteractionChannel.Phone, 30)];

        var picks = QaSample.Draw(log, [], 10, seed: 7).Picks;

        Assert.Equal("kim", picks[0].Agent);
        Assert.Equal(picks.Skip(1).OrderBy(p => p.StartedAt), picks.Skip(1));
    }

    [Fact]
    public void Draw_NoneAskedFor_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QaSample.Draw(Sam, [], 0, seed: 1));
    }

    [Fact]
    public void Draw_RepeatedId_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => QaSample.Draw([.. Sam, Sam[0] with { Agent = "kim" }], [], 1, seed: 1));

        Assert.Contains("CALL-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultSeed_SamePlanAndPeriod_IsTheSame()
    {
        var december = QaSample.DefaultSeed("support", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));

        Assert.Equal(december, QaSample.DefaultSeed("support", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
        Assert.NotEqual(december, QaSample.DefaultSeed("support", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.NotEqual(december, QaSample.DefaultSeed("sales", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
        Assert.InRange(december, 0, int.MaxValue);
    }

    private static SampledInteraction Interaction(string id, string agent, InteractionChannel channel, int hour) =>
        new(id, agent, channel, Monday.AddHours(hour), "general");
}
