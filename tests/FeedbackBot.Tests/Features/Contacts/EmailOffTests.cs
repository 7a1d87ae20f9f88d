using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Email;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Contacts;

/// <summary>A bot with no mail server set: customers are drawn and wait; the next start with one sends them.</summary>
public sealed class EmailOffTests
{
    [Fact]
    public async Task OpenCycle_NoMailServer_InvitationsWaitAndGoOutOnceTheBotStartsWithOne()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north", "south", "midlands"));
        var host = rig.Settings[EmailOptions.HostKey];
        rig.Settings.Remove(EmailOptions.HostKey);
        await rig.StartAsync();

        await rig.OpenCycleAsync();

        var waiting = await rig.WithDbAsync(db => db.Invitations.Select(i => i.State).ToListAsync());
        Assert.Equal([InvitationState.Pending, InvitationState.Pending, InvitationState.Pending], waiting);
        Assert.Equal(0, await rig.WithDbAsync(db => db.Outbox.CountAsync()));

        await rig.StopAsync();
        rig.Settings[EmailOptions.HostKey] = host;
        await rig.StartAsync();

        Assert.All(await rig.SettledOutboxAsync(3), m => Assert.Equal((OutboxKind.EmailInvitation, OutboxState.Sent), (m.Kind, m.State)));
        Assert.Equal([1, 1, 1], Enumerable.Range(1, 3).Select(n => rig.Smtp.To(CustomerPlans.Address(n)).Count));
    }

    [Fact]
    public async Task Dispatcher_RowsQueuedThenMailServerRemoved_GivenUpThenSentAtTheNextStartWithOne()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north"));
        await rig.BuildAsync();
        await rig.OpenCycleAsync();
        await rig.StopAsync();
        var host = rig.Settings[EmailOptions.HostKey];
        rig.Settings.Remove(EmailOptions.HostKey);
        rig.Settings["Outbox:MaxAttempts"] = "1";
        await rig.StartAsync();

        var failed = Assert.Single(await rig.SettledOutboxAsync(1));
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.StartsWith("E-mail is off here (Email:Smtp:Host is not set)", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(rig.Smtp.Messages);

        await rig.StopAsync();
        rig.Settings[EmailOptions.HostKey] = host;
        await rig.StartAsync();

        var sent = await Eventually.ThatAsync(
            () => rig.WithDbAsync(db => db.Outbox.AsNoTracking().ToListAsync()), rows => rows is [{ State: OutboxState.Sent }], "the e-mail sent");
        Assert.Equal(1, Assert.Single(sent).Attempts);
        Assert.Single(rig.Smtp.To(CustomerPlans.Address(1)));
    }

    [Fact]
    public async Task Start_MailServerWithoutFrom_RefusedNamingTheKey()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north"));
        rig.Settings.Remove(EmailOptions.FromKey);

        var run = await CliRun.RunAsync(rig.Settings, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("feedbackbot: configuration: Email:Smtp:From must be the address invitations are sent from", run.Error, StringComparison.Ordinal);
    }
}
