using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Outbox;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Infrastructure.Outbox;

/// <summary>
/// What the cycle lifecycle leaves in the database before the outbox sends: the staff pulse applied to a tenant,
/// an open cycle, people with a personal conversation each, their invitations and the outbox rows.
/// </summary>
internal static class OutboxSeed
{
    public static async Task ApplyStaffPulseAsync(IReadOnlyDictionary<string, string?> settings, string tenant)
    {
        var plans = await CliRun.RunAsync(settings, ["plans", "apply", "--tenant", tenant, .. Directory.GetFiles(RepositoryPaths.ExamplePlans, "staff-pulse.yaml")]);
        Assert.Equal(0, plans.ExitCode);
    }

    /// <summary>Opens a cycle of the tenant's only plan, now, for a week.</summary>
    public static async Task<ReviewCycle> OpenCycleAsync(TestDatabase database, string tenantExternalId)
    {
        await using var db = database.CreateContext();
        var plan = await db.Plans.SingleAsync(p => p.Tenant!.ExternalId == tenantExternalId);
        var version = await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersion);
        var now = DateTime.UtcNow;
        var cycle = new ReviewCycle
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            PlanVersionId = version.Id,
            StartsAt = now.AddMinutes(-1),
            EndsAt = now.AddDays(7),
            State = CycleState.Open,
            CreatedAt = now,
        };
        db.ReviewCycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle;
    }

    /// <summary>People with a personal conversation each (<c>a:person-N</c> at <paramref name="serviceUrl"/>), invited in the cycle.</summary>
    public static async Task<List<OutboxMessage>> InviteAsync(TestDatabase database, ReviewCycle cycle, int count, string? serviceUrl, OutboxKind kind = OutboxKind.Invitation)
    {
        await using var db = database.CreateContext();
        var tenantId = await db.Plans.Where(p => p.Id == cycle.PlanId).Select(p => p.TenantId).SingleAsync();
        var now = DateTime.UtcNow;
        var messages = new List<OutboxMessage>();
        var first = await db.People.CountAsync(p => p.TenantId == tenantId && p.ChannelUserId!.StartsWith("29:person-")) + 1;
        for (var i = first; i < first + count; i++)
        {
            var person = new Person { Id = Guid.NewGuid(), TenantId = tenantId, ChannelUserId = $"29:person-{i}", DisplayName = $"Person {i}", CreatedAt = now };
            db.People.Add(person);
            db.ConversationReferences.Add(new ConversationReference
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                PersonId = person.Id,
                ConversationId = $"a:person-{i}",
                ServiceUrl = serviceUrl,
                UpdatedAt = now,
            });
            db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), CycleId = cycle.Id, PersonId = person.Id, State = InvitationState.Pending, CreatedAt = now });
            messages.Add(OutboxRows.ToPerson(tenantId, kind, $"{(kind == OutboxKind.Reminder ? "remind" : "invite")}:{cycle.Id}:{person.Id}", person.Id, cycle.Id, now));
        }

        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }

    public static async Task<List<OutboxMessage>> QueuePostsAsync(TestDatabase database, Guid tenantId, TenantChannel channel, string conversation, params string[] texts)
    {
        await using var db = database.CreateContext();
        var now = DateTime.UtcNow;
        var target = new PostDestination(channel, conversation);
        var messages = texts
            .Select((text, i) => OutboxRows.ToChannel(tenantId, OutboxKind.WeeklySummary, $"weekly:{tenantId}:2026-W{i + 1:D2}:{target.Key}", target, null, text, now))
            .ToList();
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }

    /// <summary>Waits, at most <paramref name="seconds"/> on the real clock, until no row is left to send.</summary>
    public static async Task<List<OutboxMessage>> WaitUntilSentAsync(TestDatabase database, int seconds = 60)
    {
        return await Eventually.ThatAsync(
            async () =>
            {
                await using var db = database.CreateContext();
                return await db.Outbox.AsNoTracking().ToListAsync();
            },
            rows => rows.All(r => r.State is not (OutboxState.Pending or OutboxState.Sending or OutboxState.Transmitting)),
            "every outbox row to be sent",
            TimeSpan.FromSeconds(seconds));
    }
}
