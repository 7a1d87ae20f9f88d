using System.Security.Cryptography;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Sampling;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Outbox;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;
using ReviewCycle = FeedbackBot.Data.Entities.ReviewCycle;

namespace FeedbackBot.Features.Cycles;

/// <summary>
/// The steps of a plan's cycle as the scheduled jobs run them: open (draw the sample of staff, and of a customer
/// plan's contacts through <see cref="CustomerSample"/>; record and queue the invitations), remind those who have not
/// answered, close (review, and queue the summary for the plan's channels),
/// and the weekly summary. Each step writes what is to be sent to the outbox in the same transaction as the state it
/// belongs to, so nothing is recorded without being queued; each can run again without doing anything twice.
/// </summary>
internal sealed partial class CycleLifecycle(
    FeedbackDbContext db,
    ReviewPosts posts,
    CustomerSample customers,
    IOutboxSignal outbox,
    TimeProvider clock,
    ILogger<CycleLifecycle> log) : ICycleLifecycle
{
    private async Task<OpenedCycle?> OpenAsync(Guid planId, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || plan.State != PlanState.Active)
        {
            return null;
        }

        var startsAt = scheduledFor.UtcDateTime;
        var existing = await db.ReviewCycles.SingleOrDefaultAsync(c => c.PlanId == planId && c.StartsAt == startsAt, cancellationToken);
        if (existing is not null)
        {
            // This occurrence was opened before (the job ran again after a crash): the same cycle, nothing new.
            return Opened(existing, await DefinitionAsync(existing.PlanVersionId, cancellationToken));
        }

        var version = await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersion, cancellationToken);
        var definition = PlanJson.Deserialize(version.Definition);
        var now = clock.GetUtcNow().UtcDateTime;
        var cycle = NewCycle(plan, version, definition, startsAt, now);
        db.ReviewCycles.Add(cycle);

        if (definition.Questions.Any(q => q.Audience == Audience.Staff))
        {
            var draw = await DrawAsync(plan, definition, cycle, cancellationToken);
            foreach (var personId in draw.SelectedIds.Select(Guid.Parse))
            {
                db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), CycleId = cycle.Id, PersonId = personId, State = InvitationState.Pending, CreatedAt = now });
                db.Outbox.Add(OutboxRows.ToPerson(plan.TenantId, OutboxKind.Invitation, $"invite:{cycle.Id:N}:{personId:N}", personId, cycle.Id, now));
            }

            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation(
                "Opened a cycle of {Plan}: {Invited} invited of {Population}, {Excluded} left out for having been asked recently, seed {Seed}",
                plan.Key, draw.SelectedIds.Count, draw.Strata.Sum(s => s.Population), draw.ExcludedForFatigue, draw.Seed);
            }
        }

        if (CustomerSample.AppliesTo(definition))
        {
            await customers.InviteAsync(plan, definition, cycle, now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance opened the same occurrence at the same moment: one cycle, one set of invitations.
            var other = await OccurrenceOpenedAsync(planId, startsAt, cancellationToken);
            if (other is null)
            {
                throw;
            }

            return Opened(other, definition);
        }

        outbox.Notify();
        return Opened(cycle, definition);
    }

    /// <summary>
    /// <c>start pulse</c>: the plan's cycle open now (or a new one from now, as long as the plan says), opened to
    /// everyone in the tenant the bot can reach, with an invitation queued in the outbox for each of them not asked
    /// in it yet. The cycle is the same kind as a scheduled one: the caller books its reminders and close from what
    /// this returns, exactly as the open job does. Null when the plan is paused or gone.
    /// </summary>
    public Task<StartedPulse?> StartPulseAsync(Guid planId, CancellationToken cancellationToken) =>
        StartPulseAsync(planId, retried: false, cancellationToken);

    private async Task<StartedPulse?> StartPulseAsync(Guid planId, bool retried, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || plan.State != PlanState.Active)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cycle = await db.ReviewCycles
            .Where(c => c.PlanId == planId && c.State == CycleState.Open && c.StartsAt <= now && c.EndsAt > now)
            .OrderByDescending(c => c.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        var opened = cycle is null;
        MeasurementPlan definition;
        if (cycle is null)
        {
            var version = await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersion, cancellationToken);
            definition = PlanJson.Deserialize(version.Definition);
            cycle = NewCycle(plan, version, definition, now, now);
            db.ReviewCycles.Add(cycle);
        }
        else
        {
            definition = await DefinitionAsync(cycle.PlanVersionId, cancellationToken);
        }

        cycle.OpenToEveryoneSince ??= now;
        var asked = await db.Invitations.Where(i => i.CycleId == cycle.Id && i.PersonId != null).Select(i => i.PersonId!.Value).ToListAsync(cancellationToken);
        var invite = (await ReachableAsync(plan.TenantId, cancellationToken)).Except(asked).ToList();
        foreach (var personId in invite)
        {
            db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), CycleId = cycle.Id, PersonId = personId, State = InvitationState.Pending, CreatedAt = now });
            db.Outbox.Add(OutboxRows.ToPerson(plan.TenantId, OutboxKind.Invitation, $"invite:{cycle.Id:N}:{personId:N}", personId, cycle.Id, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!retried)
        {
            // Another start pulse (or the cycle's own open) wrote the same cycle or invitations at the same moment:
            // start again from what it stored, which asks only those it did not.
            db.ChangeTracker.Clear();
            return await StartPulseAsync(planId, retried: true, cancellationToken);
        }

        outbox.Notify();
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Pulse of {Plan} started: {Invited} invited, {Asked} asked before, cycle {Cycle}", plan.Key, invite.Count, asked.Count, cycle.Id);
        }

        return new StartedPulse(Opened(cycle, definition), opened, invite.Count, asked.Count);
    }

    private async Task<ReviewCycle?> OccurrenceOpenedAsync(Guid planId, DateTime startsAt, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.ReviewCycles.AsNoTracking().SingleOrDefaultAsync(c => c.PlanId == planId && c.StartsAt == startsAt, cancellationToken);
    }

    private async Task<DateTimeOffset?> RemindAsync(Guid cycleId, bool retried, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (cycle is null || cycle.State != CycleState.Open || now >= cycle.EndsAt)
        {
            return null;
        }

        var plan = await db.Plans.SingleAsync(p => p.Id == cycle.PlanId, cancellationToken);
        var reminders = (await DefinitionAsync(cycle.PlanVersionId, cancellationToken)).Reminders;
        if (reminders.Count == 0)
        {
            return null;
        }

        var waiting = await db.Invitations
            .Where(i => i.CycleId == cycleId && i.PersonId != null && (i.State == InvitationState.Pending || i.State == InvitationState.Sent) && i.RemindersSent < reminders.Count)
            .ToListAsync(cancellationToken);
        foreach (var invitation in waiting.Where(i => DueAt(i, reminders) <= now))
        {
            invitation.RemindersSent++;
            invitation.LastRemindedAt = now;
            db.Outbox.Add(OutboxRows.ToPerson(plan.TenantId, OutboxKind.Reminder, $"remind:{cycleId:N}:{invitation.PersonId:N}:{invitation.RemindersSent}", invitation.PersonId!.Value, cycleId, now));
        }

        // Customers asked by e-mail get one reminder of their own, timed from when their e-mail went out.
        var customersNext = await customers.RemindAsync(plan.TenantId, cycle, reminders, now, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!retried)
        {
            // Another reminder run queued the same reminders at the same moment (their keys are unique): read again.
            db.ChangeTracker.Clear();
            return await RemindAsync(cycleId, retried: true, cancellationToken);
        }

        outbox.Notify();
        var next = waiting.Where(i => i.RemindersSent < reminders.Count).Select(i => DueAt(i, reminders)).Where(at => at < cycle.EndsAt).DefaultIfEmpty(DateTime.MaxValue).Min();
        if (customersNext < next)
        {
            next = customersNext.Value;
        }

        return next == DateTime.MaxValue ? null : new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    private async Task CloseAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null)
        {
            return;
        }

        // Reviewed once, however many closes run at the same moment (a scheduler may start a job twice): the close
        // that claims the cycle builds the review and marks it reviewed in one transaction, so the others wait for it
        // and find the review, and a close cut short leaves the cycle as it was for the next one. A later run only
        // makes sure the review's posts are queued.
        var stored = await db.Reviews.Where(r => r.CycleId == cycleId).OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The state alone decides: a close waiting on this row reads it again once the winner commits, and by
            // then it says Reviewed.
            var won = await db.ReviewCycles
                .Where(c => c.Id == cycleId && c.State != CycleState.Reviewed)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.State, CycleState.Closed), cancellationToken);
            if (won == 1)
            {
                await db.Entry(cycle).ReloadAsync(cancellationToken);
                stored = (await CreateReview.RunAsync(db, cycle, clock, cancellationToken)).Stored;
                cycle.State = CycleState.Reviewed;
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            stored ??= await db.Reviews.Where(r => r.CycleId == cycleId).OrderByDescending(r => r.CreatedAt).FirstAsync(cancellationToken);
        }

        cycle.State = CycleState.Reviewed;
        var plan = await db.Plans.Include(p => p.Tenant).SingleAsync(p => p.Id == cycle.PlanId, cancellationToken);
        var definition = await DefinitionAsync(cycle.PlanVersionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var target in await posts.TargetsAsync(plan.Tenant!, definition, cancellationToken))
        {
            await OutboxRows.AddOnceAsync(db, OutboxRows.ToChannel(plan.TenantId, OutboxKind.Review, $"review:{stored.Id:N}:{target.Key}", target, stored.Id, null, now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Closed and reviewed a cycle of {Plan}", plan.Key);
        }
    }

    private async Task QueueWeeklySummariesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var week = $"{System.Globalization.ISOWeek.GetYear(now.UtcDateTime)}-W{System.Globalization.ISOWeek.GetWeekOfYear(now.UtcDateTime):D2}";
        var plans = await db.Plans.Include(p => p.Tenant).Where(p => p.State == PlanState.Active).ToListAsync(cancellationToken);
        foreach (var plan in plans)
        {
            if (await posts.WeeklySummaryAsync(plan, now.UtcDateTime, today, cancellationToken) is not { } text)
            {
                continue;
            }

            var definition = await DefinitionAsync((await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersion, cancellationToken)).Id, cancellationToken);
            foreach (var target in await posts.TargetsAsync(plan.Tenant!, definition, cancellationToken))
            {
                await OutboxRows.AddOnceAsync(db, OutboxRows.ToChannel(plan.TenantId, OutboxKind.WeeklySummary, $"weekly:{plan.Id:N}:{week}:{target.Key}", target, null, text, now.UtcDateTime), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
    }

    public async Task<IReadOnlyList<OpenedCycle>> OpenCyclesAsync(CancellationToken cancellationToken)
    {
        var open = await (from c in db.ReviewCycles.AsNoTracking()
                          join v in db.PlanVersions.AsNoTracking() on c.PlanVersionId equals v.Id
                          where c.State == CycleState.Open
                          select new { Cycle = c, v.Definition }).ToListAsync(cancellationToken);
        return [.. open.OrderBy(o => o.Cycle.EndsAt).Select(o => Opened(o.Cycle, PlanJson.Deserialize(o.Definition)))];
    }

    private static ReviewCycle NewCycle(Plan plan, PlanVersion version, MeasurementPlan definition, DateTime startsAt, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        PlanId = plan.Id,
        PlanVersionId = version.Id,
        StartsAt = startsAt,
        EndsAt = startsAt + definition.Length,
        State = CycleState.Open,
        // Recorded with the cycle, so the same population gives the same draw again.
        SampleSeed = RandomNumberGenerator.GetInt32(int.MaxValue),
        CreatedAt = now,
    };

    private static OpenedCycle Opened(ReviewCycle cycle, MeasurementPlan definition)
    {
        var starts = new DateTimeOffset(DateTime.SpecifyKind(cycle.StartsAt, DateTimeKind.Utc));
        var closes = new DateTimeOffset(DateTime.SpecifyKind(cycle.EndsAt, DateTimeKind.Utc));
        var firstReminder = definition.Reminders.Count > 0 && starts + definition.Reminders.Interval < closes ? starts + definition.Reminders.Interval : (DateTimeOffset?)null;
        return new OpenedCycle(cycle.Id, closes, firstReminder, definition.Id, cycle.StepsBookedAt is not null);
    }

    // A reminder is due an interval after the invitation, and after each reminder before it.
    private static DateTime DueAt(Invitation invitation, ReminderPlan reminders) =>
        (invitation.LastRemindedAt ?? invitation.SentAt ?? invitation.CreatedAt) + reminders.Interval;

    private async Task<MeasurementPlan> DefinitionAsync(Guid versionId, CancellationToken cancellationToken) =>
        PlanJson.Deserialize(await db.PlanVersions.Where(v => v.Id == versionId).Select(v => v.Definition).SingleAsync(cancellationToken));

    /// <summary>
    /// The staff the bot can reach in the plan's tenant, with the plan's stratifying attribute and when this plan
    /// last invited them, drawn from as the plan says.
    /// </summary>
    private async Task<SampleDraw> DrawAsync(Plan plan, MeasurementPlan definition, ReviewCycle cycle, CancellationToken cancellationToken)
    {
        var reachable = await ReachableAsync(plan.TenantId, cancellationToken);
        var attribute = definition.Sample.StratifyBy;
        var segments = attribute is null
            ? []
            : await db.PersonSegments.Where(s => s.Name == attribute && reachable.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId, s => s.Value, cancellationToken);
        var lastInvited = await (from i in db.Invitations
                                 join c in db.ReviewCycles on i.CycleId equals c.Id
                                 where c.PlanId == plan.Id && i.PersonId != null
                                 group c by i.PersonId into g
                                 select new { PersonId = g.Key, Last = g.Max(c => c.StartsAt) }).ToDictionaryAsync(x => x.PersonId!.Value, x => x.Last, cancellationToken);
        var population = reachable
            .Select(id => new SampleCandidate(
                id.ToString("D"),
                attribute is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { [attribute] = segments.GetValueOrDefault(id) },
                lastInvited.TryGetValue(id, out var last) ? DateOnly.FromDateTime(last) : null))
            .ToList();
        return Sampler.Draw(population, definition.Sample, definition.MinDaysBetweenInvitations, DateOnly.FromDateTime(cycle.StartsAt), cycle.SampleSeed!.Value);
    }

    /// <summary>
    /// The people of the tenant the bot can write to: a personal conversation known, not found unreachable since, and
    /// not gone from their roster.
    /// </summary>
    private async Task<List<Guid>> ReachableAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await (from p in db.People
               where p.TenantId == tenantId && p.UnreachableSince == null && p.LeftAt == null
                   && db.ConversationReferences.Any(r => r.PersonId == p.Id)
               select p.Id).ToListAsync(cancellationToken);
}

/// <summary>What <c>start pulse</c> did: the cycle, whether it opened it, how many it invited now and how many had been asked before.</summary>
internal sealed record StartedPulse(OpenedCycle Cycle, bool Opened, int Invited, int AskedBefore);
