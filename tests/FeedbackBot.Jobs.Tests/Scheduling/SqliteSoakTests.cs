using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FeedbackBot.Jobs.Tests.Scheduling;

/// <summary>
/// Hangfire's SQLite storage under load for several minutes (issue 14): a thousand short jobs, some at once and some
/// delayed, beside a plan whose cycle opens every minute and is reminded and closed within it. The storage has a
/// history of handing a job out twice; what must hold is that every effect happens exactly once and nothing is lost.
/// Run with <c>FEEDBACKBOT_SOAK=1 dotnet test tests/FeedbackBot.Jobs.Tests --filter Category=Soak</c>.
/// </summary>
public sealed class SqliteSoakTests(ITestOutputHelper output)
{
    private const int ShortJobs = 1_000;
    private const int Minutes = 4;
    private static readonly TimeSpan DelayedOver = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(10);

    [SoakFact]
    [Trait("Category", "Soak")]
    public async Task Server_ThousandJobsBesideAMinutelyPlanForMinutes_EveryEffectHappensExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await SchedulerHarness.MigrateAsync(database);
        await StoredPlans.AddAsync(db, "tick", "* * * * *");
        var bulk = await AddBookedCyclesAsync(db, ShortJobs);
        var isBulk = bulk.ToHashSet();
        var lifecycle = new SoakLifecycle(database);
        await using var harness = SchedulerHarness.Create(database, lifecycle);
        var started = DateTimeOffset.UtcNow;
        await harness.StartAsync();

        // Half due at once, half spread over the first minutes, booked from several threads as several requests would.
        await Task.WhenAll(Enumerable.Range(0, ShortJobs).Chunk(ShortJobs / 4).Select(chunk => Task.Run(() =>
        {
            foreach (var index in chunk)
            {
                var id = bulk[index];
                if (index % 2 == 0)
                {
                    harness.Jobs.Enqueue<CloseCycleJob>(job => job.RunAsync(id, "bulk", CancellationToken.None));
                }
                else
                {
                    harness.Jobs.Schedule<CloseCycleJob>(job => job.RunAsync(id, "bulk", CancellationToken.None), DelayedOver * index / ShortJobs);
                }
            }
        })));

        await Eventually.ThatAsync(
            () => Task.FromResult((Bulk: bulk.Count(lifecycle.Closed.ContainsKey), Ticks: TickCyclesClosed(lifecycle))),
            seen => seen.Bulk == ShortJobs && seen.Ticks >= Minutes,
            $"{ShortJobs} short jobs and {Minutes} minutely cycles to take effect",
            Bound);
        await harness.StopAsync();
        var elapsed = DateTimeOffset.UtcNow - started;

        var monitoring = harness.Storage.GetMonitoringApi();
        output.WriteLine($"Ran {elapsed.TotalMinutes:0.0} min. Short jobs: {lifecycle.CloseRuns.Where(r => isBulk.Contains(r.Key)).Sum(r => r.Value)} runs for {ShortJobs}. " +
            $"Minutely cycles opened: {lifecycle.Opened.Count}, open runs {lifecycle.OpenRuns.Values.Sum()}, remind runs {lifecycle.RemindRuns.Values.Sum()}, " +
            $"close runs {lifecycle.CloseRuns.Where(r => !isBulk.Contains(r.Key)).Sum(r => r.Value)}. Failed jobs: {monitoring.FailedCount()}.");

        Assert.All(bulk, id => Assert.Equal(1, lifecycle.Closed.GetValueOrDefault(id)));
        Assert.Equal(ShortJobs, await db.ReviewCycles.CountAsync(c => bulk.Contains(c.Id) && c.State == CycleState.Closed));
        var occurrences = lifecycle.OpenRuns.Keys.Order().ToList();
        Assert.Equal(
            Enumerable.Range(0, occurrences.Count).Select(i => occurrences[0].AddMinutes(i)),
            occurrences);
        Assert.All(occurrences, at => Assert.Equal(1, lifecycle.Opened.GetValueOrDefault(at)));
        Assert.All(lifecycle.Reminded.Values, n => Assert.Equal(1, n));
        Assert.All(lifecycle.Closed.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, monitoring.FailedCount());
    }

    private static int TickCyclesClosed(SoakLifecycle lifecycle) =>
        lifecycle.Closed.Count - lifecycle.Closed.Keys.Count(id => !lifecycle.Reminded.ContainsKey(id));

    private static async Task<List<Guid>> AddBookedCyclesAsync(FeedbackDbContext db, int count)
    {
        var planId = await StoredPlans.AddAsync(db, "bulk", cron: null);
        var version = await db.PlanVersions.Where(v => v.PlanId == planId).Select(v => v.Id).SingleAsync();
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var cycles = Enumerable.Range(0, count).Select(i => new ReviewCycle
        {
            Id = Guid.NewGuid(),
            PlanId = planId,
            PlanVersionId = version,
            StartsAt = start.AddDays(i),
            EndsAt = DateTime.UtcNow.AddDays(1),
            State = CycleState.Open,
            StepsBookedAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
        }).ToList();
        db.ReviewCycles.AddRange(cycles);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return [.. cycles.Select(c => c.Id)];
    }
}
