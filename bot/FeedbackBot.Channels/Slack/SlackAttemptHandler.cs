using FeedbackBot.Channels.Resilience;
using FeedbackBot.Core.Delivery;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// Sees every attempt of a Web API call, retries included: waits for its slot in <see cref="SlackApiPacer"/> (the
/// method, workspace and channel travel in the request's options) and counts the platform's refusals.
/// </summary>
public sealed class SlackAttemptHandler(SlackApiPacer pacer) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> MethodKey = new("FeedbackBot.Slack.Method");
    public static readonly HttpRequestOptionsKey<string> WorkspaceKey = new("FeedbackBot.Slack.Workspace");
    public static readonly HttpRequestOptionsKey<string> ChannelKey = new("FeedbackBot.Slack.Channel");

    /// <summary>Answers worth another attempt: throttled (429), a timeout, a 5xx. Slack's own errors come as 200 with ok: false.</summary>
    public static bool IsTransient(HttpResponseMessage response) => PlatformHttpClients.IsTransient(response);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Marked before the pace, not after: Slack's pacer counts from the moment it lets a call go, so a database
        // write between it and the wire would bunch the calls it had spaced (one a second per channel). A crash while
        // waiting for the pace therefore leaves a Slack message Uncertain, never sent twice.
        await OutboundTransmission.StartingAsync();
        var slot = default(SlackCallSlot);
        if (request.Options.TryGetValue(MethodKey, out var method) && request.Options.TryGetValue(WorkspaceKey, out var workspace))
        {
            request.Options.TryGetValue(ChannelKey, out var channel);
            slot = await pacer.WaitAsync(method, workspace, channel, cancellationToken);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            pacer.Answered(slot);
        }

        if (IsTransient(response))
        {
            ChannelsMetrics.RecordRefusal("slack", (int)response.StatusCode);
        }

        return response;
    }
}
