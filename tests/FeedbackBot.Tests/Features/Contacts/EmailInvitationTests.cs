using System.Net;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.CustomerSurveys;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Contacts;

/// <summary>Customer invitations through the outbox to a real SMTP server on loopback.</summary>
public sealed class EmailInvitationTests
{
    [Fact]
    public async Task Dispatcher_CycleOpened_SendsEachCustomerOneEmailInThePlansWordsWithOneClickUnsubscribe()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north", "south", "north"));
        var app = await rig.StartAsync();

        var cycleId = await rig.OpenCycleAsync();

        Assert.All(await rig.SettledOutboxAsync(3), m => Assert.Equal((OutboxKind.EmailInvitation, OutboxState.Sent), (m.Kind, m.State)));
        Assert.Equal([1, 1, 1], Enumerable.Range(1, 3).Select(n => rig.Smtp.To(CustomerPlans.Address(n)).Count));
        var message = rig.Smtp.To(CustomerPlans.Address(1)).Single();
        Assert.Equal("care@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal("Customer care survey: how did we do?", message.Subject);
        Assert.Contains("You spoke to us by phone recently.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("We read every answer and use them to make our service faster and friendlier.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Matches(@"^<https://feedback\.example\.com/u/[0-9a-f]{32}\.[A-Za-z0-9_-]+>$", message.Headers["List-Unsubscribe"]);
        Assert.EndsWith("@example.com", message.MessageId, StringComparison.Ordinal);

        // The survey link in both parts is the customer's own: signed for their invitation in this cycle.
        var link = Assert.Single(message.TextBody!.Split('\n'), l => l.StartsWith("https://feedback.example.com/s/", StringComparison.Ordinal));
        Assert.Contains(WebUtility.HtmlEncode(link), message.HtmlBody, StringComparison.Ordinal);
        var token = SurveyLinks.Parse(link["https://feedback.example.com/s/".Length..])!;
        Assert.Equal(SurveyTokenCheck.Valid, await app.Services.GetRequiredService<SurveyLinks>().CheckAsync(token, cycleId, CancellationToken.None));
        var invitations = await rig.WithDbAsync(db => db.Invitations.Include(i => i.Contact).ToListAsync());
        Assert.Equal("C-1", invitations.Single(i => i.Id == token.InvitationId).Contact!.ContactKey);
        Assert.All(invitations, i => Assert.Equal(InvitationState.Sent, i.State));
    }

    [Fact]
    public async Task Dispatcher_ServerRefusesForNowThenAccepts_TriesAgainAfterTheBackoffAndDeliversOnce()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north"));
        rig.Smtp.RefuseNext(1);
        await rig.StartAsync();
        await rig.OpenCycleAsync();
        var refused = Assert.Single(await rig.SettledOrWaitingAsync());
        Assert.Equal((OutboxState.Pending, 1), (refused.State, refused.Attempts));
        Assert.Contains("451", refused.LastError, StringComparison.Ordinal);

        rig.Clock.Advance(TimeSpan.FromSeconds(31));
        rig.Notify();

        var row = Assert.Single(await rig.SettledOutboxAsync(1));
        Assert.Equal((OutboxState.Sent, 2), (row.State, row.Attempts));
        Assert.Single(rig.Smtp.Messages);
        Assert.Equal(1, rig.Smtp.Refused);
    }

    [Fact]
    public async Task Dispatcher_RecipientRefusedForGood_MarkedUnreachableAndNeverTriedAgain()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north", "south"));
        rig.Smtp.RefuseRecipient(CustomerPlans.Address(1), 550);
        await rig.StartAsync();

        await rig.OpenCycleAsync();

        var rows = await rig.SettledOutboxAsync(2);
        Assert.Equal([OutboxState.Sent, OutboxState.Unreachable], rows.Select(r => r.State).Order());
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        Assert.DoesNotContain(rows, r => r.LastError?.Contains("customer1", StringComparison.Ordinal) == true);
        Assert.Equal([CustomerPlans.Address(2)], rig.Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address));
        var states = await rig.WithDbAsync(db => db.Invitations.OrderBy(i => i.Contact!.ContactKey).Select(i => i.State).ToListAsync());
        Assert.Equal([InvitationState.Unreachable, InvitationState.Sent], states);
    }

    [Fact]
    public async Task Dispatcher_RecipientRefusedForNow_TriedAgainLater()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north"));
        rig.Smtp.RefuseRecipient(CustomerPlans.Address(1), 450);
        await rig.StartAsync();
        await rig.OpenCycleAsync();
        var waiting = Assert.Single(await rig.SettledOrWaitingAsync());
        Assert.Equal(OutboxState.Pending, waiting.State);
        Assert.Contains("450", waiting.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("customer1", waiting.LastError, StringComparison.Ordinal);

        rig.Smtp.AcceptRecipient(CustomerPlans.Address(1));
        rig.Clock.Advance(TimeSpan.FromSeconds(31));
        rig.Notify();

        Assert.Equal(OutboxState.Sent, Assert.Single(await rig.SettledOutboxAsync(1)).State);
        Assert.Single(rig.Smtp.To(CustomerPlans.Address(1)));
    }

    [Fact]
    public async Task Dispatcher_ContactUnsubscribedOrErasedAfterQueueing_SendsThemNothing()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north", "south", "midlands"));
        await rig.BuildAsync();
        await rig.OpenCycleAsync();
        await rig.WithDbAsync(async db =>
        {
            var first = await db.Contacts.SingleAsync(c => c.ContactKey == "C-1");
            db.EmailSuppressions.Add(new EmailSuppression { TenantId = first.TenantId, EmailHash = first.EmailHash!, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var erase = await CliRun.RunAsync(rig.Settings, "contacts", "erase", "--contact", "C-2", "--plan", CustomerPlans.Key);
        Assert.True(erase.ExitCode == 0, erase.Error);

        await rig.StartAsync();

        var rows = await rig.SettledOutboxAsync(3);
        Assert.Equal([OutboxState.Sent, OutboxState.Failed, OutboxState.Failed], rows.Select(r => r.State).OrderBy(s => s != OutboxState.Sent));
        Assert.All(rows.Where(r => r.State == OutboxState.Failed), r => Assert.StartsWith("Not needed", r.LastError, StringComparison.Ordinal));
        Assert.Equal([CustomerPlans.Address(3)], rig.Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task Pacer_MoreThanPerMinute_SendsTheRestOnlyOnceTheMinuteHasPassed()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north", "south", "midlands"), perMinute: 2);
        await rig.StartAsync();

        await rig.OpenCycleAsync();

        var first = await Eventually.ThatAsync(
            () => rig.WithDbAsync(db => db.Outbox.Select(m => m.State).ToListAsync()),
            states => states.Count(s => s == OutboxState.Sent) == 2,
            "two e-mails sent");
        // The third waits for the pacer: claimed already (sending) or not yet (pending), but not sent.
        Assert.Contains(Assert.Single(first, s => s != OutboxState.Sent), new[] { OutboxState.Pending, OutboxState.Sending, OutboxState.Transmitting });
        Assert.Equal(2, rig.Smtp.Messages.Count);

        // The window slides a sixth of a minute at each tick of the bot's clock.
        for (var tick = 0; tick < 6; tick++)
        {
            rig.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.All(await rig.SettledOutboxAsync(3), m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal(3, rig.Smtp.Messages.Count);
    }
}
