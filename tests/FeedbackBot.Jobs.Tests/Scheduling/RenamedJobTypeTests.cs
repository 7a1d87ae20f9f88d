using FeedbackBot.Data;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Jobs.Tests.Scheduling;

public sealed class RenamedJobTypeTests
{
    [Fact]
    public async Task Start_CloseBookedBeforeTheJobsMovedNamespace_StillClosesTheCycle()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var cycleId = Guid.NewGuid();
        var lifecycle = new RecordingLifecycle();
        await using (var before = await SchedulerHarness.CreateAsync(database, lifecycle, SchedulerRole.Standby))
        {
            await CycleJobScheduling.ScheduleCloseAsync(before.Scheduler, cycleId, DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        }

        // The store as a bot released before the move left it: the job's class under its old name.
        var key = JobKeys.CloseCycle(cycleId);
        var rewritten = await db.Database.ExecuteSqlAsync(
            $"UPDATE QRTZ_JOB_DETAILS SET JOB_CLASS_NAME = 'FeedbackBot.Jobs.Jobs.CloseCycleJob, FeedbackBot.Jobs' WHERE JOB_NAME = {key.Name} AND JOB_GROUP = {key.Group}");
        Assert.Equal(1, rewritten);

        await using var after = await SchedulerHarness.CreateAsync(database, lifecycle);
        await after.Scheduler.Start();

        var calls = await lifecycle.WaitForAsync(c => c.Any(x => x.Method == "CloseCycleAsync"), TimeSpan.FromSeconds(15), "the close booked under the old name");
        Assert.Equal(cycleId, calls.Single(c => c.Method == "CloseCycleAsync").Id);
    }
}
