using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Data.Tests;

/// <summary>An improvement action's milestones are kept as given, numbered once within the action, and go with it.</summary>
public sealed class ActionMilestoneStorageTests
{
    private static readonly DateTime Start = new(2026, 12, 9, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SaveAndLoad_AnActionWithMilestones_RoundTripsEveryValue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid actionId;
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var action = Seed(db);
            action.Milestones.Add(Milestone(action, 1, "Train the team leads", new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 18)));
            action.Milestones.Add(Milestone(action, 2, "Roll the script out", new DateOnly(2027, 1, 10), null));
            actionId = action.Id;
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.ImprovementActions.Include(a => a.Milestones).SingleAsync(a => a.Id == actionId);
            Assert.Equal(
                [(1, "Train the team leads", new DateOnly(2026, 12, 20), (DateOnly?)new DateOnly(2026, 12, 18)), (2, "Roll the script out", new DateOnly(2027, 1, 10), null)],
                loaded.Milestones.OrderBy(m => m.Number).Select(m => (m.Number, m.Title, m.DueOn, m.DoneOn)));
            Assert.All(loaded.Milestones, m => Assert.Equal((Start, DateTimeKind.Utc), (m.CreatedAt, m.CreatedAt.Kind)));
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Save_TwoMilestonesWithOneNumberInAnAction_IsRejectedByTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var action = Seed(db);
        action.Milestones.Add(Milestone(action, 1, "Train the team leads", new DateOnly(2026, 12, 20), null));
        await db.SaveChangesAsync();

        db.ImprovementActionMilestones.Add(Milestone(action, 1, "Roll the script out", new DateOnly(2027, 1, 10), null));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task DeleteAction_WithMilestones_DeletesThemInTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid actionId;
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var action = Seed(db);
            action.Milestones.Add(Milestone(action, 1, "Train the team leads", new DateOnly(2026, 12, 20), null));
            actionId = action.Id;
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            // Deleted by SQL, not through tracked entities, so it is the database's own cascade that removes them.
            await db.ImprovementActions.Where(a => a.Id == actionId).ExecuteDeleteAsync();

            Assert.Equal(0, await db.ImprovementActionMilestones.CountAsync());
        }
    }

    private static ImprovementActionMilestone Milestone(ImprovementAction action, int number, string title, DateOnly dueOn, DateOnly? doneOn) => new()
    {
        Id = Guid.NewGuid(),
        ActionId = action.Id,
        Number = number,
        Title = title,
        DueOn = dueOn,
        DoneOn = doneOn,
        CreatedAt = Start,
    };

    private static ImprovementAction Seed(FeedbackDbContext db)
    {
        var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = "tid-1", Name = "Contoso", CreatedAt = Start };
        var plan = new Plan { Id = Guid.NewGuid(), TenantId = tenant.Id, Key = "pulse", CurrentVersion = 1, CreatedAt = Start, UpdatedAt = Start };
        var version = new PlanVersion
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            Number = 1,
            Name = "Pulse",
            Definition = "{}",
            ContentHash = new string('a', 64),
            CreatedAt = Start,
        };
        var cycle = new ReviewCycle
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            PlanVersionId = version.Id,
            StartsAt = Start.AddDays(-7),
            EndsAt = Start,
            State = CycleState.Closed,
            SampleSeed = 7,
            CreatedAt = Start,
        };
        var review = new StoredReview { Id = Guid.NewGuid(), PlanId = plan.Id, CycleId = cycle.Id, Document = "{}", CreatedAt = Start };
        var action = new ImprovementAction
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.Id,
            PlanId = plan.Id,
            Number = 1,
            ReviewId = review.Id,
            RecommendationId = "r1",
            RecommendationKey = "below_target|responsiveness||csat",
            Title = "Call back within a day",
            Metric = "csat",
            Direction = "higher",
            Owner = "amara.okafor@example.com",
            DueOn = new DateOnly(2027, 1, 31),
            Status = ImprovementActionStatus.Planned,
            CreatedAt = Start,
            UpdatedAt = Start,
            CreatedBy = "cli",
        };
        db.AddRange(tenant, plan, version, cycle, review, action);
        return action;
    }
}
