using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Outbox;
using FeedbackBot.Testing.Teams;
using FeedbackBot.Tests.Adapters.Teams;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Infrastructure.Outbox;

/// <summary>The outbox in the real host, sending to Teams through the fake Connector on loopback.</summary>
[Collection(PacedSends.Collection)]
public sealed class OutboxTeamsTests : IAsyncLifetime
{
    private const string Tenant = "teams:" + TeamsRig.TenantId;

    private TeamsRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await TeamsRig.StartAsync();
        await OutboxSeed.ApplyStaffPulseAsync(_rig.Settings, Tenant);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Dispatcher_200InvitationsInOneTenantAgainstEnforcedLimits_PacedAndEachDeliveredExactlyOnce()
    {
        var cycle = await OutboxSeed.OpenCycleAsync(_rig.Database, TeamsRig.TenantId);
        // One send first, so the bot's token is fetched and its code warm before the pace is judged.
        await OutboxSeed.InviteAsync(_rig.Database, cycle, 1, _rig.Connector.ServiceUrl);
        await OutboxSeed.WaitUntilSentAsync(_rig.Database);
        // Time is taken where requests arrive, so the fake allows for transport jitter (docs/outbox.md).
        _rig.Connector.EnforceTeamsLimits(transitAllowance: TimeSpan.FromMilliseconds(100));
        var queued = await OutboxSeed.InviteAsync(_rig.Database, cycle, 200, _rig.Connector.ServiceUrl);

        var rows = await OutboxSeed.WaitUntilSentAsync(_rig.Database, seconds: 90);

        Assert.All(rows, r => Assert.Equal(OutboxState.Sent, r.State));
        // Arrival times on a shared test machine vary, so a few requests may still land inside a window (each is
        // retried after Retry-After); the zero-refusal figure is measured by the fan-out benchmark, not asserted
        // here. A sender that did not pace itself would break the limit on about three requests in four (150 of 200);
        // a loaded two-core machine has been seen to push a pacing one past 20.
        Assert.True(_rig.Connector.RateViolations < 40, $"{_rig.Connector.RateViolations} of 200 requests refused for rate");
        var deliveries = _rig.Connector.Deliveries.Skip(1).ToList();
        Assert.Equal(200, deliveries.Count);
        // The rate reached, on the Connector's own arrival times. No window the fake enforces (a second less the
        // transit allowance) held more than the tenant's 50, so 200 arrivals span at least three such windows: a
        // lower bound, which jitter cannot break. The upper bound only shows that the sends do not crawl: the pacer
        // allows about 48 a second (about 4 s for 200), but refused sends wait their second and go again, and on a
        // busy two-core machine the bot's own work per send (claim, render, record) has held it to about 25 a second
        // (8 s). A fifth of the limit (20 s) leaves room for that, while a sender held to a tenth of the limit (40 s),
        // say by waiting a second for every batch of five, is still caught.
        var arrivals = deliveries.Select(d => d.At).ToList();
        var window = TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(100);
        Assert.True(ArrivalPace.MostWithin(arrivals, window) <= FakeConnector.TenantLimitPerSecond, ArrivalPace.Describe(arrivals));
        Assert.True(ArrivalPace.Span(arrivals) >= (200 - FakeConnector.TenantLimitPerSecond) / FakeConnector.TenantLimitPerSecond * window, ArrivalPace.Describe(arrivals));
        Assert.True(ArrivalPace.Span(arrivals) <= TimeSpan.FromSeconds(5.0 * 200 / FakeConnector.TenantLimitPerSecond), ArrivalPace.Describe(arrivals));
        Assert.Equal(Enumerable.Range(2, 200).Select(i => $"a:person-{i}").Order(), deliveries.Select(d => d.ConversationId).Order());
        Assert.All(deliveries, d => Assert.Equal(TeamsRig.TenantId, d.TenantId));
        // Each card carries its outbox row's id, so a submission is recognised as the answer to that message.
        var cardIds = queued.Select(m => m.Id.ToString("N")).ToList();
        Assert.Equal(cardIds.Order(), deliveries.Select(d => Assert.Single(cardIds, id => d.Activity.ToJsonString().Contains(id, StringComparison.Ordinal))).Order());
        await using var db = _rig.Database.CreateContext();
        Assert.All(await db.Invitations.Where(i => i.CycleId == cycle.Id).ToListAsync(), i => Assert.Equal(InvitationState.Sent, i.State));
    }

    [Fact]
    public async Task Dispatcher_ConnectorThrottlesWithRetryAfter_WaitsAndDeliversOnce()
    {
        _rig.Connector.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled"}}""", ("Retry-After", "1")));
        var cycle = await OutboxSeed.OpenCycleAsync(_rig.Database, TeamsRig.TenantId);
        await OutboxSeed.InviteAsync(_rig.Database, cycle, 1, _rig.Connector.ServiceUrl);

        var rows = await OutboxSeed.WaitUntilSentAsync(_rig.Database);

        Assert.Equal(OutboxState.Sent, Assert.Single(rows).State);
        Assert.Single(_rig.Connector.Deliveries);
        var attempts = _rig.Connector.Requests.Where(r => r.RawTarget == "/emea/v3/conversations/a%3Aperson-1/activities").ToList();
        Assert.Equal(2, attempts.Count);
    }

    [Fact]
    public async Task Dispatcher_PersonBlockedTheBot_PersonAndInvitationMarkedUnreachable()
    {
        _rig.Connector.Enqueue(new ScriptedResponse(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}"""));
        var cycle = await OutboxSeed.OpenCycleAsync(_rig.Database, TeamsRig.TenantId);
        var queued = await OutboxSeed.InviteAsync(_rig.Database, cycle, 1, _rig.Connector.ServiceUrl);

        var row = Assert.Single(await OutboxSeed.WaitUntilSentAsync(_rig.Database));

        Assert.Equal(OutboxState.Unreachable, row.State);
        Assert.Empty(_rig.Connector.Deliveries);
        await using var db = _rig.Database.CreateContext();
        Assert.NotNull((await db.People.SingleAsync(p => p.Id == queued[0].PersonId)).UnreachableSince);
        Assert.Equal(InvitationState.Unreachable, (await db.Invitations.SingleAsync(i => i.PersonId == queued[0].PersonId)).State);
    }

    [Fact]
    public async Task Dispatcher_PersonAnswersBeforeTheSendIsRecorded_InvitationStaysAnswered()
    {
        var cycle = await OutboxSeed.OpenCycleAsync(_rig.Database, TeamsRig.TenantId);
        _rig.Connector.WhileAnswering = async _ =>
        {
            await using var db = _rig.Database.CreateContext();
            await db.Invitations.Where(i => i.CycleId == cycle.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, InvitationState.Answered));
        };
        await OutboxSeed.InviteAsync(_rig.Database, cycle, 1, _rig.Connector.ServiceUrl);

        var row = Assert.Single(await OutboxSeed.WaitUntilSentAsync(_rig.Database));

        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Single(_rig.Connector.Deliveries);
        await using var check = _rig.Database.CreateContext();
        Assert.Equal(InvitationState.Answered, (await check.Invitations.SingleAsync(i => i.CycleId == cycle.Id)).State);
    }

    [Fact]
    public async Task Dispatcher_InvitationAlreadyAnswered_NothingSent()
    {
        var cycle = await OutboxSeed.OpenCycleAsync(_rig.Database, TeamsRig.TenantId);
        await using (var db = _rig.Database.CreateContext())
        {
            // Queued but held back, so the answer is in before the reminder is due.
            var queued = await OutboxSeed.InviteAsync(_rig.Database, cycle, 1, _rig.Connector.ServiceUrl, OutboxKind.Reminder);
            await db.Invitations.Where(i => i.CycleId == cycle.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, InvitationState.Answered));
        }

        var row = Assert.Single(await OutboxSeed.WaitUntilSentAsync(_rig.Database));

        Assert.Equal(OutboxState.Failed, row.State);
        Assert.StartsWith("Not needed", row.LastError, StringComparison.Ordinal);
        Assert.Empty(_rig.Connector.Deliveries);
    }

    [Fact]
    public async Task Dispatcher_Reminder_CardSaysItIsAReminder()
    {
        var cycle = await OutboxSeed.OpenCycleAsync(_rig.Database, TeamsRig.TenantId);
        await OutboxSeed.InviteAsync(_rig.Database, cycle, 1, _rig.Connector.ServiceUrl, OutboxKind.Reminder);

        await OutboxSeed.WaitUntilSentAsync(_rig.Database);

        var card = Assert.Single(_rig.Connector.Deliveries).Activity["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains(OutboxTransport.ReminderLine, card, StringComparison.Ordinal);
        // Reminders are counted by the cycle's remind step when queued; sending one changes no count.
        await using var db = _rig.Database.CreateContext();
        var invitation = await db.Invitations.SingleAsync(i => i.CycleId == cycle.Id);
        Assert.Equal(0, invitation.RemindersSent);
    }

    [Fact]
    public async Task Dispatcher_WeeklySummaryToATeamsChannel_PostedThroughTheTenantsConnector()
    {
        var cycle = await OutboxSeed.OpenCycleAsync(_rig.Database, TeamsRig.TenantId);
        await OutboxSeed.InviteAsync(_rig.Database, cycle, 1, _rig.Connector.ServiceUrl);
        await OutboxSeed.WaitUntilSentAsync(_rig.Database);
        Guid tenantId;
        await using (var db = _rig.Database.CreateContext())
        {
            tenantId = await db.Tenants.Where(t => t.ExternalId == TeamsRig.TenantId).Select(t => t.Id).SingleAsync();
        }

        await OutboxSeed.QueuePostsAsync(_rig.Database, tenantId, TenantChannel.Teams, "19:general@thread.tacv2", "**Staff pulse**: CSAT up 4 points since last week.");
        await OutboxSeed.WaitUntilSentAsync(_rig.Database);

        var post = _rig.Connector.Deliveries.Single(d => d.ConversationId == "19:general@thread.tacv2");
        Assert.Contains("CSAT up 4 points since last week", post.Activity.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(TeamsRig.TenantId, post.TenantId);
    }
}
