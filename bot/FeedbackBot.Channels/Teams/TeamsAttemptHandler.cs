using System.Net;
using FeedbackBot.Channels.Resilience;
using FeedbackBot.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Channels.Teams;

/// <summary>
/// Sees every attempt of a Connector call, retries included: waits for its slot in <see cref="TeamsSendPacer"/> (the
/// tenant and conversation it counts against travel in the request's options), counts it again at its answer, and
/// logs the answer with Teams' correlation id. It runs inside the retry handler, so a retry is paced like a first try.
/// </summary>
public sealed class TeamsAttemptHandler(TeamsSendPacer pacer, ILogger<BotConnectorClient> logger) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> TenantKey = new("FeedbackBot.Teams.Tenant");
    public static readonly HttpRequestOptionsKey<string> ConversationKey = new("FeedbackBot.Teams.Conversation");

    /// <summary>
    /// Answers worth another attempt: throttled (429), a precondition that may hold next time (412), a gateway or
    /// service that is down for now (502, 503, 504). Not 500: the Connector answers it to activities it cannot process
    /// as well, which another attempt would not change; the outbox reschedules such a send later.
    /// </summary>
    public static bool IsTransient(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TenantKey, out var tenant))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.Options.TryGetValue(ConversationKey, out var conversation);
        var slot = await pacer.WaitAsync(tenant, conversation, cancellationToken);
        HttpResponseMessage response;
        try
        {
            // Past the pace: from here the message may reach Teams, so a crash must not send it again.
            await OutboundTransmission.StartingAsync();
            response = await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            pacer.Answered(slot);
        }

        var correlationId = response.Headers.TryGetValues(BotConnectorClient.CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
        if (response.IsSuccessStatusCode)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("{Method} {Path} answered {Status}, {Header} {CorrelationId}",
                    request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, BotConnectorClient.CorrelationHeader, correlationId);
            }

            return response;
        }

        if (IsTransient(response))
        {
            ChannelsMetrics.RecordRefusal("teams", (int)response.StatusCode);
        }

        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Connector call failed: {Method} {Path} answered {Status} ({Header} {CorrelationId})",
                request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, BotConnectorClient.CorrelationHeader, correlationId ?? "none");
        }

        return response;
    }
}
