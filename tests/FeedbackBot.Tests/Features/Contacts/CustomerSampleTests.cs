using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Email;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.Cycles;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Contacts;

/// <summary>Which of a customer plan's contacts a cycle invites, and whom it reminds.</summary>
public sealed class CustomerSampleTests
{
    private const string Tenant = "teams:" + CycleRig.TenantExternalId;

    private static readonly EmailOptions EmailOn = new() { Host = "127.0.0.1", From = "care@example.com" };

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task OpenCycle_StratifiedCustomerPlan_DrawsEveryRegionInProportionFromThoseWhoCanBeWrittenTo(DatabaseProvider provider)
    {
        await using var rig = await CycleRig.StartAsync(provider, CustomerPlans.Plan(sample: "method: stratified\nby: region\nsize: 10"));
        // 10 in the north, 6 in the south, 4 in the midlands can be written to; C-11 in the north unsubscribed, and
        // two more in the north have no address.
        string[] regions = [.. Enumerable.Repeat("north", 11), .. Enumerable.Repeat("south", 6), .. Enumerable.Repeat("midlands", 4)];
        await CustomerPlans.ImportAsync(CliRun.Settings(rig.Database), CustomerPlans.Contacts(regions) + "N-1,,,,,north\nN-2,,,,,north\n", Tenant);
        await UnsubscribeAsync(rig.Database, "C-11");

        await using var db = rig.Database.CreateContext();
        await rig.Lifecycle(db, EmailOn).OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None);

        var invitations = await db.Invitations.AsNoTracking().Include(i => i.Contact).ToListAsync();
        Assert.Equal(
            [("midlands", 2), ("north", 5), ("south", 3)],
            invitations.GroupBy(i => i.Segment!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
        Assert.DoesNotContain(invitations, i => i.Contact!.ContactKey is "C-11" or "N-1" or "N-2");
        Assert.All(invitations, i => Assert.Equal(
            ("email", "Priya", "phone", "T-" + i.Contact!.ContactKey[2..], (Guid?)null, InvitationState.Pending),
            (i.Via, i.Agent, i.InteractionChannel, i.InteractionId, i.PersonId, i.State)));
        var rows = await db.Outbox.AsNoTracking().ToListAsync();
        Assert.Equal(invitations.Select(i => $"email-invite:{i.Id:N}").Order(), rows.Select(r => r.DedupeKey).Order());
        Assert.All(rows, r => Assert.Equal(OutboxKind.EmailInvitation, r.Kind));
    }

    [Fact]
    public async Task OpenCycle_ContactsAskedWithinTheFatigueWindow_AreLeftOutUntilItHasPassed()
    {
        await using var rig = await CycleRig.StartAsync(DatabaseProvider.Sqlite, CustomerPlans.Plan(minDays: 10));
        await CustomerPlans.ImportAsync(CliRun.Settings(rig.Database), CustomerPlans.Contacts("north", "south", "north", "midlands"), Tenant);

        var invited = new List<int>();
        foreach (var week in new[] { 0, 1, 2 })
        {
            rig.Clock.AdvanceTo(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero).AddDays(7 * week));
            await using var db = rig.Database.CreateContext();
            var cycle = await rig.Lifecycle(db, EmailOn).OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None);
            invited.Add(await db.Invitations.CountAsync(i => i.CycleId == cycle!.CycleId));
        }

        // Asked on the 7th; on the 14th only 7 days have passed, on the 21st 14.
        Assert.Equal([4, 0, 4], invited);
    }

    [Fact]
    public async Task OpenCycle_StratifiedWithFatigue_NextWeekDrawsByRegionFromThoseNotAskedYet()
    {
        await using var rig = await CycleRig.StartAsync(DatabaseProvider.Sqlite, CustomerPlans.Plan(sample: "method: stratified\nby: region\nsize: 4", minDays: 10));
        await CustomerPlans.ImportAsync(CliRun.Settings(rig.Database), CustomerPlans.Contacts("north", "south", "north", "south", "north", "south", "north", "south"), Tenant);

        var weeks = new List<List<(string Contact, string Region)>>();
        foreach (var week in new[] { 0, 1 })
        {
            rig.Clock.AdvanceTo(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero).AddDays(7 * week));
            await using var db = rig.Database.CreateContext();
            var cycle = await rig.Lifecycle(db, EmailOn).OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None);
            var drawn = await db.Invitations.Where(i => i.CycleId == cycle!.CycleId).Select(i => new { i.Contact!.ContactKey, i.Segment }).ToListAsync();
            weeks.Add([.. drawn.Select(i => (i.ContactKey, i.Segment!))]);
        }

        Assert.All(weeks, week => Assert.Equal(["north", "north", "south", "south"], week.Select(i => i.Region).Order(StringComparer.Ordinal)));
        Assert.Empty(weeks[0].Select(i => i.Contact).Intersect(weeks[1].Select(i => i.Contact)));
        Assert.Equal(8, weeks.SelectMany(w => w).Select(i => i.Contact).Distinct().Count());
    }

    [Fact]
    public async Task OpenCycle_EmailOff_InvitationsRecordedWithNothingQueued()
    {
        await using var rig = await CycleRig.StartAsync(DatabaseProvider.Sqlite, CustomerPlans.Plan());
        await CustomerPlans.ImportAsync(CliRun.Settings(rig.Database), CustomerPlans.Contacts("north", "south"), Tenant);

        await using var db = rig.Database.CreateContext();
        await rig.Lifecycle(db).OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal([InvitationState.Pending, InvitationState.Pending], await db.Invitations.Select(i => i.State).ToListAsync());
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Remind_CustomersWhoHaveNotAnswered_OneReminderEachAfterTheirEmailAndNoneAfterTheCycle(DatabaseProvider provider)
    {
        await using var rig = await CycleRig.StartAsync(provider, CustomerPlans.Plan(reminders: "count: 3\n  every: 2d"));
        await CustomerPlans.ImportAsync(CliRun.Settings(rig.Database), CustomerPlans.Contacts("north", "south", "midlands"), Tenant);
        var opened = rig.Clock.GetUtcNow();
        var cycleId = (await WithLifecycleAsync(rig, l => l.OpenCycleAsync(rig.PlanId, opened, CancellationToken.None)))!.CycleId;
        // C-1's e-mail went out and C-2's too, but C-2 answered; C-3's has not gone out yet.
        await SetAsync(rig.Database, "C-1", InvitationState.Sent, opened.UtcDateTime);
        await SetAsync(rig.Database, "C-2", InvitationState.Answered, opened.UtcDateTime);

        rig.Clock.Advance(TimeSpan.FromDays(2).Add(TimeSpan.FromMinutes(1)));
        var next = await WithLifecycleAsync(rig, l => l.RemindAsync(cycleId, CancellationToken.None));
        Assert.Equal(["C-1"], await RemindedAsync(rig.Database));
        Assert.Equal(rig.Clock.GetUtcNow() + TimeSpan.FromDays(2), next);

        // C-3's e-mail goes out late, on day 5: its reminder would fall due after the cycle has ended.
        rig.Clock.Advance(TimeSpan.FromDays(3));
        await SetAsync(rig.Database, "C-3", InvitationState.Sent, rig.Clock.GetUtcNow().UtcDateTime);
        Assert.Null(await WithLifecycleAsync(rig, l => l.RemindAsync(cycleId, CancellationToken.None)));
        rig.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Null(await WithLifecycleAsync(rig, l => l.RemindAsync(cycleId, CancellationToken.None)));

        Assert.Equal(["C-1"], await RemindedAsync(rig.Database));
    }

    private static async Task<T> WithLifecycleAsync<T>(CycleRig rig, Func<FeedbackBot.Features.Cycles.CycleLifecycle, Task<T>> action)
    {
        await using var db = rig.Database.CreateContext();
        return await action(rig.Lifecycle(db, EmailOn));
    }

    private static async Task UnsubscribeAsync(TestDatabase database, string contactKey)
    {
        await using var db = database.CreateContext();
        var contact = await db.Contacts.SingleAsync(c => c.ContactKey == contactKey);
        db.EmailSuppressions.Add(new EmailSuppression { TenantId = contact.TenantId, EmailHash = contact.EmailHash!, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    private static async Task SetAsync(TestDatabase database, string contactKey, InvitationState state, DateTime sentAt)
    {
        await using var db = database.CreateContext();
        await db.Invitations.Where(i => i.Contact!.ContactKey == contactKey)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, state).SetProperty(i => i.SentAt, sentAt));
    }

    private static async Task<List<string>> RemindedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.Outbox.Where(m => m.Kind == OutboxKind.EmailReminder).ToListAsync();
        var invitations = await db.Invitations.Include(i => i.Contact).ToDictionaryAsync(i => i.Id);
        Assert.All(rows, r => Assert.Equal($"email-remind:{r.InvitationId:N}:1", r.DedupeKey));
        return [.. rows.Select(r => invitations[r.InvitationId!.Value].Contact!.ContactKey).Order(StringComparer.Ordinal)];
    }
}
