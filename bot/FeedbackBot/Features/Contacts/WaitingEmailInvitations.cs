using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Email;
using FeedbackBot.Infrastructure.Outbox;
using FeedbackBot.Jobs.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// At start with e-mail on, sends what waited while it was off: customer invitations of open cycles drawn with no
/// mail server set (pending, with no outbox row) get their <c>email-invite</c> row, and rows that were tried while
/// e-mail was off are tried again from the start. Both are safe to repeat, on any number of instances: a row's key is
/// unique, so a second instance's insert fails and changes nothing, and a row revived twice is still one row.
/// </summary>
internal sealed class WaitingEmailInvitations(
    IServiceScopeFactory scopes, IOptions<EmailOptions> email, IOutboxSignal outbox, TimeProvider clock, ILogger<WaitingEmailInvitations> log) : IHostedService
{
    private Task _work = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!email.Value.Enabled)
        {
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("E-mail is off ({HostKey} is not set): customer invitations are drawn and recorded but not e-mailed", EmailOptions.HostKey);
            }

            return Task.CompletedTask;
        }

        // Off the start-up path: the web host should not wait on this to serve.
        _work = Task.Run(() => QueueAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _work.WaitAsync(cancellationToken);

    /// <summary>Queues and revives what waited; returns how many invitations it queued and rows it revived.</summary>
    public async Task<int> QueueAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var waiting = await (from i in db.Invitations
                                 join c in db.ReviewCycles on i.CycleId equals c.Id
                                 join p in db.Plans on c.PlanId equals p.Id
                                 where i.ContactId != null && i.State == InvitationState.Pending
                                     && (i.Via == CustomerSample.ViaEmail || i.Via == CustomerSample.ViaHelpdesk)
                                     && c.State == CycleState.Open && c.EndsAt > now
                                     && !db.Outbox.Any(m => m.InvitationId == i.Id)
                                 select new { i.Id, i.CycleId, p.TenantId }).ToListAsync(cancellationToken);
            foreach (var invitation in waiting)
            {
                db.Outbox.Add(OutboxRows.ToContact(invitation.TenantId, OutboxKind.EmailInvitation, $"email-invite:{invitation.Id:N}", invitation.Id, invitation.CycleId, now, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            var revived = await db.Outbox
                .Where(m => (m.Kind == OutboxKind.EmailInvitation || m.Kind == OutboxKind.EmailReminder)
                    && m.State == OutboxState.Failed && m.LastError != null && m.LastError.StartsWith(EmailInvitations.EmailOffError))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), cancellationToken);
            if (waiting.Count + revived > 0)
            {
                if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("E-mail is on: queued {Invitations} customer invitations that waited while it was off, and {Revived} e-mails tried while it was off", waiting.Count, revived);
                }

                outbox.Notify();
            }

            return waiting.Count + revived;
        }
        catch (DbUpdateException)
        {
            // Another instance queued the same invitations at the same moment; theirs are the rows.
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not queue the customer invitations that waited while e-mail was off; they are queued at the next start");
            return 0;
        }
    }
}
