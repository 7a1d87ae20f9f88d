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
        if (request.Options.TryGetValue(MethodKey, out var method) && request.Options.TryGetValue(WorkspaceKey, out var workspace))
        {
            request.Options.TryGetValue(ChannelKey, out var channel);
            await pacer.WaitAsync(method, workspace, channel, cancellationToken);
        }

        // Past the pace: from here the message may reach Slack, so a crash must not send it again.
        await OutboundTransmission.StartingAsync();
        var response = await base.SendAsync(request, cancellationToken);
        if (IsTransient(response))
        {
            ChannelsMetrics.RecordRefusal("slack", (int)response.StatusCode);
        }

        return response;
    }
}
