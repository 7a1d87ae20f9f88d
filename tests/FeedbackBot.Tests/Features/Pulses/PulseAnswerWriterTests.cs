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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TeamsInvoke_CycleClosedBeforeItsEnd_NewAnswerToldClosedAndEarlierAnswerThankedAgain(DatabaseProvider provider)
    {
        await using var rig = await TeamsRig.StartAsync(provider: provider);
        var data = (await rig.StartStaffPulseAsync())["actions"]![0]!["data"]!;
        var value = TeamsRig.PulseSubmission(data, ("responsiveness", "4"), ("reliability", "4"), ("empathy", "5"), ("resolution", "3"), ("communication", "4"), ("enps", "9"));
        using var first = await rig.PostAsync(From(rig.Invoke("inv-1", value), 1), rig.Token());
        Assert.Contains("Thank", await first.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        await using (var db = rig.Database.CreateContext())
        {
            // As a close does first, while the cycle's window is still open.
            await db.ReviewCycles.ExecuteUpdateAsync(set => set.SetProperty(c => c.State, CycleState.Closed));
        }

        using var again = await rig.PostAsync(From(rig.Invoke("inv-1b", value), 1), rig.Token());
        using var late = await rig.PostAsync(From(rig.Invoke("inv-2", value), 2), rig.Token());

        Assert.Contains("Thank", await again.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("has closed; answers are no longer taken", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountResponsesAsync());
    }

    [Fact]
    public async Task TeamsInvoke_CycleNotOpenYet_ToldWhenItOpensAndNothingStored()
    {
        await using var rig = await TeamsRig.StartAsync();
        var data = (await rig.StartStaffPulseAsync())["actions"]![0]!["data"]!;
        var opens = DateTime.UtcNow.Date.AddDays(3);
        await using (var db = rig.Database.CreateContext())
        {
            await db.ReviewCycles.ExecuteUpdateAsync(set => set.SetProperty(c => c.StartsAt, opens));
        }

        var value = TeamsRig.PulseSubmission(data, ("responsiveness", "4"), ("reliability", "4"), ("empathy", "5"), ("resolution", "3"), ("communication", "4"), ("enps", "9"));
        using var early = await rig.PostAsync(From(rig.Invoke("inv-early", value), 2), rig.Token());

        var expected = $"opens on {opens.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}; answers are taken from then.";
        Assert.Contains(expected, await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await rig.CountResponsesAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task StoreAsync_AGoodAnswerADuplicateAndOneForNoCycleAtOnce_StoredNotAgainAndNotOpen(DatabaseProvider provider)
    {
        await using var rig = await TeamsRig.StartAsync(provider: provider);
        await rig.StartStaffPulseAsync();
        await using var writer = Writer(rig);
        var (cycleId, adminId, question) = await PulseAsync(rig);
        var now = new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

        var good = writer.StoreAsync(Answer(cycleId, "key-a", now, question), adminId, now);
        var again = writer.StoreAsync(Answer(cycleId, "key-a", now, question), adminId, now);
        var orphan = writer.StoreAsync(Answer(Guid.NewGuid(), "key-b", now, question), adminId, now);
        var other = writer.StoreAsync(Answer(cycleId, "key-c", now, question), Guid.NewGuid(), now);

        Assert.Equal(StoreOutcome.Stored, await good);
        Assert.Equal(StoreOutcome.AlreadyStored, await again);
        Assert.Equal(StoreOutcome.CycleNotOpen, await orphan);
        Assert.Equal(StoreOutcome.Stored, await other);
        await using var db = rig.Database.CreateContext();
        Assert.Equal(["key-a", "key-c"], await db.Responses.OrderBy(r => r.IdempotencyKey).Select(r => r.IdempotencyKey).ToListAsync());
        // Each stored response has its answer, and the admin's invitation (the only one) is marked once, at the time given.
        Assert.Equal(2, await db.Set<Answer>().CountAsync(a => a.QuestionId == question && a.Value == "4" && a.Number == 4));
        var invitation = await db.Invitations.SingleAsync();
        Assert.Equal((InvitationState.Answered, now), (invitation.State, invitation.AnsweredAt!.Value.ToUniversalTime()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task StoreAsync_CycleClosedBeforeItsEnd_NothingStoredAndNotOpen(DatabaseProvider provider)
    {
        await using var rig = await TeamsRig.StartAsync(provider: provider);
        await rig.StartStaffPulseAsync();
        await using var writer = Writer(rig);
        var (cycleId, adminId, question) = await PulseAsync(rig);
        await using (var db = rig.Database.CreateContext())
        {
            await db.ReviewCycles.ExecuteUpdateAsync(set => set.SetProperty(c => c.State, CycleState.Closed));
        }

        var now = new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(StoreOutcome.CycleNotOpen, await writer.StoreAsync(Answer(cycleId, "key-a", now, question), adminId, now));
        Assert.Equal(0, await rig.CountResponsesAsync());
        await using var check = rig.Database.CreateContext();
        var invitation = await check.Invitations.SingleAsync();
        Assert.NotEqual(InvitationState.Answered, invitation.State);
        Assert.Null(invitation.AnsweredAt);
    }

    private static PulseAnswerWriter Writer(TeamsRig rig) =>
        new(new PooledDbContextFactory<FeedbackDbContext>(FeedbackDatabase.CreateOptions(rig.Database.Provider, rig.Database.ConnectionString)));

    private static async Task<(Guid CycleId, Guid AdminId, Guid QuestionId)> PulseAsync(TeamsRig rig)
    {
        await using var db = rig.Database.CreateContext();
        var cycle = await db.ReviewCycles.SingleAsync();
        var invitation = await db.Invitations.SingleAsync();
        var question = await db.PlanQuestions.Where(q => q.PlanVersionId == cycle.PlanVersionId && q.Key == "responsiveness").Select(q => q.Id).SingleAsync();
        return (cycle.Id, invitation.PersonId!.Value, question);
    }

    private static Response Answer(Guid cycleId, string key, DateTime at, Guid question)
    {
        var response = new Response
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
        response.Answers.Add(new Answer { QuestionId = question, Value = "4", Number = 4 });
        return response;
    }

    private static JsonObject From(JsonObject invoke, int person)
    {
        invoke["from"] = new JsonObject { ["id"] = "29:user-" + person, ["name"] = "Person " + person };
        invoke["conversation"]!["id"] = "a:conv-" + person;
        return invoke;
    }
}
