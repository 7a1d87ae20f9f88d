using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace FeedbackBot.Testing.Plans;

/// <summary>Plans written straight into a test database, as <c>plans apply</c>, pause and resume leave them.</summary>
public static class StoredPlans
{
    private static readonly DateTime Created = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<Guid> AddAsync(FeedbackDbContext db, string key, string? cron, string timeZone = "UTC", PlanState state = PlanState.Active)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.ExternalId == "local");
        if (tenant is null)
        {
            tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Local, ExternalId = "local", Name = "Local", CreatedAt = Created };
            db.Tenants.Add(tenant);
        }

        var plan = new Plan { Id = Guid.NewGuid(), TenantId = tenant.Id, Key = key, State = state, CurrentVersion = 1, CreatedAt = Created, UpdatedAt = Created };
        db.Plans.Add(plan);
        db.PlanVersions.Add(Version(plan, 1, key, cron, timeZone));
        await db.SaveChangesAsync();
        return plan.Id;
    }

    /// <summary>A new current version with another schedule, as applying a changed file does.</summary>
    public static async Task RescheduleAsync(FeedbackDbContext db, Guid planId, string? cron, string timeZone)
    {
        var plan = await db.Plans.SingleAsync(p => p.Id == planId);
        plan.CurrentVersion++;
        db.PlanVersions.Add(Version(plan, plan.CurrentVersion, plan.Key, cron, timeZone));
        await db.SaveChangesAsync();
    }

    public static async Task SetStateAsync(FeedbackDbContext db, Guid planId, PlanState state)
    {
        var plan = await db.Plans.SingleAsync(p => p.Id == planId);
        plan.State = state;
        await db.SaveChangesAsync();
    }

    public static async Task RemoveAsync(FeedbackDbContext db, Guid planId)
    {
        await db.PlanVersions.Where(v => v.PlanId == planId).ExecuteDeleteAsync();
        await db.Plans.Where(p => p.Id == planId).ExecuteDeleteAsync();
    }

    private static PlanVersion Version(Plan plan, int number, string key, string? cron, string timeZone)
    {
        var schedule = cron is null ? string.Empty : $"schedule:\n  cron: \"{cron}\"\n  time_zone: {timeZone}\n";
        var yaml = $"id: {key}\nname: {key}\naudiences: [customer]\nfeatures: [speed]\nquestions:\n  - id: q\n    text: Q?\n    type: rating5\n{schedule}";
        var parsed = PlanParser.Parse("plan.yaml", yaml, new PlanParserOptions(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var definition = PlanJson.Serialize(parsed.Plan!);
        return new PlanVersion
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            Number = number,
            Name = key,
            Definition = definition,
            ContentHash = PlanJson.ContentHash(parsed.Plan!),
            CreatedAt = Created,
        };
    }
}
