using FeedbackBot.Data.Entities;
using FeedbackBot.Tests.Adapters.Slack;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Infrastructure.Outbox;

/// <summary>The outbox in the real host, posting to Slack through the fake Web API on loopback.</summary>
[Collection(PacedSends.Collection)]
public sealed class OutboxSlackTests : IAsyncLifetime
{
    private SlackRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SlackRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Dispatcher_FivePostsToOneChannel_PacedWithNoRateViolations()
    {
        var tenantId = await SlackTenantAsync();
        // One post elsewhere first, so the connection is open and the code warm before the pace is judged.
        await OutboxSeed.QueuePostsAsync(_rig.Database, tenantId, TenantChannel.Slack, "C0WARMUP01", "Warm-up");
        await OutboxSeed.WaitUntilSentAsync(_rig.Database);
        // One a second, less 100 ms for the jitter of transport on a shared machine: the pacer sends exactly one a
        // second, and a post delayed by a millisecond would otherwise land inside the next one's second (docs/outbox.md).
        _rig.Slack.EnforceChannelRate(limit: 1, period: TimeSpan.FromMilliseconds(900));
        var texts = Enumerable.Range(1, 5).Select(i => $"Weekly summary {i}: response rate 6{i}%").ToArray();

        await OutboxSeed.QueuePostsAsync(_rig.Database, tenantId, TenantChannel.Slack, "C0GENERAL1", texts);
        var rows = await OutboxSeed.WaitUntilSentAsync(_rig.Database);

        Assert.All(rows, r => Assert.Equal(OutboxState.Sent, r.State));
        Assert.Equal(0, _rig.Slack.RateViolations);
        var posts = _rig.Slack.CallsTo("chat.postMessage").Where(p => p.Field("channel") == "C0GENERAL1").ToList();
        Assert.Equal(5, posts.Count);
        // The rate reached, on the fake Slack's own arrival times: no 900-ms window held two posts, so five span at
        // least four such windows (a lower bound, which jitter cannot break). The upper bound only shows that the
        // pacer does not crawl: it sends one every 1.03 s (4.1 s for five has been seen on a busy machine); 12 s
        // leaves room for a loaded machine, while a sender that waited four seconds per post (16 s) is caught.
        var arrivals = posts.Select(p => p.At).ToList();
        var period = TimeSpan.FromMilliseconds(900);
        Assert.Equal(1, ArrivalPace.MostWithin(arrivals, period));
        Assert.True(ArrivalPace.Span(arrivals) >= (posts.Count - 1) * period, ArrivalPace.Describe(arrivals));
        Assert.True(ArrivalPace.Span(arrivals) <= TimeSpan.FromSeconds(12), ArrivalPace.Describe(arrivals));
        Assert.Equal(texts.Order(), posts.Select(p => texts.Single(t => p.Body.ToJsonString().Contains(t, StringComparison.Ordinal))).Order());
    }

    [Fact]
    public async Task Dispatcher_SlackSaysRateLimited_WaitsRetryAfterAndPostsOnce()
    {
        _rig.Slack.ThrottleNext("chat.postMessage", 1, retryAfterSeconds: 1);
        var tenantId = await SlackTenantAsync();

        await OutboxSeed.QueuePostsAsync(_rig.Database, tenantId, TenantChannel.Slack, "C0GENERAL1", "Weekly summary: nothing moved.");
        var row = Assert.Single(await OutboxSeed.WaitUntilSentAsync(_rig.Database));

        Assert.Equal(OutboxState.Sent, row.State);
        var posts = _rig.Slack.CallsTo("chat.postMessage");
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(1));
    }

    private async Task<Guid> SlackTenantAsync()
    {
        await using var db = _rig.Database.CreateContext();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Channel == TenantChannel.Slack && t.ExternalId == SlackRig.TeamId);
        if (tenant is null)
        {
            tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Slack, ExternalId = SlackRig.TeamId, Name = "Example", CreatedAt = DateTime.UtcNow };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }

        return tenant.Id;
    }
}
