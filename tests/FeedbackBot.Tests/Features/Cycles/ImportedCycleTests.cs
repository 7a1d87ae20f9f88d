using System.Globalization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Adapters.Playground;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackBot.Tests.Features.Cycles;

/// <summary>
/// A cycle the command line opened (an import into dates that have not ended yet) lives the same life as a scheduled
/// one: the scheduler's plan sync finds it open with no close booked, books it, and the cycle closes and is reviewed
/// when its dates end. Only the clock is moved by hand.
/// </summary>
public sealed class ImportedCycleTests
{
    [Fact]
    public async Task ImportIntoOpenDates_ClockPassesTheirEnd_ClosedAndReviewedOnItsOwn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = ManualClock.FollowingRealTime();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        using var folder = new TempFolder();
        var at = clock.GetUtcNow().UtcDateTime.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var csv = folder.Write("responses.csv", $"""
            respondent_id,submitted_at,audience,segment,duration_seconds,responsiveness,reliability,empathy,resolution,communication,enps,comment
            a1,{at},staff,email,60,4,4,5,3,3,6,
            a2,{at},staff,phone,70,3,4,4,4,3,9,
            a3,{at},staff,email,80,5,4,4,3,4,7,
            """);
        var cycle = string.Create(CultureInfo.InvariantCulture, $"{today:yyyy-MM-dd}..{today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", Path.Combine(RepositoryPaths.ExamplePlans, "staff-pulse.yaml"))).ExitCode);
        var import = await CliRun.RunAsync(database, "import", "responses", csv, "--plan", "staff-pulse", "--cycle", cycle);
        Assert.Equal(0, import.ExitCode);
        var opened = await CycleAsync(database);
        Assert.Equal(CycleState.Open, opened.State);

        await using var app = await PlaygroundHost.StartAsync(
            CliRun.Settings(database), bot: null, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        DueJobs.Start(app.Services, clock.GetUtcNow());
        var close = await Eventually.ThatAsync(
            () => Task.FromResult(DueJobs.Scheduled(app.Services).Where(j => j.Name == "staff-pulse: close the cycle and post its review").ToList()),
            jobs => jobs.Count > 0,
            "the close to be booked",
            TimeSpan.FromSeconds(60));
        // Hangfire keeps times to the millisecond.
        Assert.Equal(opened.EndsAt, Assert.Single(close).EnqueueAt, TimeSpan.FromMilliseconds(1));

        DueJobs.JumpTo(clock, new DateTimeOffset(DateTime.SpecifyKind(opened.EndsAt, DateTimeKind.Utc)).AddSeconds(5), app.Services);
        await Eventually.ThatAsync(async () => (await CycleAsync(database)).State == CycleState.Reviewed, "the cycle to be reviewed", TimeSpan.FromSeconds(60));

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Reviews.CountAsync(r => r.CycleId == opened.Id));
    }

    private static async Task<ReviewCycle> CycleAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.ReviewCycles.AsNoTracking().SingleAsync();
    }
}
