using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Actions;
using FeedbackBot.Features.Coaching;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Telemetry;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Infrastructure.Outbox;

/// <summary>
/// Sends one outbox message through the tenant's channel: an invitation or reminder as the plan's survey card to
/// the person's newest personal conversation, a review as its summary card and a weekly summary as text to a
/// channel; a customer's e-mail invitation or reminder by SMTP (<see cref="EmailInvitations"/>). What it finds no
/// longer needed (answered, closed) it skips; someone the channel cannot reach is marked unreachable, with their
/// invitation.
/// </summary>
internal sealed class OutboxTransport(
    FeedbackDbContext db,
    IEnumerable<IProactiveSender> senders,
    ReportLinks links,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<OutboxTransport> log) : IOutboxTransport
{
    public const string ReminderLine = "Reminder: you have not answered this survey yet. It takes a minute.";

    public Task<OutboxSendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // One span per message, begun by the dispatcher with nothing around it: the trace of one send, from the rows
        // it reads to the platform's answer.
        return BotTelemetry.InSpanAsync("outbox.send", async span =>
        {
            span?.SetTag("feedbackbot.outbox.kind", message.Kind.ToString());
            span?.SetTag("feedbackbot.outbox.attempt", message.Attempts);
            var (result, channel) = await SendMessageAsync(message, cancellationToken);
            span?.SetTag("feedbackbot.outbox.result", result.ToString());
            if (result == OutboxSendResult.Sent && message.Kind is OutboxKind.Invitation or OutboxKind.EmailInvitation)
            {
                BotTelemetry.InvitationsSent.Add(1, new KeyValuePair<string, object?>("channel", channel));
            }

            return result;
        });
    }

    private async Task<(OutboxSendResult Result, string Channel)> SendMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == message.TenantId, cancellationToken);
        var channel = message.Kind is OutboxKind.EmailInvitation or OutboxKind.EmailReminder
            ? "email"
            : (message.TargetChannel ?? tenant.Channel).ToString().ToLowerInvariant();
        return (message.Kind switch
        {
            OutboxKind.Invitation or OutboxKind.Reminder => await SendSurveyAsync(tenant, message, cancellationToken),
            OutboxKind.Review => await SendReviewAsync(tenant, message, cancellationToken),
            OutboxKind.WeeklySummary => await PostAsync(tenant, message, new TextReply(WeeklySummaryBody.Text(message.Body)), cancellationToken),
            // Resolved only here: a process that sends no e-mail (a test rig, a chat-only host) need not register it.
            OutboxKind.EmailInvitation or OutboxKind.EmailReminder => await services.GetRequiredService<EmailInvitations>().SendAsync(message, cancellationToken),
            OutboxKind.Coaching => await services.GetRequiredService<CoachingMessages>().SendAsync(tenant, message, cancellationToken),
            OutboxKind.ActionNotice when message.PersonId is { } personId => await SendToPersonAsync(tenant, personId, new TextReply(WeeklySummaryBody.Text(message.Body)), cancellationToken),
            OutboxKind.ActionNotice => await PostAsync(tenant, message, new TextReply(WeeklySummaryBody.Text(message.Body)), cancellationToken),
            OutboxKind.ActionReminder => await SendActionReminderAsync(tenant, message, cancellationToken),
            _ => throw new InvalidOperationException($"Outbox message {message.Id} is of an unknown kind ({message.Kind})."),
        }, channel);
    }

    private async Task<OutboxSendResult> SendSurveyAsync(Tenant tenant, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.PersonId is not { } personId || message.CycleId is not { } cycleId)
        {
            throw new InvalidOperationException($"Outbox message {message.Id} is a {message.Kind} without a person and a cycle.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cycle = await db.ReviewCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.CycleId == cycleId && i.PersonId == personId, cancellationToken);
        if (cycle is null || cycle.State != CycleState.Open || now >= cycle.EndsAt || invitation?.State == InvitationState.Answered)
        {
            return OutboxSendResult.NotNeeded;
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId && p.TenantId == tenant.Id, cancellationToken);
        if (person is null)
        {
            return OutboxSendResult.Unreachable;
        }

        var reference = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.TenantId == tenant.Id && r.PersonId == personId)
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var definition = PlanJson.Deserialize(
            await db.PlanVersions.AsNoTracking().Where(v => v.Id == cycle.PlanVersionId).Select(v => v.Definition).SingleAsync(cancellationToken));

        // The outbox row's id is the card's id: a submission from this card is recognised as this message's answer.
        var prompt = SurveyForms.Prompt(definition, Audience.Staff, cycle.Id.ToString("D"), message.Id.ToString("N"));
        if (message.Kind == OutboxKind.Reminder)
        {
            prompt = prompt with { Intro = prompt.Intro is null ? ReminderLine : $"{ReminderLine} {prompt.Intro}" };
        }

        var delivered = reference is not null && await Sender(tenant.Channel).SendAsync(tenant, reference, prompt, cancellationToken);
        if (delivered)
        {
            person.UnreachableSince = null;
        }
        else
        {
            person.UnreachableSince ??= now;
        }

        // The send has happened: the bookkeeping must be written even if the host is stopping, and a failure to
        // write it must not look like a failed send, which would be retried and reach the person twice.
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);

            // A reminder was counted on the invitation when it was queued (the cycle's remind step), so the next one
            // is timed from then; only the invitation itself marks the invitation sent. Either way the state moves
            // only while nobody has answered: the person may answer this very card (or one from `my pulses`) before
            // this line runs, and an answer overwritten by "sent" would be reminded again.
            if (invitation is not null && (!delivered || message.Kind == OutboxKind.Invitation))
            {
                var state = delivered ? InvitationState.Sent : InvitationState.Unreachable;
                await db.Invitations
                    .Where(i => i.Id == invitation.Id && i.State != InvitationState.Answered)
                    .ExecuteUpdateAsync(
                        u => u.SetProperty(i => i.State, state).SetProperty(i => i.SentAt, i => delivered ? i.SentAt ?? now : i.SentAt),
                        CancellationToken.None);
            }
        }
        catch (Exception error) when (error is DbUpdateException or System.Data.Common.DbException)
        {
            log.LogWarning(error, "Sent outbox message {MessageId}, but could not record it on the invitation", message.Id);
        }

        return delivered ? OutboxSendResult.Sent : OutboxSendResult.Unreachable;
    }

    // A text to one person's newest conversation with the bot; someone it cannot reach is not retried.
    private async Task<OutboxSendResult> SendToPersonAsync(Tenant tenant, Guid personId, BotReply reply, CancellationToken cancellationToken)
    {
        var reference = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.TenantId == tenant.Id && r.PersonId == personId)
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return reference is not null && await Sender(tenant.Channel).SendAsync(tenant, reference, reply, cancellationToken)
            ? OutboxSendResult.Sent
            : OutboxSendResult.Unreachable;
    }

    // Built when sent: an action done or abandoned meanwhile, or given a new due date, needs no reminder any more.
    private async Task<OutboxSendResult> SendActionReminderAsync(Tenant tenant, OutboxMessage message, CancellationToken cancellationToken) =>
        message.PersonId is { } owner && await services.GetRequiredService<ActionMessages>().BuildAsync(tenant, message, cancellationToken) is { } reply
            ? await SendToPersonAsync(tenant, owner, reply, cancellationToken)
            : OutboxSendResult.NotNeeded;

    private async Task<OutboxSendResult> SendReviewAsync(Tenant tenant, OutboxMessage message, CancellationToken cancellationToken)
    {
        var stored = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == message.ReviewId)
            .Select(r => new { r.Id, r.Document })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return OutboxSendResult.NotNeeded;
        }

        var summary = ReviewSummary.From(ReviewJson.Deserialize(stored.Document), await links.CreateAsync(stored.Id, cancellationToken), stored.Id);
        return await PostAsync(tenant, message, summary, cancellationToken);
    }

    private async Task<OutboxSendResult> PostAsync(Tenant tenant, OutboxMessage message, BotReply reply, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.TargetConversation))
        {
            throw new InvalidOperationException($"Outbox message {message.Id} is a {message.Kind} with no channel to post to.");
        }

        var channel = message.TargetChannel ?? tenant.Channel;
        var target = new ConversationReference
        {
            Id = Guid.Empty,
            TenantId = tenant.Id,
            ConversationId = message.TargetConversation,
            ServiceUrl = channel == TenantChannel.Teams ? await TeamsServiceUrlAsync(tenant, message, cancellationToken) : null,
        };
        return await Sender(channel).SendAsync(tenant, target, reply, cancellationToken) ? OutboxSendResult.Sent : OutboxSendResult.Unreachable;
    }

    // A Teams channel is reached through the tenant's Connector; the bot learns its address from any conversation there.
    private async Task<string> TeamsServiceUrlAsync(Tenant tenant, OutboxMessage message, CancellationToken cancellationToken) =>
        await db.ConversationReferences.AsNoTracking()
            .Where(r => r.TenantId == tenant.Id && r.ServiceUrl != null)
            .OrderByDescending(r => r.UpdatedAt)
            .Select(r => r.ServiceUrl)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException(
            $"Cannot post {message.Kind} {message.Id} to Teams yet: nobody in tenant {tenant.ExternalId} has spoken to the bot, so its Connector address is unknown.");

    private IProactiveSender Sender(TenantChannel channel) =>
        senders.FirstOrDefault(s => s.Channel == channel)
        ?? throw new InvalidOperationException($"The bot cannot send through {channel} here.");
}
