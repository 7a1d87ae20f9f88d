using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Testing;

namespace FeedbackBot.Tests.Features.Reviews;

public sealed class ReviewTargetsTests
{
    private static readonly DateTime Now = new(2026, 10, 20, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task FindPlanAsync_KeyUsedInTwoTenants_FindsTheAskingTenantsPlan()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var (ours, ourPlan) = AddPlan(db, "contoso", "pulse");
        var (theirs, theirPlan) = AddPlan(db, "fabrikam", "pulse");
        await db.SaveChangesAsync();

        Assert.Equal(ourPlan.Id, (await db.FindPlanAsync(ours.Id, "pulse", CancellationToken.None))?.Id);
        Assert.Equal(theirPlan.Id, (await db.FindPlanAsync(theirs.Id, "pulse", CancellationToken.None))?.Id);
        Assert.Null(await db.FindPlanAsync(ours.Id, "other", CancellationToken.None));
    }

    [Fact]
    public async Task FindCycleAsync_NoDates_GivesTheLatestEndedCycleNotTheOneStillOpen()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var (_, plan) = AddPlan(db, "contoso", "pulse");
        var closed = AddCycle(db, plan, Day(5), Day(12), CycleState.Closed);
        AddCycle(db, plan, Day(19), Day(26), CycleState.Open);
        await db.SaveChangesAsync();

        var found = await db.FindCycleAsync(plan.Id, null, Now, CancellationToken.None);

        Assert.Equal(closed.Id, found?.Id);
    }

    [Fact]
    public async Task FindCycleAsync_NoDatesAndAnOpenCyclePastItsEnd_GivesThatCycle()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var (_, plan) = AddPlan(db, "contoso", "pulse");
        AddCycle(db, plan, Day(5), Day(12), CycleState.Closed);
        var ended = AddCycle(db, plan, Day(12), Day(19), CycleState.Open);
        await db.SaveChangesAsync();

        var found = await db.FindCycleAsync(plan.Id, null, Now, CancellationToken.None);

        Assert.Equal(ended.Id, found?.Id);
    }

    [Fact]
    public async Task FindCycleAsync_DatesOfACycleOpenedAtATimeOfDay_FindsItByTheDaysItCovers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var (_, plan) = AddPlan(db, "contoso", "pulse");
        var scheduled = AddCycle(db, plan, Day(5).AddHours(9), Day(12).AddHours(9), CycleState.Closed);
        await db.SaveChangesAsync();

        var byDays = await db.FindCycleAsync(plan.Id, CycleDates.Parse("2026-10-05..2026-10-12"), Now, CancellationToken.None);
        var otherDays = await db.FindCycleAsync(plan.Id, CycleDates.Parse("2026-10-06..2026-10-12"), Now, CancellationToken.None);

        Assert.Equal(scheduled.Id, byDays?.Id);
        Assert.Null(otherDays);
    }

    private static DateTime Day(int day) => new(2026, 10, day, 0, 0, 0, DateTimeKind.Utc);

    private static (Tenant Tenant, Plan Plan) AddPlan(FeedbackDbContext db, string tenantId, string key)
    {
        var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Local, ExternalId = tenantId, Name = tenantId, CreatedAt = Now };
        var plan = new Plan { Id = Guid.NewGuid(), TenantId = tenant.Id, Key = key, State = PlanState.Active, CurrentVersion = 1, CreatedAt = Now, UpdatedAt = Now };
        db.Tenants.Add(tenant);
        db.Plans.Add(plan);
        db.PlanVersions.Add(new PlanVersion { Id = Guid.NewGuid(), PlanId = plan.Id, Number = 1, Name = key, Definition = "{}", ContentHash = tenantId + key, CreatedAt = Now });
        return (tenant, plan);
    }

    private static ReviewCycle AddCycle(FeedbackDbContext db, Plan plan, DateTime startsAt, DateTime endsAt, CycleState state)
    {
        var version = db.PlanVersions.Local.Single(v => v.PlanId == plan.Id);
        var cycle = new ReviewCycle { Id = Guid.NewGuid(), PlanId = plan.Id, PlanVersionId = version.Id, StartsAt = startsAt, EndsAt = endsAt, State = state, CreatedAt = Now };
        db.ReviewCycles.Add(cycle);
        return cycle;
    }
}
