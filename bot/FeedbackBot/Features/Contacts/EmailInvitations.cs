using FeedbackBot.Core.Delivery;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.CustomerSurveys;
using FeedbackBot.Infrastructure.Email;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// Sends an <c>EmailInvitation</c> or <c>EmailReminder</c> outbox row: the customer's survey link and an unsubscribe
/// link, in the plan's words, to the contact's address. Nothing is sent, and the row is completed, when it is not
/// needed any more: the invitation answered or its cycle over, the contact erased or unsubscribed since it was queued.
/// </summary>
internal sealed class EmailInvitations(
    FeedbackDbContext db,
    ContactEmails emails,
    SurveyLinks surveys,
    UnsubscribeLinks unsubscribe,
    EmailPacer pacer,
    SmtpMailer mailer,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailInvitations> log)
{
    /// <summary>How the error of a row tried while e-mail was off starts, so that a later start with e-mail on can try it again.</summary>
    public const string EmailOffError = "E-mail is off";

    public const string DefaultWhy = "Your answers go straight to the team that runs our service, and help us improve it.";

    public async Task<OutboxSendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!options.Value.Enabled)
        {
            throw new EmailSendException($"{EmailOffError} here ({EmailOptions.HostKey} is not set); it is tried again later, and at the next start with e-mail on.");
        }

        if (message.InvitationId is not { } invitationId)
        {
            throw new InvalidOperationException($"Outbox message {message.Id} is a {message.Kind} without an invitation.");
        }

        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Contact).SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        var cycle = invitation is null ? null : await db.ReviewCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == invitation.CycleId, cancellationToken);
        if (invitation is null || cycle is null)
        {
            return NotNeeded(message, "its invitation is gone");
        }

        if (await WhyNotNeededAsync(message.TenantId, invitation.Id, invitation.Contact, cycle, cancellationToken) is { } reason)
        {
            return NotNeeded(message, reason);
        }

        var definition = PlanJson.Deserialize(await db.PlanVersions.AsNoTracking().Where(v => v.Id == cycle.PlanVersionId).Select(v => v.Definition).SingleAsync(cancellationToken));
        var content = new InvitationEmailContent(
            options.Value.From!,
            emails.Unprotect(invitation.Contact!.EmailProtected!),
            definition.Name,
            string.IsNullOrWhiteSpace(definition.Description) ? DefaultWhy : definition.Description.Trim(),
            definition.Questions.Count(q => q.Audience == Core.Plans.Audience.Customer),
            invitation.InteractionChannel,
            await surveys.CreateAsync(cycle.Id, invitation.Id, cycle.EndsAt, cancellationToken),
            await unsubscribe.CreateAsync(invitation.Id, cancellationToken),
            LastDay(cycle.EndsAt, definition.Schedule?.TimeZone),
            message.Kind == OutboxKind.EmailReminder,
            $"{message.Id:N}@{MimeKit.MailboxAddress.Parse(options.Value.From!).Domain}");

        await pacer.WaitTurnAsync(cancellationToken);

        // The wait for a turn can be long: an answer or an unsubscribe may have come in meanwhile.
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == invitation.ContactId, cancellationToken);
        if (await WhyNotNeededAsync(message.TenantId, invitation.Id, contact, cycle, cancellationToken) is { } late)
        {
            return NotNeeded(message, late);
        }

        MimeKit.MimeMessage mail;
        try
        {
            mail = InvitationEmail.Compose(content);
        }
        catch (MimeKit.ParseException)
        {
            // Stored before imports checked addresses as MimeKit does; it can never be sent. Its text may hold the address.
            log.LogWarning("Outbox message {MessageId}: the contact's address cannot be written as an e-mail address; not sent", message.Id);
            await RecordAsync(message, invitation.Id, accepted: false);
            return OutboxSendResult.Unreachable;
        }

        await OutboundTransmission.StartingAsync();
        var accepted = await mailer.SendAsync(mail, cancellationToken);
        await RecordAsync(message, invitation.Id, accepted);
        return accepted ? OutboxSendResult.Sent : OutboxSendResult.Unreachable;
    }

    private static DateOnly LastDay(DateTime endsAt, string? timeZone)
    {
        var last = DateTime.SpecifyKind(endsAt, DateTimeKind.Utc).AddSeconds(-1);
        if (timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            last = TimeZoneInfo.ConvertTimeFromUtc(last, zone);
        }

        return DateOnly.FromDateTime(last);
    }

    private async Task<string?> WhyNotNeededAsync(Guid tenantId, Guid invitationId, Contact? contact, ReviewCycle cycle, CancellationToken cancellationToken)
    {
        var state = await db.Invitations.AsNoTracking().Where(i => i.Id == invitationId).Select(i => (InvitationState?)i.State).SingleOrDefaultAsync(cancellationToken);
        if (state is null or InvitationState.Answered or InvitationState.Unreachable)
        {
            return "the invitation is answered or gone";
        }

        if (cycle.State != CycleState.Open || clock.GetUtcNow().UtcDateTime >= cycle.EndsAt)
        {
            return "its cycle is over";
        }

        if (contact?.EmailProtected is null || contact.EmailHash is null)
        {
            return "the contact was erased or has no address";
        }

        var hash = contact.EmailHash;
        return await db.EmailSuppressions.AnyAsync(s => s.TenantId == tenantId && s.EmailHash == hash, cancellationToken)
            ? "the address unsubscribed"
            : null;
    }

    private OutboxSendResult NotNeeded(OutboxMessage message, string reason)
    {
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Outbox message {MessageId} ({Kind}) not sent: {Reason}", message.Id, message.Kind, reason);
        }

        return OutboxSendResult.NotNeeded;
    }

    /// <summary>
    /// The mail has gone (or been refused for good): recorded even while the host stops, and a failure to record must
    /// not look like a failed send, which would be retried and reach the customer twice. The state moves only while
    /// nobody has answered: the customer may answer from the e-mail before this line runs.
    /// </summary>
    private async Task RecordAsync(OutboxMessage message, Guid invitationId, bool accepted)
    {
        if (accepted && message.Kind != OutboxKind.EmailInvitation)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var state = accepted ? InvitationState.Sent : InvitationState.Unreachable;
        try
        {
            await db.Invitations
                .Where(i => i.Id == invitationId && i.State != InvitationState.Answered)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, state).SetProperty(i => i.SentAt, i => accepted ? i.SentAt ?? now : i.SentAt), CancellationToken.None);
        }
        catch (Exception error) when (error is DbUpdateException or System.Data.Common.DbException)
        {
            log.LogWarning(error, "Sent outbox message {MessageId}, but could not record it on the invitation", message.Id);
        }
    }
}
