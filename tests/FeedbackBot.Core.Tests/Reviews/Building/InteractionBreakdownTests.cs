using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using static FeedbackBot.Core.Tests.Reviews.ReviewFixtures;

namespace FeedbackBot.Core.Tests.Reviews.Building;

/// <summary>
/// Customers asked about an interaction (by survey link, e-mail or a helpdesk trigger) carry its agent and channel:
/// the review breaks each KPI down by them as it does by segment, with the same rule for small groups, and a
/// response rate from the invitations however few answered.
/// </summary>
public sealed class InteractionBreakdownTests
{
    // 13 customers: Sam handled 6 (5 rated 5, 1 rated 1), Alex 4 (all 4), 3 had no agent named (all 2). Phone 8, email 5.
    private static List<ResponseRecord> Answers() =>
    [
        .. Enumerable.Range(0, 13).Select(i => new ResponseRecord(
            $"c{i:D2}",
            Current.Start.AddHours(1 + i),
            Audience.Customer,
            null,
            300,
            new Dictionary<string, string> { ["sat"] = i < 5 ? "5" : i == 5 ? "1" : i < 10 ? "4" : "2" },
            i < 6 ? "Sam" : i < 10 ? "Alex" : null,
            i < 8 ? "phone" : "email")),
    ];

    private static Review Build(int minimumGroupSize, InvitationCounts? invitations = null)
    {
        var plan = Plan(minimumGroupSize);
        return ReviewBuilder.Build(Input(plan, Tally(plan, Current, Answers()), invitations: invitations));
    }

    [Fact]
    public void Build_AnswersNamingAgentsAndChannels_BreakEachKpiDownByThem()
    {
        var csat = Build(minimumGroupSize: 3).Segments.Where(s => s.Kpi == "csat").ToDictionary(s => s.Segment);

        // Sam: 5 of 6 rated 4-5 = 83.3%; Alex: 4 of 4 = 100%; the three unnamed are a group of their own: 0 of 3.
        Assert.Equal(83.3, csat["agent: Sam"].Value);
        Assert.Equal(6, csat["agent: Sam"].N);
        Assert.Equal(100.0, csat["agent: Alex"].Value);
        Assert.Equal(0.0, csat["agent: (none)"].Value);
        Assert.Equal(3, csat["agent: (none)"].N);

        // Phone: five 5s, the 1 and two 4s, 7 of 8; email: two 4s and three 2s, 2 of 5.
        Assert.Equal(87.5, csat["channel: phone"].Value);
        Assert.Equal(40.0, csat["channel: email"].Value);
    }

    [Fact]
    public void Build_AgentGroupsBelowTheMinimum_AreWithheldWithTheSmallestShownOne()
    {
        var csat = Build(minimumGroupSize: 5).Segments.Where(s => s.Kpi == "csat").ToDictionary(s => s.Segment);

        // Alex's 4 and the unnamed 3 are below 5; withheld together they number 7, so Sam's 6 may show.
        Assert.Equal(KpiStatus.NotEnoughData, csat["agent: Alex"].Status);
        Assert.Equal(KpiStatus.NotEnoughData, csat["agent: (none)"].Status);
        Assert.Equal(83.3, csat["agent: Sam"].Value);
    }

    [Fact]
    public void Build_NoAnswerNamesAnAgentOrChannel_HasNoSuchBreakdown()
    {
        var plan = Plan(minimumGroupSize: 3);
        var answers = Answers().Select(a => a with { Agent = null, Channel = null });

        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, answers)));

        Assert.DoesNotContain(review.Segments, s => s.Segment.StartsWith("agent: ", StringComparison.Ordinal) || s.Segment.StartsWith("channel: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_FewerAnswersThanTheMinimumGroup_StillGivesTheResponseRate()
    {
        var plan = Plan(minimumGroupSize: 5) with { Kpis = [new Kpi("rr", KpiMetric.ResponseRate, null, null, 20, KpiDirection.Higher)] };
        var one = Answers().Take(1);

        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, one), invitations: new InvitationCounts(3, new Dictionary<string, int>())));

        // 1 of 3: 33.3%, Wilson [6.1, 79.2]; the target 20 lies inside, so at risk rather than a verdict.
        var rate = review.Metrics.Single(m => m.Id == "rr");
        Assert.Equal(33.3, rate.Value);
        Assert.Equal(3, rate.N);
        Assert.Equal([6.1, 79.2], rate.Ci95);
        Assert.Equal(KpiStatus.AtRisk, rate.Status);
    }
}
