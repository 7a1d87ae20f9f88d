using System.Net;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Pulses;
using FeedbackBot.Tests.Adapters.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FeedbackBot.Tests.Features.Pulses;

/// <summary>
/// Pulse answers arriving together are stored together, each with its own outcome: stored, already stored (a
/// redelivery), or the failure that kept it out, which keeps no other answer out.
/// </summary>
public sealed class PulseAnswerWriterTests
{
    [Fact]
    public async Task TeamsInvoke_TwentyPeopleAnswerAtOnceAndOneTwice_TwentyAnswersEachThankedAndTheInvitationMarked()
    {
        await using var rig = await TeamsRig.StartAsync();
        var data = (await rig.StartStaffPulseAsync())["actions"]![0]!["data"]!;
        var value = TeamsRig.PulseSubmission(data, ("responsiveness", "4"), ("reliability", "4"), ("empathy", "5"), ("resolution", "3"), ("communication", "4"), ("enps", "9"));
        var invokes = Enumerable.Range(1, 20).Select(i => From(rig.Invoke("inv-" + i, value), i)).Append(From(rig.Invoke("inv-5", value), 5));

        var responses = await Task.WhenAll(invokes.Select(invoke => rig.PostAsync(invoke, rig.Token())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var body in await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())))
        {
            Assert.Contains("Thank", body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(20, await rig.CountResponsesAsync());
        await using var db = rig.Database.CreateContext();
        // The admin (user 1) was the one person invited; their invitation now says they answered.
        Assert.Equal(InvitationState.Answered, Assert.Single(await db.Invitations.ToListAsync()).State);
    }

    [Fact]
    public async Task StoreAsync_AGoodAnswerADuplicateAndOneForNoCycleAtOnce_StoredNotAgainAndTheFailureToItsCallerAlone()
    {
        await using var rig = await TeamsRig.StartAsync();
        await rig.StartStaffPulseAsync();
        Guid cycleId;
        await using (var db = rig.Database.CreateContext())
        {
            cycleId = (await db.ReviewCycles.SingleAsync()).Id;
        }

        await using var writer = new PulseAnswerWriter(new PooledDbContextFactory<FeedbackDbContext>(FeedbackDatabase.CreateOptions(rig.Database.Provider, rig.Database.ConnectionString)));
        var now = new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

        var good = writer.StoreAsync(Answer(cycleId, "key-a", now), null, now);
        var again = writer.StoreAsync(Answer(cycleId, "key-a", now), null, now);
        var orphan = writer.StoreAsync(Answer(Guid.NewGuid(), "key-b", now), null, now);
        var other = writer.StoreAsync(Answer(cycleId, "key-c", now), null, now);

        Assert.True(await good);
        Assert.False(await again);
        await Assert.ThrowsAsync<DbUpdateException>(() => orphan);
        Assert.True(await other);
        Assert.Equal(2, await rig.CountResponsesAsync());
    }

    private static Response Answer(Guid cycleId, string key, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        CycleId = cycleId,
        RespondentKey = key,
        IdempotencyKey = key,
        Audience = Audience.Staff,
        Method = CollectionMethod.Survey,
        SubmittedAt = at,
        ReceivedAt = at,
    };

    private static JsonObject From(JsonObject invoke, int person)
    {
        invoke["from"] = new JsonObject { ["id"] = "29:user-" + person, ["name"] = "Person " + person };
        invoke["conversation"]!["id"] = "a:conv-" + person;
        return invoke;
    }
}
