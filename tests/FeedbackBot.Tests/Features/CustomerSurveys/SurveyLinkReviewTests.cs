using System.Net;
using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.CustomerSurveys;

/// <summary>
/// Answers given through survey links in a cycle's review: invitations count as invited, so the response rate has
/// its denominator and the sample's mix is judged against theirs, and the interaction each invitation asked about
/// breaks the KPIs down by agent and channel.
/// </summary>
public sealed class SurveyLinkReviewTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task CloseCycle_LinksAnswered_ReviewHasTheirResponseRateSampleMixAndAgentAndChannelSegments(DatabaseProvider provider)
    {
        await using var rig = await SurveyRig.StartAsync(provider);
        (string Agent, string Channel, string? Rating)[] asked =
        [
            ("Sam Lee", "phone", "5"), ("Sam Lee", "phone", "5"), ("Sam Lee", "email", "4"), ("Sam Lee", "phone", "5"),
            ("Sam Lee", "phone", "2"), ("Sam Lee", "phone", null),
            ("Alex Kim", "chat", "4"), ("Alex Kim", "chat", "4"), ("Alex Kim", "chat", "5"), ("Alex Kim", "email", "1"),
            ("Alex Kim", "phone", "2"), ("Alex Kim", "phone", null),
        ];
        foreach (var (agent, channel, rating) in asked)
        {
            // The region each customer was drawn in: Sam's customers in the north, Alex's in the south.
            var region = agent == "Sam Lee" ? "north" : "south";
            var link = await rig.LinkAsync(i => (i.Agent, i.InteractionChannel, i.Segment) = (agent, channel, region));
            if (rating is not null)
            {
                Assert.Equal(HttpStatusCode.SeeOther, (await rig.PostFormAsync(link, ("satisfaction", rating))).StatusCode);
            }
        }

        rig.Clock.Advance(TimeSpan.FromDays(8));
        await using (var scope = rig.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var cycle = await db.ReviewCycles.SingleAsync();
            await scope.ServiceProvider.GetRequiredService<CycleLifecycle>().CloseCycleAsync(cycle.Id, CancellationToken.None);
        }

        await using var check = rig.Database.CreateContext();
        using var review = JsonDocument.Parse((await check.Reviews.SingleAsync()).Document);
        var root = review.RootElement;
        Assert.Equal(10, root.GetProperty("validation").GetProperty("received").GetInt32());
        Assert.Equal(10, root.GetProperty("validation").GetProperty("usable").GetInt32());

        // The sample is judged against those invited, region by region: 6 and 6 asked, 5 and 5 answered.
        var representativeness = root.GetProperty("validation").GetProperty("representativeness");
        Assert.Equal("invitations", representativeness.GetProperty("basis").GetString());
        var mix = representativeness.GetProperty("segments").EnumerateArray().ToDictionary(
            s => s.GetProperty("segment").GetString()!, s => (s.GetProperty("expected_share").GetDouble(), s.GetProperty("respondents").GetInt32()));
        Assert.Equal((50.0, 5), mix["north"]);
        Assert.Equal((50.0, 5), mix["south"]);

        // 10 answered of 12 invited.
        var rate = root.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "response_rate");
        Assert.Equal(83.3, rate.GetProperty("value").GetDouble());
        Assert.Equal(12, rate.GetProperty("n").GetInt32());

        // Each agent's five answers reach the plan's minimum group of 5: Sam 4 of 5 rated 4-5, Alex 3 of 5. By channel,
        // phone's 5 show (3 of 5); email's 2 and chat's 3 are withheld, together 5, so phone cannot give them away.
        var csat = root.GetProperty("segments").EnumerateArray()
            .Where(s => s.GetProperty("kpi").GetString() == "csat")
            .ToDictionary(s => s.GetProperty("segment").GetString()!, s => s);
        Assert.Equal(80.0, csat["agent: Sam Lee"].GetProperty("value").GetDouble());
        Assert.Equal(5, csat["agent: Sam Lee"].GetProperty("n").GetInt32());
        Assert.Equal(60.0, csat["agent: Alex Kim"].GetProperty("value").GetDouble());
        Assert.Equal(60.0, csat["channel: phone"].GetProperty("value").GetDouble());
        Assert.Equal("not_enough_data", csat["channel: email"].GetProperty("status").GetString());
        Assert.Equal("not_enough_data", csat["channel: chat"].GetProperty("status").GetString());
    }
}
