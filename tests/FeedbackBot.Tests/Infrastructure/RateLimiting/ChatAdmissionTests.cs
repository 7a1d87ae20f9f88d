using System.Net;
using FeedbackBot.Infrastructure.RateLimiting;
using FeedbackBot.Tests.Adapters.Teams;

namespace FeedbackBot.Tests.Infrastructure.RateLimiting;

/// <summary>
/// Chat requests worked on at once: past the limit a request waits its turn, and one that waits longer than the
/// queue allows is refused with 503 and Retry-After, having changed nothing. The first request is held inside the
/// bot by the fake Connector, which does not answer the bot's reply until the test lets it.
/// </summary>
public sealed class ChatAdmissionTests
{
    [Fact]
    public async Task Teams_SecondRequestWaitsLongerThanTheQueueAllows_503WithRetryAfterAndNothingAnswered()
    {
        await using var rig = await TeamsRig.StartAsync(hostOnly: Limits(concurrency: 1, queueSeconds: 1));
        var (held, release) = HoldFirstReply(rig);
        var first = rig.PostAsync(rig.Message("m1", "help"), rig.Token());
        await held.WaitAsync(TimeSpan.FromSeconds(15));

        using var refused = await rig.PostAsync(rig.Message("m2", "help"), rig.Token());
        release();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Contains("nothing was stored", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.DoesNotContain(rig.Connector.Requests, r => r.RawTarget.EndsWith("/activities/m2", StringComparison.Ordinal));

        // The platform's retry, once the bot has room, is answered.
        using var retried = await rig.PostAsync(rig.Message("m2", "help"), rig.Token());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Contains(rig.Connector.Requests, r => r.RawTarget.EndsWith("/activities/m2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_SecondRequestArrivesWhileTheOnlyPlaceIsTaken_AnsweredWhenTheFirstIsDone()
    {
        await using var rig = await TeamsRig.StartAsync(hostOnly: Limits(concurrency: 1, queueSeconds: 30));
        var (held, release) = HoldFirstReply(rig);
        var first = rig.PostAsync(rig.Message("m1", "help"), rig.Token());
        await held.WaitAsync(TimeSpan.FromSeconds(15));

        var second = rig.PostAsync(rig.Message("m2", "help"), rig.Token());
        release();

        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        Assert.Contains(rig.Connector.Requests, r => r.RawTarget.EndsWith("/activities/m2", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Limits(int concurrency, int queueSeconds) => new()
    {
        [InboundLimitsOptions.ChatConcurrencyKey] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [InboundLimitsOptions.ChatQueueSecondsKey] = queueSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The fake Connector keeps the bot's first reply waiting (so its request keeps its place) until released.</summary>
    private static (Task Held, Action Release) HoldFirstReply(TeamsRig rig)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Connector.WhileAnswering = async _ =>
        {
            if (held.TrySetResult())
            {
                await release.Task;
            }
        };
        return (held.Task, () => release.TrySetResult());
    }
}
