using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;
using FeedbackBot.Tests.Infrastructure.Outbox;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Faults;

/// <summary>
/// The bot process killed outright (SIGKILL: no shutdown, no last write) in the middle of a 2,000-invitation fan-out
/// on PostgreSQL, then started again: every person gets their invitation exactly once. From the 600th send on, the
/// fake Connector accepts sends without answering them, as a platform that has taken a message but not yet said so;
/// the bot is killed once every send slot is taken by such a send, so each message it had begun to transmit has
/// arrived, and none may go again. (A send claimed but still waiting for the platform's pace is put back and sent
/// after the restart; OutboxDispatcherTests show that case on its own.)
/// </summary>
[Collection(FaultTests.Name)]
public sealed class KilledFanOutTests
{
    private const int Tenants = 4;
    private const int PeoplePerTenant = 500;
    private const int KillAfter = 600;
    private const int Parallelism = 32;

    [Fact]
    public async Task FanOut_BotKilledMidwayAndRestarted_EveryPersonInvitedExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        await using var tokens = await FakeTokenEndpoint.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var settings = TeamsSettings.For(database, identity, tokens);
        var tenantIds = Enumerable.Range(1, Tenants).Select(i => $"00000000-0000-4000-8000-00000000000{i}").ToList();
        await using (var db = await database.CreateMigratedContextAsync())
        {
            db.Tenants.AddRange(tenantIds.Select(id => new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = id, Name = id, CreatedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        }

        foreach (var tenant in tenantIds)
        {
            await OutboxSeed.ApplyStaffPulseAsync(settings, "teams:" + tenant);
            var cycle = await OutboxSeed.OpenCycleAsync(database, tenant);
            await OutboxSeed.InviteAsync(database, cycle, PeoplePerTenant, connector.ServiceUrl);
        }

        var neverAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = 1;
        var parked = 0;
        var allSlotsParked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connector.WhileAnswering = async _ =>
        {
            if (Volatile.Read(ref holding) == 1 && connector.Deliveries.Count >= KillAfter)
            {
                if (Interlocked.Increment(ref parked) == Parallelism)
                {
                    allSlotsParked.TrySetResult();
                }

                await neverAnswered.Task;
            }
        };

        var environment = Environment(settings);
        using var folder = new TempFolder();
        var first = BotProcess.Start(folder.Path, environment);
        try
        {
            // Every one of the bot's send slots holds a send the platform has received and not answered: nothing
            // else of the bot's is under way, and nothing it had begun to transmit is still on its way.
            await allSlotsParked.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
        finally
        {
            // Process.Kill is SIGKILL on Linux: the process gets no chance to record anything.
            await first.DisposeAsync();
        }

        var deliveredBeforeKill = connector.Deliveries.Count;
        Volatile.Write(ref holding, 0);
        neverAnswered.TrySetResult();
        var statesAtKill = await StatesAsync(database);

        await using var second = BotProcess.Start(folder.Path, environment);
        var final = await Eventually.ThatAsync(
            () => StatesAsync(database),
            states => states.Keys.All(s => s is not (OutboxState.Pending or OutboxState.Sending or OutboxState.Transmitting)),
            "every invitation to be sent or settled after the restart",
            TimeSpan.FromSeconds(180));

        var delivered = connector.Deliveries.Select(d => (d.TenantId, d.ConversationId)).ToList();
        var expected = tenantIds.SelectMany(t => Enumerable.Range(1, PeoplePerTenant).Select(i => ((string?)t, $"a:person-{i}"))).ToHashSet();
        var context = $"delivered before the kill {deliveredBeforeKill}; states at the kill: {Describe(statesAtKill)}; after: {Describe(final)}\n{second.Output}";
        Assert.True(deliveredBeforeKill >= KillAfter && deliveredBeforeKill < Tenants * PeoplePerTenant, context);
        Assert.True(delivered.Count == delivered.Distinct().Count(), "someone was invited twice: " + context);
        Assert.True(expected.SetEquals(delivered), $"missed {expected.Except(delivered).Count()}, unexpected {delivered.Except(expected).Count()}: {context}");
        // The sends the platform had taken when the bot died are the only ones it cannot confirm.
        Assert.Equal(Parallelism, final.GetValueOrDefault(OutboxState.Uncertain));
        Assert.Equal(Tenants * PeoplePerTenant - Parallelism, final.GetValueOrDefault(OutboxState.Sent));
    }

    private static Dictionary<string, string> Environment(Dictionary<string, string?> settings)
    {
        var environment = settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["URLS"] = $"http://127.0.0.1:{BotProcess.FreePort()}";
        environment["Outbox__Parallelism"] = Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Outbox__ClaimLifetime"] = "00:00:10";
        environment["Outbox__SendLeaseLifetime"] = "00:00:10";
        environment["Outbox__SweepInterval"] = "00:00:01";
        environment["Logging__LogLevel__Default"] = "Warning";
        return environment;
    }

    private static async Task<Dictionary<OutboxState, int>> StatesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.Outbox.AsNoTracking().Select(m => m.State).ToListAsync()).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
    }

    private static string Describe(Dictionary<OutboxState, int> states) => string.Join(", ", states.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"));
}
